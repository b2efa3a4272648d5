/**
 * The officer's side of 求人 through the real Worker (R-JOB-2, R-JOB-3): the review queue and the office's list,
 * 受理 (求人番号 and 紹介期限; refused while a red finding remains), 修正依頼 with a comment, the review of a 内容変更
 * (what changed; the published version stays until 受理), the extension decision, who may see and do what
 * (authorisation matrix). The 修正依頼 form's fuzzer is in tests/fuzz/postings.test.ts.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { parseContent } from "../../app/models/posting/content.server";
import { createDraft, saveStep } from "../../app/models/posting/drafts.server";
import { requestExtension } from "../../app/models/posting/extension.server";
import type { EmployerScope } from "../../app/models/posting/queries.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { diffContent, type PostingContent } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { completePosting } from "../unit/posting-fixture";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { latestMail, mailCount } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment, createStaffAccount, seedReference, signIn } from "../helpers/factories";
import { postForm, workerFetch } from "../helpers/worker";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { NOW } from "../helpers/clock";
import { bodyText, fieldError, hrefs, links, parse, statusText, textOf } from "../helpers/html";
import { submitForReview, testMail } from "../helpers/postings";
import { withFlash } from "../helpers/flash";

const db = () => getDb(env);
const jp = schema.jobPostings;
const clock = fixedClock(NOW); // 2026-11-26 10:00 JST
const MAIN_EMAIL = "saiyo@nikko-yuba.example.jp";

/** 栃木県's minimum wages as imported: FY2024 undated, FY2025 from 2025-10-01 (1,068円). */
async function seedMinimumWages() {
  await seedReference();
  await db()
    .insert(schema.minimumWages)
    .values([
      { prefectureCode: "09", amountYen: 1004, effectiveFrom: "0000-01-01", createdAt: 0 },
      { prefectureCode: "09", amountYen: 1068, effectiveFrom: "2025-10-01", createdAt: 0 },
    ])
    .onConflictDoNothing();
}

/** An open establishment under ハローワーク日光 (or another office) with its main account. */
async function employer(options: { officeCode?: string; name?: string; email?: string } = {}) {
  const establishment = await createEstablishment({ name: options.name ?? "株式会社日光ゆば工房", officeCode: options.officeCode ?? "0910" });
  const main = await createEmployerAccount(establishment.id, { email: options.email ?? MAIN_EMAIL });
  const scope: EmployerScope = { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode };
  return { establishment, main, scope };
}

/** A complete, lawful posting submitted for review (申込み). */
async function submitted(owner: Awaited<ReturnType<typeof employer>>, patch: Partial<PostingContent> = {}) {
  const content = { ...completePosting(), ...patch };
  const posting = await createDraft(db(), clock, owner.establishment, content, { accountId: owner.main.id });
  expect(await submitForReview(db(), clock, { establishmentId: owner.establishment.id }, posting.id)).toBe(true);
  return posting;
}

/** An accepted posting (受理 through the model by an officer of the office). */
async function accepted(owner: Awaited<ReturnType<typeof employer>>, patch: Partial<PostingContent> = {}) {
  const posting = await submitted(owner, patch);
  const officer = await createStaffAccount(owner.establishment.officeCode);
  const acceptance = await acceptPosting(db(), clock, { staffId: officer.id, officeCode: owner.establishment.officeCode }, posting.id, testMail());
  expect(acceptance).toMatchObject({ ok: true });
  return (await row(posting.id))!;
}

async function row(id: string) {
  return db().select().from(jp).where(eq(jp.id, id)).get();
}

async function noticesOf(establishmentId: string) {
  return db().select().from(schema.notices).where(eq(schema.notices.establishmentId, establishmentId)).orderBy(schema.notices.createdAt).all();
}

/** The page's HTML without React's text separators (`<!-- -->`), so that rendered text reads as one string. */
async function page(path: string, cookie: string) {
  const res = await workerFetch(path, { cookie });
  expect(res.status, path).toBe(200);
  return (await res.text()).replaceAll("<!-- -->", "");
}

/** A section of /staff/postings by its heading's id: the queue (queue-title) or この安定所の求人 (office-title). */
function section(html: string, headingId: "queue-title" | "office-title"): Element {
  const el = parse(html).querySelector(`section[aria-labelledby="${headingId}"]`);
  if (!el) throw new Error(`no section ${headingId}`);
  return el;
}

/** The queue section of /staff/postings, as read. */
function queueSection(html: string): string {
  return textOf(section(html, "queue-title"));
}

beforeEach(async () => {
  await atWorkerNow(NOW);
  await seedMinimumWages();
});

describe("R-JOB-2: 受理", () => {
  it("R-JOB-2: the queue lists a 申込み; 受理 issues the office's 求人番号 and 紹介期限 (翌々月末), notifies the employer, and empties the queue", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    const { cookie } = await signedInOfficer("0910", clock);

    const queue = section(await page("/staff/postings", cookie), "queue-title");
    const queueText = textOf(queue);
    expect(queueText).toContain("確認待ち（1件）");
    expect(queueText).toContain("新規の申込み");
    expect(queueText).toContain("株式会社日光ゆば工房");
    expect(queueText).toContain("製造スタッフ（食品の製造・包装）");
    expect(hrefs(queue)).toContain(`/staff/postings/${posting.id}`);

    const review = await page(`/staff/postings/${posting.id}`, cookie);
    expect(review).toContain(`href="/staff/establishments/${owner.establishment.id}"`);
    expect(review).toContain(`href="/staff/postings/${posting.id}/print"`);
    expect(review).toContain('name="intent" value="accept"');

    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "accept" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/postings/${posting.id}`);
    const after = (await row(posting.id))!;
    expect(after).toMatchObject({
      status: "accepted",
      jobNumber: "09100-00000001",
      acceptedOn: "2026-11-26",
      validUntil: "2027-01-31",
      publishedContent: after.content,
    });

    const notices = await noticesOf(owner.establishment.id);
    expect(notices.map((n) => n.title)).toEqual(["求人が受理されました"]);
    expect(notices[0]!.body).toContain("09100-00000001");
    const mails = await db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, MAIN_EMAIL)).all();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("求人が受理されました");
    expect(mails[0]!.textBody).toContain("09100-00000001");

    const done = await page(`/staff/postings/${posting.id}`, withFlash(cookie, res));
    expect(statusText(done)).toMatch(/^受理しました。求人番号 09100-00000001/);
    expect(queueSection(await page("/staff/postings", cookie))).toContain("確認待ち（0件）");
  });

  it("R-JOB-2: a 大卒等 posting accepted through the page is valid to 31 March", async () => {
    const owner = await employer();
    const posting = await submitted(owner, { universityGraduate: true });
    const { cookie } = await signedInOfficer("0910", clock);
    expect((await postForm(`/staff/postings/${posting.id}`, { intent: "accept" }, cookie)).status).toBe(303);
    expect(await row(posting.id)).toMatchObject({ status: "accepted", validUntil: "2027-03-31" });
  });

  it("R-JOB-2: 受理 is refused while a red finding remains (a minimum wage in force today the wage is below)", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    // A revision in force since the 申込み: 200,000円 over 173.6 hours is 1,152円 an hour.
    await db().insert(schema.minimumWages).values({ prefectureCode: "09", amountYen: 1300, effectiveFrom: "2026-11-20", createdAt: 0 });
    const { cookie } = await signedInOfficer("0910", clock);

    const review = await page(`/staff/postings/${posting.id}`, cookie);
    expect(review).toContain("エラー（赤）1件");
    const [finding, ...more] = parse(review).querySelectorAll('[data-findings="error"] > li');
    expect(more).toHaveLength(0);
    expect(textOf(finding?.querySelector("span"))).toBe("【賃金・手当情報】");
    expect(textOf(finding)).toMatch(/^【賃金・手当情報】エラー：基本給（下限額）が就業場所（栃木県）の最低賃金 時間額1,300円/);
    expect(review).not.toContain('name="intent" value="accept"');

    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "accept" }, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("赤色のエラーが残っているため受理できません。");
    expect(await row(posting.id)).toMatchObject({ status: "submitted", jobNumber: null });
    expect(await noticesOf(owner.establishment.id)).toEqual([]);
  });

  it("R-JOB-2: a decision another officer made first is reported, not a 500", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    const a = await signedInOfficer("0910", clock);
    const b = await signedInOfficer("0910", clock);
    expect((await postForm(`/staff/postings/${posting.id}`, { intent: "accept" }, a.cookie)).status).toBe(303);
    for (const fields of [{ intent: "accept" }, { intent: "return", comment: "確認してください。" }] as Record<string, string>[]) {
      const res = await postForm(`/staff/postings/${posting.id}`, fields, b.cookie);
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("ほかの職員がすでに処理しました");
    }
    expect(await row(posting.id)).toMatchObject({ status: "accepted", jobNumber: "09100-00000001", reviewComment: null });
  });
});

describe("R-JOB-2: 修正依頼", () => {
  it("R-JOB-2: 修正依頼 with a comment returns the posting, stores the comment and tells the employer (notice + mail)", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment: "　仕事内容をもう少し具体的に書いてください。 " }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/postings/${posting.id}`);
    expect(await row(posting.id)).toMatchObject({ status: "returned", reviewComment: "仕事内容をもう少し具体的に書いてください。", jobNumber: null });
    const [notice] = await noticesOf(owner.establishment.id);
    expect(notice).toMatchObject({ title: "求人に修正依頼があります" });
    expect(notice!.body).toContain("仕事内容をもう少し具体的に書いてください。");
    expect(await latestMail(MAIN_EMAIL, "postingNotice")).toContain("仕事内容をもう少し具体的に書いてください。");
    expect(queueSection(await page("/staff/postings", cookie))).toContain("確認待ち（0件）");
    expect(await page(`/staff/postings/${posting.id}`, withFlash(cookie, res))).toContain("修正依頼をしました。");
  });

  it("R-JOB-2: an empty comment is refused with the message beside the field; a too long one keeps what was typed", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    const { cookie } = await signedInOfficer("0910", clock);
    for (const comment of ["", "　 "]) {
      const res = await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment }, cookie);
      expect(res.status).toBe(400);
      expect(fieldError(await res.text(), "comment")).toContain("修正依頼の内容（コメント）を入力してください。");
    }
    const long = `${"あ".repeat(1000)}い`;
    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment: long }, cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "comment")).toContain("1000文字以内");
    expect(html).toContain(long);
    expect(await row(posting.id)).toMatchObject({ status: "submitted", reviewComment: null });
    expect(await mailCount(MAIN_EMAIL)).toBe(0);
    // Exactly 1000 characters is accepted.
    expect((await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment: "あ".repeat(1000) }, cookie)).status).toBe(303);
  });
});

describe("R-JOB-2: only the accepting office", () => {
  it("R-JOB-2: an officer of another office gets 404 for the page and the action (nothing changes); anonymous is sent to sign-in", async () => {
    const owner = await employer();
    const posting = await submitted(owner);
    const nikko = await signedInOfficer("0910", clock);
    const utsunomiya = await signedInOfficer("0901", clock);
    const status = async () => (await row(posting.id))!.status;
    // 修正依頼 by another office: a 404, nothing stored, nobody told.
    const foreignReturn = await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment: "ほかの安定所から" }, utsunomiya.cookie);
    expect(foreignReturn.status).toBe(404);
    expect(await row(posting.id)).toMatchObject({ status: "submitted", reviewComment: null });
    expect(await noticesOf(owner.establishment.id)).toEqual([]);
    const failures = await checkAuthorisationMatrix(
      // The owner acts last, so the foreign attempts are checked before the owner's POST takes effect.
      [{ name: "other office", cookie: utsunomiya.cookie }, { name: "anonymous" }, { name: "owner", cookie: nikko.cookie }],
      [
        { name: "review page", path: `/staff/postings/${posting.id}`, owners: ["owner"], secret: owner.establishment.name },
        {
          name: "受理",
          method: "POST",
          path: `/staff/postings/${posting.id}`,
          body: { intent: "accept" },
          owners: ["owner"],
          secret: owner.establishment.name,
          changed: async () => (await status()) === "accepted",
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await status()).toBe("accepted");
    // The other office's lists do not show it; an employer session gets no staff page.
    expect(await page("/staff/postings", utsunomiya.cookie)).not.toContain(owner.establishment.name);
    const employerCookie = await signIn("employer", owner.main.id, clock);
    const res = await workerFetch(`/staff/postings/${posting.id}`, { cookie: employerCookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/staff\/login\?/);
  });

  it("R-JOB-2: a draft (not yet submitted to the office) is not the officer's to see", async () => {
    const owner = await employer();
    const draft = await createDraft(db(), clock, owner.establishment, completePosting());
    const { cookie } = await signedInOfficer("0910", clock);
    expect((await workerFetch(`/staff/postings/${draft.id}`, { cookie })).status).toBe(404);
    expect((await postForm(`/staff/postings/${draft.id}`, { intent: "accept" }, cookie)).status).toBe(404);
  });
});

describe("R-JOB-3: 内容変更の確認", () => {
  async function changeSubmitted() {
    const owner = await employer();
    const posting = await accepted(owner);
    const base = parseContent(posting.content);
    const scope = { ...owner.scope, prefectureCode: "09" };
    expect(await saveStep(db(), clock, scope, posting.id, 3, { jobTitle: "湯葉製造スタッフ（経験者優遇）" })).toMatchObject({ ok: true });
    expect(await saveStep(db(), clock, scope, posting.id, 4, { wage: { ...base.wage, baseMin: 210_000 } })).toMatchObject({ ok: true });
    expect(await submitPosting(db(), clock, owner.scope, posting.id)).toEqual({ ok: true, kind: "change" });
    return { owner, posting };
  }

  it("R-JOB-3: the queue and the page show the change with what changed, before and after", async () => {
    const { posting } = await changeSubmitted();
    const { cookie } = await signedInOfficer("0910", clock);
    const queue = queueSection(await page("/staff/postings", cookie));
    expect(queue).toContain("内容変更");
    expect(queue).toContain(posting.jobNumber!);

    const html = await page(`/staff/postings/${posting.id}`, cookie);
    expect(html).toContain("内容変更の内容（2項目）");
    // A row of the change: 画面, 項目, 変更前（公開中）, 変更後.
    const diffRow = (path: string) => [...(parse(html).querySelector(`tr[data-diff-path="${path}"]`)?.children ?? [])].map(textOf);
    expect(diffRow("jobTitle").slice(1)).toEqual(["職種", "製造スタッフ（食品の製造・包装）", "湯葉製造スタッフ（経験者優遇）"]);
    expect(diffRow("wage.baseMin").slice(1)).toEqual(["基本給（下限額）", "200,000円", "210,000円"]);
    expect(html).toContain("内容変更を受理する");
  });

  it("R-JOB-3: accepting a change keeps the 求人番号 and 紹介期限 and publishes the new content", async () => {
    const { owner, posting } = await changeSubmitted();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "accept" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/postings/${posting.id}`);
    const after = (await row(posting.id))!;
    expect(after).toMatchObject({
      status: "accepted",
      changeStatus: null,
      jobNumber: posting.jobNumber,
      validUntil: posting.validUntil,
      acceptedOn: posting.acceptedOn,
    });
    expect(parseContent(after.publishedContent).jobTitle).toBe("湯葉製造スタッフ（経験者優遇）");
    expect(parseContent(after.publishedContent).wage.baseMin).toBe(210_000);
    expect((await noticesOf(owner.establishment.id)).map((n) => n.title)).toContain("求人の内容変更が受理されました");
    expect(await page(`/staff/postings/${posting.id}`, withFlash(cookie, res))).toContain("内容変更を受理しました。");
  });

  it("R-JOB-3: returning a change keeps the published version", async () => {
    const { owner, posting } = await changeSubmitted();
    const { cookie } = await signedInOfficer("0910", clock);
    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "return", comment: "基本給の変更理由を補足してください。" }, cookie);
    expect(res.status).toBe(303);
    const after = (await row(posting.id))!;
    expect(after).toMatchObject({
      status: "accepted",
      changeStatus: "returned",
      reviewComment: "基本給の変更理由を補足してください。",
      jobNumber: posting.jobNumber,
    });
    expect(after.publishedContent).toBe(posting.publishedContent);
    expect(parseContent(after.publishedContent).jobTitle).toBe("製造スタッフ（食品の製造・包装）");
    expect(parseContent(after.content).jobTitle).toBe("湯葉製造スタッフ（経験者優遇）");
    expect((await noticesOf(owner.establishment.id)).map((n) => n.title)).toContain("求人の内容変更に修正依頼があります");
  });

  it("R-JOB-3: diffContent lists changed leaves with Japanese labels (rows added, booleans and durations as text; unknown paths fall back to the path)", () => {
    const before = completePosting();
    const after: PostingContent = {
      ...before,
      wage: { ...before.wage, allowances: [...before.wage.allowances, { name: "資格手当", amountYen: 5000, kind: "other" }] },
      hours: { ...before.hours, dailyMinutes: 465 },
      workplace: { ...before.workplace, transferPossible: true },
    };
    (after as unknown as Record<string, unknown>).futureField = "x";
    const rows = diffContent(before, after);
    expect(rows.map((r) => [r.path, r.screen, r.label, r.before, r.after])).toEqual([
      ["workplace.transferPossible", "仕事内容情報", "転勤の可能性", "なし", "あり"],
      ["wage.allowances.1.name", "賃金・手当情報", "手当2の名称", "（なし）", "資格手当"],
      ["wage.allowances.1.amountYen", "賃金・手当情報", "手当2の金額（月額）", "（なし）", "5,000円"],
      ["wage.allowances.1.kind", "賃金・手当情報", "手当2の種類", "（なし）", "その他の手当（職務手当など）"],
      ["hours.dailyMinutes", "労働時間情報", "1日の所定労働時間", "8時間", "7時間45分"],
      ["futureField", "選考方法情報", "futureField", "（なし）", "x"],
    ]);
    expect(diffContent(before, completePosting())).toEqual([]);
  });
});

describe("R-JOB-2: 有効期間の延長", () => {
  it("R-JOB-2: approving an extension moves the 紹介期限 to the end of the next month, once; a second decision is impossible", async () => {
    const owner = await employer();
    const posting = await accepted(owner);
    expect(posting.validUntil).toBe("2027-01-31");
    expect(await requestExtension(db(), clock, owner.scope, posting.id)).toEqual({ ok: true });
    const { cookie } = await signedInOfficer("0910", clock);
    expect(queueSection(await page("/staff/postings", cookie))).toContain("有効期間の延長");
    expect(await page(`/staff/postings/${posting.id}`, cookie)).toContain('value="extension-approve"');

    const res = await postForm(`/staff/postings/${posting.id}`, { intent: "extension-approve" }, cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/postings/${posting.id}`);
    expect(await row(posting.id)).toMatchObject({ validUntil: "2027-02-28", extended: true, extensionStatus: "approved" });
    expect((await noticesOf(owner.establishment.id)).map((n) => n.title)).toContain("求人の有効期間を延長しました");
    const after = await page(`/staff/postings/${posting.id}`, withFlash(cookie, res));
    expect(after).toContain("有効期間の延長を承認しました。紹介期限は2027年2月28日です。");
    expect(after).not.toContain('value="extension-approve"');

    const again = await postForm(`/staff/postings/${posting.id}`, { intent: "extension-approve" }, cookie);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ほかの職員がすでに処理しました");
    expect(await row(posting.id)).toMatchObject({ validUntil: "2027-02-28", extended: true });
    // The employer cannot ask for a second one either.
    expect(await requestExtension(db(), clock, owner.scope, posting.id)).toMatchObject({ ok: false });
  });

  it("R-JOB-2: refusing an extension keeps the 紹介期限", async () => {
    const owner = await employer();
    const posting = await accepted(owner);
    expect(await requestExtension(db(), clock, owner.scope, posting.id)).toEqual({ ok: true });
    const { cookie } = await signedInOfficer("0910", clock);
    expect((await postForm(`/staff/postings/${posting.id}`, { intent: "extension-refuse" }, cookie)).status).toBe(303);
    expect(await row(posting.id)).toMatchObject({ validUntil: "2027-01-31", extended: false, extensionStatus: "refused" });
  });
});

describe("R-JOB-2: この安定所の求人", () => {
  it("R-JOB-2: the office's postings filter by status and are found by 求人番号 typed in full width; another office's are never listed", async () => {
    const owner = await employer();
    const live = await accepted(owner);
    const waiting = await submitted(owner, { jobTitle: "販売スタッフ" });
    const other = await employer({ officeCode: "0901", name: "宇都宮ぎょうざ食品株式会社", email: "recruit@utsunomiya-gyoza.example.jp" });
    await accepted(other, { jobTitle: "餃子製造スタッフ" });
    const { cookie } = await signedInOfficer("0910", clock);

    const all = await page("/staff/postings", cookie);
    const office = hrefs(section(all, "office-title"));
    expect(office).toContain(`/staff/postings/${live.id}`);
    expect(office).toContain(`/staff/postings/${waiting.id}`);
    expect(all).not.toContain("餃子製造スタッフ");
    expect(all).not.toContain("宇都宮ぎょうざ食品株式会社");

    const acceptedOnly = await page("/staff/postings?status=accepted", cookie);
    const acceptedList = hrefs(section(acceptedOnly, "office-title"));
    expect(acceptedList).toContain(`/staff/postings/${live.id}`);
    expect(acceptedList).not.toContain(`/staff/postings/${waiting.id}`);

    const fullWidth = live.jobNumber!.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace("-", "－");
    const found = await page(`/staff/postings?q=${encodeURIComponent(fullWidth)}`, cookie);
    const foundList = hrefs(section(found, "office-title"));
    expect(foundList).toContain(`/staff/postings/${live.id}`);
    expect(foundList).not.toContain(`/staff/postings/${waiting.id}`);
    // The other office's 求人番号 finds nothing here.
    const foreign = (await db()
      .select({ n: jp.jobNumber })
      .from(jp)
      .where(and(eq(jp.officeCode, "0901"), eq(jp.status, "accepted")))
      .get())!.n!;
    expect(await page(`/staff/postings?q=${foreign}`, cookie)).toContain("該当する求人はありません。");
    const bad = await page("/staff/postings?q=12345", cookie);
    expect(bad).toContain("求人番号は「09100-00000012」のように");
  });

  it("R-JOB-2: the list shows 50 a page", async () => {
    const owner = await employer();
    const now = clock.now().getTime();
    const rows = Array.from({ length: 51 }, (_, i) => ({
      id: `posting-${String(i).padStart(3, "0")}`,
      establishmentId: owner.establishment.id,
      officeCode: "0910",
      status: "returned" as const,
      content: JSON.stringify({ ...completePosting(), jobTitle: `職種${i}` }),
      createdAt: now,
      updatedAt: now + i,
    }));
    const [head, ...tail] = rows.map((r) => db().insert(jp).values(r));
    await db().batch([head!, ...tail]);
    const { cookie } = await signedInOfficer("0910", clock);
    const first = await page("/staff/postings?status=returned", cookie);
    expect(first).toContain("51件（1／2ページ）");
    expect(first).toContain("職種50");
    expect(bodyText(first)).not.toContain("職種0"); // 職種10…職種50 do not contain it
    expect(first).toContain('href="/staff/postings?status=returned&amp;page=2"');
    const second = await page("/staff/postings?status=returned&page=2", cookie);
    expect(links(second).map(([text]) => text)).toContain("職種0");
    expect(second).not.toContain("職種50");
  });

  it("R-JOB-2: the staff menu links to 求人の確認", async () => {
    const { cookie } = await signedInOfficer("0910", clock);
    expect(await page("/staff", cookie)).toContain('href="/staff/postings"');
  });
});
