/**
 * Extensions, expiry and the dates (issue 10 #4, #5, #6; R-JOB-2, R-JOB-4): an extension is checked for the extended
 * period (a minimum-wage revision it would reach refuses it, both the request and the approval); a request still
 * pending at the 紹介期限 is refused by the daily job with a reason in the お知らせ, and the queue shows each request's
 * deadline; after the 紹介期限 a posting IS expired (求人無効日 = 紹介期限 + 1) whether or not the daily job has run.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { postingExpiryJob } from "../../app/jobs/posting-expiry.server";
import { fixedClock } from "../../app/lib/clock";
import { saveStep } from "../../app/models/posting/drafts.server";
import { decideExtension, requestExtension } from "../../app/models/posting/extension.server";
import { readOfficePostingsPage } from "../../app/models/posting/office.server";
import { acceptChange } from "../../app/models/posting/review.server";
import { stopPosting } from "../../app/models/posting/stop.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import type { PostingContent } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { setWorkerNow } from "../helpers/clock";
import { parse, textOf } from "../helpers/html";
import { openMyPage, type MyPage } from "../helpers/mypage";
import { acceptedPosting, officerOf, postingRow, testMail } from "../helpers/postings";
import { signedInOfficer } from "../helpers/staff";
import { workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const at = (day: string) => `${day}T10:00:00+09:00`;
/** Accepted on 2025-12-10: 紹介期限 2026-02-28 (the end of the month after next). */
const ACCEPTED = at("2025-12-10");

function akita(hourlyYen = 1000): PostingContent {
  const p = completePosting();
  return {
    ...p,
    workplace: { ...p.workplace, prefectureCode: "05" },
    workplaceDetail: { ...p.workplaceDetail, sameAsEstablishment: false, postalCode: "010-0951", address: "秋田県秋田市山王1-1" },
    wage: { ...p.wage, form: "時間給", baseMin: hourlyYen, baseMax: null, allowances: [] },
  };
}

const noticesOf = async (page: MyPage) => db().select().from(schema.notices).where(eq(schema.notices.establishmentId, page.establishment.id)).all();
const auditOf = async (id: string) => db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, id)).all();

beforeEach(async () => {
  await setWorkerNow(null);
});

describe("有効期間延長 and the minimum wage (R-JOB-2, issue 10 #4)", () => {
  it("R-JOB-2 (issue 10 #4): 秋田 時間給 1,000円, 紹介期限 2026-02-28: on 2026-02-20 the request is refused, and an approval becomes a refusal with the reason in the お知らせ", async () => {
    await db().insert(schema.prefectures).values({ code: "05", name: "秋田県" }).onConflictDoNothing();
    await db()
      .insert(schema.minimumWages)
      .values([
        { prefectureCode: "05", amountYen: 951, effectiveFrom: "2024-10-01", createdAt: 0 },
        { prefectureCode: "05", amountYen: 1031, effectiveFrom: "2026-03-31", createdAt: 0 },
      ]);
    const page = await openMyPage({ at: at("2026-02-20") });
    const posting = await acceptedPosting(page, ACCEPTED, akita());
    expect(posting.validUntil).toBe("2026-02-28");
    const clock = fixedClock(at("2026-02-20"));

    const asked = await requestExtension(db(), clock, page.scope, posting.id);
    expect(asked).toMatchObject({ ok: false, reason: "rule", message: expect.stringContaining("延長後の紹介期限（2026年3月31日）までの期間について") });
    expect(asked.ok || asked.message).toContain("2026年3月31日から秋田県の最低賃金が時間額1,031円に改定されます。");
    expect(await postingRow(posting.id)).toMatchObject({ extensionStatus: null, validUntil: "2026-02-28" });

    // A request made before the revision was recorded: the officer's approval refuses it, with the reason.
    await db().update(schema.jobPostings).set({ extensionStatus: "requested", extensionRequestedAt: 1 }).where(eq(schema.jobPostings.id, posting.id));
    const decided = await decideExtension(db(), clock, await officerOf("0910"), posting.id, true, testMail());
    expect(decided).toMatchObject({ ok: true, validUntil: null, refusedBecause: expect.stringContaining("有効期間を延長できません") });
    expect(await postingRow(posting.id)).toMatchObject({ extensionStatus: "refused", extended: false, validUntil: "2026-02-28" });
    const notice = (await noticesOf(page)).find((n) => n.title === "有効期間の延長は承認されませんでした");
    expect(notice?.body).toContain("理由：延長後の紹介期限（2026年3月31日）までの期間について求人票に赤色のエラーがあるため");
    expect((await auditOf(posting.id)).map((a) => a.action)).toContain("posting.extension-refuse");
  });

  it("R-JOB-2 (issue 10 #4, wording): the buttons name the new 紹介期限 — 「紹介期限を2026年3月31日まで延長」 on the employer's and the officer's pages", async () => {
    const page = await openMyPage({ at: at("2026-02-20") });
    const posting = await acceptedPosting(page, ACCEPTED);
    await setWorkerNow(at("2026-02-20"));
    const mine = parse(await (await workerFetch(`/mypage/postings/${posting.id}`, { cookie: page.cookie })).text());
    expect(textOf(mine.querySelector('button[name="intent"][value="extension"]'))).toBe("紹介期限を2026年3月31日まで延長（申請する）");

    expect(await requestExtension(db(), fixedClock(at("2026-02-20")), page.scope, posting.id)).toEqual({ ok: true });
    const { cookie } = await signedInOfficer("0910", fixedClock(at("2026-02-20")));
    const review = parse(await (await workerFetch(`/staff/postings/${posting.id}`, { cookie })).text());
    expect(textOf(review.querySelector('button[name="intent"][value="extension-approve"]'))).toBe("紹介期限を2026年3月31日まで延長");
  });
});

describe("a pending extension at expiry (R-JOB-2, R-JOB-4, issue 10 #5)", () => {
  it("R-JOB-4 (issue 10 #5): asked on 2026-02-27 for 紹介期限 2026-02-28, the queue shows the deadline 2026-02-28; on 2026-03-01 the job refuses it with a reason, an audit row and an お知らせ", async () => {
    const page = await openMyPage({ at: at("2026-02-27") });
    const posting = await acceptedPosting(page, ACCEPTED);
    expect(await requestExtension(db(), fixedClock(at("2026-02-27")), page.scope, posting.id)).toEqual({ ok: true });

    // The queue's 処理期限 column: the posting's 紹介期限.
    const { cookie } = await signedInOfficer("0910", fixedClock(at("2026-02-27")));
    await setWorkerNow(at("2026-02-27"));
    const queue = parse(await (await workerFetch("/staff/postings", { cookie })).text());
    expect(textOf(queue.querySelector("[data-decide-by]"))).toBe("2026年2月28日（紹介期限）");
    const read = await readOfficePostingsPage(db(), "0910", { status: null, jobNumber: null, page: 1, list: true, today: "2026-02-28" });
    expect(read.queue.rows.map((r) => [r.kind, r.decideBy])).toEqual([["extension", "2026-02-28"]]);
    // From 2026-03-01 it no longer waits (even before the job runs).
    const after = await readOfficePostingsPage(db(), "0910", { status: null, jobNumber: null, page: 1, list: true, today: "2026-03-01" });
    expect(after.queue.rows).toEqual([]);

    expect(await runJob(postingExpiryJob, env, fixedClock("2026-03-01T00:05:00+09:00"))).toMatchObject({ processed: 1, error: null });
    expect(await postingRow(posting.id)).toMatchObject({
      status: "expired",
      invalidatedOn: "2026-03-01",
      extensionStatus: "refused",
      validUntil: "2026-02-28",
    });
    const refusal = (await auditOf(posting.id)).filter((a) => a.action === "posting.extension-refuse");
    expect(refusal).toMatchObject([{ actorType: "system" }]);
    const notices = await noticesOf(page);
    expect(notices.map((n) => n.title)).toEqual(expect.arrayContaining(["求人の紹介期限が過ぎました", "有効期間の延長は承認されませんでした"]));
    expect(notices.find((n) => n.title === "有効期間の延長は承認されませんでした")?.body).toContain(
      "理由：紹介期限（2026年2月28日）までに延長が承認されなかったため、申請は不承認となり",
    );

    // The officer opening it on 2026-03-02 has nothing to decide (and is told why).
    const late = await decideExtension(db(), fixedClock(at("2026-03-02")), await officerOf("0910"), posting.id, true, testMail());
    expect(late).toMatchObject({ ok: false, message: expect.stringContaining("紹介期限（2026年2月28日）を過ぎて無効") });
  });
});

describe("the state comes from the dates (R-JOB-4, issue 10 #6)", () => {
  it("R-JOB-4 (issue 10 #6): on 2026-03-03, the job not run, a posting whose 紹介期限 was 2026-02-28 is 紹介期限切れ (求人無効日 2026-03-01): 募集停止, 内容変更 and its 受理 are refused; the lists say so; the job then records 2026-03-01", async () => {
    const page = await openMyPage({ at: at("2026-03-03") });
    const posting = await acceptedPosting(page, ACCEPTED);
    const changed = await acceptedPosting(page, ACCEPTED, { ...completePosting(), jobTitle: "検品スタッフ" });
    const staffScope = await officerOf("0910");
    // A 内容変更 submitted on 2026-02-25, not decided by the 紹介期限.
    const before = fixedClock(at("2026-02-25"));
    expect(await saveStep(db(), before, { ...page.scope, prefectureCode: "09" }, changed.id, 6, { specialNotes: "内容変更テスト0225" })).toMatchObject({
      ok: true,
    });
    expect(await submitPosting(db(), before, page.scope, changed.id)).toMatchObject({ ok: true, kind: "change" });

    const today = fixedClock(at("2026-03-03"));
    const stop = await stopPosting(db(), today, page.scope, posting.id, "採用者が決まったため", testMail());
    expect(stop).toMatchObject({
      ok: false,
      message: "この求人は紹介期限（2026年2月28日）を過ぎて無効になっています（求人無効日 2026年3月1日）。募集停止は必要ありません。",
    });
    expect(await postingRow(posting.id)).toMatchObject({ status: "accepted", invalidatedOn: null, stopReason: null });
    expect(await saveStep(db(), today, { ...page.scope, prefectureCode: "09" }, posting.id, 6, { specialNotes: "内容変更テスト0303" })).toMatchObject({
      ok: false,
    });
    expect(await acceptChange(db(), today, staffScope, changed.id, testMail())).toMatchObject({ ok: false, reason: "rule" });
    expect(await postingRow(changed.id)).toMatchObject({ changeStatus: "submitted", publishedContent: expect.not.stringContaining("内容変更テスト0225") });

    // The office's lists: 有効中 leaves it out, 紹介期限切れ takes it in; nothing waits in the queue.
    const valid = await readOfficePostingsPage(db(), "0910", { status: "accepted", jobNumber: null, page: 1, list: true, today: "2026-03-03" });
    const expired = await readOfficePostingsPage(db(), "0910", { status: "expired", jobNumber: null, page: 1, list: true, today: "2026-03-03" });
    expect(valid.list.rows).toEqual([]);
    expect(expired.list.rows.map((r) => r.id).sort()).toEqual([posting.id, changed.id].sort());
    expect(expired.queue.rows).toEqual([]);

    // The employer's list and page, through the Worker.
    await setWorkerNow(at("2026-03-03"));
    const list = parse(await (await workerFetch("/mypage/postings", { cookie: page.cookie })).text());
    expect(list.querySelector('[data-group="valid"] a[href$="' + posting.id + '"]')).toBeNull();
    expect(list.querySelector('[data-group="invalid"] a[href$="' + posting.id + '"]')).not.toBeNull();
    const own = parse(await (await workerFetch(`/mypage/postings/${posting.id}`, { cookie: page.cookie })).text());
    expect(textOf(own.querySelector("[data-invalidated-on]"))).toBe("2026年3月1日");
    expect(own.querySelector('input[name="intent"][value="stop"]')).toBeNull();

    // The job, run late on 2026-03-03, records what the dates said.
    expect(await runJob(postingExpiryJob, env, today)).toMatchObject({ processed: 2 });
    expect(await postingRow(posting.id)).toMatchObject({ status: "expired", invalidatedOn: "2026-03-01" });
    expect(await postingRow(changed.id)).toMatchObject({ status: "expired", invalidatedOn: "2026-03-01", changeStatus: null });
  });
});
