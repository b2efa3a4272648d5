/**
 * Limits on failed sign-ins and key entries (R-AUTH-3), counted in D1 per account and per client.
 * A scope that reaches its limit within the window is locked for the lock period. The answers shown to
 * the user never say whether an address is registered: unknown addresses are counted under their
 * e-mail key exactly like known ones.
 */
import { eq, sql } from "drizzle-orm";
import { MINUTE_MS, type Clock } from "../lib/clock";
import { schema, type Db } from "./db.server";

export interface ThrottleLimit {
  max: number;
  windowMs: number;
  lockMs: number;
}

export const LIMITS = {
  /** Per login e-mail (known or not): 10 failures in 15 minutes lock it for 15 minutes. */
  account: { max: 10, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
  /** Per client address: 50 failures in 15 minutes lock it for 15 minutes. */
  client: { max: 50, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
} satisfies Record<string, ThrottleLimit>;

export function clientScope(request: Request): string {
  const ip = request.headers.get("CF-Connecting-IP") ?? request.headers.get("X-Real-IP") ?? "local";
  return `client:${ip}`;
}

export function accountScope(kind: "employer" | "staff" | "signup" | "reset" | "open", emailKey: string): string {
  return `${kind}:${emailKey}`;
}

/** Instant until which any of the scopes is locked, or null. */
export async function lockedUntil(db: Db, clock: Clock, scopes: string[]): Promise<number | null> {
  const now = clock.now().getTime();
  let until: number | null = null;
  for (const scope of scopes) {
    const row = await db.select({ lockedUntil: schema.authThrottle.lockedUntil }).from(schema.authThrottle).where(eq(schema.authThrottle.scope, scope)).get();
    if (row?.lockedUntil && row.lockedUntil > now) until = Math.max(until ?? 0, row.lockedUntil);
  }
  return until;
}

/** Counts one failure; returns true when this failure locked the scope (for the audit log). */
export async function recordFailure(db: Db, clock: Clock, scope: string, limit: ThrottleLimit): Promise<boolean> {
  const now = clock.now().getTime();
  const windowFloor = now - limit.windowMs;
  const t = schema.authThrottle;
  const [row] = await db
    .insert(t)
    .values({ scope, windowStart: now, failures: 1, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.scope,
      set: {
        failures: sql`CASE WHEN ${t.windowStart} < ${windowFloor} THEN 1 ELSE ${t.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${t.windowStart} < ${windowFloor} THEN ${now} ELSE ${t.windowStart} END`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  if (row && row.failures >= limit.max && !(row.lockedUntil && row.lockedUntil > now)) {
    await db
      .update(t)
      .set({ lockedUntil: now + limit.lockMs, failures: 0, windowStart: now })
      .where(eq(t.scope, scope));
    return true;
  }
  return false;
}

export async function clearFailures(db: Db, scope: string): Promise<void> {
  await db.delete(schema.authThrottle).where(eq(schema.authThrottle.scope, scope));
}

export function lockedMessage(until: number, clock: Clock): string {
  const minutes = Math.max(1, Math.ceil((until - clock.now().getTime()) / MINUTE_MS));
  return `入力の誤りが続いたため、しばらく受け付けを停止しています。${minutes}分ほど待ってから、もう一度お試しください。`;
}
