/**
 * Staff sign-in (R-AUTH-4): password, then TOTP from an authenticator app (with first-time set-up),
 * replay refusal, throttling without account enumeration (R-AUTH-3), sign-out, audit (R-AUDIT-1).
 */
import { env } from "cloudflare:test";
import { and, eq, gte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../app/lib/password";
import { totpAt } from "../../app/lib/totp";
import { issueEnrolmentCode } from "../../app/models/staff-enrolment.server";
import { getDb, schema } from "../../app/utils/db.server";
import { SECOND_FACTOR_LIMIT } from "../../app/models/second-factor.server";
import { LIMITS } from "../../app/utils/throttle.server";
import { createEmployerAccount, createEstablishment, createStaffAccount, signIn } from "../helpers/factories";
import { postForm, workerFetch } from "../helpers/worker";
import { atWorkerNow, cookieFrom, passwordStep, STAFF_PASSWORD, STAFF_PASSWORD_HASH, staffWithTotp } from "../helpers/staff";
import { fieldError, parse, textOf } from "../helpers/html";

const PASSWORD = STAFF_PASSWORD;
const WRONG = "メールアドレスまたはパスワードが正しくありません。";

const db = () => getDb(env);

async function auditRows(action: string, since: number) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.action, action), gte(schema.auditLog.at, since)))
    .all();
}

describe("staff sign-in: password, then TOTP", () => {
  it("R-AUTH-4: password gives only a half session; the TOTP code completes sign-in with a new session token (R-AUDIT-1: audited)", async () => {
    const clock = await atWorkerNow("2026-11-26T09:00:00+09:00");
    const { staff, secret } = await staffWithTotp({ email: "Officer.Nikko@HW.example.jp", emailNormalized: "officer.nikko@hw.example.jp" });

    // The address is compared case-insensitively, full-width input is normalised.
    const res = await passwordStep("ＯＦＦＩＣＥＲ.nikko@hw.example.jp ");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/staff/login/totp");
    const half = cookieFrom(res);
    expect(half).toMatch(/^__Host-staff_session=[a-z2-7]{32}$/);
    const halfRows = await db().select().from(schema.sessions).all();
    expect(halfRows).toHaveLength(1);
    expect(halfRows[0]!.twoFactorVerified).toBe(false);
    expect(halfRows[0]!.expiresAt - halfRows[0]!.createdAt).toBe(8 * 60 * 60 * 1000);

    // The half session does not open staff pages.
    const blocked = await workerFetch("/staff", { cookie: half });
    expect(blocked.status).toBe(302);
    expect(blocked.headers.get("Location")).toBe("/staff/login/totp");

    const page = await workerFetch("/staff/login/totp", { cookie: half });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("確認コードの入力");

    const done = await postForm("/staff/login/totp", { code: totpAt(secret, clock) }, half);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/staff");
    const full = cookieFrom(done);
    expect(full).not.toBe(half);
    const rows = await db().select().from(schema.sessions).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.twoFactorVerified).toBe(true);
    expect(rows[0]!.id).not.toBe(halfRows[0]!.id);

    const home = await workerFetch("/staff", { cookie: full });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("職員 太郎");
    expect(html).toContain("ハローワーク日光");
    expect(await workerFetch("/staff", { cookie: half }).then((r) => r.status)).toBe(302);

    const audit = await auditRows("staff.signin", clock.now().getTime());
    expect(audit.filter((a) => a.actorId === staff.id)).toHaveLength(1);
    expect(audit.find((a) => a.actorId === staff.id)).toMatchObject({ actorType: "staff", officeCode: "0910", subjectId: staff.id });
  });

  it("R-AUTH-4: a wrong TOTP code is refused beside the field and the session stays unverified", async () => {
    const clock = await atWorkerNow("2026-11-26T09:10:00+09:00");
    const { staff, secret } = await staffWithTotp();
    const half = cookieFrom(await passwordStep(staff.email));
    const right = totpAt(secret, clock);
    const wrong = right === "000000" ? "111111" : "000000";
    const res = await postForm("/staff/login/totp", { code: wrong }, half);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "code")).toContain("確認コードが正しくありません");
    // A code two steps away (outside the ±1 step window) is refused too.
    const stale = await postForm("/staff/login/totp", { code: totpAt(secret, clock, -3) }, half);
    expect(stale.status).toBe(400);
    const rows = await db().select().from(schema.sessions).all();
    expect(rows.map((r) => r.twoFactorVerified)).toEqual([false]);
  });

  it("R-AUTH-4: a code whose time step was already used is refused (replay); the next step's code works", async () => {
    const clock = await atWorkerNow("2026-11-26T09:20:00+09:00");
    const { staff, secret } = await staffWithTotp();
    const code = totpAt(secret, clock);
    const first = await postForm("/staff/login/totp", { code }, cookieFrom(await passwordStep(staff.email)));
    expect(first.status).toBe(302);

    const half = cookieFrom(await passwordStep(staff.email));
    const replay = await postForm("/staff/login/totp", { code }, half);
    expect(replay.status).toBe(400);
    expect(fieldError(await replay.text(), "code")).toContain("使用済み");
    // The previous step's code (still inside the drift window) is older than the used one: refused too.
    const older = await postForm("/staff/login/totp", { code: totpAt(secret, clock, -1) }, half);
    expect(older.status).toBe(400);

    const later = await atWorkerNow("2026-11-26T09:20:30+09:00");
    const next = await postForm("/staff/login/totp", { code: totpAt(secret, later) }, half);
    expect(next.status).toBe(302);
  });

  it("R-AUTH-4: an officer without TOTP sets it up — QR code and typed secret shown; saved only after the first correct code", async () => {
    const clock = await atWorkerNow("2026-11-26T09:30:00+09:00");
    const staff = await createStaffAccount("0910", { passwordHash: STAFF_PASSWORD_HASH, totpSecret: null });
    const half = cookieFrom(await passwordStep(staff.email));
    // First the 登録コード a supervisor of the office issued (issue 9 #4; tests/integration/staff-enrolment.test.ts).
    const supervisor = await createStaffAccount("0910", { role: "supervisor" });
    const issued = await issueEnrolmentCode(db(), clock, { id: supervisor.id, officeCode: "0910" }, staff.id);
    expect((await postForm("/staff/login/totp", { intent: "enrol", enrolmentCode: issued.ok ? issued.code : "" }, half)).status).toBe(303);
    const page = await workerFetch("/staff/login/totp", { cookie: half });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("認証アプリの設定");
    const qr = [...parse(html).querySelectorAll("img")].filter((img) => (img.getAttribute("alt") ?? "").endsWith("QRコード"));
    expect(qr).toHaveLength(1);
    const qrSrc = qr[0]!.getAttribute("src") ?? "";
    expect(qrSrc).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    expect(html).not.toMatch(/style="/);
    const shown = [...parse(html).querySelectorAll("code")].map(textOf).find((t) => /^[A-Z2-7 ]+$/.test(t));
    expect(shown).toBeTruthy();
    const secret = shown!.replace(/ /g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code encodes the otpauth:// URI with this secret.
    const svg = atob(qrSrc.slice("data:image/svg+xml;base64,".length));
    expect(svg).toMatch(/^<svg/);

    // Reloading shows the same secret (kept while being set up).
    expect(await (await workerFetch("/staff/login/totp", { cookie: half })).text()).toContain(shown!);

    const wrong = await postForm("/staff/login/totp", { code: totpAt(secret, clock) === "123456" ? "654321" : "123456" }, half);
    expect(wrong.status).toBe(400);
    expect((await db().select().from(schema.staffAccounts).where(eq(schema.staffAccounts.id, staff.id)).get())!.totpSecret).toBeNull();

    const ok = await postForm("/staff/login/totp", { code: totpAt(secret, clock) }, half);
    expect(ok.status).toBe(302);
    expect((await db().select().from(schema.staffAccounts).where(eq(schema.staffAccounts.id, staff.id)).get())!.totpSecret).toBe(secret);
    const audit = await auditRows("staff.signin", clock.now().getTime());
    expect(JSON.parse(audit.find((a) => a.actorId === staff.id)!.details)).toEqual({ totpEnrolled: true });
  });

  it("R-AUTH-4: the redirect after sign-in stays on staff pages (no open redirect)", async () => {
    const clock = await atWorkerNow("2026-11-26T09:40:00+09:00");
    const { staff, secret } = await staffWithTotp();
    const anon = await workerFetch("/staff/establishments?q=%E6%97%A5%E5%85%89");
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toBe("/staff/login?redirectTo=%2Fstaff%2Festablishments%3Fq%3D%25E6%2597%25A5%25E5%2585%2589");

    const res = await workerFetch("/staff/login", {
      method: "POST",
      body: new URLSearchParams({ email: staff.email, password: PASSWORD, redirectTo: "/staff/establishments?q=日光" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.headers.get("Location")).toBe(`/staff/login/totp?redirectTo=${encodeURIComponent("/staff/establishments?q=%E6%97%A5%E5%85%89")}`);
    const done = await postForm("/staff/login/totp", { code: totpAt(secret, clock), redirectTo: "/staff/establishments?q=日光" }, cookieFrom(res));
    expect(done.headers.get("Location")).toBe("/staff/establishments?q=%E6%97%A5%E5%85%89");

    for (const target of ["//evil.example/", "https://evil.example/", "/mypage", "/staff/login"]) {
      const again = await workerFetch("/staff/login", {
        method: "POST",
        body: new URLSearchParams({ email: staff.email, password: PASSWORD, redirectTo: target }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      expect(again.headers.get("Location")).toBe("/staff/login/totp");
    }
  }, 20_000);

  it("R-AUTH-4: a password stored with weaker parameters is rehashed at sign-in", async () => {
    await atWorkerNow("2026-11-26T09:45:00+09:00");
    const weak = await hashPassword(PASSWORD, { m: 1024, t: 1, p: 1 });
    const { staff } = await staffWithTotp({ passwordHash: weak });
    expect((await passwordStep(staff.email)).status).toBe(302);
    const row = await db().select().from(schema.staffAccounts).where(eq(schema.staffAccounts.id, staff.id)).get();
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("R-AUTH-4: sign-out deletes the session row on the server (R-AUDIT-1: audited)", async () => {
    const clock = await atWorkerNow("2026-11-26T09:50:00+09:00");
    const { staff } = await staffWithTotp();
    const cookie = await signIn("staff", staff.id, clock);
    expect((await workerFetch("/staff", { cookie })).status).toBe(200);
    const res = await postForm("/staff/logout", {}, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/staff/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await db().select().from(schema.sessions).all()).toEqual([]);
    const after = await workerFetch("/staff", { cookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/staff\/login/);
    expect((await auditRows("staff.signout", clock.now().getTime())).some((a) => a.actorId === staff.id)).toBe(true);
  });

  it("R-AUTH-4: an employer session opens no staff page; a staff session is not an employer session", async () => {
    const clock = await atWorkerNow("2026-11-26T09:55:00+09:00");
    const est = await createEstablishment();
    const account = await createEmployerAccount(est.id);
    const employerCookie = await signIn("employer", account.id, clock);
    for (const path of ["/staff", "/staff/establishments", "/staff/establishments/new", `/staff/establishments/${est.id}`, "/staff/provisional"]) {
      const res = await workerFetch(path, { cookie: employerCookie });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/staff\/login\?redirectTo=/);
    }
  });
});

describe("R-AUTH-3: throttling of staff sign-in without account enumeration", () => {
  it("R-AUTH-3: an unknown address and a wrong password get the same answer", async () => {
    await atWorkerNow("2026-11-26T11:00:00+09:00");
    const { staff } = await staffWithTotp();
    const unknown = await passwordStep("nobody@hw.example.jp");
    const wrong = await passwordStep(staff.email, "Wrong-Password-2026!");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    const a = await unknown.text();
    const b = await wrong.text();
    expect(fieldError(a, "email")).toBe(`エラー：${WRONG}`);
    expect(fieldError(b, "email")).toBe(`エラー：${WRONG}`);
    expect(fieldError(a, "password")).toBe(fieldError(b, "password"));
    // The typed password is never sent back.
    expect(b).not.toContain("Wrong-Password-2026!");
  });

  it(`R-AUTH-3: after ${LIMITS.account.max} failures an address is locked — the right password too — with the same message whether it exists or not (R-AUDIT-1: staff.signin.locked)`, async () => {
    const clock = await atWorkerNow("2026-11-26T11:10:00+09:00");
    const since = clock.now().getTime();
    const { staff } = await staffWithTotp();
    const answers: Record<string, string | null> = {};
    for (const email of [staff.email, "ghost@hw.example.jp"]) {
      for (let i = 0; i < LIMITS.account.max - 1; i++) {
        const res = await passwordStep(email, "Wrong-Password-2026!");
        expect(res.status).toBe(400);
        await res.body?.cancel();
      }
      const last = await passwordStep(email, "Wrong-Password-2026!");
      expect(last.status).toBe(429);
      answers[email] = fieldError(await last.text(), "email");
    }
    expect(answers[staff.email]).toContain("しばらく受け付けを停止しています");
    expect(answers["ghost@hw.example.jp"]).toBe(answers[staff.email]);

    const right = await passwordStep(staff.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(fieldError(await right.text(), "email")).toBe(answers[staff.email]);
    expect(await db().select().from(schema.sessions).all()).toEqual([]);

    const locked = await auditRows("staff.signin.locked", since);
    expect(locked.filter((a) => a.subjectId === staff.id)).toHaveLength(1);
    expect(locked.filter((a) => a.subjectId === null && a.at === since)).toHaveLength(1);
    expect(locked.map((a) => a.details).join()).not.toContain("ghost");

    // 15 minutes later the lock is over and the right password works.
    await atWorkerNow("2026-11-26T11:26:00+09:00");
    expect((await passwordStep(staff.email, PASSWORD)).status).toBe(302);
  }, 60_000);

  it("R-AUTH-3: failures are also counted per client; a locked client is refused for every address", async () => {
    const clock = await atWorkerNow("2026-11-26T11:40:00+09:00");
    const { staff } = await staffWithTotp();
    const ip = { "CF-Connecting-IP": "203.0.113.9" };
    await db()
      .insert(schema.authThrottle)
      .values({ scope: "client:203.0.113.9", windowStart: clock.now().getTime(), failures: LIMITS.client.max - 1 });
    const res = await passwordStep("someone-else@hw.example.jp", "Wrong-Password-2026!", ip);
    expect(res.status).toBe(429);
    await res.body?.cancel();
    const right = await passwordStep(staff.email, PASSWORD, ip);
    expect(right.status).toBe(429);
    expect(fieldError(await right.text(), "email")).toContain("しばらく受け付けを停止しています");
    // Another client is not affected.
    expect((await passwordStep(staff.email, PASSWORD, { "CF-Connecting-IP": "198.51.100.7" })).status).toBe(302);
  });

  it(`R-AUTH-3: wrong TOTP codes count too; after ${SECOND_FACTOR_LIMIT.max} the second factor is locked even for the right code (issue 9 #1)`, async () => {
    const clock = await atWorkerNow("2026-11-26T11:50:00+09:00");
    const { staff, secret } = await staffWithTotp();
    const half = cookieFrom(await passwordStep(staff.email));
    const right = totpAt(secret, clock);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < SECOND_FACTOR_LIMIT.max; i++) {
      const res = await postForm("/staff/login/totp", { code: wrong }, half);
      await res.body?.cancel();
    }
    const res = await postForm("/staff/login/totp", { code: right }, half);
    expect(res.status).toBe(429);
    expect(fieldError(await res.text(), "code")).toContain("確認コードの誤りが続いたため、この職員アカウントのログインを一時停止しています。");
    expect((await db().select().from(schema.sessions).all()).map((s) => s.twoFactorVerified)).toEqual([false]);
  });
});
