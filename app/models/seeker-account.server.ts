/**
 * 求職者マイページ login accounts (issue 12, ADR 0022): an officer opens the マイページ for a seeker of the office and
 * registers the address (the counter step ① of R-OPEN-3, for seekers); the seeker asks for an 認証キー and sets a
 * password with it (R-OPEN-4–6) through the employer's key pages (opening.server.ts, kind "seeker"); sign-in reads
 * the account by address. Keys live under `keySubject("seeker", id)` so they never meet an employer's.
 */
import { and, eq, isNull, ne, type SQL } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { emailKey } from "../lib/normalize";
import { hashPassword } from "../lib/password";
import type { MailContext } from "../mail/templates";
import { auditStatement } from "../utils/audit.server";
import { issueAuthKey } from "../utils/auth-keys.server";
import { schema, type Db } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { consentStatements } from "./consent.server";
import { keySubject } from "./employer-signin.server";
import { checkEnteredKey, INVALID_KEY_MESSAGE, type KeyEntryOutcome } from "./key-entry.server";

const sa = schema.seekerAccounts;
const js = schema.jobSeekers;
const o = schema.offices;

export const SEEKER_ADDRESS_IN_USE = "このメールアドレスは、ほかの求職者のログインIDとして登録されています。別のメールアドレスを入力してください。";

/** The seeker's account and its マイページ flag, for the sign-in and key pages (null: no such address). */
export interface SeekerSignInAccount {
  id: string;
  seekerId: string;
  email: string;
  emailNormalized: string;
  passwordHash: string | null;
  status: "pending" | "active" | "disabled";
  hasMypage: boolean;
  name: string;
  officeCode: string;
  officeName: string;
}

export async function findSeekerAccountByEmail(db: Db, address: string): Promise<SeekerSignInAccount | null> {
  const [row] = await db
    .select({
      id: sa.id,
      seekerId: sa.seekerId,
      email: sa.email,
      emailNormalized: sa.emailNormalized,
      passwordHash: sa.passwordHash,
      status: sa.status,
      hasMypage: js.hasMypage,
      name: js.name,
      officeCode: js.officeCode,
      officeName: o.name,
    })
    .from(sa)
    .innerJoin(js, eq(js.id, sa.seekerId))
    .innerJoin(o, eq(o.code, js.officeCode))
    .where(eq(sa.emailNormalized, emailKey(address)));
  return row ?? null;
}

/** A seeker account that may sign in: active, with a password, its seeker still with the マイページ. */
export function seekerCanSignIn(account: SeekerSignInAccount | null): account is SeekerSignInAccount {
  return !!account && account.status === "active" && !!account.passwordHash && account.hasMypage;
}

/** The seeker's login account, when the seeker is of the office (for the officer's page, in the guard's batch). */
export function seekerLoginOfOfficeQuery(db: Db, officeCode: SQL, seekerId: string) {
  return db
    .select({ email: sa.email, status: sa.status })
    .from(sa)
    .innerJoin(js, eq(js.id, sa.seekerId))
    .where(and(eq(sa.seekerId, seekerId), eq(js.officeCode, officeCode)));
}

// ---------------------------------------------------------------------------------------------
// Step ①: the officer registers the address (the seeker's page at /staff/seekers/:id)

export type RegisterSeekerLoginResult = { ok: true } | { ok: false; reason: "not-found" | "in-use" | "active"; message: string };

/**
 * Opens the 求職者マイページ of a seeker of the officer's office (has_mypage) and registers — or, before the password is
 * set, changes — its login address. Once the account is active its address is not changed here. The address is
 * unique among seekers; the write, its audit row and the flag ride on the same conditions (one batch).
 */
export async function registerSeekerLogin(
  db: Db,
  clock: Clock,
  officer: { id: string; officeCode: string },
  seekerId: string,
  address: string,
): Promise<RegisterSeekerLoginResult> {
  const key = emailKey(address);
  const [[seeker], [existing], [taken]] = await db.batch([
    db
      .select({ id: js.id })
      .from(js)
      .where(and(eq(js.id, seekerId), eq(js.officeCode, officer.officeCode))),
    db.select().from(sa).where(eq(sa.seekerId, seekerId)),
    db
      .select({ id: sa.id })
      .from(sa)
      .where(and(eq(sa.emailNormalized, key), ne(sa.seekerId, seekerId))),
  ]);
  if (!seeker) return { ok: false, reason: "not-found", message: "求職者が見つかりません。" };
  if (taken) return { ok: false, reason: "in-use", message: SEEKER_ADDRESS_IN_USE };
  if (existing && existing.status !== "pending") {
    return { ok: false, reason: "active", message: "パスワード登録が済んだログインIDは、ここでは変更できません。" };
  }
  const now = clock.now().getTime();
  const email = address.trim();
  const write = existing
    ? db
        .update(sa)
        .set({ email, emailNormalized: key })
        .where(and(eq(sa.id, existing.id), eq(sa.status, "pending"), isNull(sa.passwordHash)))
    : db.insert(sa).values({ id: newId(), seekerId, email, emailNormalized: key, status: "pending", createdAt: now, createdBy: officer.id });
  await db.batch([
    write,
    db
      .update(js)
      .set({ hasMypage: true, updatedAt: now })
      .where(and(eq(js.id, seekerId), eq(js.officeCode, officer.officeCode))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: officer.id,
      action: existing ? "seeker.login.change" : "seeker.login.register",
      subjectType: "job_seeker",
      subjectId: seekerId,
      officeCode: officer.officeCode,
      details: {},
    }),
  ]);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// ②–⑥: the key and the password (through opening.server.ts, kind "seeker")

function decoySubject(address: string): string {
  return keySubject("seeker", `unopenable:${emailKey(address)}`);
}

function openable(account: SeekerSignInAccount | null): account is SeekerSignInAccount {
  return !!account && account.status === "pending" && !account.passwordHash && account.hasMypage;
}

/** R-OPEN-4 for seekers: issues an 認証キー and mails it when the address can be opened; a decoy (never mailed) otherwise. */
export async function requestSeekerOpenKey(db: Db, kv: KVNamespace, clock: Clock, mail: MailContext, address: string): Promise<void> {
  const account = await findSeekerAccountByEmail(db, address);
  if (!openable(account)) {
    const decoy = await issueAuthKey(kv, db, clock, "open", decoySubject(address));
    await db.batch([decoy.attemptsRow]);
    return;
  }
  const issued = await issueAuthKey(kv, db, clock, "open", keySubject("seeker", account.id));
  await db.batch([issued.attemptsRow, enqueueMail(db, clock, mail, account.email, "seekerAuthKeyOpen", { key: issued.key, expiresAt: issued.expiresAt })]);
}

/**
 * R-OPEN-5/6 for seekers: with the right key the password is set and the account is active, with the consents, an
 * audit row and the mail in one batch (the key was consumed atomically: only one request gets here per key).
 */
export async function completeSeekerOpening(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  mail: MailContext,
  request: Request,
  input: { email: string; key: string; password: string },
): Promise<KeyEntryOutcome> {
  const found = await findSeekerAccountByEmail(db, input.email);
  const account = openable(found) ? found : null;
  const check = await checkEnteredKey(db, kv, clock, request, "open", account ? keySubject("seeker", account.id) : decoySubject(input.email), input.key);
  if (!check.ok) return check;
  if (!account) return { ok: false, status: 400, message: INVALID_KEY_MESSAGE };
  const passwordHash = await hashPassword(input.password);
  const now = clock.now().getTime();
  await db.batch([
    db
      .update(sa)
      .set({ passwordHash, status: "active", activatedAt: now })
      .where(and(eq(sa.id, account.id), isNull(sa.passwordHash), eq(sa.status, "pending"))),
    ...consentStatements(db, account.id, clock),
    auditStatement(db, clock, {
      actorType: "seeker",
      actorId: account.id,
      action: "seeker.mypage.open",
      subjectType: "job_seeker",
      subjectId: account.seekerId,
      officeCode: account.officeCode,
      details: { accountId: account.id },
    }),
    enqueueMail(db, clock, mail, account.email, "seekerOpened", { name: account.name, officeName: account.officeName }),
  ]);
  return { ok: true, accountId: account.id };
}
