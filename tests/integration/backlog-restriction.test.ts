/**
 * issue 11, R-GATE-3: the daily backlog check (app/jobs/backlog-restriction.server.ts) — the JST edge of day 20 / day
 * 21, 50 and 51 overdue referrals, results not counted, one お知らせ and one mail however often (or however many at once)
 * it runs, restricted establishments skipped, D1's parameter limit; and R-GATE-4's rule that a lift with 51 remaining is
 * undone by the next daily run (the lift itself through the officer's page: tests/integration/gates.test.ts).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { backlogRestrictionJob } from "../../app/jobs/backlog-restriction.server";
import { runJob } from "../../app/jobs/dispatch.server";
import { ALL_JOBS, SCHEDULES } from "../../app/jobs/registry.server";
import { postingExpiryJob } from "../../app/jobs/posting-expiry.server";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { RESTRICT_ACTION, RESTRICTION_CHUNK, restrictOverdueEstablishments, restrictStatement } from "../../app/models/gates/backlog.server";
import { liftRestriction } from "../../app/models/gates/restriction.server";
import { getDb, schema } from "../../app/utils/db.server";
import { createEmployerAccount, createEstablishment, createStaffAccount } from "../helpers/factories";
import { testMail } from "../helpers/postings";
import { createReferrals, createSeeker, createReferral } from "../helpers/referrals";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);

beforeEach(async () => {
  await db().delete(schema.mailOutbox);
});

/** An open establishment of 日光 with an active main account, an active second one, a pending one, and a posting. */
async function establishmentWithPosting(name: string, overrides: Partial<typeof schema.establishments.$inferInsert> = {}) {
  const establishment = await createEstablishment({ name, ...overrides });
  const slug = newId().slice(0, 8);
  const main = await createEmployerAccount(establishment.id, { email: `main-${slug}@example.jp` });
  const second = await createEmployerAccount(establishment.id, { email: `second-${slug}@example.jp`, isMain: false });
  await createEmployerAccount(establishment.id, { email: `pending-${slug}@example.jp`, isMain: false, status: "pending" });
  const now = Date.now();
  const posting = {
    id: newId(),
    establishmentId: establishment.id,
    officeCode: establishment.officeCode,
    status: "accepted" as const,
    content: JSON.stringify(completePosting()),
    publishedContent: JSON.stringify(completePosting()),
    jobNumber: `09100-${String(now % 1e8).padStart(8, "0")}`,
    acceptedOn: "2026-01-20",
    validUntil: "2026-03-31",
    draftStep: 8,
    createdAt: now,
    updatedAt: now,
  };
  await db().insert(schema.jobPostings).values(posting);
  return { establishment, posting, emails: [main.email, second.email] };
}

async function establishmentRow(id: string) {
  return (await db().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get())!;
}

async function noticesOf(id: string) {
  return db().select().from(schema.notices).where(eq(schema.notices.establishmentId, id)).all();
}

async function mailTo(address: string) {
  return db()
    .select()
    .from(schema.mailOutbox)
    .where(and(eq(schema.mailOutbox.toAddress, address), eq(schema.mailOutbox.template, "establishmentNotice")))
    .all();
}

async function restrictAudits(id: string) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.subjectId, id), eq(schema.auditLog.action, RESTRICT_ACTION)))
    .all();
}

const run = (at: string) => runJob(backlogRestrictionJob, env, fixedClock(at));

describe("R-GATE-3 (issue 11): the daily job", () => {
  it("R-GATE-3: registered as a daily job of the 00:05 JST cron, after the postings' expiry, and listed for /dev", () => {
    const daily = SCHEDULES["5 15 * * *"]!;
    expect(daily).toContain(backlogRestrictionJob);
    expect(daily.indexOf(backlogRestrictionJob)).toBeGreaterThan(daily.indexOf(postingExpiryJob));
    expect(ALL_JOBS.map((j) => j.name)).toContain("establishments.backlogRestriction");
    expect(backlogRestrictionJob.frequency).toBe("daily");
  });

  it("R-GATE-3: the JST edge — at 2026-02-28T23:59+09:00 (14:59Z) referrals of 2026-02-08 are on day 20 and do not count; at 2026-03-01T00:00+09:00 (2026-02-28T15:00Z) they are on day 21: 51 restrict, 50 do not (a referral of 2026-02-09 and 採用/不採用/辞退 results never count)", async () => {
    const over = await establishmentWithPosting("株式会社五十一件");
    const at = await establishmentWithPosting("株式会社五十件");
    await createReferrals(51, { posting: over.posting, referredOn: "2026-02-08" });
    await createReferrals(50, { posting: at.posting, referredOn: "2026-02-08" });
    const seeker = await createSeeker();
    // One more for `at` on day 20 (2026-02-09) and three old ones with results: none of them counts today.
    await createReferral({ seekerId: seeker.id, posting: at.posting, referredOn: "2026-02-09" });
    for (const status of ["hired", "rejected", "declined"] as const) {
      await createReferral({ seekerId: (await createSeeker()).id, posting: at.posting, referredOn: "2026-01-05", status });
    }

    expect(await run("2026-02-28T14:59:00Z")).toEqual({ job: "establishments.backlogRestriction", processed: 0, error: null });
    expect((await establishmentRow(over.establishment.id)).restrictedAt).toBeNull();

    const midnight = "2026-02-28T15:00:00Z"; // = 2026-03-01T00:00+09:00
    expect(await run(midnight)).toEqual({ job: "establishments.backlogRestriction", processed: 1, error: null });
    expect((await establishmentRow(over.establishment.id)).restrictedAt).toBe(Date.parse(midnight));
    expect((await establishmentRow(at.establishment.id)).restrictedAt).toBeNull();

    // The お知らせ with the count, what is refused and how to lift; one mail per active account (not the pending one).
    const [notice, ...more] = await noticesOf(over.establishment.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ title: "利用が制限されました", link: "/mypage/applicants?status=screening" });
    expect(notice!.body).toContain("51件");
    expect(notice!.body).toContain("2026年3月1日");
    expect(notice!.body).toContain("募集停止");
    expect(notice!.body).toContain("ハローワーク日光");
    for (const email of over.emails) expect((await mailTo(email)).map((m) => m.subject)).toEqual(["【求人者マイページ】利用が制限されました"]);
    expect(await db().select().from(schema.mailOutbox).all()).toHaveLength(2);
    const [audit] = await restrictAudits(over.establishment.id);
    expect(audit).toMatchObject({ actorType: "system", subjectType: "establishment", officeCode: "0910", at: Date.parse(midnight) });
    expect(JSON.parse(audit!.details)).toMatchObject({ overdue: 51, today: "2026-03-01" });
    expect(await noticesOf(at.establishment.id)).toEqual([]);

    // A re-run the same night (or after a crash) sends nothing; the next day the 2026-02-09 referral is on day 21: 51.
    expect(await run("2026-03-01T00:30:00+09:00")).toMatchObject({ processed: 0, error: null });
    expect(await noticesOf(over.establishment.id)).toHaveLength(1);
    for (const email of over.emails) expect(await mailTo(email)).toHaveLength(1);
    expect(await restrictAudits(over.establishment.id)).toHaveLength(1);
    expect(await run("2026-03-02T00:05:00+09:00")).toMatchObject({ processed: 1, error: null });
    expect((await establishmentRow(at.establishment.id)).restrictedAt).toBe(Date.parse("2026-03-02T00:05:00+09:00"));
    expect(JSON.parse((await restrictAudits(at.establishment.id))[0]!.details)).toMatchObject({ overdue: 51 });
  });

  it("R-GATE-3: two overlapping runs (Promise.all) restrict once and send one mail per account, one お知らせ, one audit row", async () => {
    const over = await establishmentWithPosting("株式会社同時実行");
    await createReferrals(51, { posting: over.posting, referredOn: "2026-02-01" });
    const clock = fixedClock("2026-03-01T00:05:00+09:00");
    const outcomes = await Promise.all([runJob(backlogRestrictionJob, env, clock), runJob(backlogRestrictionJob, env, clock)]);
    expect(outcomes.map((o) => o.error)).toEqual([null, null]);
    expect(outcomes[0]!.processed + outcomes[1]!.processed).toBe(1);
    expect(await noticesOf(over.establishment.id)).toHaveLength(1);
    for (const email of over.emails) expect(await mailTo(email)).toHaveLength(1);
    expect(await restrictAudits(over.establishment.id)).toHaveLength(1);
  });

  it("R-GATE-4: a lift while 51 remain is undone by the next daily run, with a new お知らせ; restricted and 利用不可 establishments are skipped", async () => {
    const over = await establishmentWithPosting("株式会社解除後再制限");
    await createReferrals(51, { posting: over.posting, referredOn: "2026-02-01" });
    const restricted = await establishmentWithPosting("株式会社制限中", { restrictedAt: Date.parse("2026-02-20T00:05:00+09:00") });
    await createReferrals(60, { posting: restricted.posting, referredOn: "2026-02-01" });
    const unusable = await establishmentWithPosting("株式会社利用不可", { status: "unusable", unusableAt: Date.parse("2026-02-20T10:00:00+09:00") });
    await createReferrals(51, { posting: unusable.posting, referredOn: "2026-02-01" });

    expect(await run("2026-03-01T00:05:00+09:00")).toMatchObject({ processed: 1, error: null });
    // The one already restricted keeps its date and gets nothing new; the unusable one is not touched.
    expect((await establishmentRow(restricted.establishment.id)).restrictedAt).toBe(Date.parse("2026-02-20T00:05:00+09:00"));
    expect(await noticesOf(restricted.establishment.id)).toEqual([]);
    expect((await establishmentRow(unusable.establishment.id)).restrictedAt).toBeNull();
    expect(await noticesOf(unusable.establishment.id)).toEqual([]);

    const officer = await createStaffAccount("0910");
    const lifted = await liftRestriction(db(), fixedClock("2026-03-01T10:00:00+09:00"), testMail(), {
      scope: { staffId: officer.id, officeCode: "0910" },
      establishment: await establishmentRow(over.establishment.id),
      office: { name: "ハローワーク日光", phone: "0288-22-0353" },
      overdue: 51,
      note: "",
    });
    expect(lifted).toEqual({ ok: true });
    expect(await establishmentRow(over.establishment.id)).toMatchObject({ restrictedAt: null, restrictionLiftedBy: officer.id });
    // The next daily run counts 51 again: restricted again, with a new お知らせ (registering results never lifts; lifting never exempts).
    expect(await run("2026-03-02T00:05:00+09:00")).toMatchObject({ processed: 1, error: null });
    expect((await establishmentRow(over.establishment.id)).restrictedAt).toBe(Date.parse("2026-03-02T00:05:00+09:00"));
    const titles = (await noticesOf(over.establishment.id)).map((n) => n.title).sort();
    expect(titles).toEqual(["利用が制限されました", "利用が制限されました", "利用制限が解除されました"]);
    expect(await restrictAudits(over.establishment.id)).toHaveLength(2);
  });

  it("R-GATE-3: chunk after chunk (keyset on the id): the establishment in the last chunk is reached", async () => {
    const quiet = [await establishmentWithPosting("株式会社静か一"), await establishmentWithPosting("株式会社静か二")];
    const over = await establishmentWithPosting("株式会社最後の塊");
    await createReferrals(51, { posting: over.posting, referredOn: "2026-02-01" });
    // Chunks of 1: three establishments, three full chunks and an empty one.
    expect(await restrictOverdueEstablishments(db(), fixedClock("2026-03-01T00:05:00+09:00"), testMail(), { chunk: 1 })).toBe(1);
    expect((await establishmentRow(over.establishment.id)).restrictedAt).not.toBeNull();
    for (const q of quiet) expect((await establishmentRow(q.establishment.id)).restrictedAt).toBeNull();
    // A run bounded to fewer chunks than there are establishments stops there (the next run goes on).
    await db().update(schema.establishments).set({ restrictedAt: null }).where(eq(schema.establishments.id, over.establishment.id));
    const ids = [...quiet, over].map((x) => x.establishment.id).sort();
    const reached = ids.indexOf(over.establishment.id) + 1;
    expect(await restrictOverdueEstablishments(db(), fixedClock("2026-03-02T00:05:00+09:00"), testMail(), { chunk: 1, maxChunks: reached - 1 })).toBe(0);
    expect(await restrictOverdueEstablishments(db(), fixedClock("2026-03-02T00:05:00+09:00"), testMail(), { chunk: 1, maxChunks: reached })).toBe(1);
  });

  it("R-GATE-3: the grouped statement of a full chunk stays under D1's 100 bound parameters", () => {
    const ids = Array.from({ length: RESTRICTION_CHUNK }, () => newId());
    const { params } = restrictStatement(db(), "2026-03-01", Date.parse("2026-03-01T00:05:00+09:00"), ids).toSQL();
    expect(params.length).toBeLessThanOrEqual(100);
    expect(params).toContain(50); // BACKLOG_LIMIT, bound: the SQL uses the constant
  });
});
