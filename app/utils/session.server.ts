/**
 * Sessions as D1 rows, following lucia-auth.com's session guide: the cookie carries a random token
 * (160 bits, base32); the database stores only its SHA-256. Sessions have an absolute lifetime and an
 * idle timeout; sign-out deletes the row (R-AUTH-1, R-AUTH-4).
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, lt, lte, ne, or } from "drizzle-orm";
import { HOUR_MS, MINUTE_MS, type Clock } from "../lib/clock";
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from "../rules/retention";
import { schema, type Db } from "./db.server";
import { deleteCookie, readCookie, serializeCookie } from "./cookies.server";

export type AccountType = "employer" | "staff" | "seeker";

export interface SessionPolicy {
  cookieName: string;
  absoluteMs: number;
  idleMs: number;
}

export const SESSION_POLICIES: Record<AccountType, SessionPolicy> = {
  employer: { cookieName: "__Host-mp_session", absoluteMs: SESSION_MAX_HOURS.employer * HOUR_MS, idleMs: SESSION_IDLE_MINUTES * MINUTE_MS },
  staff: { cookieName: "__Host-staff_session", absoluteMs: SESSION_MAX_HOURS.staff * HOUR_MS, idleMs: SESSION_IDLE_MINUTES * MINUTE_MS },
  seeker: { cookieName: "__Host-seeker_session", absoluteMs: SESSION_MAX_HOURS.seeker * HOUR_MS, idleMs: SESSION_IDLE_MINUTES * MINUTE_MS },
};

/** Refresh `lastSeenAt` at most once a minute to spare writes. */
const TOUCH_INTERVAL_MS = MINUTE_MS;

export type Session = typeof schema.sessions.$inferSelect;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function newSessionRow(token: string, accountType: AccountType, accountId: string, clock: Clock, twoFactorVerified: boolean): Session {
  const now = clock.now().getTime();
  return {
    id: sessionIdFromToken(token),
    accountType,
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_POLICIES[accountType].absoluteMs,
    twoFactorVerified,
  };
}

export async function createSession(
  db: Db,
  accountType: AccountType,
  accountId: string,
  clock: Clock,
  twoFactorVerified = false,
  /** The shard's token prefix (`<shard>.`, rules/shards.ts sessionTokenPrefix); none for the default shard. */
  tokenPrefix = "",
): Promise<{ token: string; session: Session }> {
  const token = `${tokenPrefix}${generateSessionToken()}`;
  const session = newSessionRow(token, accountType, accountId, clock, twoFactorVerified);
  await db.insert(schema.sessions).values(session);
  return { token, session };
}

/** A session token: 32 base32 characters, after the shard's prefix when the session lives in another shard than DB's. */
const SESSION_TOKEN = /^(?:[a-z][a-z0-9-]{0,15}\.)?[a-z2-7]{32}$/;

/** The session token of the request's cookie, or null when there is none (or it is malformed). */
export function sessionTokenFromRequest(request: Request, accountType: AccountType): string | null {
  const token = readCookie(request, SESSION_POLICIES[accountType].cookieName);
  return token && SESSION_TOKEN.test(token) ? token : null;
}

/** The session's id from the request's cookie, or null when there is none (or it is malformed). */
export function sessionIdFromRequest(request: Request, accountType: AccountType): string | null {
  const token = sessionTokenFromRequest(request, accountType);
  return token ? sessionIdFromToken(token) : null;
}

/**
 * The statements that keep a session honest, to run first in the batch that reads it: an expired session
 * (absolute lifetime or idle timeout) is deleted, so the reads after it find nothing; a live one has its
 * `lastSeenAt` refreshed at most once a minute.
 */
export function sessionUpkeepStatements(db: Db, sessionId: string, accountType: AccountType, clock: Clock) {
  const now = clock.now().getTime();
  const s = schema.sessions;
  const policy = SESSION_POLICIES[accountType];
  const mine = and(eq(s.id, sessionId), eq(s.accountType, accountType));
  return [
    db.delete(s).where(and(mine, or(lte(s.expiresAt, now), lte(s.lastSeenAt, now - policy.idleMs)))),
    db
      .update(s)
      .set({ lastSeenAt: now })
      .where(and(mine, lte(s.lastSeenAt, now - TOUCH_INTERVAL_MS))),
  ] as const;
}

export function sessionQuery(db: Db, sessionId: string, accountType: AccountType) {
  return db
    .select()
    .from(schema.sessions)
    .where(and(eq(schema.sessions.id, sessionId), eq(schema.sessions.accountType, accountType)));
}

/** Looks the token up in one round trip; expired (absolute or idle) sessions are deleted and yield null. */
export async function validateSessionToken(db: Db, token: string, accountType: AccountType, clock: Clock): Promise<Session | null> {
  const id = sessionIdFromToken(token);
  const [, , rows] = await db.batch([...sessionUpkeepStatements(db, id, accountType, clock), sessionQuery(db, id, accountType)]);
  return rows[0] ?? null;
}

export async function getSessionFromRequest(db: Db, request: Request, accountType: AccountType, clock: Clock): Promise<Session | null> {
  const token = sessionTokenFromRequest(request, accountType);
  return token ? validateSessionToken(db, token, accountType, clock) : null;
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
}

/** Ends every session of an account except `keepSessionId` (after a password change). */
export function invalidateOtherSessionsStatement(db: Db, accountType: AccountType, accountId: string, keepSessionId: string) {
  return db
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.accountType, accountType), eq(schema.sessions.accountId, accountId), ne(schema.sessions.id, keepSessionId)));
}

export function deleteExpiredSessionsStatement(db: Db, clock: Clock) {
  return db.delete(schema.sessions).where(lt(schema.sessions.expiresAt, clock.now().getTime()));
}

export function sessionCookie(accountType: AccountType, token: string): string {
  return serializeCookie(SESSION_POLICIES[accountType].cookieName, token);
}

export function clearSessionCookie(accountType: AccountType): string {
  return deleteCookie(SESSION_POLICIES[accountType].cookieName);
}
