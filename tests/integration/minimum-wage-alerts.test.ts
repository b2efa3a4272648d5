/**
 * Issue 10 #3 (R-JOB-1; ADR 0015): a minimum-wage revision recorded after 受理 re-checks the prefecture's valid and
 * pending postings. A posting below it is orange until 発効日 − 8, red from 発効日 − 7 — when the employer gets one
 * お知らせ and one mail asking for a 内容変更 and the officer's 求人の確認 lists it — and 公開保留 (out of the public
 * search) from the 発効日 until a 内容変更 raising the wage is accepted. A corrected or withdrawn revision leaves no
 * stale alert.
 *
 * The posting: 栃木, 月給 200,000円 + 職務手当 10,000円, 8 h a day, 105 days off → 210,000 × 12 ÷ 2,080 h = 1,211円.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { minimumWageAlertsJob } from "../../app/jobs/minimum-wage-alerts.server";
import { fixedClock } from "../../app/lib/clock";
import { acceptChange } from "../../app/models/posting/review.server";
import { getDb, schema } from "../../app/utils/db.server";
import { completePosting } from "../unit/posting-fixture";
import { mailCount } from "../helpers/employer-signin";
import { signIn } from "../helpers/factories";
import { headings, parse } from "../helpers/html";
import { MAIN_EMAIL, openMyPage } from "../helpers/mypage";
import { acceptedPosting, officerOf, submittedPosting, testMail } from "../helpers/postings";
import { atWorkerNow, MINIMUM_WAGES_PATH as PATH, minimumWageRevision, seedMinimumWages, signedInOfficer, supervisor } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const at = (date: string) => `${date}T09:00:00+09:00`;

async function alerts() {
  return db()
    .select({
      postingId: schema.minimumWageAlerts.postingId,
      effectiveFrom: schema.minimumWageAlerts.effectiveFrom,
      amountYen: schema.minimumWageAlerts.amountYen,
    })
    .from(schema.minimumWageAlerts)
    .orderBy(schema.minimumWageAlerts.effectiveFrom, schema.minimumWageAlerts.amountYen)
    .all();
}

async function notices(establishmentId: string) {
  return db()
    .select({ title: schema.notices.title, body: schema.notices.body })
    .from(schema.notices)
    .where(eq(schema.notices.establishmentId, establishmentId))
    .all();
}

const minimumWageNotices = async (establishmentId: string) => (await notices(establishmentId)).filter((n) => n.title.includes("最低賃金"));

/** The section of the employer's or officer's posting page about the revision: its phase and its messages' severities. */
function minimumWageSection(html: string) {
  const section = parse(html).querySelector("[data-minimum-wage]");
  return (
    section && {
      phase: section.getAttribute("data-minimum-wage"),
      severities: [...section.querySelectorAll("[data-severity]")].map((e) => e.getAttribute("data-severity")),
    }
  );
}

/** The officer's 求人の確認: the heading of the minimum-wage section (with its count). */
async function staffAlertHeading(cookie: string) {
  const html = await (await workerFetch("/staff/postings", { cookie })).text();
  return headings(html, 2).find((h) => h.startsWith("最低賃金の改定を下回る求人"));
}

describe("issue 10 #3: minimum-wage revisions after 受理 (R-JOB-1)", () => {
  it("R-JOB-1 / issue 10 #3: 栃木 1,250円 from 2026-12-20 — 2026-12-12 (−8) orange only; 2026-12-13 (−7) red, one お知らせ + mail, listed; 2026-12-20 公開保留 until the raised wage is accepted", async () => {
    let clock = await atWorkerNow();
    await seedMinimumWages();
    const page = await openMyPage();
    const posting = await acceptedPosting(page); // 2026-11-26 → 紹介期限 2027-01-31
    const boss = await supervisor(clock);
    const officer = await signedInOfficer("0910", clock, { name: "職員 次郎" });
    expect((await postForm(PATH, minimumWageRevision({ amountYen: "1250", effectiveFrom: "2026-12-20" }), boss.cookie)).status).toBe(302);
    expect(await alerts()).toEqual([{ postingId: posting!.id, effectiveFrom: "2026-12-20", amountYen: 1250 }]);
    expect(await minimumWageNotices(page.establishment.id)).toEqual([]);

    // Sessions end after 30 idle minutes: both sign in again on each day.
    const employerOn = async () => ({ cookie: await signIn("employer", page.main.id, clock) });
    const officerOn = async () => ({ cookie: await signIn("staff", officer.staff.id, clock) });

    // 2026-12-12 (発効日 − 8): the employer sees an orange warning; nobody is told, the officer's list is empty.
    clock = await atWorkerNow(at("2026-12-12"));
    expect((await runJob(minimumWageAlertsJob, env, clock)).error).toBeNull();
    expect(await minimumWageNotices(page.establishment.id)).toEqual([]);
    expect(minimumWageSection(await (await workerFetch(`/mypage/postings/${posting!.id}`, await employerOn())).text())).toEqual({
      phase: "ahead",
      severities: ["warning"],
    });
    expect(await staffAlertHeading((await officerOn()).cookie)).toBe("最低賃金の改定を下回る求人（0件）");

    // 2026-12-13 (発効日 − 7): red on the employer's and the officer's page, one お知らせ and one mail (a second run adds none).
    clock = await atWorkerNow(at("2026-12-13"));
    expect((await runJob(minimumWageAlertsJob, env, clock)).error).toBeNull();
    expect((await runJob(minimumWageAlertsJob, env, clock)).error).toBeNull();
    const told = await minimumWageNotices(page.establishment.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain("1,250円");
    expect(told[0]!.body).toContain("2026年12月20日");
    expect(told[0]!.body).toContain("内容変更");
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(2); // the 受理 and this one
    expect(minimumWageSection(await (await workerFetch(`/mypage/postings/${posting!.id}`, await employerOn())).text())).toEqual({
      phase: "due",
      severities: ["error"],
    });
    const staffToday = await officerOn();
    expect(minimumWageSection(await (await workerFetch(`/staff/postings/${posting!.id}`, staffToday)).text())).toEqual({
      phase: "due",
      severities: ["error"],
    });
    expect(await staffAlertHeading(staffToday.cookie)).toBe("最低賃金の改定を下回る求人（1件）");
    expect((await workerFetch(`/jobs/${posting!.jobNumber}`)).status).toBe(200);

    // 2026-12-20 (発効日): 公開保留 — the public page is gone, the employer's page says so.
    clock = await atWorkerNow(at("2026-12-20"));
    expect((await runJob(minimumWageAlertsJob, env, clock)).error).toBeNull();
    expect(await minimumWageNotices(page.establishment.id)).toHaveLength(1);
    expect((await workerFetch(`/jobs/${posting!.jobNumber}`)).status).toBe(404);
    const employer = await employerOn();
    expect(minimumWageSection(await (await workerFetch(`/mypage/postings/${posting!.id}`, employer)).text())?.phase).toBe("suspended");

    // A 内容変更 raising 月給 to 240,000円 (1,384円 an hour) accepted: the alert goes, the posting is public again.
    const raised = completePosting();
    raised.wage = { ...raised.wage, baseMin: 240_000, baseMax: 260_000 };
    await db()
      .update(schema.jobPostings)
      .set({ content: JSON.stringify(raised), changeStatus: "submitted", changeSubmittedAt: clock.now().getTime() })
      .where(eq(schema.jobPostings.id, posting!.id));
    expect(await acceptChange(db(), fixedClock(at("2026-12-20")), await officerOf("0910"), posting!.id, testMail())).toEqual({ ok: true });
    expect(await alerts()).toEqual([]);
    expect((await workerFetch(`/jobs/${posting!.jobNumber}`)).status).toBe(200);
    expect(minimumWageSection(await (await workerFetch(`/mypage/postings/${posting!.id}`, employer)).text())).toBeNull();
  });

  it("R-JOB-1 / issue 10 #3: a revision inside the 7 days tells at once (valid and 申込み中 postings); corrected, it is a new revision; withdrawn, no alert is left", async () => {
    const clock = await atWorkerNow(); // 2026-11-26
    await seedMinimumWages();
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const other = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const pending = await submittedPosting(other);
    const boss = await supervisor(clock);
    // 2026-12-01 is 発効日 − 5: due on the day it is recorded.
    expect((await postForm(PATH, minimumWageRevision({ amountYen: "1250", effectiveFrom: "2026-12-01" }), boss.cookie)).status).toBe(302);
    expect((await alerts()).map((a) => a.postingId).sort()).toEqual([posting!.id, pending!.id].sort());
    expect(await minimumWageNotices(page.establishment.id)).toHaveLength(1);
    const pendingNotice = await minimumWageNotices(other.establishment.id);
    expect(pendingNotice).toHaveLength(1);
    expect(pendingNotice[0]!.body).toContain("申込み中");
    expect(await staffAlertHeading(boss.cookie)).toBe("最低賃金の改定を下回る求人（2件）");

    // Corrected to 1,200円: both postings (1,211円) meet it — no alert left, nobody told again.
    const revisionPath = `${PATH}?prefecture=09&revision=2026-12-01`;
    const correct = { intent: "correct", revision: "2026-12-01", effectiveFrom: "2026-12-01", correctionReason: "金額の誤りを訂正" };
    expect((await postForm(revisionPath, { ...correct, amountYen: "1200" }, boss.cookie)).status).toBe(302);
    expect(await alerts()).toEqual([]);
    expect(await staffAlertHeading(boss.cookie)).toBe("最低賃金の改定を下回る求人（0件）");

    // Corrected to 1,280円: a new revision for the employers — told once more; then withdrawn: nothing stays.
    expect((await postForm(revisionPath, { ...correct, amountYen: "1280" }, boss.cookie)).status).toBe(302);
    expect(await alerts()).toHaveLength(2);
    expect(await minimumWageNotices(page.establishment.id)).toHaveLength(2);
    const withdraw = { intent: "withdraw", revision: "2026-12-01", withdrawalReason: "審議会の決定が取り消されたため" };
    expect((await postForm(revisionPath, withdraw, boss.cookie)).status).toBe(302);
    expect(await alerts()).toEqual([]);
    expect(await staffAlertHeading(boss.cookie)).toBe("最低賃金の改定を下回る求人（0件）");
    expect(minimumWageSection(await (await workerFetch(`/mypage/postings/${posting!.id}`, { cookie: page.cookie })).text())).toBeNull();
  });
});
