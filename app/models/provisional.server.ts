/**
 * Online 仮登録 on the officer's side (R-OPEN-8): the jurisdictional office's pending provisional
 * registrations, and 本登録 at the counter, which registers the establishment, links the provisional
 * login account to it as the main account and opens the My Page. (The employer's side is in
 * provisional-employer.server.ts.) Another office's registration is not found.
 */
import { resolveIndustry, type IndustryCatalog } from "../lib/industry";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { daysBetween, todayJst, type Clock } from "../lib/clock";
import { formatEstablishmentNumber } from "../lib/identifiers";
import { newId } from "../lib/ids";
import { emailKey, normalizeText } from "../lib/normalize";
import type { EstablishmentInput } from "../lib/schemas/establishment";
import type { MailContext } from "../mail/templates";
import type { Finding } from "../rules/posting";
import { provisionalDeadlinePassed } from "../rules/provisional";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { containsText, valueWhile } from "../utils/sql.server";
import { establishmentRow, takeEstablishmentSerial, type StaffScope } from "./establishment.server";
import { carryOverStatements, getProvisionalPostingForOffice, type ProvisionalPosting } from "./provisional-posting.server";

/** Pending (not completed) provisional registrations of the office, nearest deadline first: a read for the guard's batch. */
export function pendingProvisionalForOfficeQuery(db: Db, officeCode: ScopeValue, query = "") {
  const p = schema.provisionalRegistrations;
  const a = schema.employerAccounts;
  const q = normalizeText(query);
  const search = q ? or(containsText(p.name, q), containsText(a.emailNormalized, emailKey(q))) : undefined;
  return db
    .select({ id: p.id, name: p.name, email: a.email, createdAt: p.createdAt, expiresOn: p.expiresOn })
    .from(p)
    .innerJoin(a, eq(a.id, p.accountId))
    .where(and(eq(p.officeCode, officeCode), isNull(p.completedAt), search))
    .orderBy(asc(p.expiresOn), asc(p.createdAt))
    .limit(200);
}

/** One provisional registration of the office with its login account, or undefined. */
export function provisionalForOfficeQuery(db: Db, officeCode: ScopeValue, id: string) {
  const p = schema.provisionalRegistrations;
  const a = schema.employerAccounts;
  return db
    .select({
      id: p.id,
      name: p.name,
      establishmentData: p.establishmentData,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      expiresOn: p.expiresOn,
      completedAt: p.completedAt,
      establishmentId: p.establishmentId,
      accountId: sql<string>`${a.id}`.as("account_id"),
      email: a.email,
      accountStatus: a.status,
      accountEstablishmentId: sql<string | null>`${a.establishmentId}`.as("account_establishment_id"),
      hasPassword: sql<number>`${a.passwordHash} IS NOT NULL`.mapWith(Boolean).as("has_password"),
    })
    .from(p)
    .innerJoin(a, eq(a.id, p.accountId))
    .where(and(eq(p.id, id), eq(p.officeCode, officeCode)))
    .limit(1);
}

export async function getProvisionalForOffice(db: Db, scope: StaffScope, id: string) {
  const [row] = await provisionalForOfficeQuery(db, scope.officeCode, id);
  return row;
}

export type ProvisionalRegistration = NonNullable<Awaited<ReturnType<typeof getProvisionalForOffice>>>;

/**
 * Form fields of the establishment form, as strings, from the stored JSON (missing or malformed → empty); the stored
 * 産業分類 (a 中分類 code, or an older 大分類 / name) as the form's 大分類 and 中分類.
 */
export function establishmentFormDefaults(json: string | null, industries: IndustryCatalog): Record<string, string> {
  let parsed: unknown = null;
  try {
    parsed = json ? JSON.parse(json) : null;
  } catch {
    parsed = null;
  }
  const source = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  const keys = [
    "name",
    "nameKana",
    "corporateNumber",
    "postalCode",
    "municipalityCode",
    "address",
    "phone",
    "industry",
    "employees",
    "representativeTitle",
    "representativeName",
  ] as const;
  for (const key of keys) {
    const v = source[key];
    if (typeof v === "string") out[key] = v;
    else if (typeof v === "number" && Number.isFinite(v)) out[key] = String(v);
  }
  if (source.isSoleProprietor === true || source.isSoleProprietor === "on") out.isSoleProprietor = "on";
  if (out.industry !== undefined) Object.assign(out, resolveIndustry(industries, out.industry));
  return out;
}

/** Days from today (JST) to the last day of 本登録: 0 = today is the last day, negative = expired. */
export function daysRemaining(expiresOn: string, clock: Clock): number {
  return daysBetween(todayJst(clock), expiresOn);
}

export function isExpired(expiresOn: string, clock: Clock): boolean {
  return provisionalDeadlinePassed(expiresOn, todayJst(clock));
}

export type CompletionResult =
  | { ok: true; establishmentId: string; establishmentNumber: string; posting: { id: string; status: "submitted" | "draft" } | null }
  | { ok: false; reason: "changed" };

/**
 * 本登録 (R-OPEN-8): with the data the officer checked, registers the establishment (status "open":
 * the account already has a password), makes the provisional account its main login account, marks the
 * registration completed, mails the employer, and writes the audit row — one batch, after the serial is
 * taken. The batch refuses itself (NOT NULL office code) if the registration was completed, expired,
 * moved to another office or erased meanwhile. The 仮登録's 求人, if any, goes in the same batch
 * (provisional-posting.server.ts carryOverStatements, ADR 0016): 申込み済み in the office's review queue, or a draft.
 */
export async function completeProvisionalRegistration(
  db: Db,
  clock: Clock,
  scope: StaffScope,
  args: {
    registration: ProvisionalRegistration;
    input: EstablishmentInput;
    prefectureCode: string;
    officeName: string;
    mail: MailContext;
    /** The 仮登録's 求人 as read for this 本登録, with its findings on today's minimum wages. */
    posting?: { row: ProvisionalPosting; findings: readonly Finding[] };
  },
): Promise<CompletionResult> {
  const { registration, input } = args;
  const p = schema.provisionalRegistrations;
  const a = schema.employerAccounts;
  const pp = schema.provisionalPostings;
  const serial = await takeEstablishmentSerial(db, scope.officeCode);
  const establishmentNumber = formatEstablishmentNumber(scope.officeCode, serial);
  const establishmentId = newId();
  const now = clock.now().getTime();
  const carried = args.posting
    ? carryOverStatements(db, clock, {
        posting: args.posting.row,
        findings: args.posting.findings,
        establishmentId,
        officeCode: scope.officeCode,
        accountId: registration.accountId,
        registrationId: registration.id,
        staffId: scope.staffId,
      })
    : null;
  const stillPending = sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${registration.id} AND ${p.officeCode} = ${scope.officeCode}
      AND ${p.completedAt} IS NULL AND ${p.expiresOn} >= ${todayJst(clock)})
    AND EXISTS (SELECT 1 FROM ${a} WHERE ${a.id} = ${registration.accountId} AND ${a.establishmentId} IS NULL
      AND ${a.status} = 'active' AND ${a.passwordHash} IS NOT NULL)
    ${args.posting ? sql`` : sql`AND NOT EXISTS (SELECT 1 FROM ${pp} WHERE ${pp.registrationId} = ${registration.id})`}`;
  try {
    await db.batch([
      db.insert(schema.establishments).values(
        establishmentRow(input, {
          id: establishmentId,
          officeCode: valueWhile(scope.officeCode, stillPending),
          establishmentNumber,
          status: "open",
          prefectureCode: args.prefectureCode,
          now,
        }),
      ),
      db
        .update(a)
        .set({ establishmentId, isMain: true })
        .where(and(eq(a.id, registration.accountId), isNull(a.establishmentId))),
      db
        .update(p)
        .set({ completedAt: now, establishmentId, updatedAt: now })
        .where(and(eq(p.id, registration.id), isNull(p.completedAt))),
      ...(carried?.statements ?? []),
      enqueueMail(db, clock, args.mail, registration.email, "provisionalCompleted", {
        establishmentName: input.name,
        establishmentNumber,
        officeName: args.officeName,
      }),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: "provisional.complete",
        subjectType: "provisional_registration",
        subjectId: registration.id,
        officeCode: scope.officeCode,
        details: {
          establishmentId,
          establishmentNumber,
          accountId: registration.accountId,
          ...(carried ? { postingId: carried.id, postingStatus: carried.status } : {}),
        },
      }),
    ]);
  } catch (error) {
    const current = await getProvisionalForOffice(db, scope, registration.id);
    if (!current || current.completedAt !== null || isExpired(current.expiresOn, clock) || current.accountEstablishmentId !== null) {
      return { ok: false, reason: "changed" };
    }
    // The registrant saved a screen of the 求人 (or started one) after it was read: the officer looks again.
    const posting = await getProvisionalPostingForOffice(db, scope.officeCode, registration.id);
    if ((posting?.updatedAt ?? null) !== (args.posting?.row.updatedAt ?? null)) return { ok: false, reason: "changed" };
    throw error;
  }
  return { ok: true, establishmentId, establishmentNumber, posting: carried ? { id: carried.id, status: carried.status } : null };
}

/** How many provisional registrations wait for 本登録 at the office (for the staff menu): one row `{ n }`. */
export function pendingProvisionalCountQuery(db: Db, officeCode: ScopeValue) {
  const p = schema.provisionalRegistrations;
  return db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(p)
    .where(and(eq(p.officeCode, officeCode), isNull(p.completedAt)));
}
