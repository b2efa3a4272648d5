import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { manualClock, MINUTE_MS, HOUR_MS } from "../../app/lib/clock";
import { hashPassword, needsRehash, verifyPassword, wasmArgon2id } from "../../app/lib/password";
import { hashPasswordWith, nobleArgon2id, verifyPasswordWith } from "../../app/lib/password-phc";
import { getDb, schema } from "../../app/utils/db.server";
import { PASSWORD, PASSWORD_HASH } from "../helpers/employer-signin";
import { STAFF_PASSWORD, STAFF_PASSWORD_HASH } from "../helpers/staff";
import {
  createSession,
  getSessionFromRequest,
  invalidateOtherSessionsStatement,
  invalidateSession,
  sessionCookie,
  sessionIdFromToken,
  validateSessionToken,
} from "../../app/utils/session.server";

describe("sessions (lucia-auth.com guide)", () => {
  it("R-AUTH-1: the token is random (160 bits) and only its hash is stored; the cookie is HttpOnly, Secure, SameSite=Lax", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    const { token, session } = await createSession(db, "employer", "acc-1", clock, true);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toContain(token);
    const rows = await db.select().from(schema.sessions).all();
    expect(rows.map((r) => r.id)).toEqual([session.id]);
    expect(JSON.stringify(rows)).not.toContain(token);
    const cookie = sessionCookie("employer", token);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("R-AUTH-1: an employer session ends after 30 idle minutes and after 12 hours in any case", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    const idle = await createSession(db, "employer", "acc-1", clock);
    clock.advance(29 * MINUTE_MS);
    expect(await validateSessionToken(db, idle.token, "employer", clock)).not.toBeNull();
    clock.advance(30 * MINUTE_MS); // 30 idle minutes since the last use
    expect(await validateSessionToken(db, idle.token, "employer", clock)).toBeNull();

    const busy = await createSession(db, "employer", "acc-1", clock);
    // Used every 29 minutes: alive for 24 × 29 = 696 minutes (11.6 h) …
    for (let i = 0; i < 24; i++) {
      clock.advance(29 * MINUTE_MS);
      expect(await validateSessionToken(db, busy.token, "employer", clock)).not.toBeNull();
    }
    // … and over at 725 minutes, past the 12-hour absolute lifetime, although it was never idle.
    clock.advance(29 * MINUTE_MS);
    expect(clock.now().getTime() - busy.session.createdAt).toBeGreaterThan(12 * HOUR_MS);
    expect(await validateSessionToken(db, busy.token, "employer", clock)).toBeNull();
  });

  it("R-AUTH-4: staff sessions are shorter (8 hours) and are not accepted as employer sessions", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    const { token, session } = await createSession(db, "staff", "staff-1", clock);
    expect(session.expiresAt - session.createdAt).toBe(8 * HOUR_MS);
    expect(await validateSessionToken(db, token, "employer", clock)).toBeNull();
    const req = new Request("http://localhost/", { headers: { Cookie: `__Host-staff_session=${token}` } });
    expect(await getSessionFromRequest(db, req, "staff", clock)).not.toBeNull();
  });

  it("R-AUTH-1: sign-out ends the session on the server; a password change ends all other sessions", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    const a = await createSession(db, "employer", "acc-1", clock);
    const b = await createSession(db, "employer", "acc-1", clock);
    const c = await createSession(db, "employer", "acc-1", clock);
    const other = await createSession(db, "employer", "acc-2", clock);
    await invalidateSession(db, a.session.id);
    expect(await validateSessionToken(db, a.token, "employer", clock)).toBeNull();
    await invalidateOtherSessionsStatement(db, "employer", "acc-1", b.session.id);
    expect(await validateSessionToken(db, b.token, "employer", clock)).not.toBeNull();
    expect(await validateSessionToken(db, c.token, "employer", clock)).toBeNull();
    expect(await validateSessionToken(db, other.token, "employer", clock)).not.toBeNull();
  });
});

describe("password hashing (argon2id, PHC)", () => {
  it("R-OPEN-6: stores argon2id with m ≥ 19 MiB and t ≥ 2 in PHC format and verifies only the right password", async () => {
    const hash = await hashPassword("正しい馬のバッテリー留め具");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword(hash, "正しい馬のバッテリー留め具")).toBe(true);
    expect(await verifyPassword(hash, "正しい馬のバッテリー留め")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  }, 20_000);

  it("asks for a rehash when the stored parameters are weaker than the current ones", async () => {
    const weak = await hashPassword("correct horse battery", { m: 1024, t: 1, p: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(await verifyPassword(weak, "correct horse battery")).toBe(true);
  }, 20_000);

  it("ADR 0025: the WebAssembly engine computes the same bytes as the pure-JS one (Japanese, empty, long passwords; both ways)", async () => {
    const params = { m: 256, t: 2, p: 1 };
    const salt = new Uint8Array(16).map((_, i) => i * 7);
    const encoder = new TextEncoder();
    for (const password of ["", "a", "正しい馬のバッテリー留め具", "👨‍👩‍👧‍👦" + "x".repeat(300)]) {
      const bytes = encoder.encode(password);
      expect(Buffer.from(await wasmArgon2id(bytes, salt, params, 32)).toString("hex"), password).toBe(
        Buffer.from(await nobleArgon2id(bytes, salt, params, 32)).toString("hex"),
      );
    }
    const byNoble = await hashPasswordWith(nobleArgon2id, "正しい馬", params);
    const byWasm = await hashPasswordWith(wasmArgon2id, "正しい馬", params);
    expect(await verifyPasswordWith(wasmArgon2id, byNoble, "正しい馬")).toBe(true);
    expect(await verifyPasswordWith(nobleArgon2id, byWasm, "正しい馬")).toBe(true);
    expect(await verifyPasswordWith(wasmArgon2id, byNoble, "正しい")).toBe(false);
  }, 20_000);

  it("the tests' precomputed hashes (tests/helpers) verify their passwords with the current parameters", async () => {
    for (const [hash, password] of [
      [PASSWORD_HASH, PASSWORD],
      [STAFF_PASSWORD_HASH, STAFF_PASSWORD],
    ] as const) {
      expect(needsRehash(hash), "recompute it with hashPassword() when the parameters rise").toBe(false);
      expect(await verifyPassword(hash, password)).toBe(true);
    }
  }, 20_000);
});
