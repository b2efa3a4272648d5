/**
 * Employer login accounts (ログインアカウント) as seen by sign-in, password reset and password change
 * (R-AUTH-1, R-AUTH-2, R-GATE-2). Small named functions: each takes `db` and the actor's scope (an
 * e-mail key typed by an anonymous visitor, or the signed-in account's id) and selects explicit columns.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { jstDate, type Clock } from "../lib/clock";
import type { SignInAccount } from "../rules/sign-in";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";

function signInAccountQuery(db: Db) {
  const a = schema.employerAccounts;
  const e = schema.establishments;
  const o = schema.offices;
  const p = schema.provisionalRegistrations;
  return db
    .select({
      id: a.id,
      email: a.email,
      emailNormalized: a.emailNormalized,
      passwordHash: a.passwordHash,
      status: a.status,
      isMain: a.isMain,
      establishmentId: a.establishmentId,
      establishmentStatus: e.status,
      establishmentOfficeCode: e.officeCode,
      provisionalOfficeCode: p.officeCode,
      officeName: o.name,
      officePhone: o.phone,
      provisionalId: p.id,
      // R-DEL-1 / R-DEL-3: when the My Page ended, and the office that gained jurisdiction.
      withdrawnAt: e.withdrawnAt,
      closedAt: e.closedAt,
      relocatedName: sql<string | null>`(SELECT ${o.name} FROM ${o} WHERE ${o.code} = ${e.relocatedToOfficeCode})`,
      relocatedPhone: sql<string | null>`(SELECT ${o.phone} FROM ${o} WHERE ${o.code} = ${e.relocatedToOfficeCode})`,
    })
    .from(a)
    .leftJoin(e, eq(e.id, a.establishmentId))
    .leftJoin(p, eq(p.accountId, a.id))
    .leftJoin(o, eq(o.code, e.officeCode));
}

type SignInRow = Awaited<ReturnType<ReturnType<typeof signInAccountQuery>["get"]>>;

function toSignInAccount(row: SignInRow): SignInAccount | null {
  if (!row) return null;
  const { establishmentOfficeCode, provisionalOfficeCode, withdrawnAt, closedAt, relocatedName, relocatedPhone, ...rest } = row;
  const endedAt = rest.establishmentStatus === "withdrawn" ? withdrawnAt : rest.establishmentStatus === "closed" ? closedAt : null;
  return {
    ...rest,
    officeCode: establishmentOfficeCode ?? provisionalOfficeCode ?? null,
    endedOn: endedAt === null ? null : jstDate(endedAt),
    relocatedTo: relocatedName === null ? null : { name: relocatedName, phone: relocatedPhone },
  };
}

/** The account whose login ID is this e-mail key (trimmed, NFKC, lower-case), or null. */
export async function findSignInAccountByEmail(db: Db, emailKey: string): Promise<SignInAccount | null> {
  return toSignInAccount(await signInAccountQuery(db).where(eq(schema.employerAccounts.emailNormalized, emailKey)).get());
}

/** The same facts for the account of a (half) session. */
export async function getSignInAccount(db: Db, accountId: string): Promise<SignInAccount | null> {
  return toSignInAccount(await signInAccountQuery(db).where(eq(schema.employerAccounts.id, accountId)).get());
}

/** The stored password hash of the signed-in account (password change). */
export async function getPasswordHash(db: Db, accountId: string): Promise<string | null> {
  const row = await db
    .select({ passwordHash: schema.employerAccounts.passwordHash })
    .from(schema.employerAccounts)
    .where(eq(schema.employerAccounts.id, accountId))
    .get();
  return row?.passwordHash ?? null;
}

export function setPasswordHashStatement(db: Db, accountId: string, passwordHash: string) {
  return db.update(schema.employerAccounts).set({ passwordHash }).where(eq(schema.employerAccounts.id, accountId));
}

/** Ends every session of the account (password reset). */
export function endAllSessionsStatement(db: Db, accountId: string) {
  return db.delete(schema.sessions).where(and(eq(schema.sessions.accountType, "employer"), eq(schema.sessions.accountId, accountId)));
}

/** Browsers trusted for 30 days (R-AUTH-1): `tokenHash` is the SHA-256 hex of the browser's cookie. */
export async function isTrustedBrowser(db: Db, accountId: string, tokenHash: string, now: number): Promise<boolean> {
  const t = schema.trustedBrowsers;
  const row = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.id, tokenHash), eq(t.accountId, accountId), gt(t.expiresAt, now)))
    .get();
  return !!row;
}

/** Trusting a browser for 30 days: the row and its audit row (R-AUDIT-1), for the sign-in's batch. */
export function trustBrowserStatements(db: Db, clock: Clock, account: { id: string; officeCode: string | null }, tokenHash: string, expiresAt: number) {
  return [
    db.insert(schema.trustedBrowsers).values({ id: tokenHash, accountId: account.id, createdAt: clock.now().getTime(), expiresAt }),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: account.id,
      action: "employer.browser.trust",
      subjectType: "employer_account",
      subjectId: account.id,
      officeCode: account.officeCode,
      details: { expiresAt },
    }),
  ] as const;
}

/** Sign-out (R-AUTH-1, R-AUDIT-1): the session row is deleted and, for a session of an account, its audit row written — one batch. */
export async function signOutEmployer(db: Db, clock: Clock, sessionId: string, account: { id: string; officeCode: string | null } | null): Promise<void> {
  const end = db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
  if (!account) {
    await end;
    return;
  }
  const audit = auditStatement(db, clock, {
    actorType: "employer",
    actorId: account.id,
    action: "employer.signout",
    subjectType: "employer_account",
    subjectId: account.id,
    officeCode: account.officeCode,
  });
  await db.batch([end, audit]);
}

export function forgetTrustedBrowsersStatement(db: Db, accountId: string) {
  return db.delete(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, accountId));
}
