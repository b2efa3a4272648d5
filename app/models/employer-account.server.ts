/**
 * Employer login accounts (ログインアカウント) as seen by sign-in, password reset and password change
 * (R-AUTH-1, R-AUTH-2, R-GATE-2). Small named functions: each takes `db` and the actor's scope (an
 * e-mail key typed by an anonymous visitor, or the signed-in account's id) and selects explicit columns.
 */
import { and, eq, gt } from "drizzle-orm";
import type { SignInAccount } from "../rules/sign-in";
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
    })
    .from(a)
    .leftJoin(e, eq(e.id, a.establishmentId))
    .leftJoin(p, eq(p.accountId, a.id))
    .leftJoin(o, eq(o.code, e.officeCode));
}

type SignInRow = Awaited<ReturnType<ReturnType<typeof signInAccountQuery>["get"]>>;

function toSignInAccount(row: SignInRow): SignInAccount | null {
  if (!row) return null;
  const { establishmentOfficeCode, provisionalOfficeCode, ...rest } = row;
  return { ...rest, officeCode: establishmentOfficeCode ?? provisionalOfficeCode ?? null };
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

export function trustBrowserStatement(db: Db, accountId: string, tokenHash: string, now: number, expiresAt: number) {
  return db.insert(schema.trustedBrowsers).values({ id: tokenHash, accountId, createdAt: now, expiresAt });
}

export function forgetTrustedBrowsersStatement(db: Db, accountId: string) {
  return db.delete(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, accountId));
}
