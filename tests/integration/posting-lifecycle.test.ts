/**
 * The employer's 求人 pages through the real Worker (R-JOB-1…5): the list, a posting's page (the wizard's summary for a
 * draft) and its actions — 申込み (red findings block, duplicates refused), 内容変更 (the published version stays until
 * it is accepted), 有効期間の延長, 募集停止 (求人無効日 = today in JST), 転用 / 更新求人 (the 7-day window), deleting a
 * draft — the R-GATE-3 refusal of every action, R-GATE-1's "valid posting" fact, who may see what, the お知らせ on the
 * My Page home. The 募集停止 form's fuzzer is in tests/fuzz/postings.test.ts.
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { createExecutionContext, env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock, type Clock } from "../../app/lib/clock";
import { parseContent } from "../../app/models/posting/content.server";
import { copyPosting, createDraft, saveStep } from "../../app/models/posting/drafts.server";
import { decideExtension } from "../../app/models/posting/extension.server";
import { getPostingOfEstablishment, hasValidPosting, validToday } from "../../app/models/posting/queries.server";
import { acceptChange, acceptPosting, returnPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { STOP_REASONS, type PostingContent } from "../../app/rules/posting";
import { requireEmployer } from "../../app/utils/auth.server";
import { getDb, schema } from "../../app/utils/db.server";
import { completePosting } from "../unit/posting-fixture";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { setWorkerNow } from "../helpers/clock";
import { latestMail, mailCount } from "../helpers/employer-signin";
import { signIn } from "../helpers/factories";
import { openMyPage as openSharedMyPage, type MyPage, type OpenMyPageOptions } from "../helpers/mypage";
import { bodyText, columnHeaders, controls, fieldError, formsTo, hrefs, links, pageTitle, parse, selectedValue, statusText, textOf } from "../helpers/html";
import { draftOf, officerOf } from "../helpers/postings";
import { clearOutbox, testMail } from "../helpers/postings";
import { postForm, workerFetch } from "../helpers/worker";
import { withFlash } from "../helpers/flash";

const db = () => getDb(env);
const jp = schema.jobPostings;

/** A Thursday, 10:00 JST. A posting accepted today is valid to 2027-01-31. */
import { NOW } from "../helpers/clock";
const MAIN_EMAIL = "saiyo@nikko-yuba.example.jp";
const RESTRICTED_REASON = "紹介日から3週間を過ぎても選考結果が登録されていない紹介が50件を超えたため、利用が制限されています。";

/** An open My Page under ハローワーク日光 with its main account, signed in at `at` (the Worker's "now" is set to it). */
async function openMyPage(options: Omit<OpenMyPageOptions, "at"> & { at?: string } = {}): Promise<MyPage> {
  const at = options.at ?? NOW;
  await setWorkerNow(at);
  return openSharedMyPage({ ...options, at });
}

/** Moves the Worker's "now" and signs the account in again at that time (a session does not last months). */
async function at(page: MyPage, instant: string): Promise<Clock> {
  await setWorkerNow(instant);
  page.cookie = await signIn("employer", page.main.id, fixedClock(instant));
  return fixedClock(instant);
}

function content(patch: Partial<PostingContent> = {}): PostingContent {
  return { ...completePosting(), ...patch };
}

const draft = (page: MyPage, clock: Clock = fixedClock(NOW), c: PostingContent = content()) => draftOf(page, c, 1, clock);
const officer = () => officerOf("0910");

/** A posting submitted and accepted (受理) by an officer of 日光 at `when`. */
async function acceptedPosting(page: MyPage, when: string = NOW, c: PostingContent = content()) {
  const clock = fixedClock(when);
  const posting = await draft(page, clock, c);
  const submitted = await submitPosting(db(), clock, page.scope, posting.id);
  expect(submitted).toEqual({ ok: true, kind: "new" });
  expect(await acceptPosting(db(), clock, await officer(), posting.id, testMail())).toMatchObject({ ok: true });
  // The 受理 mail is the set-up's: a test counts the mail its own actions cause.
  await clearOutbox(db());
  return (await row(posting.id))!;
}

async function row(id: string) {
  return db().select().from(jp).where(eq(jp.id, id)).get();
}

async function page(path: string, cookie: string) {
  const res = await workerFetch(path, { cookie });
  expect(res.status, `${path} → ${res.headers.get("Location")}`).toBe(200);
  return res.text();
}

/** A value of the posting page's 求人の状態 (the <dd> after the <dt> that reads `term`), or null. */
function statusItem(html: string, term: string): string | null {
  const dt = [...parse(html).querySelectorAll("dl[data-status] > dt")].find((d) => textOf(d) === term);
  return dt?.nextElementSibling ? textOf(dt.nextElementSibling) : null;
}

/** A posting's row in a group of the list, as read: 職種, 状態, 求人番号, 受理日, 紹介期限, 求人無効日. */
function listRow(html: string, group: string, id: string): { row: Element; cells: string[] } {
  const row = parse(html).querySelector(`[data-group="${group}"] tr[data-posting-id="${id}"]`);
  if (!row) throw new Error(`no row for ${id} in the group ${group}`);
  return { row, cells: [...row.children].map(textOf) };
}

/** A notice of the My Page home (its <li data-notice-id>). */
function noticeItem(html: string, id: string): Element {
  const item = parse(html).querySelector(`[data-notice-id="${id}"]`);
  if (!item) throw new Error(`no notice ${id}`);
  return item;
}

async function auditActions(subjectId: string) {
  return (await db().select({ action: schema.auditLog.action }).from(schema.auditLog).where(eq(schema.auditLog.subjectId, subjectId)).all()).map(
    (r) => r.action,
  );
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("申込み (R-JOB-1)", () => {
  it("R-JOB-1: a draft with a red finding is refused (400, the message shown, grouped by screen with a link); a complete one is submitted", async () => {
    const me = await openMyPage();
    const incomplete = await draft(me, fixedClock(NOW), content({ jobTitle: "" }));
    const summary = await page(`/mypage/postings/${incomplete.id}`, me.cookie);
    expect(summary).toContain("申込み前の確認");
    // The finding sits under its screen (3. 仕事内容情報) with a link to that screen; no 申込み button.
    const screen3 = parse(summary).querySelector('[data-screen="3"]');
    expect(textOf(screen3)).toContain("仕事内容情報");
    expect(screen3?.querySelector('[data-severity="error"]')).not.toBeNull();
    expect(hrefs(screen3!)).toContain(`/mypage/postings/${incomplete.id}/step/3`);
    expect(summary).not.toContain('value="submit"');

    const refused = await postForm(`/mypage/postings/${incomplete.id}`, { intent: "submit" }, me.cookie);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("赤色のエラーがあるため、申し込めません。");
    expect(parse(html).querySelector('[role="alert"][data-action-error="submit"]')).not.toBeNull();
    expect((await row(incomplete.id))!.status).toBe("draft");

    const complete = await draft(me, fixedClock(NOW), content({ jobTitle: "湯葉の製造スタッフ" }));
    const ready = await page(`/mypage/postings/${complete.id}`, me.cookie);
    expect(ready).toContain("入力内容に問題はありません。");
    expect(ready).toContain('value="submit"');
    const res = await postForm(`/mypage/postings/${complete.id}`, { intent: "submit" }, me.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${complete.id}`);
    expect(await row(complete.id)).toMatchObject({ status: "submitted", submittedAt: Date.parse(NOW) });
    expect(await auditActions(complete.id)).toContain("posting.submit");
    const after = await page(`/mypage/postings/${complete.id}`, withFlash(me.cookie, res));
    expect(statusText(after)).toMatch(/^求人を申し込みました。/);
    expect(statusItem(after, "状態")).toBe("申込み済み（ハローワーク確認中）");
    // Submitted: nothing to submit or edit any more.
    expect(after).not.toContain('value="submit"');
    expect(after).not.toContain('value="edit"');
    const again = await postForm(`/mypage/postings/${complete.id}`, { intent: "submit" }, me.cookie);
    expect(again.status).toBe(400);
  });

  it("R-JOB-1: a second posting with the same 職種 × 就業場所 × 雇用形態 × 区分 is refused (posting.duplicate); another 職種 is not", async () => {
    const me = await openMyPage();
    const first = await draft(me);
    const second = await draft(me);
    const other = await draft(me, fixedClock(NOW), content({ jobTitle: "販売スタッフ（直売所）" }));
    expect((await postForm(`/mypage/postings/${first.id}`, { intent: "submit" }, me.cookie)).status).toBe(303);
    const res = await postForm(`/mypage/postings/${second.id}`, { intent: "submit" }, me.cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('data-finding="posting.duplicate"');
    expect(html).toContain("同じ職種・就業場所・雇用形態・求人区分の求人");
    expect((await row(second.id))!.status).toBe("draft");
    expect((await postForm(`/mypage/postings/${other.id}`, { intent: "submit" }, me.cookie)).status).toBe(303);
  });

  it("R-JOB-2: a returned posting shows the officer's comment in an alert and can be edited and submitted again", async () => {
    const me = await openMyPage();
    const posting = await draft(me);
    await submitPosting(db(), fixedClock(NOW), me.scope, posting.id);
    expect(await returnPosting(db(), fixedClock(NOW), await officer(), posting.id, "賃金の締切日を確認してください。", testMail())).toMatchObject({ ok: true });
    const html = await page(`/mypage/postings/${posting.id}`, me.cookie);
    expect(textOf(parse(html).querySelector('[role="alert"][data-review-comment]'))).toContain("ハローワークからのコメント：賃金の締切日を確認してください。");
    expect(statusItem(html, "状態")).toBe("修正依頼あり");
    const edit = await postForm(`/mypage/postings/${posting.id}`, { intent: "edit" }, me.cookie);
    expect(edit.status).toBe(303);
    expect(edit.headers.get("Location")).toBe(`/mypage/postings/${posting.id}/step/1`);
    expect((await postForm(`/mypage/postings/${posting.id}`, { intent: "submit" }, me.cookie)).status).toBe(303);
    expect((await row(posting.id))!.status).toBe("submitted");
  });

  it("R-JOB-1: 入力を続ける resumes a draft at the screen it reached; a draft is deleted only with the confirmation", async () => {
    const me = await openMyPage();
    const posting = await draft(me);
    await db().update(jp).set({ draftStep: 4 }).where(eq(jp.id, posting.id));
    const edit = await postForm(`/mypage/postings/${posting.id}`, { intent: "edit" }, me.cookie);
    expect(edit.headers.get("Location")).toBe(`/mypage/postings/${posting.id}/step/4`);

    const unconfirmed = await postForm(`/mypage/postings/${posting.id}`, { intent: "delete" }, me.cookie);
    expect(unconfirmed.status).toBe(400);
    expect(fieldError(await unconfirmed.text(), "confirmDelete")).toContain("この下書きを削除すると、元に戻せません");
    expect(await row(posting.id)).toBeDefined();
    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "delete", confirmDelete: "on" }, me.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/postings");
    expect(await row(posting.id)).toBeUndefined();
    expect(statusText(await page("/mypage/postings", withFlash(me.cookie, res)))).toBe("下書きを削除しました。");

    // A submitted posting is not a draft any more.
    const submitted = await draft(me, fixedClock(NOW), content({ jobTitle: "配送スタッフ" }));
    await submitPosting(db(), fixedClock(NOW), me.scope, submitted.id);
    expect((await postForm(`/mypage/postings/${submitted.id}`, { intent: "delete", confirmDelete: "on" }, me.cookie)).status).toBe(400);
    expect(await row(submitted.id)).toBeDefined();
  });
});

describe("the wizard under a posting's path", () => {
  it("R-JOB-1: a wizard screen (nested under /mypage/postings/:id) renders on its own, not inside the summary; another establishment's is a 404", async () => {
    const me = await openMyPage();
    const d = await draft(me);
    const html = await page(`/mypage/postings/${d.id}/step/1`, me.cookie);
    expect(html).toContain("求人区分等情報");
    expect(html).not.toContain("申込み前の確認：");
    expect(html).not.toContain('id="status-title"');
    const other = await openMyPage({ email: "other@kinugawa.example.jp" });
    expect((await workerFetch(`/mypage/postings/${d.id}/step/1`, { cookie: other.cookie })).status).toBe(404);
  });
});

describe("求人の一覧", () => {
  it("R-JOB-1: the list groups the postings with status, 求人番号, 受理日, 紹介期限 and 求人無効日, each linked", async () => {
    const me = await openMyPage();
    const d = await draft(me, fixedClock(NOW), content({ jobTitle: "下書きの職種" }));
    const a = await acceptedPosting(me, NOW, content({ jobTitle: "有効な職種" }));
    const html = await page("/mypage/postings", me.cookie);
    expect(pageTitle(html)).toBe("求人の一覧 | 求人者マイページ");
    expect(html).toContain('href="/mypage/postings/new"');
    expect(html).toContain("新しい求人を申し込む");
    const working = listRow(html, "working", d.id);
    expect(links(working.row)).toEqual([["下書きの職種", `/mypage/postings/${d.id}`]]);
    expect(working.cells[1]).toMatch(/^下書き/);
    const valid = listRow(html, "valid", a.id);
    expect(links(valid.row)).toEqual([["有効な職種", `/mypage/postings/${a.id}`]]);
    expect(valid.cells[1]).toMatch(/^受理（有効中）/);
    expect(valid.cells.slice(2, 5)).toEqual([a.jobNumber, "2026年11月26日", "2027年1月31日"]);
    expect(columnHeaders(html)).toContain("求人無効日");
    expect(html).not.toContain("更新求人の申込みができます");
  });
});

describe("内容変更 (R-JOB-3)", () => {
  it("R-JOB-3: a change is submitted and reviewed; the published version stays until acceptChange; a returned change keeps it and shows the comment", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    const published = posting.publishedContent!;
    const clock = fixedClock(NOW);

    // 内容変更を始める opens the wizard at its first screen.
    const start = await postForm(`/mypage/postings/${posting.id}`, { intent: "edit" }, me.cookie);
    expect(start.headers.get("Location")).toBe(`/mypage/postings/${posting.id}/step/1`);
    // The wizard saves a screen: a 内容変更 in progress.
    expect(await saveStep(db(), clock, { ...me.scope, prefectureCode: "09" }, posting.id, 7, { specialNotes: "制服貸与" })).toMatchObject({ ok: true });
    expect(await row(posting.id)).toMatchObject({ status: "accepted", changeStatus: "draft", publishedContent: published });
    const editing = await page(`/mypage/postings/${posting.id}`, me.cookie);
    expect(editing).toContain("内容変更の入力中");
    expect(editing).toContain("data-published-stays");
    expect(editing).toContain('value="discardChange"');

    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "submit" }, me.cookie);
    expect(res.status).toBe(303);
    const submitted = (await row(posting.id))!;
    expect(submitted).toMatchObject({ status: "accepted", changeStatus: "submitted", publishedContent: published, jobNumber: posting.jobNumber });
    expect(parseContent(submitted.content).specialNotes).toBe("制服貸与");
    expect(await page(`/mypage/postings/${posting.id}`, withFlash(me.cookie, res))).toContain("内容変更を申し込みました。");

    expect(await acceptChange(db(), clock, await officer(), posting.id, testMail())).toMatchObject({ ok: true });
    const changed = (await row(posting.id))!;
    expect(changed.changeStatus).toBeNull();
    expect(parseContent(changed.publishedContent).specialNotes).toBe("制服貸与");
    expect(changed).toMatchObject({ jobNumber: posting.jobNumber, validUntil: posting.validUntil });

    // A second change, returned with a comment: the published one is still the first change.
    await saveStep(db(), clock, { ...me.scope, prefectureCode: "09" }, posting.id, 7, { specialNotes: "制服貸与・昼食補助あり" });
    expect((await postForm(`/mypage/postings/${posting.id}`, { intent: "submit" }, me.cookie)).status).toBe(303);
    expect(await returnPosting(db(), clock, await officer(), posting.id, "昼食補助の金額を書いてください。", testMail())).toMatchObject({ ok: true });
    const returned = (await row(posting.id))!;
    expect(returned).toMatchObject({ status: "accepted", changeStatus: "returned", publishedContent: changed.publishedContent });
    const html = await page(`/mypage/postings/${posting.id}`, me.cookie);
    expect(textOf(parse(html).querySelector('[role="alert"][data-review-comment]'))).toMatch(
      /公開中の求人票は変更前の内容のままです。.*昼食補助の金額を書いてください。/,
    );
    expect(html).toContain("内容変更に修正依頼あり");
    // Still valid throughout (public search and R-GATE-1 go on).
    expect(await hasValidPosting(db(), me.establishment.id, "2026-11-26")).toBe(true);
  });

  it("R-JOB-3: 内容変更を取り消す puts the working copy back to the published version", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    await saveStep(db(), fixedClock(NOW), { ...me.scope, prefectureCode: "09" }, posting.id, 3, { jobTitle: "変えた職種" });
    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "discardChange" }, me.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${posting.id}`);
    const after = (await row(posting.id))!;
    expect(after.changeStatus).toBeNull();
    expect(after.content).toBe(posting.publishedContent);
    expect(statusText(await page(`/mypage/postings/${posting.id}`, withFlash(me.cookie, res)))).toMatch(/^内容変更を取り消しました。/);
    // Nothing left to discard.
    expect((await postForm(`/mypage/postings/${posting.id}`, { intent: "discardChange" }, me.cookie)).status).toBe(400);
  });
});

describe("有効期間の延長 (R-JOB-2)", () => {
  it("R-JOB-2: the employer requests, the officer approves → 紹介期限 to the end of the next month, once; a second request is refused", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    expect(posting.validUntil).toBe("2027-01-31");
    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "extension" }, me.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${posting.id}`);
    expect(await row(posting.id)).toMatchObject({ extensionStatus: "requested", extended: false });
    expect(await page(`/mypage/postings/${posting.id}`, withFlash(me.cookie, res))).toContain("有効期間延長の申請中");

    const pending = await postForm(`/mypage/postings/${posting.id}`, { intent: "extension" }, me.cookie);
    expect(pending.status).toBe(400);
    expect(await pending.text()).toContain("有効期間の延長はすでに申請中です。");

    expect(await decideExtension(db(), fixedClock(NOW), await officer(), posting.id, true, testMail())).toEqual({
      ok: true,
      validUntil: "2027-02-28",
      refusedBecause: null,
    });
    expect(await row(posting.id)).toMatchObject({ extensionStatus: "approved", extended: true, validUntil: "2027-02-28" });
    const html = await page(`/mypage/postings/${posting.id}`, me.cookie);
    expect(html).toContain("2027年2月28日");
    expect(html).toContain("有効期間を延長済み");
    expect(html).not.toContain('value="extension"');

    const again = await postForm(`/mypage/postings/${posting.id}`, { intent: "extension" }, me.cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("有効期間の延長は1回限りです。");
    expect((await row(posting.id))!.validUntil).toBe("2027-02-28");
  });
});

describe("募集停止 (R-JOB-4)", () => {
  it("R-JOB-4: stopping just after midnight JST makes the posting invalid today (JST), not public, with an お知らせ and a mail; twice is refused", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    // 00:00:30 JST on 2026-11-27 is still 2026-11-26 in UTC.
    const midnight = "2026-11-27T00:00:30+09:00";
    await at(me, midnight);

    const unconfirmed = await postForm(`/mypage/postings/${posting.id}`, { intent: "stop", reason: STOP_REASONS[0] }, me.cookie);
    expect(unconfirmed.status).toBe(400);
    const form = await unconfirmed.text();
    expect(fieldError(form, "confirm")).toContain("募集を停止すると、この求人はすぐに無効になり、元に戻せません");
    expect(selectedValue(form, "reason")).toBe(STOP_REASONS[0]);
    expect((await row(posting.id))!.status).toBe("accepted");

    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "stop", reason: STOP_REASONS[0], confirm: "on" }, me.cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/mypage/postings/${posting.id}`);
    expect(await row(posting.id)).toMatchObject({ status: "stopped", invalidatedOn: "2026-11-27", stopReason: STOP_REASONS[0] });
    // Not valid, so not public and not counted for R-GATE-1, from that day.
    expect(await hasValidPosting(db(), me.establishment.id, "2026-11-27")).toBe(false);
    expect(
      await db()
        .select({ id: jp.id })
        .from(jp)
        .where(and(eq(jp.id, posting.id), validToday("2026-11-27")))
        .all(),
    ).toEqual([]);

    const html = await page(`/mypage/postings/${posting.id}`, withFlash(me.cookie, res));
    expect(statusText(html)).toBe("募集を停止しました。求人無効日は2026年11月27日です。");
    expect(textOf(parse(html).querySelector("[data-invalidated-on]"))).toBe("2026年11月27日");
    expect(html).not.toContain('value="stop"');

    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, me.establishment.id)).all();
    expect(notices.map((n) => n.title)).toContain("求人の募集を停止しました");
    expect(await latestMail(MAIN_EMAIL, "postingNotice")).toContain("求人無効日は2026年11月27日です。");

    const twice = await postForm(`/mypage/postings/${posting.id}`, { intent: "stop", reason: STOP_REASONS[1], confirm: "on" }, me.cookie);
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("有効中の求人だけ募集を停止できます。");
    expect(await row(posting.id)).toMatchObject({ status: "stopped", stopReason: STOP_REASONS[0] });
    expect((await auditActions(posting.id)).filter((a) => a === "posting.stop")).toHaveLength(1);
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(1);
  });

  it("R-JOB-4: the reason must be one of the listed ones", async () => {
    const me = await openMyPage();
    const posting = await acceptedPosting(me);
    const res = await postForm(`/mypage/postings/${posting.id}`, { intent: "stop", reason: "気が変わった", confirm: "on" }, me.cookie);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "reason")).toBe("エラー：募集を停止する理由を選んでください。");
    expect((await row(posting.id))!.status).toBe("accepted");
  });
});

describe("転用・更新求人 (R-JOB-5)", () => {
  it("R-JOB-5: 転用 copies the published content into a new draft", async () => {
    const me = await openMyPage();
    const source = await acceptedPosting(me);
    const copy = await copyPosting(db(), fixedClock(NOW), me.scope, source.id);
    expect(copy.ok).toBe(true);
    if (!copy.ok) return;
    expect(copy.posting).toMatchObject({ status: "draft", sourcePostingId: source.id, renewalOf: null, jobNumber: null });
    expect(parseContent(copy.posting.content)).toEqual(parseContent(source.publishedContent));
    const html = await page(`/mypage/postings/${source.id}`, me.cookie);
    // 転用 posts to the 新しい求人 page's action with this posting as the source.
    const copyForms = formsTo(html, "/mypage/postings/new").filter((f) => f.querySelector('button[name="intent"][value="copy"]'));
    expect(copyForms).toHaveLength(1);
    expect(controls(copyForms[0]!, "sourceId").map((c) => [c.getAttribute("type"), c.getAttribute("value")])).toEqual([["hidden", source.id]]);
    expect(html).not.toContain('value="renewal"');
    expect(html).toContain(`href="/mypage/postings/${source.id}/print"`);
    // The fields the form sends are the ones the 新しい求人 page's action takes.
    const res = await postForm("/mypage/postings/new", { intent: "copy", sourceId: source.id }, me.cookie);
    expect(res.status).toBe(303);
    const copies = await db()
      .select()
      .from(jp)
      .where(and(eq(jp.sourcePostingId, source.id), eq(jp.establishmentId, me.establishment.id)))
      .all();
    expect(copies).toHaveLength(2);
    expect(res.headers.get("Location")).toMatch(/^\/mypage\/postings\/[^/]+\/step\/1$/);
  });

  it("R-JOB-5: a renewal opens 7 days before the 紹介期限 (2027-01-24 for 2027-01-31): refused the day before, allowed that day; its submission needs the window", async () => {
    const me = await openMyPage();
    const source = await acceptedPosting(me);
    expect(source.validUntil).toBe("2027-01-31");

    // The day before the window: no renewal offered, copy as renewal refused, a renewal draft cannot be submitted.
    const before = await at(me, "2027-01-23T23:59:00+09:00");
    const refused = await copyPosting(db(), before, me.scope, source.id, { renewal: true });
    expect(refused).toEqual({ ok: false, reason: "rule", message: "更新求人は紹介期限（2027年1月31日）の7日前、2027年1月24日から申し込めます。" });
    expect(await page("/mypage/postings", me.cookie)).not.toContain("更新求人の申込みができます");
    expect(await page(`/mypage/postings/${source.id}`, me.cookie)).not.toContain('value="renewal"');
    const early = await createDraft(db(), before, me.establishment, parseContent(source.publishedContent), {
      renewalOf: source.id,
      sourcePostingId: source.id,
    });
    const summary = await page(`/mypage/postings/${early.id}`, me.cookie);
    expect(summary).toContain("2027年1月24日から申し込めます");
    expect(summary).not.toContain('value="submit"');
    const tooEarly = await postForm(`/mypage/postings/${early.id}`, { intent: "submit" }, me.cookie);
    expect(tooEarly.status).toBe(400);
    expect(await tooEarly.text()).toContain("更新求人は紹介期限（2027年1月31日）の7日前、2027年1月24日から申し込めます。");
    expect((await row(early.id))!.status).toBe("draft");

    // From 00:00 JST of 2027-01-24 (15:00 UTC the day before).
    const opening = await at(me, "2027-01-24T00:00:00+09:00");
    const list = await page("/mypage/postings", me.cookie);
    expect(list).toContain("更新求人の申込みができます");
    expect(hrefs(listRow(list, "valid", source.id).row.querySelector("[data-renewal-open]")!)).toEqual(["/mypage/postings/new"]);
    expect(await page(`/mypage/postings/${source.id}`, me.cookie)).toContain('value="renewal"');
    const renewal = await copyPosting(db(), opening, me.scope, source.id, { renewal: true });
    expect(renewal.ok).toBe(true);
    // The renewal is not a duplicate of the posting it renews.
    const res = await postForm(`/mypage/postings/${early.id}`, { intent: "submit" }, me.cookie);
    expect(res.status).toBe(303);
    expect((await row(early.id))!.status).toBe("submitted");
  });
});

describe("R-GATE-3: the backlog restriction refuses every posting action", () => {
  it("R-GATE-3: with restrictedAt set, every POST intent answers 403 with the reason and changes nothing; the page shows the reason instead of the buttons", async () => {
    const me = await openMyPage();
    const accepted = await acceptedPosting(me);
    const d = await draft(me, fixedClock(NOW), content({ jobTitle: "下書きの職種" }));
    await saveStep(db(), fixedClock(NOW), { ...me.scope, prefectureCode: "09" }, accepted.id, 7, { specialNotes: "変更中" });
    await db()
      .update(schema.establishments)
      .set({ restrictedAt: Date.parse(NOW) })
      .where(eq(schema.establishments.id, me.establishment.id));
    const before = await db().select().from(jp).where(eq(jp.establishmentId, me.establishment.id)).orderBy(jp.id).all();

    const attempts: [string, Record<string, string>][] = [
      [accepted.id, { intent: "submit" }],
      [accepted.id, { intent: "edit" }],
      [accepted.id, { intent: "discardChange" }],
      [accepted.id, { intent: "extension" }],
      [accepted.id, { intent: "stop", reason: STOP_REASONS[0], confirm: "on" }],
      [d.id, { intent: "submit" }],
      [d.id, { intent: "edit" }],
      [d.id, { intent: "delete", confirmDelete: "on" }],
    ];
    for (const [id, body] of attempts) {
      const res = await postForm(`/mypage/postings/${id}`, body, me.cookie);
      expect(res.status, body.intent).toBe(403);
      const html = await res.text();
      expect(html, body.intent).toContain(RESTRICTED_REASON);
    }
    expect(await db().select().from(jp).where(eq(jp.establishmentId, me.establishment.id)).orderBy(jp.id).all()).toEqual(before);

    const acceptedPage = await page(`/mypage/postings/${accepted.id}`, me.cookie);
    for (const intent of ["submit", "edit", "discardChange", "extension", "stop"]) expect(acceptedPage).not.toContain(`value="${intent}"`);
    expect(acceptedPage).toContain('data-refused="postings.stop"');
    expect(acceptedPage).toContain('data-refused="postings.change"');
    expect(acceptedPage).toContain(RESTRICTED_REASON);
    const draftPage = await page(`/mypage/postings/${d.id}`, me.cookie);
    for (const intent of ["submit", "edit", "delete"]) expect(draftPage).not.toContain(`value="${intent}"`);
    expect(draftPage).toContain('data-refused="postings.apply"');
    // The list stays viewable; applying is refused with the reason.
    const list = await page("/mypage/postings", me.cookie);
    expect(list).toContain('data-refused="postings.apply"');
    expect(list).not.toContain('href="/mypage/postings/new"');
    expect(list).toContain(`href="/mypage/postings/${accepted.id}"`);
  });
});

describe("R-GATE-1: the valid-posting fact", () => {
  it("R-GATE-1: hasValidPosting is true only from 受理日 to 紹介期限 and not after 募集停止", async () => {
    const me = await openMyPage();
    // The guard reads the facts with the session: ask it as a request at `when` would.
    const facts = async (when: string) => {
      const clock = fixedClock(when);
      const request = new Request("http://localhost/mypage", { headers: { Cookie: await signIn("employer", me.main.id, clock) } });
      return (await requireEmployer(request, { cloudflare: { env, ctx: createExecutionContext() }, clock, cspNonce: "" } as AppLoadContext)).facts;
    };
    const d = await draft(me);
    expect((await facts(NOW)).hasValidPosting).toBe(false);
    await submitPosting(db(), fixedClock(NOW), me.scope, d.id);
    expect((await facts(NOW)).hasValidPosting).toBe(false);
    await acceptPosting(db(), fixedClock(NOW), await officer(), d.id, testMail());
    expect((await facts("2026-11-25T23:59:59+09:00")).hasValidPosting).toBe(false); // before 受理日
    expect((await facts(NOW)).hasValidPosting).toBe(true);
    expect((await facts("2027-01-31T23:59:59+09:00")).hasValidPosting).toBe(true); // the 紹介期限 itself
    expect((await facts("2027-02-01T00:00:00+09:00")).hasValidPosting).toBe(false); // the day after, even before the daily job
    await db().update(jp).set({ status: "stopped", invalidatedOn: "2026-12-10" }).where(eq(jp.id, d.id));
    expect((await facts("2026-12-09T12:00:00+09:00")).hasValidPosting).toBe(false);
  });
});

describe("authorisation", () => {
  it("another establishment's posting is a 404 in the loader and in every action; its notices too", async () => {
    const a = await openMyPage({ email: "a@nikko-yuba.example.jp" });
    const b = await openMyPage({ email: "b@kinugawa.example.jp", name: "鬼怒川リバーサイドホテル株式会社" });
    const secret = "秘密の職種ゆば職人";
    const accepted = await acceptedPosting(a, NOW, content({ jobTitle: secret }));
    const d = await draft(a, fixedClock(NOW), content({ jobTitle: `${secret}（下書き）` }));
    const snapshot = async () => JSON.stringify(await db().select().from(jp).where(eq(jp.establishmentId, a.establishment.id)).orderBy(jp.id).all());
    const initial = await snapshot();
    const changed = async () => (await snapshot()) !== initial;
    const actors = [{ name: "A", cookie: a.cookie }, { name: "B", cookie: b.cookie }, { name: "anonymous" }];
    const failures = await checkAuthorisationMatrix(actors, [
      { name: "page", path: `/mypage/postings/${accepted.id}`, owners: ["A"], secret },
      { name: "draft page", path: `/mypage/postings/${d.id}`, owners: ["A"], secret },
    ]);
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    const foreign: { name: string; body: Record<string, string>; id: string }[] = [
      { name: "stop", body: { intent: "stop", reason: STOP_REASONS[0], confirm: "on" }, id: accepted.id },
      { name: "extension", body: { intent: "extension" }, id: accepted.id },
      { name: "edit", body: { intent: "edit" }, id: accepted.id },
      { name: "submit", body: { intent: "submit" }, id: d.id },
      { name: "delete", body: { intent: "delete", confirmDelete: "on" }, id: d.id },
    ];
    const actFailures = await checkAuthorisationMatrix(
      [{ name: "B", cookie: b.cookie }, { name: "anonymous" }],
      foreign.map((f) => ({ name: f.name, method: "POST" as const, path: `/mypage/postings/${f.id}`, body: f.body, owners: [], secret, changed })),
    );
    expect(actFailures, describeMatrixFailures(actFailures)).toEqual([]);
    for (const f of foreign) expect((await postForm(`/mypage/postings/${f.id}`, f.body, b.cookie)).status, f.name).toBe(404);
    expect(await page("/mypage/postings", b.cookie)).not.toContain(secret);
    expect(await getPostingOfEstablishment(db(), b.establishment.id, accepted.id)).toBeUndefined();

    // A's notice (from an officer's 修正依頼) is not B's.
    await submitPosting(db(), fixedClock(NOW), a.scope, d.id);
    await returnPosting(db(), fixedClock(NOW), await officer(), d.id, "確認してください", testMail());
    const [notice] = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, a.establishment.id)).all();
    expect((await workerFetch(`/mypage/notices/${notice!.id}`, { cookie: b.cookie })).status).toBe(404);
    expect((await db().select().from(schema.notices).where(eq(schema.notices.id, notice!.id)).get())!.readAt).toBeNull();
    expect(await page("/mypage", b.cookie)).not.toContain(secret);
  });
});

describe("お知らせ on the My Page home (R-MSG-2)", () => {
  it("R-MSG-2: the home lists the latest 10 notices, unread ones marked 未読; opening one shows it and marks it read", async () => {
    const me = await openMyPage();
    const base = Date.parse(NOW);
    for (let i = 1; i <= 12; i++) {
      await db()
        .insert(schema.notices)
        .values({
          id: `n${String(i).padStart(2, "0")}`,
          establishmentId: me.establishment.id,
          title: `お知らせ第${i}号`,
          body: `一行目${i}\n二行目`,
          link: i === 12 ? "/mypage/postings" : null,
          createdAt: base - (12 - i) * 60_000,
        });
    }
    await db().update(schema.notices).set({ readAt: base }).where(eq(schema.notices.id, "n11"));
    const home = await page("/mypage", me.cookie);
    expect(home).toContain("お知らせ第12号");
    expect(home).toContain("お知らせ第3号");
    expect(bodyText(home)).not.toContain("お知らせ第2号");
    expect(bodyText(home)).not.toContain("お知らせ第1号"); // お知らせ第10号… do not contain it
    const unread = noticeItem(home, "n12");
    expect(unread.getAttribute("data-unread")).toBe("true");
    expect(textOf(unread)).toContain("未読");
    expect(hrefs(unread)).toEqual(["/mypage/notices/n12"]);
    const alreadyRead = noticeItem(home, "n11");
    expect(hrefs(alreadyRead)).toEqual(["/mypage/notices/n11"]);
    expect(alreadyRead.hasAttribute("data-unread")).toBe(false);
    expect(home).toContain("未読のお知らせが11件あります。");
    // The menu now leads to the postings.
    expect(home).toContain('href="/mypage/postings/new"');
    expect(home).toContain('href="/mypage/postings"');

    const notice = await page("/mypage/notices/n12", me.cookie);
    expect(pageTitle(notice)).toBe("お知らせ第12号 | 求人者マイページ");
    expect(notice).toContain("一行目12\n二行目");
    expect(notice).toContain('href="/mypage/postings"');
    const read = (await db().select().from(schema.notices).where(eq(schema.notices.id, "n12")).get())!.readAt;
    expect(read).toBe(base);
    // Opening it again keeps the first reading time.
    await setWorkerNow("2026-11-26T10:10:00+09:00");
    await page("/mypage/notices/n12", me.cookie);
    expect((await db().select().from(schema.notices).where(eq(schema.notices.id, "n12")).get())!.readAt).toBe(base);
    const after = await page("/mypage", me.cookie);
    expect(noticeItem(after, "n12").hasAttribute("data-unread")).toBe(false);
    expect(after).toContain("未読のお知らせが10件あります。");
    expect((await workerFetch("/mypage/notices/nope", { cookie: me.cookie })).status).toBe(404);
  });

  it("R-MSG-2: a notice's link to another site is not shown", async () => {
    const me = await openMyPage();
    await db()
      .insert(schema.notices)
      .values({ id: "evil", establishmentId: me.establishment.id, title: "外部", body: "本文", link: "//evil.example/phish", createdAt: Date.parse(NOW) });
    const html = await page("/mypage/notices/evil", me.cookie);
    expect(html).not.toContain("evil.example");
  });
});
