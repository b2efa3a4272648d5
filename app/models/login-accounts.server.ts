/**
 * Login accounts of an establishment (ログインアカウント, R-OPEN-2) and opening them (パスワード登録,
 * counter path ②–⑥, R-OPEN-4–R-OPEN-7). Every write is one `db.batch()` with its audit row and mail.
 *
 * No enumeration (R-OPEN-4): a key request for an address that cannot be opened (unknown, already
 * open, or its My Page not usable) still issues a key — under a decoy subject, and mailed to nobody —
 * so that entering a key for that address later answers exactly as it would for a real one
 * ("あと○回", then void after 5 wrong entries).
 */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { emailKey } from "../lib/normalize";
import { hashPassword } from "../lib/password";
import type { MailContext } from "../mail/templates";
import { auditStatement } from "../utils/audit.server";
import { issueAuthKey, voidAuthKey } from "../utils/auth-keys.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { accountScope } from "../utils/throttle.server";
import { consentStatements } from "./consent.server";
import { employerSessionStatements } from "./employer-signin.server";
import { checkEnteredKey, INVALID_KEY_MESSAGE, type KeyEntryOutcome } from "./key-entry.server";
import { valueWhile } from "../utils/sql.server";
import { DAILY_LIMIT_MESSAGE, hasAccountChangesLeft, withinDailyBudget } from "./login-account-limits.server";

export type Statement = BatchItem<"sqlite">;

/** Runs statements as one D1 batch (D1 has no interactive transactions). */
export async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}

/** R-OPEN-2: the main account may add up to 10 more login accounts. */
export const MAX_ADDITIONAL_ACCOUNTS = 10;

export const ADDRESS_REFUSED = "このメールアドレスは登録できません。別のメールアドレスを入力してください。";

// ---------------------------------------------------------------------------------------------
// Opening: パスワード登録 (counter path ②–⑥ and additional accounts)
// ---------------------------------------------------------------------------------------------

export interface OpenableAccount {
  id: string;
  email: string;
  isMain: boolean;
  establishmentId: string;
  establishmentName: string;
  establishmentNumber: string | null;
  establishmentStatus: string;
  officeCode: string;
  officeName: string;
}

/**
 * The account with this address that may set its first password: no password yet, pending (or an
 * additional account marked active without a password), and its establishment registered (main
 * account) or open (additional accounts). Anything else cannot be opened.
 */
export async function findOpenableAccount(db: Db, address: string): Promise<OpenableAccount | undefined> {
  const a = schema.employerAccounts;
  const e = schema.establishments;
  const row = await db
    .select({
      id: a.id,
      email: a.email,
      isMain: a.isMain,
      establishmentId: e.id,
      establishmentName: e.name,
      establishmentNumber: e.establishmentNumber,
      establishmentStatus: e.status,
      officeCode: e.officeCode,
      officeName: schema.offices.name,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.establishmentId))
    .innerJoin(schema.offices, eq(schema.offices.code, e.officeCode))
    .where(
      and(
        eq(a.emailNormalized, emailKey(address)),
        isNull(a.passwordHash),
        inArray(a.status, ["pending", "active"]),
        sql`((${a.isMain} = 1 AND ${e.status} IN ('registered', 'open')) OR (${a.isMain} = 0 AND ${e.status} = 'open'))`,
      ),
    )
    .get();
  return row;
}

/** The KV subject of the decoy key for an address that cannot be opened (never mailed). */
function decoySubject(address: string): string {
  return `unopenable:${emailKey(address)}`;
}

/** R-OPEN-4: issues an 認証キー and mails it when the address can be opened; a decoy otherwise. */
export async function requestOpenKey(db: Db, kv: KVNamespace, clock: Clock, mail: MailContext, address: string): Promise<void> {
  const account = await findOpenableAccount(db, address);
  if (!account) {
    const decoy = await issueAuthKey(kv, db, clock, "open", decoySubject(address));
    await db.batch([decoy.attemptsRow]);
    return;
  }
  const issued = await issueAuthKey(kv, db, clock, "open", account.id);
  await db.batch([
    issued.attemptsRow,
    enqueueMail(db, clock, mail, account.email, "authKeyOpen", {
      key: issued.key,
      expiresAt: issued.expiresAt,
      establishmentName: account.establishmentName,
    }),
  ]);
}

/**
 * R-OPEN-5, R-OPEN-6, R-OPEN-7: checks the key and, when it is right, sets the password, activates the
 * account, records the consents, opens the My Page (main account of a registered establishment),
 * audits and mails — one batch. An address that cannot be opened answers like a wrong key.
 */
export async function completeOpening(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  mail: MailContext,
  request: Request,
  input: { email: string; key: string; password: string },
): Promise<KeyEntryOutcome> {
  const account = await findOpenableAccount(db, input.email);
  const check = await checkEnteredKey(db, kv, clock, request, "open", account ? account.id : decoySubject(input.email), input.key);
  if (!check.ok) return check;
  if (!account) return { ok: false, status: 400, message: INVALID_KEY_MESSAGE };
  const passwordHash = await hashPassword(input.password);
  const now = clock.now().getTime();
  const a = schema.employerAccounts;
  const e = schema.establishments;
  const opensMyPage = account.isMain && account.establishmentStatus === "registered";
  // The session is started in the same batch (issue 14): a D1 failure leaves neither an opened account nor a session.
  const session = employerSessionStatements(db, clock, account.id, request, true);
  await runBatch(db, [
    db
      .update(a)
      .set({ passwordHash, status: "active", activatedAt: now })
      .where(and(eq(a.id, account.id), isNull(a.passwordHash))),
    ...consentStatements(db, account.id, clock),
    ...(opensMyPage
      ? [
          db
            .update(e)
            .set({ status: "open", updatedAt: now })
            .where(and(eq(e.id, account.establishmentId), eq(e.status, "registered"))),
        ]
      : []),
    auditStatement(
      db,
      clock,
      account.isMain
        ? {
            actorType: "employer",
            actorId: account.id,
            action: "mypage.open",
            subjectType: "establishment",
            subjectId: account.establishmentId,
            officeCode: account.officeCode,
            details: { accountId: account.id, statusBefore: account.establishmentStatus },
          }
        : {
            actorType: "employer",
            actorId: account.id,
            action: "account.activate",
            subjectType: "employer_account",
            subjectId: account.id,
            officeCode: account.officeCode,
            details: { establishmentId: account.establishmentId },
          },
    ),
    enqueueMail(db, clock, mail, account.email, "myPageOpened", {
      establishmentName: account.establishmentName,
      establishmentNumber: account.establishmentNumber ?? "",
      officeName: account.officeName,
    }),
    ...session.statements,
  ]);
  return { ok: true, accountId: account.id, cookie: session.cookie };
}

// ---------------------------------------------------------------------------------------------
// Additional login accounts (R-OPEN-2)
// ---------------------------------------------------------------------------------------------

export interface LoginAccountRow {
  id: string;
  email: string;
  isMain: boolean;
  status: "pending" | "active" | "disabled";
  opened: boolean;
  createdAt: number;
}

/** The establishment's login accounts, main first, then in the order they were added: a read for the guard's batch. */
export function loginAccountsQuery(db: Db, establishmentId: ScopeValue) {
  const a = schema.employerAccounts;
  return db
    .select({
      id: a.id,
      email: a.email,
      isMain: a.isMain,
      status: a.status,
      opened: sql<number>`${a.passwordHash} IS NOT NULL`.as("opened"),
      createdAt: a.createdAt,
    })
    .from(a)
    .where(eq(a.establishmentId, establishmentId))
    .orderBy(sql`${a.isMain} DESC`, asc(a.createdAt), asc(a.email));
}

export function toLoginAccountRows(rows: Awaited<ReturnType<typeof loginAccountsQuery>>): LoginAccountRow[] {
  return rows.map((r) => ({ ...r, opened: Boolean(r.opened) }));
}

export async function countAdditionalAccounts(db: Db, establishmentId: string): Promise<number> {
  const a = schema.employerAccounts;
  const row = await db
    .select({ n: count() })
    .from(a)
    .where(and(eq(a.establishmentId, establishmentId), eq(a.isMain, false)))
    .get();
  return row?.n ?? 0;
}

/** Whether any login account uses the address (compared trimmed and case-insensitively, R-OPEN-2). */
export async function emailInUse(db: Db, address: string): Promise<boolean> {
  const row = await db
    .select({ id: schema.employerAccounts.id })
    .from(schema.employerAccounts)
    .where(eq(schema.employerAccounts.emailNormalized, emailKey(address)))
    .get();
  return row !== undefined;
}

function tooMany(): string {
  return `追加できるログインアカウントは${MAX_ADDITIONAL_ACCOUNTS}個までです。追加するには、使わなくなったログインアカウントを削除してください。`;
}

export interface AccountActor {
  accountId: string;
  establishmentId: string;
  establishmentName: string;
  officeCode: string;
}

/**
 * R-OPEN-2: the main account adds a login account (pending, no password) and a key is mailed to it
 * (accountAdded) — one batch with the audit row. Returns a message for the e-mail field when refused
 * (the 10 accounts, or today's budget of changes: `limited`).
 *
 * A taken address (issue 9 #7) answers exactly like a free one: nothing is created, the address's owner
 * is told by mail (no key), and the attempt is audited without the address and counts into the budget.
 */
export async function addLoginAccount(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  mail: MailContext,
  actor: AccountActor,
  address: string,
): Promise<{ ok: true } | { ok: false; message: string; limited?: boolean }> {
  if ((await countAdditionalAccounts(db, actor.establishmentId)) >= MAX_ADDITIONAL_ACCOUNTS) return { ok: false, message: tooMany() };
  const limited = { ok: false as const, message: DAILY_LIMIT_MESSAGE, limited: true };
  if (!(await hasAccountChangesLeft(db, actor, clock))) return limited;
  if (await emailInUse(db, address)) return (await refuseTakenAddress(db, clock, mail, actor, address)) ? { ok: true } : limited;
  const id = newId();
  const now = clock.now().getTime();
  const a = schema.employerAccounts;
  const stillAllowed = sql`(SELECT COUNT(*) FROM ${a} WHERE ${a.establishmentId} = ${actor.establishmentId} AND ${a.isMain} = 0) < ${MAX_ADDITIONAL_ACCOUNTS}
    AND EXISTS (SELECT 1 FROM ${a} WHERE ${a.id} = ${actor.accountId} AND ${a.establishmentId} = ${actor.establishmentId} AND ${a.isMain} = 1)`;
  const issued = await issueAuthKey(kv, db, clock, "open", id);
  try {
    await db.batch([
      db.insert(schema.employerAccounts).values({
        id,
        establishmentId: actor.establishmentId,
        email: address,
        emailNormalized: emailKey(address),
        passwordHash: null,
        isMain: false,
        // The batch refuses itself if, meanwhile, the 10 are reached or the actor is no longer the main account.
        status: valueWhile("pending", stillAllowed),
        createdAt: now,
        activatedAt: null,
        addedBy: actor.accountId,
      }),
      issued.attemptsRow,
      enqueueMail(db, clock, mail, address, "accountAdded", {
        establishmentName: actor.establishmentName,
        key: issued.key,
        expiresAt: issued.expiresAt,
      }),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: actor.accountId,
        action: withinDailyBudget("account.add", actor, clock),
        subjectType: "employer_account",
        subjectId: id,
        officeCode: actor.officeCode,
        details: { establishmentId: actor.establishmentId },
      }),
    ]);
  } catch (error) {
    await voidAuthKey(kv, "open", id);
    if ((await countAdditionalAccounts(db, actor.establishmentId)) >= MAX_ADDITIONAL_ACCOUNTS) return { ok: false, message: tooMany() };
    if (!(await hasAccountChangesLeft(db, actor, clock))) return limited;
    if (await emailInUse(db, address)) return (await refuseTakenAddress(db, clock, mail, actor, address)) ? { ok: true } : limited;
    throw error;
  }
  return { ok: true };
}

/** An additional (not main) account of the actor's establishment, or undefined (→ 404). */
export async function findAdditionalAccount(db: Db, scope: { accountId: string; establishmentId: string }) {
  const a = schema.employerAccounts;
  return db
    .select({ id: a.id, email: a.email, emailNormalized: a.emailNormalized })
    .from(a)
    .where(and(eq(a.id, scope.accountId), eq(a.establishmentId, scope.establishmentId), eq(a.isMain, false)))
    .get();
}

/**
 * A taken address: the owner is told (no key), the attempt is audited (without the address) within today's
 * budget. False when the budget ran out meanwhile (nothing written).
 */
async function refuseTakenAddress(db: Db, clock: Clock, mail: MailContext, actor: AccountActor, address: string): Promise<boolean> {
  const a = schema.employerAccounts;
  const owner = await db
    .select({ email: a.email })
    .from(a)
    .where(eq(a.emailNormalized, emailKey(address)))
    .get();
  try {
    await db.batch([
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: actor.accountId,
        action: withinDailyBudget("account.add.refused", actor, clock),
        subjectType: "employer_account",
        subjectId: null,
        officeCode: actor.officeCode,
        details: { establishmentId: actor.establishmentId, reason: "address_in_use" },
      }),
      enqueueMail(db, clock, mail, owner?.email ?? address, "accountAddRefused", { establishmentName: actor.establishmentName }),
    ]);
    return true;
  } catch (error) {
    if (!(await hasAccountChangesLeft(db, actor, clock))) return false;
    throw error;
  }
}

/**
 * R-OPEN-2: the main account removes an additional account: its sessions, trusted browsers,
 * consents, throttle counters and the row go in one batch with the audit row; its key is voided.
 * Refused (false, nothing written) once today's budget of changes is used up (issue 9 #7).
 */
export async function removeLoginAccount(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  actor: AccountActor,
  target: { id: string; emailNormalized: string },
): Promise<boolean> {
  if (!(await hasAccountChangesLeft(db, actor, clock))) return false;
  const a = schema.employerAccounts;
  const scopes = (["employer", "open", "reset"] as const).map((kind) => accountScope(kind, target.emailNormalized));
  const batch = db.batch([
    db.delete(schema.sessions).where(and(eq(schema.sessions.accountType, "employer"), eq(schema.sessions.accountId, target.id))),
    db.delete(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, target.id)),
    db.delete(schema.consents).where(eq(schema.consents.accountId, target.id)),
    db.delete(schema.authThrottle).where(inArray(schema.authThrottle.scope, scopes)),
    db.delete(a).where(and(eq(a.id, target.id), eq(a.establishmentId, actor.establishmentId), eq(a.isMain, false))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: actor.accountId,
      action: withinDailyBudget("account.remove", actor, clock),
      subjectType: "employer_account",
      subjectId: target.id,
      officeCode: actor.officeCode,
      details: { establishmentId: actor.establishmentId },
    }),
  ]);
  try {
    await batch;
  } catch (error) {
    if (!(await hasAccountChangesLeft(db, actor, clock))) return false;
    throw error;
  }
  await voidAuthKey(kv, "open", target.id);
  return true;
}
