/**
 * Limits on failed sign-ins and key entries (R-AUTH-3), counted in D1 per account and per client.
 * A scope that reaches its limit within the window is locked for the lock period. The answers shown to
 * the user never say whether an address is registered: unknown addresses are counted under their
 * e-mail key exactly like known ones.
 *
 * A try is reserved before the work it guards (the password hash, a key check) with one conditional
 * write per scope (`reserveAttempts`), so a burst of parallel guesses gets exactly the allowed number of tries
 * (issue 9 #3). A try that did not fail gives its reservation back (`releaseStatements`) or clears the scope.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
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

export function accountScope(kind: "employer" | "staff" | "seeker" | "signup" | "reset" | "open" | "seeker-open", emailKey: string): string {
  return `${kind}:${emailKey}`;
}

/** A scope and its limit, for `reserveAttempts`. */
export interface Budget {
  scope: string;
  limit: ThrottleLimit;
}

/** One reserved try: `last` when it took the scope's last try, so that its failure locks the scope. */
export interface HeldTry {
  scope: string;
  at: number;
  max: number;
  last: boolean;
  /** When `last`: the end of the lock this try's failure leaves. */
  until: number | null;
}

export type Reservation = { ok: true; held: HeldTry[] } | { ok: false; scope: string; until: number };

/**
 * Reserves one try in one scope: one UPSERT that counts the try only while the scope is not locked and has
 * tries left in its window, and locks the scope when it takes the last one (read back in the same batch).
 */
async function reserveOne(db: Db, clock: Clock, { scope, limit }: Budget): Promise<HeldTry | { refusedUntil: number }> {
  const t = schema.authThrottle;
  const now = clock.now().getTime();
  const lockAt = now + limit.lockMs;
  // A new window: the old one is over, or the scope's lock has run out.
  const fresh = sql`(${t.windowStart} < ${now - limit.windowMs} OR (${t.lockedUntil} IS NOT NULL AND ${t.lockedUntil} <= ${now}))`;
  const next = sql`(CASE WHEN ${fresh} THEN 1 ELSE ${t.failures} + 1 END)`;
  const [rows, state] = await db.batch([
    db
      .insert(t)
      .values({ scope, windowStart: now, failures: 1, lockedUntil: limit.max <= 1 ? lockAt : null })
      .onConflictDoUpdate({
        target: t.scope,
        set: {
          failures: next,
          windowStart: sql`CASE WHEN ${fresh} THEN ${now} ELSE ${t.windowStart} END`,
          lockedUntil: sql`CASE WHEN ${next} >= ${limit.max} THEN ${lockAt} ELSE NULL END`,
        },
        setWhere: sql`(${t.lockedUntil} IS NULL OR ${t.lockedUntil} <= ${now}) AND (${fresh} OR ${t.failures} < ${limit.max})`,
      })
      .returning({ failures: t.failures }),
    db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.scope, scope)),
  ]);
  const row = rows[0];
  if (row) {
    const last = row.failures >= limit.max;
    return { scope, at: now, max: limit.max, last, until: last ? lockAt : null };
  }
  const until = state[0]?.lockedUntil;
  return { refusedUntil: until && until > now ? until : lockAt };
}

/**
 * Reserves one try in each scope, in order, before the work it guards (R-AUTH-3, issue 9 #3). When a scope
 * refuses, the tries already reserved are given back and the answer says which scope is locked until when.
 */
export async function reserveAttempts(db: Db, clock: Clock, budgets: Budget[]): Promise<Reservation> {
  const held: HeldTry[] = [];
  for (const budget of budgets) {
    const one = await reserveOne(db, clock, budget);
    if ("refusedUntil" in one) {
      await runStatements(db, releaseStatements(db, held));
      return { ok: false, scope: budget.scope, until: one.refusedUntil };
    }
    held.push(one);
  }
  return { ok: true, held };
}

/**
 * Gives reserved tries back (the try did not fail: a right password, a refusal that is no failure). A full
 * scope is full no more, so its lock goes; a window begun since the reservation is left alone.
 */
export function releaseStatements(db: Db, held: HeldTry[]): BatchItem<"sqlite">[] {
  const t = schema.authThrottle;
  return held.map((h) =>
    db
      .update(t)
      .set({
        failures: sql`${t.failures} - 1`,
        lockedUntil: sql`CASE WHEN ${t.failures} = ${h.max} THEN NULL ELSE ${t.lockedUntil} END`,
      })
      .where(and(eq(t.scope, h.scope), gt(t.failures, 0), lte(t.windowStart, h.at))),
  );
}

/** Deletes a scope's count (its owner just proved who they are). */
export function clearStatement(db: Db, scope: string): BatchItem<"sqlite"> {
  return db.delete(schema.authThrottle).where(eq(schema.authThrottle.scope, scope));
}

/**
 * After a try that proved its owner (a right password, a right code): the first budget — the account's own — is
 * cleared, the others (the client's) get their try back.
 */
export function provenStatements(db: Db, held: HeldTry[]): BatchItem<"sqlite">[] {
  const [own, ...shared] = held;
  return [...(own ? [clearStatement(db, own.scope)] : []), ...releaseStatements(db, shared)];
}

/** Runs statements (none is fine) in one batch. */
export async function runStatements(db: Db, statements: BatchItem<"sqlite">[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** The scopes whose last try a failed attempt took: it has just locked them (for the audit log). */
export function lockedBy(held: HeldTry[]): string[] {
  return held.filter((h) => h.last).map((h) => h.scope);
}

/** The end of the lock that a failed attempt has just caused, or null. */
export function lockedByUntil(held: HeldTry[]): number | null {
  const ends = held.flatMap((h) => (h.until === null ? [] : [h.until]));
  return ends.length > 0 ? Math.max(...ends) : null;
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

export function lockedMessage(until: number, clock: Clock): string {
  const minutes = Math.max(1, Math.ceil((until - clock.now().getTime()) / MINUTE_MS));
  return `入力の誤りが続いたため、しばらく受け付けを停止しています。${minutes}分ほど待ってから、もう一度お試しください。`;
}
