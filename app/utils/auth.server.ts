/**
 * Guards: the first line of every loader and action (STYLE 3). Authorisation is decided on the server
 * from the session row; nothing the client sends is trusted.
 *
 * A guard reads everything it needs — the session (deleting it when expired, refreshing it otherwise), the
 * account, the establishment and its office, the consent state and the capability facts (R-GATE) — in one
 * statement, in one D1 batch together with the reads the page hands in (`reads`), shared by the loaders of
 * one GET request (request-batch.server.ts).
 */
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { currentVersion, PRIVACY, TERMS, type LegalDocumentId } from "../content/legal";
import { todayJst, type Clock } from "../lib/clock";
import type { CapabilityFacts } from "../rules/capabilities";
import { provisionalClosedMessage, provisionalDeadlinePassed } from "../rules/provisional";
import { unusableMessage } from "../rules/sign-in";
import { schema, type Db } from "./db.server";
import { sessionShard } from "./shards.server";
import { hasOpenSelectionWindowSql, hasValidPostingSql } from "./facts.server";
import { redirectWithFlash } from "./flash.server";
import { guardedBatch, type ReadResults, type Reads } from "./request-batch.server";
import {
  endedSessionOwnerOf,
  endedSessionOwnerStatements,
  keepForm,
  keptFormFrom,
  sessionEndsAt,
  withKeptFormReads,
  type KeptFormPage,
} from "./kept-form.server";
import { clearSessionCookie, sessionQuery, sessionUpkeepStatements, type Session } from "./session.server";

export type EmployerAccount = typeof schema.employerAccounts.$inferSelect;
export type Establishment = typeof schema.establishments.$inferSelect;
export type Office = typeof schema.offices.$inferSelect;
export type StaffAccount = typeof schema.staffAccounts.$inferSelect;
export type ProvisionalRegistration = typeof schema.provisionalRegistrations.$inferSelect;

export interface EmployerContext {
  db: Db;
  /** The request's clock (context.clock): rules ask it for today's date. */
  clock: Clock;
  session: Session;
  account: EmployerAccount;
  establishment: Establishment;
  office: Office;
  /** The facts the capability rules decide on (R-GATE), read with the session. */
  facts: CapabilityFacts;
  /** Documents whose current version the account has not agreed to yet (R-OPEN-7). */
  pendingConsents: LegalDocumentId[];
}

export interface StaffContext {
  db: Db;
  clock: Clock;
  session: Session;
  staff: StaffAccount;
  office: Office;
}

/**
 * The signed-in actor as SQL, for reads that ride in the guard's batch: subqueries on the session's id
 * that yield nothing when the session is not valid (its upkeep statement runs first in the batch).
 */
export interface EmployerReadScope {
  db: Db;
  establishmentId: SQL;
  accountId: SQL;
  /** The establishment's prefecture. */
  prefectureCode: SQL;
  today: string;
}

export interface StaffReadScope {
  db: Db;
  officeCode: SQL;
  staffId: SQL;
  /** The office's prefecture. */
  prefectureCode: SQL;
  today: string;
}

// ---------------------------------------------------------------------------------------------
// Redirects

function signInRedirect(request: Request, path: string, clearCookie?: string, keptCookie?: string | null): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = `${path}?redirectTo=${encodeURIComponent(back)}${keptCookie ? "&kept=1" : ""}`;
  const headers = new Headers();
  if (clearCookie) headers.append("Set-Cookie", clearCookie);
  if (keptCookie) headers.append("Set-Cookie", keptCookie);
  throw redirect(target, { headers });
}

/** No valid session: the sign-in page, keeping a long form posted by the account whose session has just ended (ADR 0017). */
async function toSignInKeeping(request: Request, context: AppLoadContext, guard: { db: Db; sessionId: string | null; endedAccountId: string | null }) {
  const { db, sessionId, endedAccountId } = guard;
  const keptCookie = endedAccountId && sessionId ? await keepForm(db, context.clock, request, { accountId: endedAccountId, sessionId }) : null;
  try {
    return signInRedirect(request, "/login", undefined, keptCookie);
  } catch (response) {
    return response as Response;
  }
}

// ---------------------------------------------------------------------------------------------
// Employer

const s = schema.sessions;
const a = schema.employerAccounts;
const e = schema.establishments;
const o = schema.offices;
const p = schema.provisionalRegistrations;
const c = schema.consents;

function latestConsentVersion(accountId: SQL, document: LegalDocumentId) {
  return sql<
    string | null
  >`(SELECT ${c.version} FROM ${c} WHERE ${c.accountId} = ${accountId} AND ${c.document} = ${document} ORDER BY ${c.agreedAt} DESC LIMIT 1)`;
}

function employerReadScope(db: Db, sessionId: string, today: string): EmployerReadScope {
  const accountId = sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'employer' AND ${s.twoFactorVerified} = 1)`;
  const establishmentId = sql`(SELECT ${a.establishmentId} FROM ${a} WHERE ${a.id} = ${accountId} AND ${a.status} = 'active')`;
  return { db, accountId, establishmentId, prefectureCode: sql`(SELECT ${e.prefectureCode} FROM ${e} WHERE ${e.id} = ${establishmentId})`, today };
}

/**
 * The guard's statements after the session's upkeep: one single-table select each (in a batch D1 returns rows
 * as objects keyed by column name, so a join of tables that share column names would lose columns).
 */
function employerGuardStatements(db: Db, sessionId: string, today: string) {
  const accountId = sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'employer')`;
  const establishmentId = sql`(SELECT ${a.establishmentId} FROM ${a} WHERE ${a.id} = ${accountId})`;
  return [
    sessionQuery(db, sessionId, "employer"),
    db.select().from(a).where(eq(a.id, accountId)),
    db.select().from(e).where(eq(e.id, establishmentId)),
    db
      .select()
      .from(o)
      .where(eq(o.code, sql`(SELECT ${e.officeCode} FROM ${e} WHERE ${e.id} = ${establishmentId})`)),
    db.select().from(p).where(eq(p.accountId, accountId)),
    db
      .select({
        termsVersion: latestConsentVersion(accountId, "terms").as("terms_version"),
        privacyVersion: latestConsentVersion(accountId, "privacy").as("privacy_version"),
        hasValidPosting: hasValidPostingSql(establishmentId, today).as("has_valid_posting"),
        hasOpenSelectionWindow: hasOpenSelectionWindowSql(establishmentId, today).as("has_open_selection_window"),
      })
      .from(s)
      .where(eq(s.id, sessionId)),
  ] as const;
}

interface EmployerGuardRow {
  session: Session;
  account: EmployerAccount | null;
  establishment: Establishment | null;
  office: Office | null;
  provisional: ProvisionalRegistration | null;
  termsVersion: string | null;
  privacyVersion: string | null;
  hasValidPosting: number | null;
  hasOpenSelectionWindow: number | null;
}

function employerGuardRow(values: unknown[]): EmployerGuardRow | null {
  const [sessions, accounts, establishments, offices, provisionals, facts] = values as [
    Session[],
    EmployerAccount[],
    Establishment[],
    Office[],
    ProvisionalRegistration[],
    { termsVersion: string | null; privacyVersion: string | null; hasValidPosting: number | null; hasOpenSelectionWindow: number | null }[],
  ];
  const session = sessions[0];
  if (!session) return null;
  return {
    session,
    account: accounts[0] ?? null,
    establishment: establishments[0] ?? null,
    office: offices[0] ?? null,
    provisional: provisionals[0] ?? null,
    termsVersion: facts[0]?.termsVersion ?? null,
    privacyVersion: facts[0]?.privacyVersion ?? null,
    hasValidPosting: facts[0]?.hasValidPosting ?? null,
    hasOpenSelectionWindow: facts[0]?.hasOpenSelectionWindow ?? null,
  };
}

function pendingOf(row: Pick<EmployerGuardRow, "termsVersion" | "privacyVersion">): LegalDocumentId[] {
  const pending: LegalDocumentId[] = [];
  if (row.termsVersion !== currentVersion(TERMS).version) pending.push("terms");
  if (row.privacyVersion !== currentVersion(PRIVACY).version) pending.push("privacy");
  return pending;
}

/** The guard's answer and, for a kept form (ADR 0017), who owned the session that has just ended and the form taken back. */
/**
 * One batch: the session's upkeep, the guard's row and the page's reads. Null row: no valid session. With `keep` (a
 * long form, ADR 0017) a POST also reads who owned a session that has just ended, and a GET takes back the form this
 * browser kept for the signed-in account.
 */
async function readEmployerGuard<R extends Reads>(request: Request, context: AppLoadContext, reads?: (scope: EmployerReadScope) => R, keep = false) {
  // The session's shard (its token's prefix): the guard and the page's reads run on the database that holds them.
  const { db, sessionId } = sessionShard(context.cloudflare.env, request, "employer");
  const { clock } = context;
  if (!sessionId) return { db, row: null, results: null, sessionId, endedAccountId: null, kept: null };
  const today = todayJst(clock);
  const owner = keep && request.method === "POST" ? endedSessionOwnerStatements(db, clock, request, sessionId) : [];
  const statements = [...owner, ...sessionUpkeepStatements(db, sessionId, "employer", clock), ...employerGuardStatements(db, sessionId, today)];
  const scope = employerReadScope(db, sessionId, today);
  const { answer, results } = await guardedBatch(
    context,
    request,
    db,
    "employer",
    { statements, read: (values) => ({ ended: endedSessionOwnerOf(values.slice(0, owner.length)), row: employerGuardRow(values.slice(owner.length + 2)) }) },
    withKeptFormReads(keep, db, clock, request, scope, reads?.(scope)),
  );
  return { db, row: answer.row, results: results as ReadResults<R>, sessionId, endedAccountId: answer.ended, kept: keptFormFrom(results) };
}

/**
 * The employer's session (any state of the second factor) with its account, establishment, office and
 * 仮登録 as stored, or a null session; no redirects. One round trip (shared with the request's guard).
 */
export async function getEmployerSession(request: Request, context: AppLoadContext) {
  const { db, row } = await readEmployerGuard(request, context);
  return {
    db,
    session: row?.session ?? null,
    account: row?.account ?? null,
    establishment: row?.establishment ?? null,
    office: row?.office ?? null,
    provisional: row?.provisional ?? null,
  };
}

/** R-GATE facts from the guard's row (R-GATE-1 with its R-REF-3 exception, R-GATE-3). */
function capabilityFacts(row: EmployerGuardRow, account: EmployerAccount, establishment: Establishment): CapabilityFacts {
  return {
    hasValidPosting: Boolean(row.hasValidPosting),
    hasOpenSelectionWindow: Boolean(row.hasOpenSelectionWindow),
    restricted: establishment.restrictedAt !== null,
    isMainAccount: account.isMain,
  };
}

/**
 * A signed-in employer of an open My Page (R-AUTH-1, R-OPEN-7). Sends provisional accounts to their
 * provisional area, unusable My Pages (R-GATE-2) to the sign-in page with the reason, and accounts that
 * have not agreed to the current documents to the consent page. `reads` are the page's own statements,
 * scoped by the session in SQL; they ride in the guard's batch and come back as `reads`.
 */
export async function requireEmployer<R extends Reads = Record<never, never>>(
  request: Request,
  context: AppLoadContext,
  options: {
    allowPendingConsent?: boolean;
    reads?: (scope: EmployerReadScope) => R;
    /** A long form (ADR 0017): posted after the session ended it is kept; its page gets it back after signing in again. */
    keepForm?: boolean;
  } = {},
): Promise<EmployerContext & { reads: ReadResults<R>; keptForm: KeptFormPage }> {
  const guard = await readEmployerGuard(request, context, options.reads, options.keepForm);
  const { db, row, results, kept } = guard;
  if (!row) throw await toSignInKeeping(request, context, guard);
  const { session, account, establishment, office } = row;
  if (!session.twoFactorVerified) throw redirect("/login/verify");
  if (!account || account.status !== "active") signInRedirect(request, "/login", clearSessionCookie("employer"));
  if (!account.establishmentId) throw redirect("/provisional");
  if (!establishment || !office || establishment.status !== "open") {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    const headers = { "Set-Cookie": clearSessionCookie("employer") };
    // R-GATE-2: an officer set the My Page to 利用不可 while this session was open.
    if (establishment?.status === "unusable") throw redirectWithFlash("/login", unusableMessage(office), { headers, tone: "warning", status: 302 });
    throw redirect("/login", { headers });
  }
  const pendingConsents = pendingOf(row);
  if (!options.allowPendingConsent && pendingConsents.length > 0) {
    throw redirect(`/mypage/consent?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  }
  return {
    db,
    clock: context.clock,
    session,
    account,
    establishment,
    office,
    facts: capabilityFacts(row, account, establishment),
    pendingConsents,
    reads: (results ?? {}) as ReadResults<R>,
    keptForm: { kept, endsAt: sessionEndsAt(session), now: context.clock.now().getTime() },
  };
}

/** A signed-in online 仮登録 account (R-OPEN-8): it may only see and edit its own provisional data. */
export async function requireProvisionalAccount<R extends Reads = Record<never, never>>(
  request: Request,
  context: AppLoadContext,
  options: { reads?: (scope: EmployerReadScope) => R; keepForm?: boolean } = {},
) {
  const guard = await readEmployerGuard(request, context, options.reads, options.keepForm);
  const { db, row, results, kept } = guard;
  if (!row) throw await toSignInKeeping(request, context, guard);
  const { session, account, provisional } = row;
  if (!session.twoFactorVerified) throw redirect("/login/verify");
  if (!account || account.status !== "active") signInRedirect(request, "/login", clearSessionCookie("employer"));
  if (account.establishmentId) throw redirect("/mypage");
  if (!provisional) signInRedirect(request, "/login", clearSessionCookie("employer"));
  // Past the 本登録 deadline nothing is saved any more, whether or not the daily job has erased it yet.
  if (request.method !== "GET" && request.method !== "HEAD" && provisionalDeadlinePassed(provisional.expiresOn, todayJst(context.clock))) {
    throw redirectWithFlash("/provisional", provisionalClosedMessage(provisional.expiresOn), { tone: "warning" });
  }
  const keptForm: KeptFormPage = { kept, endsAt: sessionEndsAt(session), now: context.clock.now().getTime() };
  return { db, clock: context.clock, session, account, registration: provisional, reads: (results ?? {}) as ReadResults<R>, keptForm };
}

// ---------------------------------------------------------------------------------------------
// Staff

const st = schema.staffAccounts;

function staffGuardStatements(db: Db, sessionId: string) {
  const staffId = sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'staff')`;
  return [
    sessionQuery(db, sessionId, "staff"),
    db
      .select()
      .from(st)
      .where(and(eq(st.id, staffId), eq(st.active, true))),
    db
      .select()
      .from(o)
      .where(eq(o.code, sql`(SELECT ${st.officeCode} FROM ${st} WHERE ${st.id} = ${staffId})`)),
  ] as const;
}

interface StaffGuardRow {
  session: Session;
  staff: StaffAccount | null;
  office: Office | null;
}

function staffGuardRow(values: unknown[]): StaffGuardRow | null {
  const [sessions, staff, offices] = values as [Session[], StaffAccount[], Office[]];
  const session = sessions[0];
  return session ? { session, staff: staff[0] ?? null, office: offices[0] ?? null } : null;
}

function staffReadScope(db: Db, sessionId: string, today: string): StaffReadScope {
  const staffId = sql`(SELECT ${s.accountId} FROM ${s} WHERE ${s.id} = ${sessionId} AND ${s.accountType} = 'staff' AND ${s.twoFactorVerified} = 1)`;
  const officeCode = sql`(SELECT ${st.officeCode} FROM ${st} WHERE ${st.id} = ${staffId} AND ${st.active} = 1)`;
  return { db, staffId, officeCode, prefectureCode: sql`(SELECT ${o.prefectureCode} FROM ${o} WHERE ${o.code} = ${officeCode})`, today };
}

async function readStaffGuard<R extends Reads>(
  request: Request,
  context: AppLoadContext,
  reads?: (scope: StaffReadScope) => R,
): Promise<{ db: Db; row: StaffGuardRow | null; results: ReadResults<R> | null }> {
  // The session's shard (its token's prefix): the guard and the page's reads run on the database that holds them.
  const { db, sessionId } = sessionShard(context.cloudflare.env, request, "staff");
  if (!sessionId) return { db, row: null, results: null };
  const statements = [...sessionUpkeepStatements(db, sessionId, "staff", context.clock), ...staffGuardStatements(db, sessionId)];
  const { answer, results } = await guardedBatch(
    context,
    request,
    db,
    "staff",
    { statements, read: (values) => staffGuardRow(values.slice(2)) },
    reads?.(staffReadScope(db, sessionId, todayJst(context.clock))),
  );
  return { db, row: answer, results };
}

/** The staff session (any state of the second factor), or null; no redirects. One round trip. */
export async function getStaffSession(request: Request, context: AppLoadContext) {
  const { db, row } = await readStaffGuard(request, context);
  return { db, session: row?.session ?? null, staff: row?.staff ?? null };
}

/** A signed-in officer or supervisor (password + TOTP, R-AUTH-4); optionally a supervisor only. */
export async function requireStaff<R extends Reads = Record<never, never>>(
  request: Request,
  context: AppLoadContext,
  options: { role?: "supervisor"; reads?: (scope: StaffReadScope) => R } = {},
): Promise<StaffContext & { reads: ReadResults<R> }> {
  const { db, row, results } = await readStaffGuard(request, context, options.reads);
  if (!row) signInRedirect(request, "/staff/login");
  const { session, staff, office } = row;
  if (!session.twoFactorVerified) throw redirect("/staff/login/totp");
  if (!staff || !office) signInRedirect(request, "/staff/login", clearSessionCookie("staff"));
  if (options.role === "supervisor" && staff.role !== "supervisor") {
    throw data(null, { status: 403 });
  }
  return { db, clock: context.clock, session, staff, office, reads: (results ?? {}) as ReadResults<R> };
}
export { getSeekerSession, requireSeeker, type SeekerContext, type SeekerReadScope } from "./seeker-auth.server";
