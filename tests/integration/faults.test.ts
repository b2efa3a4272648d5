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
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { schema } from "../../app/utils/db.server";
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
