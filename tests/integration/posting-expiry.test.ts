/**
 * The daily expiry of postings (R-JOB-4, app/jobs/posting-expiry.server.ts): after the 紹介期限 an accepted posting
 * becomes 無効 (expired) with its 求人無効日 = 紹介期限 + 1 day, the establishment gets an お知らせ and a mail; nothing
 * happens on or before the last day; a re-run finds nothing; more postings than one chunk all expire.
 */
import { env } from "cloudflare:test";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { expireDuePostings, POSTING_EXPIRY_CHUNK, postingExpiryJob } from "../../app/jobs/posting-expiry.server";
import { ALL_JOBS, SCHEDULES } from "../../app/jobs/registry.server";
import { fixedClock } from "../../app/lib/clock";
import { formatJobNumber } from "../../app/lib/identifiers";
import { createDraft } from "../../app/models/posting/drafts.server";
import { hasValidPosting } from "../../app/models/posting/queries.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { getDb, schema } from "../../app/utils/db.server";
import { completePosting } from "../unit/posting-fixture";
import { setWorkerNow } from "../helpers/clock";
import { agreeToCurrentDocuments, latestMail, mailCount } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment, createStaffAccount, signIn } from "../helpers/factories";
import { countingD1 } from "../helpers/d1-count";
import { clearOutbox, testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";
import { hrefs, parse, textOf } from "../helpers/html";

const db = () => getDb(env);
const jp = schema.jobPostings;
const MAIN_EMAIL = "saiyo@nikko-yuba.example.jp";

/** Accepted on 2025-11-15 → 紹介期限 2026-01-31 (the end of the month after next). */
const ACCEPTED_AT = "2025-11-15T10:00:00+09:00";

async function establishmentWithMain() {
  const establishment = await createEstablishment({ name: "株式会社日光ゆば工房" });
  const main = await createEmployerAccount(establishment.id, { email: MAIN_EMAIL });
  return { establishment, main };
}

/** A posting submitted and accepted through the model (as the pages and the officer do). */
async function acceptedPosting(establishment: Awaited<ReturnType<typeof createEstablishment>>, accountId: string, jobTitle?: string) {
  const clock = fixedClock(ACCEPTED_AT);
  const officer = await createStaffAccount("0910");
  const content = completePosting();
  const posting = await createDraft(db(), clock, establishment, jobTitle ? { ...content, jobTitle } : content, { accountId });
  expect(await submitPosting(db(), clock, { establishmentId: establishment.id, accountId, officeCode: establishment.officeCode }, posting.id)).toEqual({
    ok: true,
    kind: "new",
  });
  expect(await acceptPosting(db(), clock, { staffId: officer.id, officeCode: "0910" }, posting.id, testMail())).toMatchObject({ validUntil: "2026-01-31" });
  // The 受理 mail is the set-up's: the tests count the mail of the expiry.
  await clearOutbox(db());
  return posting.id;
}

async function row(id: string) {
  return (await db().select().from(jp).where(eq(jp.id, id)).get())!;
}

beforeEach(async () => {
  await setWorkerNow(null);
});

describe("postings.expire (R-JOB-4)", () => {
  it("R-JOB-4: the job runs daily after 00:00 JST", () => {
    expect(ALL_JOBS).toContain(postingExpiryJob);
    // 15:05 UTC = 00:05 JST.
    expect(SCHEDULES["5 15 * * *"]).toContain(postingExpiryJob);
  });

  it("R-JOB-4: nothing happens on or before the 紹介期限; the day after, the posting expires with 求人無効日 = 紹介期限 + 1 day, an お知らせ and a mail; a re-run finds nothing", async () => {
    const { establishment, main } = await establishmentWithMain();
    const id = await acceptedPosting(establishment, main.id);

    // The last valid day, late in the evening (JST) — and already 2026-01-31 in UTC in the morning of 02-01 JST.
    for (const at of ["2026-01-30T00:05:00+09:00", "2026-01-31T00:05:00+09:00", "2026-01-31T23:59:59+09:00"]) {
      expect(await runJob(postingExpiryJob, env, fixedClock(at))).toEqual({ job: "postings.expire", processed: 0, error: null });
      expect(await row(id)).toMatchObject({ status: "accepted", invalidatedOn: null });
    }
    expect(await hasValidPosting(db(), establishment.id, "2026-01-31")).toBe(true);

    // 00:05 JST on 2026-02-01 is 15:05 UTC on 2026-01-31: the JST date decides.
    const morning = fixedClock("2026-02-01T00:05:00+09:00");
    expect(await runJob(postingExpiryJob, env, morning)).toEqual({ job: "postings.expire", processed: 1, error: null });
    expect(await row(id)).toMatchObject({ status: "expired", invalidatedOn: "2026-02-01", validUntil: "2026-01-31" });
    expect(await hasValidPosting(db(), establishment.id, "2026-02-01")).toBe(false);
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, establishment.id)).all();
    expect(notices.map((n) => n.title)).toEqual(expect.arrayContaining(["求人の紹介期限が過ぎました"]));
    expect(notices.find((n) => n.title === "求人の紹介期限が過ぎました")?.link).toBe(`/mypage/postings/${id}`);
    expect(await latestMail(MAIN_EMAIL, "postingNotice")).toContain("紹介期限を過ぎたため無効になりました");
    const audit = await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, id)).all();
    expect(audit.filter((a) => a.action === "posting.expire")).toMatchObject([{ actorType: "system" }]);

    // Re-running (the same day, or a crash and a retry) finds nothing more.
    expect(await runJob(postingExpiryJob, env, morning)).toEqual({ job: "postings.expire", processed: 0, error: null });
    expect(await runJob(postingExpiryJob, env, fixedClock("2026-02-02T00:05:00+09:00"))).toMatchObject({ processed: 0 });
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(1);
    expect(await row(id)).toMatchObject({ status: "expired", invalidatedOn: "2026-02-01" });
  });

  it("R-JOB-4: the employer's pages show the expired posting with its 求人無効日 and offer its renewal (R-JOB-5)", async () => {
    const { establishment, main } = await establishmentWithMain();
    const id = await acceptedPosting(establishment, main.id);
    const at = "2026-02-01T09:00:00+09:00";
    await runJob(postingExpiryJob, env, fixedClock(at));
    await setWorkerNow(at);
    await agreeToCurrentDocuments(main.id, fixedClock(at));
    const cookie = await signIn("employer", main.id, fixedClock(at));
    const res = await workerFetch(`/mypage/postings/${id}`, { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("紹介期限切れ（無効）");
    expect(textOf(parse(html).querySelector("[data-invalidated-on]"))).toBe("2026年2月1日");
    expect(html).not.toContain('value="stop"');
    // Renewal stays possible after the 紹介期限 (R-JOB-5): the button posts to the 新しい求人 page.
    expect(parse(html).querySelector('[data-renewal-open] button[name="intent"][value="renewal"]')).not.toBeNull();
    const list = await (await workerFetch("/mypage/postings", { cookie })).text();
    expect(hrefs(parse(list).querySelector('[data-group="invalid"]')!)).toContain(`/mypage/postings/${id}`);
  });

  it(`R-JOB-4: more postings than one chunk (${POSTING_EXPIRY_CHUNK}) all expire in one run`, async () => {
    const { establishment } = await establishmentWithMain();
    const now = Date.parse(ACCEPTED_AT);
    const content = JSON.stringify(completePosting());
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const id = `p${String(i).padStart(3, "0")}`;
      ids.push(id);
      await db()
        .insert(jp)
        .values({
          id,
          establishmentId: establishment.id,
          officeCode: "0910",
          status: "accepted",
          jobNumber: formatJobNumber("09100", 1000 + i),
          content,
          publishedContent: content,
          acceptedOn: "2025-11-15",
          // Different last days, all before 2026-02-01.
          validUntil: i % 2 ? "2026-01-31" : "2026-01-15",
          createdAt: now,
          updatedAt: now,
        });
    }
    // One that is still valid stays.
    await db()
      .insert(jp)
      .values({
        id: "still",
        establishmentId: establishment.id,
        officeCode: "0910",
        status: "accepted",
        jobNumber: formatJobNumber("09100", 2000),
        content,
        publishedContent: content,
        acceptedOn: "2026-01-10",
        validUntil: "2026-03-31",
        createdAt: now,
        updatedAt: now,
      });

    const clock = fixedClock("2026-02-01T00:05:00+09:00");
    expect(await runJob(postingExpiryJob, env, clock)).toEqual({ job: "postings.expire", processed: 45, error: null });
    const rows = await db().select().from(jp).where(inArray(jp.id, ids)).all();
    expect(rows).toHaveLength(45);
    for (const r of rows) {
      expect(r.status).toBe("expired");
      expect(r.invalidatedOn).toBe(r.validUntil === "2026-01-31" ? "2026-02-01" : "2026-01-16");
    }
    expect((await row("still")).status).toBe("accepted");
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(45);
    expect(await runJob(postingExpiryJob, env, clock)).toEqual({ job: "postings.expire", processed: 0, error: null });
  });

  it("issue 14, R-JOB-4: one run stays within its budget of D1 queries (every statement counted) and the next run goes on where it stopped", async () => {
    const { establishment } = await establishmentWithMain();
    const now = Date.parse(ACCEPTED_AT);
    const content = JSON.stringify(completePosting());
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: `b${String(i).padStart(3, "0")}`,
      establishmentId: establishment.id,
      officeCode: "0910",
      status: "accepted" as const,
      jobNumber: formatJobNumber("09100", 3000 + i),
      content,
      publishedContent: content,
      acceptedOn: "2025-11-15",
      validUntil: "2026-01-31",
      createdAt: now,
      updatedAt: now,
    }));
    for (const values of rows) await db().insert(jp).values(values);
    const clock = fixedClock("2026-02-01T00:05:00+09:00");
    // Chunks of 2 within 40 queries: a round of 2 sends 2 reads and 8 statements; another must fit twice over (2 × 2 × 7 + 2 = 30).
    const budget = { chunk: 2, budget: 40 };
    const counted = countingD1();
    const first = await expireDuePostings(getDb({ ...env, DB: counted.db }), clock, testMail(), budget);
    const sent = counted.log().reduce((n, entry) => n + (entry.startsWith("batch[") ? entry.split(" | ").length : 1), 0);
    expect(sent).toBe(first.statements);
    expect(first.statements).toBe(20);
    expect(first.expired).toBe(4);
    expect(await db().select().from(jp).where(eq(jp.status, "expired")).all()).toHaveLength(4);
    let expired = first.expired;
    for (let run = 0; run < 5 && expired < 12; run++) expired += (await expireDuePostings(db(), clock, testMail(), budget)).expired;
    expect(expired).toBe(12);
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(12);
  });
});

describe("overlapping runs (issue 9 #10)", () => {
  it("R-JOB-4, R-AUDIT-1: two runs of postings.expire started together (cron and a manual run) write one audit row, one お知らせ and one mail per posting (issue 9 #10)", async () => {
    const { establishment, main } = await establishmentWithMain();
    const ids = [await acceptedPosting(establishment, main.id), await acceptedPosting(establishment, main.id, "倉庫作業スタッフ")];
    const clock = fixedClock("2026-02-01T00:05:00+09:00");
    const outcomes = await Promise.all([runJob(postingExpiryJob, env, clock), runJob(postingExpiryJob, env, clock)]);
    expect(outcomes.map((o) => o.error)).toEqual([null, null]);
    expect(outcomes[0]!.processed + outcomes[1]!.processed).toBe(2);
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "expired", invalidatedOn: "2026-02-01" });
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "posting.expire"), inArray(schema.auditLog.subjectId, ids)))
      .all();
    expect(audit.map((a) => a.subjectId).sort()).toEqual([...ids].sort());
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.title, "求人の紹介期限が過ぎました")).all();
    expect(notices).toHaveLength(2);
    expect(await mailCount(MAIN_EMAIL, "postingNotice")).toBe(2);
  });
});
