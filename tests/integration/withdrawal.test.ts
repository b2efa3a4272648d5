/**
 * issue 13, 退会 through the Worker (R-DEL-1, R-AUDIT-1): the main account's confirmation screen and form; the one batch
 * that ends the My Page (every session of every account, valid postings stopped with today's 求人無効日, the review queue
 * emptied, requests expired, conversations closed, the KV keys voided, a mail to each account, the audit row); sign-in
 * and password reset afterwards; the office's restoration on day 30 and its refusal on day 31; who may open and post
 * (authorisation matrix). The texts: tests/unit/sign-in.test.ts; the forms' fuzzers: tests/fuzz/withdrawal.test.ts.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW } from "../helpers/clock";
import { agreeToCurrentDocuments, mailCount, PASSWORD } from "../helpers/employer-signin";
import { createEmployerAccount, signIn } from "../helpers/factories";
import { flashMessage } from "../helpers/flash";
import { alertText, bodyText, fieldError, formsTo, headings, hrefs, links, parse, textOf } from "../helpers/html";
import { openMyPage, type MyPage } from "../helpers/mypage";
import { acceptedPosting, postingRow, submittedPosting } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { auditRows, establishmentRow, sessionsOf } from "../helpers/rows";
import { directRequest } from "../helpers/seeker-requests";
import { completePosting } from "../unit/posting-fixture";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const page = async (path: string, cookie?: string) => (await workerFetch(path, { cookie })).text();

beforeEach(async () => {
  await atWorkerNow(NOW);
});

const establishment = establishmentRow;
const audits = auditRows;

async function thread(employer: MyPage, closedAt: number | null = null) {
  const seeker = await createSeeker();
  const id = newId();
  const at = Date.parse(NOW) - 86_400_000;
  await db()
    .insert(schema.messageThreads)
    .values({ id, establishmentId: employer.establishment.id, seekerId: seeker.id, createdAt: at, lastMessageAt: at, closedAt });
  return { id, seeker };
}

async function threadClosedAt(id: string) {
  return (await db().select().from(schema.messageThreads).where(eq(schema.messageThreads.id, id)).get())!.closedAt;
}

describe("R-DEL-1 (issue 13): 退会 by the main account", () => {
  it("R-DEL-1, R-AUDIT-1: the confirmation screen says what ends and 「2026年12月27日以降に消去」; 退会する ends the sessions of the main AND an additional account at once, stops the valid posting (求人無効日 2026-11-26), empties the review queue, expires the request, closes the conversation, voids the keys, mails every account and writes the audit row", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ password: true });
    const second = await createEmployerAccount(employer.establishment.id, { email: "jinji@nikko-yuba.example.jp", isMain: false });
    await agreeToCurrentDocuments(second.id, clock);
    const secondCookie = await signIn("employer", second.id, clock);
    const valid = await acceptedPosting(employer);
    const submitted = await submittedPosting(employer, NOW, { ...completePosting(), jobTitle: "検品スタッフ" });
    const conversation = await thread(employer);
    const request = await directRequest(employer, valid.id, conversation.seeker.id);
    await env.AUTH_KEYS.put(`authkey:reset:${second.id}`, "{}");

    expect((await workerFetch("/mypage", { cookie: secondCookie })).status).toBe(200);
    // The home page's menu links the withdrawal; the page states what will be erased and when.
    expect(links(await page("/mypage", employer.cookie), "求人者マイページの退会").map(([, href]) => href)).toEqual(["/mypage/withdrawal"]);
    const form = await page("/mypage/withdrawal", employer.cookie);
    expect(headings(form, 1)).toEqual(["求人者マイページの退会"]);
    expect(textOf(parse(form).querySelector("[data-erased-from]"))).toBe("2026年12月27日以降に消去");
    const effects = textOf(parse(form).querySelector("[data-withdrawal-effects]"));
    expect(effects).toContain("本日（2026年11月26日）で募集を停止します（求人無効日は本日です）");
    expect(effects).toContain("2026年12月26日までは、事業主からの申出により、管轄のハローワーク日光（電話 0288-22-0353）が退会を取り消して復元できます");
    expect(formsTo(form, "/mypage/withdrawal")).toHaveLength(1);

    // Without the checkbox, or with a wrong password: a message beside the field, nothing changes.
    const unchecked = await postForm("/mypage/withdrawal", { currentPassword: PASSWORD }, employer.cookie);
    expect(unchecked.status).toBe(400);
    expect(fieldError(await unchecked.text(), "confirmed")).toContain("表示された内容を確認し、退会する場合はチェックを入れてください。");
    const wrong = await postForm("/mypage/withdrawal", { currentPassword: "違うパスワード", confirmed: "on" }, employer.cookie);
    expect(wrong.status).toBe(400);
    expect(fieldError(await wrong.text(), "currentPassword")).toContain("現在のパスワードが正しくありません。");
    expect((await establishment(employer.establishment.id)).status).toBe("open");

    const done = await postForm("/mypage/withdrawal", { currentPassword: PASSWORD, confirmed: "on" }, employer.cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/withdrawal/complete?on=2026-11-26");
    const complete = await page("/withdrawal/complete?on=2026-11-26");
    expect(headings(complete, 1)).toEqual(["退会手続きが完了しました"]);
    expect(textOf(parse(complete).querySelector("[data-erased-from]"))).toContain("2026年12月27日以降に消去されます");

    expect(await establishment(employer.establishment.id)).toMatchObject({ status: "withdrawn", withdrawnAt: Date.parse(NOW) });
    expect(await sessionsOf(employer.main.id)).toEqual([]);
    expect(await sessionsOf(second.id)).toEqual([]);
    expect((await workerFetch("/mypage", { cookie: secondCookie })).headers.get("Location")).toBe("/login?redirectTo=%2Fmypage");
    expect(await postingRow(valid.id)).toMatchObject({ status: "stopped", invalidatedOn: "2026-11-26", stopReason: "退会" });
    expect((await postingRow(submitted.id)).status).toBe("draft");
    expect((await db().select().from(schema.directRequests).where(eq(schema.directRequests.id, request.id)).get())!.status).toBe("expired");
    expect(await threadClosedAt(conversation.id)).toBe(Date.parse(NOW));
    expect(await env.AUTH_KEYS.get(`authkey:reset:${second.id}`)).toBeNull();
    for (const to of [employer.main.email, second.email]) expect(await mailCount(to, "establishmentNotice")).toBe(1);
    const [audit, ...more] = await audits(employer.establishment.id, "establishment.withdraw");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorType: "employer",
      actorId: employer.main.id,
      officeCode: "0910",
      establishmentId: employer.establishment.id,
      at: Date.parse(NOW),
    });
    expect(JSON.parse(audit!.details)).toEqual({ withdrawnOn: "2026-11-26", erasedFrom: "2026-12-27" });

    // Sign-in: the right password gets the explanation and no session.
    const signin = await postForm("/login", { email: employer.main.email, password: PASSWORD });
    expect(signin.status).toBe(403);
    const why = alertText(await signin.text());
    expect(why).toContain("2026年11月26日に退会の手続きが完了しています");
    expect(why).toContain("2026年12月27日以降に消去されます");
    expect(why).toContain("ハローワーク日光（電話 0288-22-0353）");
    expect(await sessionsOf(employer.main.id)).toEqual([]);
    // Password reset does not reopen it: no key is mailed.
    await postForm("/password-reset", { email: employer.main.email });
    expect(await mailCount(employer.main.email, "authKeyReset")).toBe(0);
  });

  it("R-DEL-1: an additional account sees that only the main account can withdraw, gets no form, and its POST is refused (authorisation matrix)", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ password: true });
    const second = await createEmployerAccount(employer.establishment.id, {
      email: "jinji@nikko-yuba.example.jp",
      isMain: false,
      passwordHash: employer.main.passwordHash,
    });
    await agreeToCurrentDocuments(second.id, clock);
    const secondCookie = await signIn("employer", second.id, clock);
    const other = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp", password: true });
    const html = await page("/mypage/withdrawal", secondCookie);
    expect(formsTo(html, "/mypage/withdrawal")).toEqual([]);
    expect(bodyText(html)).toContain("主たるログインアカウントだけが利用できます。");
    const failures = await checkAuthorisationMatrix(
      [{ name: "additional account", cookie: secondCookie }, { name: "anonymous" }],
      [
        {
          name: "退会 POST",
          method: "POST",
          path: "/mypage/withdrawal",
          body: { currentPassword: PASSWORD, confirmed: "on" },
          owners: [],
          secret: employer.establishment.establishmentNumber!,
          changed: async () => (await establishment(employer.establishment.id)).status !== "open",
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    // Another establishment's main account withdraws only its own.
    expect((await postForm("/mypage/withdrawal", { currentPassword: PASSWORD, confirmed: "on" }, other.cookie)).status).toBe(303);
    expect((await establishment(employer.establishment.id)).status).toBe("open");
    expect((await establishment(other.establishment.id)).status).toBe("withdrawn");
  });
});

describe("R-DEL-1 (issue 13): the office restores a withdrawn My Page", () => {
  it("R-DEL-1, R-AUDIT-1: withdrawn 2026-11-01 JST — refused on 2026-12-02 (day 31) with 「消去予定日を過ぎているため復元できません」; restored on 2026-12-01 (day 30) through 「この内容で退会を取り消しますか」: open again, its closed conversation reopened, an お知らせ, a mail and the audit row; another office gets 404", async () => {
    const withdrawnAt = Date.parse("2026-11-01T10:00:00+09:00");
    const employer = await openMyPage({ password: true });
    const conversation = await thread(employer, withdrawnAt);
    const older = await thread(employer, withdrawnAt - 86_400_000);
    await db().update(schema.establishments).set({ status: "withdrawn", withdrawnAt }).where(eq(schema.establishments.id, employer.establishment.id));
    const id = employer.establishment.id;
    const path = `/staff/establishments/${id}/withdrawal`;

    // Day 31: the link is gone and a POST is refused.
    const late = await atWorkerNow("2026-12-02T09:00:00+09:00");
    const { cookie, staff } = await signedInOfficer("0910", late);
    const detailLate = await page(`/staff/establishments/${id}`, cookie);
    expect(headings(detailLate, 2)).toContain("退会");
    expect(hrefs(detailLate)).not.toContain(path);
    expect(bodyText(detailLate)).toContain("消去予定日を過ぎているため復元できません。");
    const refused = await postForm(path, { intent: "restore", note: "事業主から電話で申出" }, cookie);
    expect(refused.status).toBe(409);
    expect(alertText(await refused.text())).toContain("消去予定日を過ぎているため復元できません");
    expect((await establishment(id)).status).toBe("withdrawn");

    // Another office's officer: 404 on the page and on its POST.
    const { cookie: utsunomiya } = await signedInOfficer("0901", late, { email: "officer@utsunomiya.example.jp" });
    const failures = await checkAuthorisationMatrix(
      [{ name: "other office", cookie: utsunomiya }, { name: "anonymous" }],
      [
        { name: "退会 page", path, owners: [], secret: employer.establishment.name },
        {
          name: "restore",
          method: "POST",
          path,
          body: { intent: "restore", note: "申出" },
          owners: [],
          secret: employer.establishment.name,
          changed: async () => (await establishment(id)).status !== "withdrawn",
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);

    // Day 30.
    await atWorkerNow("2026-12-01T17:00:00+09:00");
    const detail = await page(`/staff/establishments/${id}`, cookie);
    expect(links(detail, "退会を取り消す（マイページを復元）").map(([, href]) => href)).toEqual([path]);
    const form = await page(path, cookie);
    expect(textOf(parse(form).querySelector("[data-erased-from]"))).toBe("2026年12月2日以降に消去");
    const empty = await postForm(path, { intent: "confirm", note: "  " }, cookie);
    expect(fieldError(await empty.text(), "note")).toContain("事業主からの申出の内容を入力してください。監査記録に残ります。");
    const confirm = await postForm(path, { intent: "confirm", note: "事業主から電話で申出（退会は誤り）" }, cookie);
    expect(headings(await confirm.text(), 2)).toContain("この内容で退会を取り消しますか");
    expect((await establishment(id)).status).toBe("withdrawn");
    const done = await postForm(path, { intent: "restore", note: "事業主から電話で申出（退会は誤り）" }, cookie);
    expect(done.status).toBe(303);
    expect(flashMessage(done)).toContain("退会を取り消し");
    expect(await establishment(id)).toMatchObject({ status: "open", withdrawnAt: null });
    expect(await threadClosedAt(conversation.id)).toBeNull();
    expect(await threadClosedAt(older.id)).toBe(withdrawnAt - 86_400_000);
    const [audit] = await audits(id, "establishment.withdrawal-restore");
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910" });
    expect(JSON.parse(audit!.details)).toEqual({ from: "withdrawn", withdrawnOn: "2026-11-01", note: "事業主から電話で申出（退会は誤り）" });
    expect(await mailCount(employer.main.email, "establishmentNotice")).toBe(1);
    // Sign-in works again.
    expect((await postForm("/login", { email: employer.main.email, password: PASSWORD })).status).toBe(303);
  });
});
