/**
 * Device cookies (issue 9 #6, OWASP's "device cookies" against lock-out): a browser that completed an employer
 * sign-in (password and one-time code, or a trusted browser) gets a random cookie, stored only as its SHA-256 per
 * account. When such a browser signs in again, its failures are counted in a budget of its own, so that nobody can
 * keep the owner locked out by failing with the address from elsewhere. The cookie skips nothing.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt } from "drizzle-orm";
import { DAY_MS, type Clock } from "../lib/clock";
import { readCookie, serializeCookie } from "../utils/cookies.server";
import { schema, type Db } from "../utils/db.server";

export const DEVICE_COOKIE = "__Host-mp_device";
/** A known browser stays known for 180 days after its last complete sign-in. */
export const DEVICE_DAYS = 180;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function deviceTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The hash of the browser's device cookie when it is known for this account (and not expired), else null. */
export async function knownDeviceHash(db: Db, clock: Clock, request: Request, accountId: string): Promise<string | null> {
  const token = readCookie(request, DEVICE_COOKIE);
  if (!token || !TOKEN.test(token)) return null;
  const id = deviceTokenHash(token);
  const t = schema.knownDevices;
  const row = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.id, id), eq(t.accountId, accountId), gt(t.expiresAt, clock.now().getTime())))
    .get();
  return row ? id : null;
}

/**
 * After a complete sign-in: the statement that records (or renews) this browser as known for the account, for the
 * sign-in's batch, and its cookie. A browser keeps its token across accounts and sign-ins.
 */
export function rememberDevice(db: Db, clock: Clock, request: Request, accountId: string) {
  let token = readCookie(request, DEVICE_COOKIE);
  if (!token || !TOKEN.test(token)) {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    token = encodeBase64urlNoPadding(bytes);
  }
  const now = clock.now().getTime();
  const expiresAt = now + DEVICE_DAYS * DAY_MS;
  const t = schema.knownDevices;
  return {
    statement: db
      .insert(t)
      .values({ id: deviceTokenHash(token), accountId, createdAt: now, expiresAt })
      .onConflictDoUpdate({ target: [t.id, t.accountId], set: { expiresAt } }),
    cookie: serializeCookie(DEVICE_COOKIE, token, { maxAge: DEVICE_DAYS * (DAY_MS / 1000) }),
  };
}
