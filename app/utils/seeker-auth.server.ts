/**
 * The seeker's guard (issue 12, ADR 0022): a signed-in 求職者マイページ session — password and mailed code — of an
 * active account whose seeker still has the マイページ (job_seekers.has_mypage). Like requireEmployer and requireStaff
 * it reads the session (deleting it when expired), the account and the seeker in one batch with the page's `reads`.
 * Re-exported by auth.server.ts, the guards' one entry point.
 */
import { redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { eq, sql, type SQL } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import { schema, type Db } from "./db.server";
import { sessionShard } from "./shards.server";
import { guardedBatch, type ReadResults, type Reads } from "./request-batch.server";
import { clearSessionCookie, sessionQuery, sessionUpkeepStatements, type Session } from "./session.server";

export type SeekerAccount = typeof schema.seekerAccounts.$inferSelect;
export type JobSeeker = typeof schema.jobSeekers.$inferSelect;

/** The signed-in seeker as SQL, for reads that ride in the guard's batch (nothing when the session is not valid). */
export interface SeekerReadScope {
  db: Db;
  seekerId: SQL;
  accountId: SQL;
  today: string;
}

export interface SeekerContext {
  db: Db;
  clock: Clock;
  session: Session;
  account: SeekerAccount;
  seeker: JobSeeker;
}

const s = schema.sessions;
const sa = schema.seekerAccounts;
const js = schema.jobSeekers;

function accountIdOf(sessionId: string, verifiedOnly: boolean): SQL {
  return verifiedOnly
    ? sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'seeker' AND ${s.twoFactorVerified} = 1)`
    : sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'seeker')`;
}

function seekerGuardStatements(db: Db, sessionId: string) {
  const accountId = accountIdOf(sessionId, false);
  return [
    sessionQuery(db, sessionId, "seeker"),
    db.select().from(sa).where(eq(sa.id, accountId)),
    db
      .select()
      .from(js)
      .where(eq(js.id, sql`(SELECT ${sa.seekerId} FROM ${sa} WHERE ${sa.id} = ${accountId})`)),
  ] as const;
}

interface SeekerGuardRow {
  session: Session;
  account: SeekerAccount | null;
  seeker: JobSeeker | null;
}

function seekerGuardRow(values: unknown[]): SeekerGuardRow | null {
  const [sessions, accounts, seekers] = values as [Session[], SeekerAccount[], JobSeeker[]];
  const session = sessions[0];
  return session ? { session, account: accounts[0] ?? null, seeker: seekers[0] ?? null } : null;
}

function seekerReadScope(db: Db, sessionId: string, today: string): SeekerReadScope {
  const accountId = sql`(SELECT ${sa.id} FROM ${sa} WHERE ${sa.id} = ${accountIdOf(sessionId, true)} AND ${sa.status} = 'active')`;
  const seekerId = sql`(SELECT ${sa.seekerId} FROM ${sa} WHERE ${sa.id} = ${accountId})`;
  return { db, accountId, seekerId, today };
}

async function readSeekerGuard<R extends Reads>(request: Request, context: AppLoadContext, reads?: (scope: SeekerReadScope) => R) {
  // The session's shard (its token's prefix): the guard and the page's reads run on the database that holds them.
  const { db, sessionId } = sessionShard(context.cloudflare.env, request, "seeker");
  if (!sessionId) return { db, row: null, results: null };
  const statements = [...sessionUpkeepStatements(db, sessionId, "seeker", context.clock), ...seekerGuardStatements(db, sessionId)];
  const { answer, results } = await guardedBatch(
    context,
    request,
    db,
    "seeker",
    { statements, read: (values) => seekerGuardRow(values.slice(2)) },
    reads?.(seekerReadScope(db, sessionId, todayJst(context.clock))),
  );
  return { db, row: answer, results };
}

/** The seeker session (any state of the second factor) with its account and seeker, or nulls; no redirects. */
export async function getSeekerSession(request: Request, context: AppLoadContext) {
  const { db, row } = await readSeekerGuard(request, context);
  return { db, session: row?.session ?? null, account: row?.account ?? null, seeker: row?.seeker ?? null };
}

/** May this account sign in to the 求職者マイページ: active, with a password, and its seeker still has the マイページ. */
export function seekerMaySignIn(account: SeekerAccount | null, seeker: Pick<JobSeeker, "hasMypage"> | null): boolean {
  return !!account && account.status === "active" && !!account.passwordHash && !!seeker?.hasMypage;
}

function toSeekerSignIn(request: Request, clearCookie?: string): never {
  const url = new URL(request.url);
  const headers = new Headers();
  if (clearCookie) headers.append("Set-Cookie", clearCookie);
  throw redirect(`/seeker/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`, { headers });
}

/** A signed-in seeker (password + mailed code, R-AUTH-1) whose 求職者マイページ is open. */
export async function requireSeeker<R extends Reads = Record<never, never>>(
  request: Request,
  context: AppLoadContext,
  options: { reads?: (scope: SeekerReadScope) => R } = {},
): Promise<SeekerContext & { reads: ReadResults<R> }> {
  const { db, row, results } = await readSeekerGuard(request, context, options.reads);
  if (!row) toSeekerSignIn(request);
  const { session, account, seeker } = row;
  if (!session.twoFactorVerified) throw redirect("/seeker/login/verify");
  if (!account || !seeker || !seekerMaySignIn(account, seeker)) toSeekerSignIn(request, clearSessionCookie("seeker"));
  return { db, clock: context.clock, session, account, seeker, reads: (results ?? {}) as ReadResults<R> };
}
