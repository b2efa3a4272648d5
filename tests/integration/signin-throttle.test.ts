/**
 * Throttling of sign-in against the attacks of issue 9 (R-AUTH-3, R-AUTH-4), through the real Worker:
 *  - #1 the second factor (employer mail code, staff TOTP) has its own counter, which a correct password does not reset;
 *  - #3 a burst of parallel guesses gets exactly the allowed number of tries (the try is reserved before the hash);
 *  - #6 a browser that has signed in before keeps its own budget, so nobody can keep an employer locked out.
 */
import { env } from "cloudflare:test";
import { and, eq, gte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock, MINUTE_MS } from "../../app/lib/clock";
import { totpAt } from "../../app/lib/totp";
import { getDb, schema } from "../../app/utils/db.server";
import { releaseStatements, reserveAttempts } from "../../app/utils/throttle.server";
import { setWorkerNow } from "../helpers/clock";
import {
  CookieJar,
  createSignInAccount,
  latestLoginCode,
  latestResetKey,
  mailCount,
  NEW_PASSWORD,
  PASSWORD,
  post,
  signInThroughForms,
} from "../helpers/employer-signin";
import { createStaffAccount } from "../helpers/factories";
import { fieldError } from "../helpers/html";
import { atWorkerNow, cookieFrom, passwordStep, staffWithTotp } from "../helpers/staff";
import { postForm } from "../helpers/worker";

const db = () => getDb(env);
const T0 = new Date("2026-12-01T10:00:00+09:00").getTime();
const DEVICE_COOKIE = "__Host-mp_device";
const TRUST_COOKIE = "__Host-mp_trusted";
/** The generic answer to a refused password (R-AUTH-3) and the start of every lock message. */
const SIGN_IN_FAILED = "エラー：メールアドレスまたはパスワードが正しくありません。";
const LOCKED = "しばらく受け付けを停止しています";
const SECOND_FACTOR_LOCKED = "ログインを一時停止しています";

async function auditRows(action: string, since: number) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), gte(schema.auditLog.at, since)))
    .all();
}

async function mailsTo(address: string) {
  return db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, address)).all();
}

const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

describe("issue 9 #1: the second factor has its own counter, which a correct password does not reset", { timeout: 120_000 }, () => {
  it("R-AUTH-3 (issue 9 #1): password, wrong mail codes, password again, … ends locked after 5 wrong codes; the account is told by mail and the lock is audited", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    const answers: number[] = [];
    let code = "";
    // Three rounds of "the right password, then two wrong codes": the 5th wrong code is in the third round.
    for (let round = 0; round < 3; round++) {
      const login = await post("/login", { email: account.email, password: PASSWORD }, jar);
      expect(login.status, `round ${round}`).toBe(303);
      expect(login.headers.get("Location")).toBe("/login/verify");
      code = await latestLoginCode(account.email);
      for (let i = 0; i < 2 && answers.length < 5; i++) {
        const res = await post("/login/verify", { code: wrongCode(code) }, jar);
        answers.push(res.status);
        if (answers.length === 5) expect(fieldError(await res.text(), "code")).toContain(SECOND_FACTOR_LOCKED);
        else await res.body?.cancel();
      }
    }
    expect(answers).toEqual([400, 400, 400, 400, 429]);

    // Locked: the right code of the latest mail is refused, and the password step mails no new code.
    const right = await post("/login/verify", { code }, jar);
    expect(right.status).toBe(429);
    expect(fieldError(await right.text(), "code")).toContain(SECOND_FACTOR_LOCKED);
    const codes = await mailCount(account.email, "loginCode");
    const again = await post("/login", { email: account.email, password: PASSWORD }, new CookieJar());
    expect(again.status).toBe(429);
    expect(fieldError(await again.text(), "password")).toContain(SECOND_FACTOR_LOCKED);
    expect(await mailCount(account.email, "loginCode")).toBe(codes);
    const sessions = await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all();
    expect(sessions.every((s) => !s.twoFactorVerified)).toBe(true);

    // The account holder is told once, and the lock is audited without the address.
    expect(await mailCount(account.email, "secondFactorLocked")).toBe(1);
    const audits = (await auditRows("employer.signin.second-factor.locked", T0)).filter((a) => a.subjectId === account.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).not.toContain("@");

    // After the lock (60 minutes) the owner signs in with a fresh code.
    await setWorkerNow(new Date(T0 + 61 * MINUTE_MS));
    const owner = await signInThroughForms(account.email, new CookieJar());
    expect(owner.headers.get("Location")).toBe("/mypage");
  });

  it("R-AUTH-2 (issue 9 #1): a password reset by the mailed key ends the employer's second-factor lock (the mailbox is that factor)", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    const code = await latestLoginCode(account.email);
    for (let i = 0; i < 5; i++) await (await post("/login/verify", { code: wrongCode(code) }, jar)).body?.cancel();
    expect((await post("/login", { email: account.email, password: PASSWORD })).status).toBe(429);

    await post("/password-reset?index", { email: account.email });
    const key = await latestResetKey(account.email);
    const reset = await post("/password-reset/complete", { email: account.email, key, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(reset.headers.get("Location")).toBe("/login");
    const owner = await signInThroughForms(account.email, new CookieJar(), { password: NEW_PASSWORD });
    expect(owner.headers.get("Location")).toBe("/mypage");
  });

  it("R-AUTH-4 (issue 9 #1): password, wrong TOTP codes, password again, … ends locked after 5; the supervisors of the officer's office are alerted by mail and audit", async () => {
    const clock = await atWorkerNow("2026-11-26T14:00:00+09:00");
    const since = clock.now().getTime();
    const { staff, secret } = await staffWithTotp();
    const supervisor = await createStaffAccount("0910", { role: "supervisor" });
    const otherOffice = await createStaffAccount("0901", { role: "supervisor" });
    const retired = await createStaffAccount("0910", { role: "supervisor", active: false });
    const right = totpAt(secret, clock);
    const answers: number[] = [];
    let half = "";
    for (let round = 0; round < 3; round++) {
      const login = await passwordStep(staff.email);
      expect(login.status, `round ${round}`).toBe(302);
      half = cookieFrom(login);
      for (let i = 0; i < 2 && answers.length < 5; i++) {
        const res = await postForm("/staff/login/totp", { code: wrongCode(right) }, half);
        answers.push(res.status);
        if (answers.length === 5) expect(fieldError(await res.text(), "code")).toContain(SECOND_FACTOR_LOCKED);
        else await res.body?.cancel();
      }
    }
    expect(answers).toEqual([400, 400, 400, 400, 429]);
    const locked = await postForm("/staff/login/totp", { code: right }, half);
    expect(locked.status).toBe(429);
    expect(fieldError(await locked.text(), "code")).toContain(SECOND_FACTOR_LOCKED);
    expect((await db().select().from(schema.sessions).all()).every((s) => !s.twoFactorVerified)).toBe(true);

    // The supervisors of the office (active ones only) get one mail each; the audit row is the office's.
    const alerts = await mailsTo(supervisor.email);
    expect(alerts.map((m) => m.template)).toEqual(["staffSecondFactorLocked"]);
    expect(alerts[0]!.textBody).toContain(staff.name);
    expect(await mailsTo(otherOffice.email)).toEqual([]);
    expect(await mailsTo(retired.email)).toEqual([]);
    const audits = (await auditRows("staff.signin.second-factor.locked", since)).filter((a) => a.subjectId === staff.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subjectType: "staff_account", subjectId: staff.id, officeCode: "0910" });

    // An hour later the right code works again.
    const later = await atWorkerNow("2026-11-26T15:01:00+09:00");
    const ok = await postForm("/staff/login/totp", { code: totpAt(secret, later) }, cookieFrom(await passwordStep(staff.email)));
    expect(ok.status).toBe(302);
  });
});

describe("issue 9 #3: parallel guesses get exactly the allowed number of tries", { timeout: 180_000 }, () => {
  it("R-AUTH-3 (issue 9 #3): reserveAttempts — 25 parallel reservations in D1 get exactly max tries; giving back the last one unlocks; a refused scope gives back the others", async () => {
    const clock = fixedClock(new Date(T0));
    const limit = { max: 10, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveAttempts(db(), clock, [{ scope: "test:burst", limit }])));
    const held = results.flatMap((r) => (r.ok ? r.held : []));
    expect(held).toHaveLength(10);
    expect(held.filter((h) => h.last)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.until === T0 + 15 * MINUTE_MS)).toBe(true);

    // The try that took the last place did not fail (a right password): the scope is open again for one try.
    const last = held.find((h) => h.last)!;
    await db().batch([releaseStatements(db(), [last])[0]!]);
    expect((await reserveAttempts(db(), clock, [{ scope: "test:burst", limit }])).ok).toBe(true);
    expect((await reserveAttempts(db(), clock, [{ scope: "test:burst", limit }])).ok).toBe(false);

    // When the second scope refuses, the first gets its try back.
    const refused = await reserveAttempts(db(), clock, [
      { scope: "test:first", limit },
      { scope: "test:burst", limit },
    ]);
    expect(refused).toMatchObject({ ok: false, scope: "test:burst" });
    expect((await db().select().from(schema.authThrottle).where(eq(schema.authThrottle.scope, "test:first")).get())?.failures).toBe(0);

    // After the lock, a new window begins.
    const later = fixedClock(new Date(T0 + 16 * MINUTE_MS));
    expect(await reserveAttempts(db(), later, [{ scope: "test:burst", limit }])).toMatchObject({ ok: true, held: [{ last: false }] });
  });

  it("R-AUTH-3 (issue 9 #3): 16 parallel wrong passwords for one employer address: exactly 10 are answered 'wrong', the rest are locked", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) => post("/login", { email: account.email, password: `違うパスワードです${i}番目の並列試行` })),
    );
    const messages = await Promise.all(burst.map(async (res) => ({ status: res.status, message: fieldError(await res.text(), "password") })));
    expect(messages.filter((m) => m.status === 400 && m.message === SIGN_IN_FAILED)).toHaveLength(10);
    expect(messages.filter((m) => m.status === 429 && m.message?.includes(LOCKED))).toHaveLength(6);
    // And the right password is refused now too.
    expect((await post("/login", { email: account.email, password: PASSWORD })).status).toBe(429);
  });

  it("R-AUTH-3 (issue 9 #3): 16 parallel wrong passwords for one staff address: exactly 10 tries, the rest locked", async () => {
    await atWorkerNow("2026-11-26T16:00:00+09:00");
    const { staff } = await staffWithTotp();
    const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => passwordStep(staff.email, `Wrong-Password-${i}-2026!`)));
    const messages = await Promise.all(burst.map(async (res) => ({ status: res.status, message: fieldError(await res.text(), "email") })));
    // The 10th wrong password is answered with the lock it causes (as for a sequential 10th).
    const tried = messages.filter((m) => m.message === "エラー：メールアドレスまたはパスワードが正しくありません。");
    expect(tried).toHaveLength(9);
    expect(messages.filter((m) => m.status === 429 && m.message?.includes(LOCKED))).toHaveLength(7);
    expect((await db().select().from(schema.authThrottle).where(eq(schema.authThrottle.scope, "client:local")).get())?.failures).toBe(10);
  });

  it("R-AUTH-3 (issue 9 #3): a burst of parallel wrong reset keys from one client is limited the same way", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    await post("/password-reset?index", { email: account.email });
    const burst = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        post("/password-reset/complete", {
          email: account.email,
          key: String(10_000_000 + i),
          password: "新しい長いパスワードを考える二〇二六",
          passwordConfirm: "新しい長いパスワードを考える二〇二六",
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    await Promise.all(burst.map((r) => r.body?.cancel()));
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });
});

describe("issue 9 #6: a browser that signed in before keeps its own budget", { timeout: 180_000 }, () => {
  it("R-AUTH-3 (issue 9 #6): an attacker locks the address from a fresh client; the owner's known browsers still sign in; a known browser's own failures lock only it", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    // The owner has signed in before from two browsers: one without trust, one trusted for 30 days.
    const known = new CookieJar();
    const first = await signInThroughForms(account.email, known);
    expect(first.headers.get("Location")).toBe("/mypage");
    await post("/logout", {}, known);
    const trusted = new CookieJar();
    await signInThroughForms(account.email, trusted, { trust: true });
    await post("/logout", {}, trusted);
    trusted.cookies.delete(DEVICE_COOKIE); // the trust cookie alone is enough

    // The attacker, from another client, locks the address for fresh clients; a made-up device cookie does not help.
    const attacker = { "CF-Connecting-IP": "203.0.113.66" };
    for (let i = 0; i < 10; i++) {
      const res = await post("/login", { email: account.email, password: `違うパスワードです${i}番目の攻撃` }, new CookieJar(), attacker);
      expect(res.status).toBe(400);
      await res.body?.cancel();
    }
    expect((await post("/login", { email: account.email, password: PASSWORD }, new CookieJar(), attacker)).status).toBe(429);
    const forged = new CookieJar({ [DEVICE_COOKIE]: "A".repeat(43) });
    expect((await post("/login", { email: account.email, password: PASSWORD }, forged, attacker)).status).toBe(429);
    expect((await post("/login", { email: account.email, password: PASSWORD }, new CookieJar())).status).toBe(429);

    // The owner's known browser is not locked: the password step passes and mails a code.
    const ownLogin = await post("/login", { email: account.email, password: PASSWORD }, known);
    expect(ownLogin.status).toBe(303);
    expect(ownLogin.headers.get("Location")).toBe("/login/verify");
    await post("/logout", {}, known);

    // The known browser's own failures lock it alone.
    for (let i = 0; i < 10; i++) {
      const res = await post("/login", { email: account.email, password: `違うパスワードです${i}番目の入力ミス` }, known);
      expect(res.status).toBe(400);
      await res.body?.cancel();
    }
    const knownLocked = await post("/login", { email: account.email, password: PASSWORD }, known);
    expect(knownLocked.status).toBe(429);
    expect(fieldError(await knownLocked.text(), "password")).toContain(LOCKED);
    const trustedLogin = await post("/login", { email: account.email, password: PASSWORD }, trusted);
    expect(trustedLogin.status).toBe(303);
    expect(trustedLogin.headers.get("Location")).toBe("/mypage");
    // The device cookie: random, HttpOnly, Secure, SameSite=Lax, 180 days; only its SHA-256 is stored.
    const deviceCookie = first.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(deviceCookie).toMatch(/; HttpOnly(;|$)/);
    expect(deviceCookie).toMatch(/; Secure(;|$)/);
    expect(deviceCookie).toMatch(/; SameSite=Lax(;|$)/);
    expect(deviceCookie).toMatch(/; Max-Age=15552000(;|$)/);
    const token = known.get(DEVICE_COOKIE)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const devices = await db().select().from(schema.knownDevices).where(eq(schema.knownDevices.accountId, account.id)).all();
    expect(devices).toHaveLength(3); // the known browser, and the trusted one before and after its device cookie was dropped
    expect(JSON.stringify(devices)).not.toContain(token);
    expect(trusted.get(TRUST_COOKIE)).toBeTruthy();
  });
});
