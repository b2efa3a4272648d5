/**
 * Nothing typed is lost when the session ends (issue 10, ADR 0017). A long form (a screen of the 求人 wizard,
 * 事業所情報の変更…) posted after the employer's session ended is not thrown away: the guard (auth.server.ts, option
 * `keepForm`) keeps its text fields in D1 for 2 hours, for this browser (a random token in the HttpOnly
 * `__Host-mp_kept` cookie; only its SHA-256 is stored) and for the account whose session ended. When that account has
 * signed in again on that browser and opens the same screen, the guard's batch takes the values out (deleted as they
 * are read) and the screen shows them filled in, not yet saved, for the employer to save. Another account never gets
 * them, an expired one is deleted, passwords, codes and files are never kept.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { HOUR_MS, type Clock } from "../lib/clock";
import { KEPT_FORM_HOURS } from "../rules/retention";
import { FORM_BODY_LIMIT, readFormWithin } from "./body.server";
import { readCookie, serializeCookie } from "./cookies.server";
import { schema, type Db } from "./db.server";
import type { Reads } from "./request-batch.server";
import { SESSION_POLICIES, type Session } from "./session.server";

export const KEPT_FORM_COOKIE = "__Host-mp_kept";
/** How long a kept form waits for its account to sign in again. */
export const KEPT_FORM_MS = KEPT_FORM_HOURS * HOUR_MS;

/** Field names never kept, whatever form they come in: secrets, and the buttons' and Conform's own fields. */
const NEVER_KEPT = /password|passcode|otp|totp|secret|token|^code$|^trust$|^intent$|^acknowledged$|^redirectTo$|^__/i;

const k = schema.keptForms;

/** Values shown again, as Conform's last result: the form renders them (the same path as a refused submission). */
export interface KeptForm {
  keptAt: number;
  result: SubmissionResult<string[]>;
}

/** What a long form's page needs for the session's end: the kept values (if any) and the idle deadline. */
export interface KeptFormPage {
  kept: KeptForm | null;
  /** When the session ends without another request (server clock, ms). */
  endsAt: number;
  /** The server's now (ms): the browser counts down from endsAt − now on its own clock. */
  now: number;
}

function browserToken(request: Request): string | null {
  const token = readCookie(request, KEPT_FORM_COOKIE);
  return token && /^[a-z2-7]{32}$/.test(token) ? token : null;
}

function browserIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The screen a request is for: its path without the query (single fetch's `.data` is already stripped). */
function screenOf(request: Request): string {
  return new URL(request.url).pathname;
}

/** The text fields worth keeping, in order; files and NEVER_KEPT names are left out. */
export function keepableFields(form: FormData): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !NEVER_KEPT.test(name)) out.push([name, value]);
  }
  return out;
}

/** When an employer session ends if nothing else is asked of the server. */
export function sessionEndsAt(session: Session): number {
  return session.lastSeenAt + SESSION_POLICIES.employer.idleMs;
}

/**
 * The statements that read, before the session's upkeep deletes it, who owned a session that has just ended
 * (verified, past its idle limit or absolute end) — or, once it is deleted, the account a form of this browser was
 * already kept for with that same dead session (a second tab). Only a POST of a form that is kept asks.
 */
export function endedSessionOwnerStatements(db: Db, clock: Clock, request: Request, sessionId: string) {
  const s = schema.sessions;
  const now = clock.now().getTime();
  const ended = sql`(${s.expiresAt} <= ${now} OR ${s.lastSeenAt} <= ${now - SESSION_POLICIES.employer.idleMs})`;
  const token = browserToken(request);
  return [
    db
      .select({ endedAccountId: s.accountId })
      .from(s)
      .where(and(eq(s.id, sessionId), eq(s.accountType, "employer"), eq(s.twoFactorVerified, true), ended)),
    ...(token
      ? [
          db
            .select({ endedAccountId: k.accountId })
            .from(k)
            .where(and(eq(k.browserId, browserIdOf(token)), eq(k.endedSessionId, sessionId), gt(k.expiresAt, now)))
            .limit(1),
        ]
      : []),
  ];
}

/** The owner found by endedSessionOwnerStatements, or null. */
export function endedSessionOwnerOf(values: readonly unknown[]): string | null {
  for (const rows of values as { endedAccountId: string }[][]) if (rows[0]) return rows[0].endedAccountId;
  return null;
}

/**
 * Keeps the form of `request` for `ended.accountId` (whose session `ended.sessionId` has just ended): reads the body (readForm's 64 KB;
 * a larger or broken body is simply not kept), replaces this browser's earlier form for the same screen, and deletes
 * every expired one. Returns the Set-Cookie of the browser's token, or null when nothing was kept.
 */
export async function keepForm(db: Db, clock: Clock, request: Request, ended: { accountId: string; sessionId: string }): Promise<string | null> {
  const { accountId } = ended;
  let fields: [string, string][];
  try {
    const read = await readFormWithin(request, FORM_BODY_LIMIT);
    if (!read.ok) return null;
    fields = keepableFields(read.form);
  } catch {
    return null; // not a form: nothing to keep
  }
  if (fields.length === 0) return null;
  const token = browserToken(request) ?? encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  const now = clock.now().getTime();
  const a = schema.employerAccounts;
  const kept = {
    accountId,
    endedSessionId: ended.sessionId,
    establishmentId: sql`(SELECT ${a.establishmentId} FROM ${a} WHERE ${a.id} = ${accountId})`,
    fields: JSON.stringify(fields),
    keptAt: now,
    expiresAt: now + KEPT_FORM_MS,
  };
  await db.batch([
    db.delete(k).where(lte(k.expiresAt, now)),
    db
      .insert(k)
      .values({ browserId: browserIdOf(token), path: screenOf(request), ...kept })
      .onConflictDoUpdate({ target: [k.browserId, k.path], set: kept }),
  ]);
  return serializeCookie(KEPT_FORM_COOKIE, token, { maxAge: KEPT_FORM_MS / 1000 });
}

/**
 * The statements that take this browser's kept form for the request's screen out of D1, for the signed-in account
 * only (`accountId`, `establishmentId`: the guard's subqueries on the session): the form is deleted as it is read,
 * and the browser's expired forms with it. Empty when the browser has no token, or for a prefetch.
 */
export function takeKeptFormStatements(db: Db, clock: Clock, request: Request, owner: { accountId: SQL; establishmentId: SQL }) {
  const token = browserToken(request);
  const purpose = `${request.headers.get("Sec-Purpose") ?? ""} ${request.headers.get("Purpose") ?? ""}`;
  if (!token || /prefetch/i.test(purpose)) return [];
  const browserId = browserIdOf(token);
  const now = clock.now().getTime();
  return [
    db.delete(k).where(and(eq(k.browserId, browserId), lte(k.expiresAt, now))),
    db
      .delete(k)
      .where(
        and(
          eq(k.browserId, browserId),
          eq(k.path, screenOf(request)),
          eq(k.accountId, owner.accountId),
          sql`${k.establishmentId} IS ${owner.establishmentId}`,
          gt(k.expiresAt, now),
        ),
      )
      .returning({ fields: k.fields, keptAt: k.keptAt }),
  ] as const;
}

const KEPT = "__keptForm";

/** The page's reads, with takeKeptFormStatements under their own name when a long form's page is opened (a GET). */
export function withKeptFormReads<R extends Reads>(
  keep: boolean,
  db: Db,
  clock: Clock,
  request: Request,
  owner: { accountId: SQL; establishmentId: SQL },
  reads: R | undefined,
): R | undefined {
  const take = keep && request.method === "GET" ? takeKeptFormStatements(db, clock, request, owner) : [];
  return take.length ? ({ ...reads, [KEPT]: take } as unknown as R) : reads;
}

/** The kept form the guard's batch took back (withKeptFormReads), or null. */
export function keptFormFrom(results: unknown): KeptForm | null {
  const taken = (results as Record<string, unknown> | null)?.[KEPT] as [unknown, { fields: string; keptAt: number }[]] | undefined;
  const row = taken?.[1]?.[0];
  if (!row) return null;
  const form = new FormData();
  try {
    for (const [name, value] of JSON.parse(row.fields) as [string, string][]) form.append(name, value);
  } catch {
    return null;
  }
  const { initialValue } = parseWithZod(form, { schema: z.unknown() }).reply();
  return { keptAt: row.keptAt, result: { initialValue } };
}
