/**
 * Employer sign-in and account security through the real Worker: /login, /login/verify, /logout,
 * /password-reset (R-AUTH-1, R-AUTH-2, R-AUTH-3, R-GATE-2, R-OPEN-9).
 */
import { env } from "cloudflare:test";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY_MS, MINUTE_MS } from "../../app/lib/clock";
import { emailKey } from "../../app/lib/normalize";
import { hashPassword, verifyPassword } from "../../app/lib/password";
import { getDb, schema } from "../../app/utils/db.server";
import { mailFromAddress } from "../../app/utils/env.server";
import { sessionIdFromToken } from "../../app/utils/session.server";
import { setWorkerNow } from "../helpers/clock";
import {
  CookieJar,
  createProvisionalAccount,
  createSignInAccount,
  get,
  latestLoginCode,
  latestResetKey,
  mailCount,
  NEW_PASSWORD,
  PASSWORD,
  post,
  signInThroughForms,
} from "../helpers/employer-signin";
import { flashMessage } from "../helpers/flash";
import { fieldError } from "../helpers/html";

const db = () => getDb(env);
const SESSION_COOKIE = "__Host-mp_session";
const TRUST_COOKIE = "__Host-mp_trusted";
const T0 = new Date("2026-12-01T10:00:00+09:00").getTime();

/** The message beside field `name` of a response's page ("" when none). */
const fieldErrorOf = async (res: Response, name: string): Promise<string> => fieldError(await res.text(), name) ?? "";

async function sessionsOf(accountId: string) {
  return db().select().from(schema.sessions).where(eq(schema.sessions.accountId, accountId)).all();
}

async function auditRows(action: string, since: number) {
  const rows = await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, action)).all();
  return rows.filter((r) => r.at >= since);
}

describe("R-AUTH-1: sign-in with password and a one-time code by e-mail", { timeout: 60_000 }, () => {
  it("R-AUTH-1: the password step mails a code and opens only a half session; the code signs in with a new, HttpOnly Secure SameSite=Lax cookie whose hash alone is stored", async () => {
    const { account, establishment } = await createSignInAccount();
    const jar = new CookieJar();
    const since = Date.now();

    const login = await post("/login", { email: account.email, password: PASSWORD }, jar);
    expect(login.status).toBe(303);
    expect(login.headers.get("Location")).toBe("/login/verify");
    const halfToken = jar.get(SESSION_COOKIE)!;
    expect(halfToken).toMatch(/^[a-z2-7]{32}$/);
    const [half] = await sessionsOf(account.id);
    expect(half).toMatchObject({ id: sessionIdFromToken(halfToken), twoFactorVerified: false });
    expect(await mailCount(account.email, "loginCode")).toBe(1);

    // The half session is not enough for the My Page.
    const early = await get("/mypage", jar);
    expect(early.status).toBe(302);
    expect(early.headers.get("Location")).toBe("/login/verify");

    const page = await get("/login/verify", jar);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(account.email);
    expect(html).toContain("このブラウザを30日間信頼する");

    const verify = await post("/login/verify", { code: await latestLoginCode(account.email) }, jar);
    expect(verify.status).toBe(303);
    expect(verify.headers.get("Location")).toBe("/mypage");
    const setCookie = verify.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; Secure(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Lax(;|$)/);
    expect(setCookie).toMatch(/; Path=\/(;|$)/);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i); // a browser-session cookie

    // Rotated: the half session is gone, a new verified session exists, stored as SHA-256 only.
    const token = jar.get(SESSION_COOKIE)!;
    expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits
    expect(token).not.toBe(halfToken);
    const rows = await sessionsOf(account.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: sessionIdFromToken(token), twoFactorVerified: true });
    expect(JSON.stringify(rows)).not.toContain(token);

    const home = await get("/mypage", jar);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(establishment.name);
    const audits = (await auditRows("employer.signin", since)).filter((r) => r.subjectId === account.id);
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.details)).toEqual({ method: "mail-code" });
  });

  it("R-AUTH-1: full-width input is accepted: a full-width e-mail address and full-width digits of the code", async () => {
    const { account } = await createSignInAccount({ account: { email: "saiyo@nikko-yuba.example.jp" } });
    const jar = new CookieJar();
    const fullWidth = "ＳＡＩＹＯ＠ｎｉｋｋｏ－ｙｕｂａ．ｅｘａｍｐｌｅ．ｊｐ";
    const login = await post("/login", { email: ` ${fullWidth} `, password: PASSWORD }, jar);
    expect(login.status).toBe(303);
    const code = await latestLoginCode(account.email);
    const wide = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const verify = await post("/login/verify", { code: wide }, jar);
    expect(verify.headers.get("Location")).toBe("/mypage");
  });

  it("R-AUTH-1: a wrong code tells how many tries remain; the 5th wrong code voids it and locks the second factor (issue 9 #1), so even the right one then fails", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    const code = await latestLoginCode(account.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let remaining = 4; remaining >= 1; remaining--) {
      const res = await post("/login/verify", { code: wrong }, jar);
      expect(res.status).toBe(400);
      expect(await fieldErrorOf(res, "code")).toContain(`あと${remaining}回間違えると`);
    }
    const fifth = await post("/login/verify", { code: wrong }, jar);
    expect(fifth.status).toBe(429);
    expect(await fieldErrorOf(fifth, "code")).toContain("ワンタイムパスワードの誤りが続いたため、このアカウントのログインを一時停止しています。");
    const right = await post("/login/verify", { code }, jar);
    expect(right.status).toBe(429);
    expect((await sessionsOf(account.id)).every((s) => !s.twoFactorVerified)).toBe(true);

    // No new code is sent while the second factor is locked.
    const mails = await mailCount(account.email, "loginCode");
    const resend = await post("/login/verify", { intent: "resend" }, jar);
    expect(resend.status).toBe(429);
    expect(await resend.text()).toContain("ログインを一時停止しています");
    expect(await mailCount(account.email, "loginCode")).toBe(mails);
  });

  it("R-AUTH-1: a newly sent code replaces the older one; resending is limited", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    const first = await latestLoginCode(account.email);
    await post("/login/verify", { intent: "resend" }, jar);
    const second = await latestLoginCode(account.email);
    if (first !== second) {
      const old = await post("/login/verify", { code: first }, jar);
      expect(old.status).toBe(400);
    }
    for (let i = 0; i < 4; i++) expect((await post("/login/verify", { intent: "resend" }, jar)).status).toBe(303);
    const refused = await post("/login/verify", { intent: "resend" }, jar);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("再送信できません");
    expect(await mailCount(account.email, "loginCode")).toBe(6); // the first + 5 resends
    const ok = await post("/login/verify", { code: await latestLoginCode(account.email) }, jar);
    expect(ok.headers.get("Location")).toBe("/mypage");
  });

  it("R-AUTH-1: a trusted browser skips the code for 30 days, and not after", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    const verify = await signInThroughForms(account.email, jar, { trust: true });
    expect(verify.headers.get("Location")).toBe("/mypage");
    const trustCookie = verify.headers.getSetCookie().find((c) => c.startsWith(`${TRUST_COOKIE}=`))!;
    expect(trustCookie).toMatch(/; Max-Age=2592000(;|$)/);
    expect(trustCookie).toMatch(/; HttpOnly(;|$)/);
    expect(trustCookie).toMatch(/; Secure(;|$)/);
    expect(trustCookie).toMatch(/; SameSite=Lax(;|$)/);
    const token = jar.get(TRUST_COOKIE)!;
    const rows = await db().select().from(schema.trustedBrowsers).all();
    expect(rows).toEqual([
      {
        id: encodeHexLowerCase(sha256(new TextEncoder().encode(token))),
        accountId: account.id,
        createdAt: T0,
        expiresAt: T0 + 30 * DAY_MS,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);

    await post("/logout", {}, jar);
    expect(jar.get(TRUST_COOKIE)).toBe(token); // sign-out keeps the trust

    // 29 days later: password only.
    await setWorkerNow(new Date(T0 + 29 * DAY_MS));
    const mails = await mailCount(account.email, "loginCode");
    const again = await post("/login", { email: account.email, password: PASSWORD }, jar);
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toBe("/mypage");
    expect(await mailCount(account.email, "loginCode")).toBe(mails);
    expect((await get("/mypage", jar)).status).toBe(200);
    await post("/logout", {}, jar);

    // The trust is for this account only.
    const other = await createSignInAccount();
    const otherLogin = await post("/login", { email: other.account.email, password: PASSWORD }, jar);
    expect(otherLogin.headers.get("Location")).toBe("/login/verify");
    await post("/logout", {}, jar);

    // After 30 days the code is asked again.
    await setWorkerNow(new Date(T0 + 30 * DAY_MS + MINUTE_MS));
    const expired = await post("/login", { email: account.email, password: PASSWORD }, jar);
    expect(expired.headers.get("Location")).toBe("/login/verify");
    expect(await mailCount(account.email, "loginCode")).toBe(mails + 1);
  });

  it("R-AUTH-1: sign-out ends the session on the server and clears the cookie; GET only asks for confirmation", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await signInThroughForms(account.email, jar);
    const stolen = jar.clone();

    const confirm = await get("/logout", jar);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("ログアウトする");
    expect(await sessionsOf(account.id)).toHaveLength(1);

    const out = await post("/logout", {}, jar);
    expect(out.status).toBe(303);
    expect(out.headers.get("Location")).toBe("/login");
    expect(out.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0/);
    expect(await sessionsOf(account.id)).toHaveLength(0);
    expect(await (await get("/login", jar)).text()).toContain("ログアウトしました");

    // The old cookie (e.g. a copy kept by someone else) no longer works.
    const replay = await get("/mypage", stolen);
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage");
  });

  it("R-AUTH-1: a session ends after 30 idle minutes", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await signInThroughForms(account.email, jar);
    await setWorkerNow(new Date(T0 + 29 * MINUTE_MS));
    expect((await get("/mypage", jar)).status).toBe(200);
    await setWorkerNow(new Date(T0 + 60 * MINUTE_MS));
    const res = await get("/mypage", jar);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login\?/);
  });

  it("R-AUTH-1: redirectTo brings the employer back after sign-in, but only to a local path", async () => {
    const { account } = await createSignInAccount();
    const to = await get("/mypage/settings/password");
    expect(to.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage%2Fsettings%2Fpassword");
    const form = await (await get("/login?redirectTo=%2Fmypage%2Fsettings%2Fpassword")).text();
    expect(form).toContain('name="redirectTo" value="/mypage/settings/password"');

    const jar = new CookieJar();
    const back = await signInThroughForms(account.email, jar, { redirectTo: "/mypage/settings/password" });
    expect(back.headers.get("Location")).toBe("/mypage/settings/password");
    await post("/logout", {}, jar);
    const evil = await signInThroughForms(account.email, jar, { redirectTo: "//evil.example/x" });
    expect(evil.headers.get("Location")).toBe("/mypage");
  });

  it("R-AUTH-1: a 仮登録 account signs in the same way (with the code) and is sent to /provisional", async () => {
    const account = await createProvisionalAccount();
    const jar = new CookieJar();
    const res = await signInThroughForms(account.email, jar);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/provisional");
    const mypage = await get("/mypage", jar);
    expect(mypage.headers.get("Location")).toBe("/provisional");
  });

  // A withdrawn or closed My Page (R-DEL-1, R-DEL-3) gets its own explanation: tests/integration/withdrawal.test.ts, relocation.test.ts.
  it("R-AUTH-1: only active accounts with a password of an open My Page sign in; the others get the generic failure", async () => {
    const cases = [
      await createSignInAccount({ establishment: { status: "registered" } }),
      await createSignInAccount({ account: { status: "disabled" } }),
      await createSignInAccount({ account: { status: "pending" } }),
    ];
    for (const { account } of cases) {
      const jar = new CookieJar();
      const res = await post("/login", { email: account.email, password: PASSWORD }, jar);
      expect(res.status).toBe(400);
      expect(await fieldErrorOf(res, "password")).toBe("エラー：メールアドレスまたはパスワードが正しくありません。");
      expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    }
    expect(await db().select().from(schema.sessions).all()).toEqual([]);
    expect(await db().select().from(schema.mailOutbox).all()).toEqual([]);
  });

  it("R-AUTH-1: a password stored with weaker argon2 parameters is rehashed at sign-in", async () => {
    const weak = await hashPassword(PASSWORD, { m: 1024, t: 1, p: 1 });
    const { account } = await createSignInAccount({ account: { passwordHash: weak } });
    await post("/login", { email: account.email, password: PASSWORD }, new CookieJar());
    const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
    expect(row!.passwordHash).not.toBe(weak);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
  });

  it("R-AUTH-1: the login form keeps the typed address, never echoes the password, and explains errors beside the fields", async () => {
    const res = await post("/login", { email: "saiyo@", password: "秘密のパスワード文字列" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="saiyo@"');
    expect(html).not.toContain("秘密のパスワード文字列");
    expect(fieldError(html, "email")).toMatch(/^エラー：メールアドレスを「name@example\.jp」の形で入力してください。/);
    const empty = await post("/login", { email: "", password: "" });
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain("メールアドレスを入力してください。");
    expect(emptyHtml).toContain("パスワードを入力してください。");
  });
});

describe("R-AUTH-3: failed sign-ins are limited per account and per client, without telling whether the address exists", { timeout: 90_000 }, () => {
  it("R-AUTH-3: an unknown address and a wrong password for a registered one get the same answer", async () => {
    const { account } = await createSignInAccount();
    const known = await post("/login", { email: account.email, password: "違うパスワードです12345" });
    const unknown = await post("/login", { email: "nobody-here@example.jp", password: "違うパスワードです12345" });
    expect(known.status).toBe(unknown.status);
    const knownMessage = await fieldErrorOf(known, "password");
    expect(knownMessage).toBe("エラー：メールアドレスまたはパスワードが正しくありません。");
    expect(await fieldErrorOf(unknown, "password")).toBe(knownMessage);
    const scopes = (await db().select().from(schema.authThrottle).all()).map((r) => r.scope).sort();
    expect(scopes).toEqual(["client:local", `employer:${emailKey(account.email)}`, "employer:nobody-here@example.jp"].sort());
  });

  it("R-AUTH-3: after 10 failures the address is locked for 15 minutes, even with the right password; the lock is audited without the address", async () => {
    await setWorkerNow(new Date(T0));
    const { account } = await createSignInAccount();
    for (let i = 0; i < 10; i++) {
      const res = await post("/login", { email: account.email, password: `違うパスワードです${i}番目の試行` });
      expect(res.status).toBe(400);
    }
    const locked = await post("/login", { email: account.email, password: PASSWORD }, new CookieJar());
    expect(locked.status).toBe(429);
    expect(await fieldErrorOf(locked, "password")).toContain("しばらく受け付けを停止しています");
    expect(await sessionsOf(account.id)).toEqual([]);
    const audits = (await auditRows("employer.signin.locked", T0)).filter((r) => r.subjectId === account.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "anonymous", subjectType: "employer_account" });
    expect(audits[0]!.details).not.toContain("@");

    // An unknown address locks the same way, with the same message; its audit row has no subject.
    for (let i = 0; i < 10; i++) await post("/login", { email: "ghost@example.jp", password: `違うパスワードです${i}番目の試行` });
    const ghost = await post("/login", { email: "ghost@example.jp", password: PASSWORD });
    expect(ghost.status).toBe(429);
    expect(await fieldErrorOf(ghost, "password")).toBe(await fieldErrorOf(await post("/login", { email: account.email, password: PASSWORD }), "password"));
    const ghostAudits = (await auditRows("employer.signin.locked", T0)).filter((r) => r.subjectId === null);
    expect(ghostAudits.length).toBeGreaterThanOrEqual(1);
    expect(ghostAudits.every((r) => !r.details.includes("ghost"))).toBe(true);

    // 15 minutes later the right password works again.
    await setWorkerNow(new Date(T0 + 16 * MINUTE_MS));
    const later = await post("/login", { email: account.email, password: PASSWORD });
    expect(later.status).toBe(303);
  });

  it("R-AUTH-3: wrong one-time codes count in the account's second-factor budget and the client's, not in the address's (issue 9 #1)", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    const code = await latestLoginCode(account.email);
    await post("/login/verify", { code: code === "000000" ? "111111" : "000000" }, jar);
    const rows = await db().select().from(schema.authThrottle).all();
    expect(Object.fromEntries(rows.map((r) => [r.scope, r.failures]))).toEqual({ [`2fa:employer:${account.id}`]: 1, "client:local": 1 });
  });

  it("R-AUTH-3: failures are limited per client too: a client over the limit is refused for every address", async () => {
    const { account } = await createSignInAccount();
    const ip = { "CF-Connecting-IP": "203.0.113.9" };
    await db().insert(schema.authThrottle).values({ scope: "client:203.0.113.9", windowStart: Date.now(), failures: 49 });
    const fiftieth = await post("/login", { email: "someone@example.jp", password: "違うパスワードです0000" }, undefined, ip);
    expect(fiftieth.status).toBe(400);
    const refused = await post("/login", { email: account.email, password: PASSWORD }, undefined, ip);
    expect(refused.status).toBe(429);
    expect(await fieldErrorOf(refused, "password")).toContain("しばらく受け付けを停止しています");
    const otherClient = await post("/login", { email: account.email, password: PASSWORD }, undefined, { "CF-Connecting-IP": "198.51.100.7" });
    expect(otherClient.status).toBe(303);
  });
});

describe("R-GATE-2: a 利用不可 My Page", { timeout: 30_000 }, () => {
  it("R-GATE-2: an unusable My Page cannot sign in and is told to contact the jurisdictional office (name, phone)", async () => {
    const { account } = await createSignInAccount({ establishment: { status: "unusable", unusableReason: "不適切な利用" } });
    const jar = new CookieJar();
    const res = await post("/login", { email: account.email, password: PASSWORD }, jar);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("この求人者マイページは利用不可となっています。管轄のハローワーク（ハローワーク日光、電話 0288-22-0353）にお問い合わせください。");
    expect(html).not.toContain("不適切な利用");
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await db().select().from(schema.sessions).all()).toEqual([]);
    expect(await mailCount(account.email)).toBe(0);

    // With a wrong password nothing tells that the My Page exists or is unusable.
    const wrong = await post("/login", { email: account.email, password: "違うパスワードです12345" });
    const wrongHtml = await wrong.text();
    expect(wrongHtml).not.toContain("利用不可");
    expect(wrongHtml).toContain("メールアドレスまたはパスワードが正しくありません。");
  });

  it("R-GATE-2: a signed-in employer whose My Page becomes unusable is signed out at the next request and told why", async () => {
    const { account, establishment } = await createSignInAccount();
    const jar = new CookieJar();
    await signInThroughForms(account.email, jar);
    await db().update(schema.establishments).set({ status: "unusable" }).where(eq(schema.establishments.id, establishment.id));
    const res = await get("/mypage", jar);
    expect(res.headers.get("Location")).toBe("/login");
    expect(await sessionsOf(account.id)).toEqual([]);
    const told = await (await get("/login", jar)).text();
    expect(told).toContain("この求人者マイページは利用不可となっています。");
    expect(told).toContain("ハローワーク日光");
  });
  it("R-GATE-2: a My Page set to 利用不可 between the password and the code does not sign in", async () => {
    const { account, establishment } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    await db().update(schema.establishments).set({ status: "unusable" }).where(eq(schema.establishments.id, establishment.id));
    const res = await post("/login/verify", { code: await latestLoginCode(account.email) }, jar);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/login");
    expect(flashMessage(res)).toContain("この求人者マイページは利用不可となっています。");
    expect(await sessionsOf(account.id)).toEqual([]);
  });
});

describe("R-AUTH-2: パスワードを忘れた方 with the 30-minute mailed key", { timeout: 60_000 }, () => {
  it("R-AUTH-2: the mailed key resets the password, ends every session and trusted browser, mails a notice and is audited", async () => {
    const { account } = await createSignInAccount();
    const since = Date.now();
    const other = new CookieJar();
    await signInThroughForms(account.email, other, { trust: true });
    expect(await db().select().from(schema.trustedBrowsers).all()).toHaveLength(1);

    const request = await post("/password-reset?index", { email: account.email });
    expect(request.status).toBe(303);
    expect(request.headers.get("Location")).toBe("/password-reset/complete");
    const key = await latestResetKey(account.email);

    const done = await post("/password-reset/complete", { email: account.email, key, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/login");
    const afterReset = new CookieJar();
    afterReset.apply(done);
    expect(await (await get("/login", afterReset)).text()).toContain("パスワードを再登録しました");

    const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
    expect(await verifyPassword(row!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await sessionsOf(account.id)).toEqual([]);
    expect(await db().select().from(schema.trustedBrowsers).all()).toEqual([]);
    expect(await mailCount(account.email, "passwordChanged")).toBe(1);
    // This account's rows: the audit log is never emptied, and other files' rows may be dated later (fixed clocks).
    expect((await auditRows("employer.password.reset", since)).filter((r) => r.subjectId === account.id)).toHaveLength(1);

    // The old password no longer signs in; the new one does (with the code: the trust was revoked).
    expect((await post("/login", { email: account.email, password: PASSWORD })).status).toBe(400);
    const jar = new CookieJar();
    const fresh = await post("/login", { email: account.email, password: NEW_PASSWORD }, jar);
    expect(fresh.headers.get("Location")).toBe("/login/verify");
    expect((await get("/mypage", other)).status).toBe(302);
  });

  it("R-AUTH-2: the key is valid for 30 minutes from issue", async () => {
    const { account } = await createSignInAccount();
    await setWorkerNow(new Date(T0));
    await post("/password-reset?index", { email: account.email });
    const late = await latestResetKey(account.email);
    await setWorkerNow(new Date(T0 + 30 * MINUTE_MS));
    const refused = await post("/password-reset/complete", { email: account.email, key: late, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(refused.status).toBe(400);
    expect(await fieldErrorOf(refused, "key")).toContain("有効期限が切れています");

    await post("/password-reset?index", { email: account.email });
    const inTime = await latestResetKey(account.email);
    await setWorkerNow(new Date(T0 + 59 * MINUTE_MS + 59_000)); // 29:59 after the second key
    const ok = await post("/password-reset/complete", { email: account.email, key: inTime, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
  });

  it("R-AUTH-2: the key works once; a newer key replaces the older one", async () => {
    const { account } = await createSignInAccount();
    await post("/password-reset?index", { email: account.email });
    const first = await latestResetKey(account.email);
    await post("/password-reset?index", { email: account.email });
    const second = await latestResetKey(account.email);
    if (first !== second) {
      const old = await post("/password-reset/complete", { email: account.email, key: first, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(old.status).toBe(400);
    }
    const ok = await post("/password-reset/complete", { email: account.email, key: second, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
    const again = await post("/password-reset/complete", {
      email: account.email,
      key: second,
      password: "もう一度変えてみるパスワード",
      passwordConfirm: "もう一度変えてみるパスワード",
    });
    expect(again.status).toBe(400);
    expect(await fieldErrorOf(again, "key")).toContain("有効期限が切れています");
    const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
    expect(await verifyPassword(row!.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("R-AUTH-2: 5 wrong keys void the key; an unknown address gets exactly the same answers (R-AUTH-3)", async () => {
    const { account } = await createSignInAccount();
    const answers = async (email: string) => {
      await post("/password-reset?index", { email });
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await post("/password-reset/complete", { email, key: "00000000", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
        seen.push(`${res.status} ${await fieldErrorOf(res, "key")}`);
      }
      return seen;
    };
    const known = await answers(account.email);
    expect(known[0]).toContain("あと4回");
    expect(known[4]).toContain("5回間違えたため");
    const key = await latestResetKey(account.email);
    if (key !== "00000000") {
      const right = await post("/password-reset/complete", { email: account.email, key, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(right.status).toBe(400);
      expect(await fieldErrorOf(right, "key")).toContain("有効期限が切れています");
    }
    expect(await answers(`unknown-${crypto.randomUUID().slice(0, 8)}@example.jp`)).toEqual(known);
    // Wrong keys are counted per address in the throttle table.
    const row = await db()
      .select()
      .from(schema.authThrottle)
      .where(eq(schema.authThrottle.scope, `reset:${emailKey(account.email)}`))
      .get();
    expect(row?.failures).toBeGreaterThanOrEqual(5);
  });

  it("R-AUTH-2: the password policy applies and a refused password does not use up the key", async () => {
    const { account } = await createSignInAccount({ account: { email: "jinji@kinugawa-hotel.example.jp" } });
    await post("/password-reset?index", { email: account.email });
    const key = await latestResetKey(account.email);
    const cases: [Record<string, string>, string, string][] = [
      [{ password: "短すぎるパスワード", passwordConfirm: "短すぎるパスワード" }, "password", "12文字以上"],
      [{ password: "password1234", passwordConfirm: "password1234" }, "password", "よく使われていて"],
      [{ password: "jinji-の新しいパスワードです", passwordConfirm: "jinji-の新しいパスワードです" }, "password", "「@」より前の部分"],
      [{ password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}x` }, "passwordConfirm", "一致しません"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await post("/password-reset/complete", { email: account.email, key, ...fields });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldError(html, field), field).toContain(message);
      expect(html).toContain(`value="${account.email}"`);
      expect(html).not.toContain(fields.password!);
    }
    const ok = await post("/password-reset/complete", { email: account.email, key, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    expect(ok.status).toBe(303);
  });

  it("R-AUTH-2: the request screen is the same whether or not the address is registered; only the registered one gets mail", async () => {
    const { account } = await createSignInAccount();
    const pending = await createSignInAccount({ account: { status: "pending", passwordHash: null } });
    const registered = await post("/password-reset?index", { email: account.email });
    const unknown = await post("/password-reset?index", { email: "not-registered@example.jp" });
    const notYet = await post("/password-reset?index", { email: pending.account.email });
    for (const res of [registered, unknown, notYet]) {
      expect(res.status).toBe(303);
      expect(res.headers.get("Location")).toBe("/password-reset/complete");
      expect(res.headers.getSetCookie()).toEqual(registered.headers.getSetCookie());
    }
    expect(await mailCount(account.email, "authKeyReset")).toBe(1);
    expect(await mailCount("not-registered@example.jp")).toBe(0);
    expect(await mailCount(pending.account.email)).toBe(0);
    const jar = new CookieJar();
    jar.apply(unknown);
    const page = await (await get("/password-reset/complete", jar)).text();
    expect(page).toContain("入力されたメールアドレスが登録されている場合は、認証キーを送信しました。");
  });

  it("R-OPEN-9: the reset pages and the sign-in page name the sender address to allow", async () => {
    const from = mailFromAddress(env);
    expect(from).toMatch(/@/);
    for (const path of ["/password-reset", "/password-reset/complete", "/login"]) {
      expect(await (await get(path)).text()).toContain(from);
    }
  });
});
