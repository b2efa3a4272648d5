/**
 * 事業所 on the officer's side (R-OPEN-1, R-OPEN-3): registration under the officer's office with a
 * 事業所番号 from the office's atomic serial, the office's list, and step ① (the login e-mail).
 * Every function takes the officer's scope; another office's establishment is simply not found.
 */
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { formatEstablishmentNumber } from "../lib/identifiers";
import { newId } from "../lib/ids";
import { emailKey, normalizeNumberLike, normalizeText } from "../lib/normalize";
import type { EstablishmentInput } from "../lib/schemas/establishment";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { containsText, valueWhile } from "../utils/sql.server";
import { municipalityJurisdiction, takeOfficeSerial } from "./office.server";
import { industryLabelSql } from "./industry.server";

/** The acting officer: every query and audit row is scoped to the officer's office. */
export interface StaffScope {
  staffId: string;
  officeCode: string;
}

export type EstablishmentStatus = (typeof schema.establishments.$inferSelect)["status"];

export const ESTABLISHMENT_STATUS_LABELS: Record<EstablishmentStatus, string> = {
  registered: "登録済（マイページ未開設）",
  open: "利用中",
  unusable: "利用不可",
  withdrawn: "退会",
  closed: "閉鎖（管轄変更）",
};

export const ACCOUNT_STATUS_LABELS: Record<(typeof schema.employerAccounts.$inferSelect)["status"], string> = {
  pending: "未開設（パスワード未登録）",
  active: "利用中",
  disabled: "停止中",
};

/** Establishments whose name (or カナ) or 事業所番号 contains `query` (undefined for an empty query). */
export function establishmentSearchSql(query: string): SQL | undefined {
  const t = schema.establishments;
  const q = normalizeText(query);
  const digits = normalizeNumberLike(query);
  return q
    ? or(
        containsText(t.name, q),
        containsText(t.nameKana, q),
        digits ? containsText(t.establishmentNumber, digits) : undefined,
        /^\d{5,11}$/.test(digits) ? containsText(sql`replace(${t.establishmentNumber}, '-', '')`, digits) : undefined,
      )
    : undefined;
}

/** The office's establishments, newest first; `query` matches the name (or カナ) or the 事業所番号. */
export function establishmentsForOfficeQuery(db: Db, officeCode: ScopeValue, query = "") {
  const t = schema.establishments;
  const search = establishmentSearchSql(query);
  return db
    .select({
      id: t.id,
      name: t.name,
      establishmentNumber: t.establishmentNumber,
      status: t.status,
      municipalityName: sql<string>`${schema.municipalities.name}`.as("municipality_name"),
      createdAt: t.createdAt,
    })
    .from(t)
    .innerJoin(schema.municipalities, eq(schema.municipalities.code, t.municipalityCode))
    .where(and(eq(t.officeCode, officeCode), search))
    .orderBy(desc(t.createdAt), asc(t.establishmentNumber))
    .limit(200);
}

/** One establishment of the officer's office with its place names (none for another office's: R-OPEN-1). Batchable. */
export function establishmentForOfficeQuery(db: Db, officeCode: ScopeValue, id: string) {
  return db
    .select({
      establishment: schema.establishments,
      municipalityName: sql<string>`${schema.municipalities.name}`.as("municipality_name"),
      prefectureName: sql<string>`${schema.prefectures.name}`.as("prefecture_name"),
      industryLabel: industryLabelSql(schema.establishments.industry).as("industry_label"),
    })
    .from(schema.establishments)
    .innerJoin(schema.municipalities, eq(schema.municipalities.code, schema.establishments.municipalityCode))
    .innerJoin(schema.prefectures, eq(schema.prefectures.code, schema.establishments.prefectureCode))
    .where(and(eq(schema.establishments.id, id), eq(schema.establishments.officeCode, officeCode)))
    .limit(1);
}

export async function getEstablishmentForOffice(db: Db, scope: StaffScope, id: string) {
  const [row] = await establishmentForOfficeQuery(db, scope.officeCode, id);
  return row;
}

/** The login accounts of an establishment of the officer's office: the main one first. Batchable. */
export function loginAccountsForOfficeQuery(db: Db, officeCode: ScopeValue, establishmentId: string) {
  const a = schema.employerAccounts;
  return db
    .select({ id: a.id, email: a.email, isMain: a.isMain, status: a.status, createdAt: a.createdAt, activatedAt: a.activatedAt })
    .from(a)
    .innerJoin(schema.establishments, eq(schema.establishments.id, a.establishmentId))
    .where(and(eq(a.establishmentId, establishmentId), eq(schema.establishments.officeCode, officeCode)))
    .orderBy(desc(a.isMain), asc(a.createdAt));
}

export type JurisdictionCheck = { ok: true; prefectureCode: string; municipalityName: string } | { ok: false; message: string };

/**
 * R-OPEN-1: the municipality must be under the officer's office. Otherwise the message names the
 * office that has jurisdiction, so the officer can send the employer there.
 */
export async function checkJurisdiction(db: Db, scope: StaffScope, municipalityCode: string): Promise<JurisdictionCheck> {
  const row = await municipalityJurisdiction(db, municipalityCode);
  if (!row) return { ok: false, message: "市区町村を一覧から選択してください。" };
  if (!row.officeCode || !row.officeName) {
    return { ok: false, message: `${row.name}を管轄するハローワークが登録されていません。システム管理者に連絡してください。` };
  }
  if (row.officeCode !== scope.officeCode) {
    return { ok: false, message: `${row.name}は ${row.officeName} の管轄です。${row.officeName} で登録してください。` };
  }
  return { ok: true, prefectureCode: row.prefectureCode, municipalityName: row.name };
}

/** The office's next 事業所番号 serial, taken atomically (see takeOfficeSerial). */
export function takeEstablishmentSerial(db: Db, officeCode: string): Promise<number> {
  return takeOfficeSerial(db, officeCode, "establishment");
}

export type EstablishmentRow = typeof schema.establishments.$inferInsert;

/** The establishment row for a validated form (the prefecture comes from the municipality). */
export function establishmentRow(
  input: EstablishmentInput,
  fields: { id: string; officeCode: string | SQL; establishmentNumber: string; status: EstablishmentStatus; prefectureCode: string; now: number },
): EstablishmentRow {
  return {
    id: fields.id,
    officeCode: fields.officeCode as string,
    establishmentNumber: fields.establishmentNumber,
    status: fields.status,
    name: input.name,
    nameKana: input.nameKana,
    corporateNumber: input.isSoleProprietor ? null : input.corporateNumber,
    postalCode: input.postalCode,
    prefectureCode: fields.prefectureCode,
    municipalityCode: input.municipalityCode,
    address: input.address,
    phone: input.phone,
    industry: input.industry,
    employees: input.employees,
    representativeTitle: input.representativeTitle,
    representativeName: input.representativeName,
    createdAt: fields.now,
    updatedAt: fields.now,
  };
}

/**
 * 事業所登録 by an officer (R-OPEN-1): issues the 事業所番号 and inserts the establishment (status
 * "registered") with its audit row in one batch (R-AUDIT-1). Call checkJurisdiction first.
 */
export async function registerEstablishment(
  db: Db,
  clock: Clock,
  scope: StaffScope,
  input: EstablishmentInput,
  prefectureCode: string,
): Promise<{ id: string; establishmentNumber: string }> {
  const serial = await takeEstablishmentSerial(db, scope.officeCode);
  const establishmentNumber = formatEstablishmentNumber(scope.officeCode, serial);
  const id = newId();
  const now = clock.now().getTime();
  await db.batch([
    db
      .insert(schema.establishments)
      .values(establishmentRow(input, { id, officeCode: scope.officeCode, establishmentNumber, status: "registered", prefectureCode, now })),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "establishment.register",
      subjectType: "establishment",
      subjectId: id,
      officeCode: scope.officeCode,
      details: { establishmentNumber },
    }),
  ]);
  return { id, establishmentNumber };
}

/** R-OPEN-2: e-mail addresses are unique across all employer accounts, compared by emailKey. */
export async function isEmployerEmailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db
    .select({ id: schema.employerAccounts.id })
    .from(schema.employerAccounts)
    .where(eq(schema.employerAccounts.emailNormalized, emailKey(email)))
    .get();
  return row !== undefined;
}

export type LoginEmailResult = { ok: true; accountId: string } | { ok: false; reason: "taken" | "not-allowed" };

/**
 * Counter path step ① (R-OPEN-3): the officer registers the main login e-mail of a registered
 * establishment that has none yet. The account waits for パスワード登録 (status "pending", no password);
 * no mail is sent here. The insert and its audit row are one batch, and the insert refuses itself if a
 * main account appeared or the establishment changed meanwhile.
 */
export async function registerLoginEmail(db: Db, clock: Clock, scope: StaffScope, establishmentId: string, email: string): Promise<LoginEmailResult> {
  if (await isEmployerEmailTaken(db, email)) return { ok: false, reason: "taken" };
  const a = schema.employerAccounts;
  const e = schema.establishments;
  const accountId = newId();
  const now = clock.now().getTime();
  const stillAllowed = sql`NOT EXISTS (SELECT 1 FROM ${a} WHERE ${a.establishmentId} = ${establishmentId} AND ${a.isMain} = 1)
    AND EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${establishmentId} AND ${e.officeCode} = ${scope.officeCode} AND ${e.status} = 'registered')`;
  try {
    await db.batch([
      db.insert(a).values({
        id: accountId,
        establishmentId,
        email,
        emailNormalized: emailKey(email),
        passwordHash: null,
        isMain: true,
        status: valueWhile("pending", stillAllowed),
        createdAt: now,
        activatedAt: null,
        addedBy: null,
      }),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: "account.email.register",
        subjectType: "employer_account",
        subjectId: accountId,
        officeCode: scope.officeCode,
        details: { establishmentId },
      }),
    ]);
  } catch (error) {
    // A concurrent registration of the same address, or the precondition no longer holds.
    if (await isEmployerEmailTaken(db, email)) return { ok: false, reason: "taken" };
    const allowed = await canRegisterLoginEmail(db, scope, establishmentId);
    if (!allowed) return { ok: false, reason: "not-allowed" };
    throw error;
  }
  return { ok: true, accountId };
}

/** Step ① is possible only for a registered establishment of the office without a main account. */
export async function canRegisterLoginEmail(db: Db, scope: StaffScope, establishmentId: string): Promise<boolean> {
  const found = await getEstablishmentForOffice(db, scope, establishmentId);
  if (!found || found.establishment.status !== "registered") return false;
  const main = await db
    .select({ id: schema.employerAccounts.id })
    .from(schema.employerAccounts)
    .where(and(eq(schema.employerAccounts.establishmentId, establishmentId), eq(schema.employerAccounts.isMain, true)))
    .get();
  return main === undefined;
}
