/**
 * Faults (issue 14): what a failure of the platform leaves behind.
 *  - D1 fails in the middle of a multi-statement write: each writing round trip of the request is made to fail in turn
 *    (tests/helpers/d1-fault.ts: a batch gets a statement that cannot run appended, so D1 itself rolls it back); every
 *    time the answer is the Japanese error page and no table holds a part of the write; the run where nothing fails
 *    changes the tables (so the snapshot would have seen a partial write).
 *  - A daily job killed after k writes and run again ends as one clean run (the erasure job has its own such test in
 *    erasure.test.ts).
 *  - KV refuses the 認証キー: the page answers beside the form, nothing is half-issued, asking again works.
 * (Resend timeouts and 5xx: mail-retry.test.ts.)
 */
import { env } from "cloudflare:test";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backlogRestrictionJob } from "../../app/jobs/backlog-restriction.server";
import { runJob } from "../../app/jobs/dispatch.server";
import type { Job } from "../../app/jobs/job.server";
import { postingExpiryJob } from "../../app/jobs/posting-expiry.server";
import { fixedClock } from "../../app/lib/clock";
import { restrictOverdueEstablishments } from "../../app/models/gates/backlog.server";
import { expirePostings } from "../../app/models/posting/expiry.server";
import { schema } from "../../app/utils/db.server";
import { mailContext } from "../../app/utils/mail.server";
import { resultVersion } from "../../scripts/lib/load.ts";
import { changedTables, failingD1, INJECTED, snapshotTables } from "../helpers/d1-fault";
import { PASSWORD } from "../helpers/employer-signin";
import { db } from "../helpers/factories";
import { controls, fieldError } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { issueKeyDirectly, mailedKey, registeredWithPendingMain } from "../helpers/opening";
import { draftOf } from "../helpers/postings";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createSeeker } from "../helpers/referrals";
import { seekerWithLogin } from "../helpers/seeker-auth";
import { referralForm } from "../helpers/seekers";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { NOW } from "../helpers/clock";
import { resetDatabase } from "../helpers/db";
import { completePosting } from "../unit/posting-fixture";
import { callWorker, ORIGIN, workerFetch } from "../helpers/worker";

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  await atWorkerNow(NOW);
  // The error page logs the injected failure (console.error); those logs are expected here and checked.
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  errors.mockRestore();
});

/** A form posted by a browser of this site, to the Worker with some bindings replaced. */
function postWith(overrides: Partial<Env>, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Host: new URL(ORIGIN).host });
  if (cookie) headers.set("Cookie", cookie);
  return callWorker(new Request(new URL(path, ORIGIN), { method: "POST", body: new URLSearchParams(fields), headers, redirect: "manual" }), overrides);
}

/**
 * Sends the request once per writing round trip, the k-th failing (k = 1, 2, …), then once with none failing. Each failed
 * one must answer the Japanese error page with no detail and leave every table as it was; the last must succeed
 * (303) and change `changes`. Returns how many writing round trips the request makes.
 */
async function failEveryWrite(send: (db: D1Database) => Promise<Response>, changes: string[]): Promise<number> {
  for (let k = 1; k < 10; k++) {
    const before = await snapshotTables();
    const faulty = failingD1(k);
    const res = await send(faulty.db);
    const after = await snapshotTables();
    if (!faulty.fired()) {
      expect(res.status, `with no failure (${k - 1} writing round trips)`).toBe(303);
      expect(changedTables(before, after)).toEqual(expect.arrayContaining(changes));
      return k - 1;
    }
    expect(res.status, `round trip ${k} failed`).toBe(500);
    const html = await res.text();
    expect(html).toContain("ただいま処理できません");
    expect(html).not.toContain(INJECTED);
    expect(html).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(changedTables(before, after), `round trip ${k} failed: partial write`).toEqual([]);
  }
  throw new Error("more than 9 writing round trips");
}

describe("issue 14: a D1 failure in the middle of a write leaves no partial state", () => {
  it("issue 14, R-JOB-1: 求人の申込み", async () => {
    const page = await openMyPage();
    const draft = await draftOf(page, completePosting(), 8);
    const trips = await failEveryWrite(
      (DB) => postWith({ DB }, `/mypage/postings/${draft.id}`, { intent: "submit" }, page.cookie),
      ["job_postings", "audit_log"],
    );
    expect(trips).toBeGreaterThanOrEqual(2);
  });

  it("issue 14, R-REF-1: 紹介の登録 (referral, its event, the お知らせ and the mail)", async () => {
    const clock = await atWorkerNow(NOW);
    const { cookie } = await signedInOfficer("0910", clock);
    const posting = await acceptedPosting(await openMyPage());
    const seeker = await createSeeker();
    await failEveryWrite(
      (DB) => postWith({ DB }, `/staff/seekers/${seeker.id}/refer`, referralForm(posting.jobNumber!, "2026-11-26"), cookie),
      ["referrals", "referral_events", "notices", "mail_outbox"],
    );
  });

  it("issue 14, R-REF-3, R-AUDIT-1: 選考結果の登録 (referral, history, audit row)", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const referral = await createReferral({ seekerId: (await createSeeker()).id, posting, referredOn: "2026-11-20" });
    const version = resultVersion(await (await workerFetch(`/mypage/applicants/${referral.id}`, { cookie: page.cookie })).text());
    expect(version).not.toBeNull();
    const form = { version: version!, result: "hired", hireDate: "2026-12-01", conditionsDiffer: "false" };
    await failEveryWrite((DB) => postWith({ DB }, `/mypage/applicants/${referral.id}`, form, page.cookie), ["referrals", "referral_events", "audit_log"]);
  });

  it("issue 14, R-MSG-1: the first message to a referred seeker (conversation and message)", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const { seeker } = await seekerWithLogin();
    const referral = await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-20" });
    await failEveryWrite(
      (DB) => postWith({ DB }, `/mypage/messages/new?referral=${referral.id}`, { body: "面接日程のご相談です。" }, page.cookie),
      ["message_threads", "messages"],
    );
  });

  it("issue 14, R-DEL-1, R-AUDIT-1: 退会 (establishment, postings, sessions, mail, audit row in one batch)", async () => {
    const page = await openMyPage({ password: true });
    await acceptedPosting(page);
    const trips = await failEveryWrite(
      (DB) => postWith({ DB }, "/mypage/withdrawal", { currentPassword: PASSWORD, confirmed: "on" }, page.cookie),
      ["establishments", "job_postings", "mail_outbox", "audit_log"],
    );
    expect(trips).toBeGreaterThanOrEqual(1);
  });

  it("issue 14, R-OPEN-6, R-OPEN-7: パスワード登録 (password, account, consents, My Page opened, audit row)", async () => {
    const { account } = await registeredWithPendingMain();
    // A fresh key for each try: a failure after the key was checked has used it up (asking for a new one is the way on).
    await failEveryWrite(
      async (DB) =>
        postWith({ DB }, "/password-registration/complete", {
          email: account.email,
          key: await issueKeyDirectly("open", account.id),
          password: PASSWORD,
          passwordConfirm: PASSWORD,
        }),
      ["employer_accounts", "establishments", "consents", "audit_log"],
    );
  });
});

/** A KV namespace whose writes fail, as when KV is unavailable; reads pass. */
function kvRefusingWrites(): KVNamespace {
  return new Proxy(env.AUTH_KEYS, {
    get(target, property) {
      if (property === "put") return () => Promise.reject(new Error("KV PUT failed: 503 Service Unavailable (injected)"));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const KEY_MESSAGE = "ただいま認証キーを発行できませんでした";

describe("issue 14: KV unavailable when an 認証キー is issued", () => {
  it("issue 14, R-OPEN-4, R-OPEN-5: パスワード登録 — a Japanese message beside the address, the form kept, nothing half-issued; asking again works and opens the My Page", async () => {
    const { account } = await registeredWithPendingMain();
    const form = { email: account.email, agreeTerms: "on", agreePrivacy: "on" };
    const res = await postWith({ AUTH_KEYS: kvRefusingWrites() }, "/password-registration?index", form);
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(fieldError(html, "email")).toContain(KEY_MESSAGE);
    expect(controls(html, "email")[0]?.getAttribute("value")).toBe(account.email);
    expect(await db().select().from(schema.authKeyAttempts).all()).toEqual([]);
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);
    expect(await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get()).toMatchObject({
      status: "pending",
      passwordHash: null,
    });
    expect(errors).toHaveBeenCalled();

    // KV is back: the same request issues and mails the key, and the key opens the My Page.
    expect((await postWith({}, "/password-registration?index", form)).status).toBe(303);
    const key = await mailedKey(account.email, "authKeyOpen");
    const done = await postWith({}, "/password-registration/complete", { email: account.email, key, password: PASSWORD, passwordConfirm: PASSWORD });
    expect(done.status).toBe(303);
    expect(await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get()).toMatchObject({ status: "active" });
  });

  it("issue 14, R-AUTH-2: パスワード再設定 — a Japanese message beside the address, nothing issued or mailed; asking again mails the key", async () => {
    const page = await openMyPage({ password: true });
    const res = await postWith({ AUTH_KEYS: kvRefusingWrites() }, "/password-reset?index", { email: page.main.email });
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(fieldError(html, "email")).toContain(KEY_MESSAGE);
    expect(controls(html, "email")[0]?.getAttribute("value")).toBe(page.main.email);
    expect(await db().select().from(schema.authKeyAttempts).all()).toEqual([]);
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);

    expect((await postWith({}, "/password-reset?index", { email: page.main.email })).status).toBe(303);
    expect(await db().select({ template: schema.mailOutbox.template }).from(schema.mailOutbox).all()).toEqual([{ template: "authKeyReset" }]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Daily jobs killed mid-run (the withdrawal erasure has its own such test in erasure.test.ts)

/**
 * What a daily job leaves, without the ids and times a run draws afresh: each establishment's state, its postings' state
 * and 求人無効日, the お知らせ and mail it got, the audit rows about it, and the job's clean runs (finished, no error).
 */
async function jobOutcome(job: string) {
  const d = db();
  const [p, n, e] = [schema.jobPostings, schema.notices, schema.establishments];
  const names = new Map((await d.select({ id: e.id, name: e.name }).from(e).all()).map((r) => [r.id, r.name]));
  const name = (id: string | null) => names.get(id ?? "") ?? id;
  const named = <T extends { e: string | null }>(rows: T[]) => rows.map((r) => ({ ...r, e: name(r.e) }));
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    establishments: sorted(await d.select({ name: e.name, status: e.status, restrictedAt: e.restrictedAt }).from(e).all()),
    postings: sorted(named(await d.select({ e: p.establishmentId, status: p.status, invalidatedOn: p.invalidatedOn, stopReason: p.stopReason }).from(p).all())),
    notices: sorted(named(await d.select({ e: n.establishmentId, title: n.title, body: n.body }).from(n).all())),
    mail: sorted(
      await d
        .select({ to: schema.mailOutbox.toAddress, template: schema.mailOutbox.template, subject: schema.mailOutbox.subject })
        .from(schema.mailOutbox)
        .all(),
    ),
    audit: sorted(
      (await d.select({ action: schema.auditLog.action, subject: schema.auditLog.subjectId, e: schema.auditLog.establishmentId }).from(schema.auditLog).all())
        .filter((r) => names.has(r.e ?? "") || names.has(r.subject ?? ""))
        .map((r) => ({ action: r.action, e: name(r.e ?? r.subject) })),
    ),
    cleanRuns: (
      await d
        .select()
        .from(schema.jobRuns)
        .where(and(eq(schema.jobRuns.job, job), isNotNull(schema.jobRuns.finishedAt), isNull(schema.jobRuns.error)))
        .all()
    ).length,
  };
}

/**
 * One clean run of `job` on a fresh `world`; then the same world again, a run of `chunked` (the job in chunks of one,
 * so that the kill falls between chunks) killed at its `killAt`-th write, and a clean run of `job`: the two outcomes
 * are equal, and the killed run is on record as unfinished (not as a second clean run).
 */
async function killedThenClean(job: Job, chunked: Job, world: () => Promise<void>, killAt: number) {
  const clock = fixedClock(NOW);
  await world();
  expect(await runJob(job, env, clock)).toMatchObject({ error: null });
  const clean = await jobOutcome(job.name);
  expect(clean.cleanRuns).toBe(1);

  await resetDatabase();
  await world();
  const before = await jobOutcome(job.name);
  const killed = failingD1(killAt, { kill: true });
  expect((await runJob(chunked, { ...env, DB: killed.db }, clock)).error).toContain(INJECTED);
  expect(killed.fired()).toBe(true);
  const partial = await jobOutcome(job.name);
  // The kill fell in the middle: some of the work was done, not all of it.
  expect(partial).not.toEqual(before);
  expect(partial).not.toEqual(clean);
  expect(await runJob(job, env, clock)).toMatchObject({ error: null });
  expect(await jobOutcome(job.name)).toEqual(clean);
  const runs = await db().select().from(schema.jobRuns).where(eq(schema.jobRuns.job, job.name)).all();
  expect(runs.filter((r) => r.finishedAt === null)).toHaveLength(1);
  // A third run the same day changes nothing.
  await runJob(job, env, clock);
  expect({ ...(await jobOutcome(job.name)), cleanRuns: 1 }).toEqual(clean);
}

/** `count` seekers of 日光 in one statement (copies of one made by the factory). */
async function seekers(count: number): Promise<void> {
  const first = await createSeeker();
  const columns = (await env.DB.prepare("SELECT name FROM pragma_table_info('job_seekers')").all<{ name: string }>()).results.map((c) => c.name);
  const select = columns.map((c) =>
    c === "id" ? "'load-seeker-' || n" : c === "seeker_number" ? "printf('09100-%08d', 700000 + n)" : c === "public_number" ? "NULL" : c,
  );
  await env.DB.prepare(
    `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?) INSERT INTO job_seekers (${columns.join(", ")}) SELECT ${select.join(", ")} FROM k, job_seekers WHERE job_seekers.id = ?`,
  )
    .bind(count - 1, first.id)
    .run();
}

/** An open My Page with a valid posting and `overdue` referrals of 2026-10-01 without a result (day 56 on NOW). */
async function withOverdueReferrals(name: string, email: string, overdue: number) {
  const page = await openMyPage({ name, email });
  const posting = await acceptedPosting(page);
  await env.DB.prepare(
    `INSERT INTO referrals (id, seeker_id, posting_id, establishment_id, channel, office_code, referred_on, status, created_at, updated_at)
     SELECT ? || id, id, ?, ?, 'referral', '0910', '2026-10-01', 'screening', 0, 0 FROM job_seekers ORDER BY id LIMIT ?`,
  )
    .bind(`${posting.id}-`, posting.id, page.establishment.id, overdue)
    .run();
}

/** An open My Page whose posting's 紹介期限 was yesterday (or is still ahead). */
async function withPostingValidUntil(name: string, email: string, validUntil: string) {
  const posting = await acceptedPosting(await openMyPage({ name, email }));
  await db().update(schema.jobPostings).set({ validUntil }).where(eq(schema.jobPostings.id, posting.id));
}

describe("issue 14: a daily job killed mid-run and run again ends as one clean run", () => {
  it("issue 14, R-GATE-3, R-DEL-4: the backlog check — killed after its first chunk, then run again: the same restrictions, お知らせ, mail and audit rows as one clean run, none twice", async () => {
    const chunked: Job = { ...backlogRestrictionJob, run: ({ env: e, db: d, clock }) => restrictOverdueEstablishments(d, clock, mailContext(e), { chunk: 1 }) };
    const world = async () => {
      await seekers(51);
      await withOverdueReferrals("株式会社五十一件", "a@backlog.example.jp", 51);
      await withOverdueReferrals("株式会社もう五十一件", "b@backlog.example.jp", 51);
      await withOverdueReferrals("株式会社五十件", "c@backlog.example.jp", 50);
    };
    // Writes: the job_runs row, chunk 1, chunk 2 (killed).
    await killedThenClean(backlogRestrictionJob, chunked, world, 3);
    expect((await jobOutcome(backlogRestrictionJob.name)).establishments.filter((e) => e.includes('"restrictedAt":null'))).toHaveLength(1);
  });

  it("issue 14, R-JOB-4, R-DEL-4: posting expiry — killed after its first chunk, then run again: every due posting expired once with its 求人無効日, one お知らせ and mail each", async () => {
    const chunked: Job = {
      ...postingExpiryJob,
      run: async ({ env: e, db: d, clock }) => {
        let total = 0;
        for (;;) {
          const { found, expired } = await expirePostings(d, clock, mailContext(e), 1);
          total += expired;
          if (found < 1) return total;
        }
      },
    };
    const world = async () => {
      await withPostingValidUntil("株式会社期限切れ一", "a@expiry.example.jp", "2026-11-25");
      await withPostingValidUntil("株式会社期限切れ二", "b@expiry.example.jp", "2026-11-25");
      await withPostingValidUntil("株式会社有効中", "c@expiry.example.jp", "2026-11-26");
    };
    await killedThenClean(postingExpiryJob, chunked, world, 3);
    expect((await jobOutcome(postingExpiryJob.name)).postings.filter((p) => p.includes('"status":"expired"'))).toHaveLength(2);
  });
});
