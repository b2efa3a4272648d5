/**
 * Online 仮登録 (R-OPEN-8): anyone creates a login account verified by a mailed key, then enters the
 * provisional 事業所情報. It is not a My Page: nothing is published, and the account sees and edits
 * only its own provisional registration until an officer completes 本登録 at the counter. Unfinished
 * registrations expire on `expiresOn` (14 days, or the previous open day) and are erased by a job.
 *
 * No enumeration: a key is issued for every requested address (subject: the address's key), but it is
 * mailed only when the address is not used by any login account; entering a key for a used address
 * answers like a wrong key.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { addDays, todayJst, type Clock } from "../lib/clock";
import { previousOpenDay } from "../lib/holidays";
import { newId } from "../lib/ids";
import { emailKey } from "../lib/normalize";
import { hashPassword } from "../lib/password";
import type { EstablishmentInput } from "../lib/schemas/establishment";
import type { MailContext } from "../mail/templates";
import { PROVISIONAL_REGISTRATION_DAYS } from "../rules/retention";
import { auditStatement } from "../utils/audit.server";
import { issueAuthKey } from "../utils/auth-keys.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { consentStatements } from "./consent.server";
import { checkEnteredKey, INVALID_KEY_MESSAGE, type KeyEntryOutcome } from "./key-entry.server";
import { emailInUse } from "./login-accounts.server";

/** R-OPEN-8: the employer must come to the counter within 14 days. */
export const PROVISIONAL_DAYS = PROVISIONAL_REGISTRATION_DAYS;

/** The last day for 本登録: the 14th day after `today`, or the previous open day when that is closed. */
export function provisionalExpiresOn(today: string): string {
  return previousOpenDay(addDays(today, PROVISIONAL_DAYS));
}

export type ProvisionalRegistration = typeof schema.provisionalRegistrations.$inferSelect;

/** The office a 仮登録 account's registration waits at, as SQL (for a read in the guard's batch). */
export function provisionalOfficeCode(accountId: ScopeValue): SQL {
  const p = schema.provisionalRegistrations;
  return sql`(SELECT ${p.officeCode} FROM ${p} WHERE ${p.accountId} = ${accountId})`;
}

/** R-OPEN-8: issues the signup key for an address; mailed (authKeySignup) only if the address is unused. */
export async function requestSignupKey(db: Db, kv: KVNamespace, clock: Clock, mail: MailContext, address: string): Promise<void> {
  const inUse = await emailInUse(db, address);
  const issued = await issueAuthKey(kv, db, clock, "signup", emailKey(address));
  await db.batch([
    issued.attemptsRow,
    ...(inUse ? [] : [enqueueMail(db, clock, mail, address, "authKeySignup", { key: issued.key, expiresAt: issued.expiresAt })]),
  ]);
}

/**
 * R-OPEN-8: with the right key, creates the active login account (no establishment yet), the
 * provisional registration with its deadline, the consents and the audit row — one batch.
 */
export async function completeSignup(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  request: Request,
  input: { email: string; key: string; password: string },
): Promise<KeyEntryOutcome> {
  const key = emailKey(input.email);
  const check = await checkEnteredKey(db, kv, clock, request, "signup", key, input.key);
  if (!check.ok) return check;
  // The address may have become used since the key was issued: answer like a wrong key.
  if (await emailInUse(db, key)) return { ok: false, status: 400, message: INVALID_KEY_MESSAGE };
  const passwordHash = await hashPassword(input.password);
  const now = clock.now().getTime();
  const accountId = newId();
  const registrationId = newId();
  const expiresOn = provisionalExpiresOn(todayJst(clock));
  try {
    await db.batch([
      db.insert(schema.employerAccounts).values({
        id: accountId,
        establishmentId: null,
        email: input.email,
        emailNormalized: key,
        passwordHash,
        isMain: true,
        status: "active",
        createdAt: now,
        activatedAt: now,
        addedBy: null,
      }),
      db.insert(schema.provisionalRegistrations).values({
        id: registrationId,
        accountId,
        officeCode: null,
        establishmentData: null,
        name: "",
        createdAt: now,
        updatedAt: now,
        expiresOn,
      }),
      ...consentStatements(db, accountId, clock),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: accountId,
        action: "provisional.create",
        subjectType: "provisional_registration",
        subjectId: registrationId,
        details: { expiresOn },
      }),
    ]);
  } catch (error) {
    // Taken by a concurrent registration: answer like a wrong key.
    if (await emailInUse(db, key)) return { ok: false, status: 400, message: INVALID_KEY_MESSAGE };
    throw error;
  }
  return { ok: true, accountId };
}

/** The form's values as strings, from the stored JSON (for the form's default values). */
export function provisionalFormValues(registration: Pick<ProvisionalRegistration, "establishmentData">): Record<string, string> {
  if (!registration.establishmentData) return {};
  let parsed: Partial<Record<keyof EstablishmentInput, unknown>>;
  try {
    parsed = JSON.parse(registration.establishmentData) as typeof parsed;
  } catch {
    return {};
  }
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(parsed)) {
    if (field === "isSoleProprietor") {
      if (value === true) values[field] = "on";
    } else if (typeof value === "string" || typeof value === "number") {
      values[field] = String(value);
    }
  }
  return values;
}

/**
 * Stores the provisional 事業所情報 (JSON of the parsed form), its name and the office with
 * jurisdiction over the chosen municipality. Only the account's own unfinished registration changes.
 */
export async function saveProvisionalEstablishment(
  db: Db,
  clock: Clock,
  scope: { registrationId: string; accountId: string },
  input: EstablishmentInput,
  officeCode: string,
): Promise<void> {
  const r = schema.provisionalRegistrations;
  await db.batch([
    db
      .update(r)
      .set({ establishmentData: JSON.stringify(input), name: input.name, officeCode, updatedAt: clock.now().getTime() })
      .where(and(eq(r.id, scope.registrationId), eq(r.accountId, scope.accountId), isNull(r.completedAt))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: scope.accountId,
      action: "provisional.update",
      subjectType: "provisional_registration",
      subjectId: scope.registrationId,
      officeCode,
    }),
  ]);
}
