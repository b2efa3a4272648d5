/**
 * 事業所情報の変更 (issue: job postings; R-GATE-3, R-OPEN-1, R-DEL-3, R-AUDIT-1): the employer submits a change of its 事業所情報 as a request (JSON of
 * the establishment form's output); an officer of the jurisdictional office approves it (the establishment row is updated, so every posting shows it)
 * or returns it with a comment. One request is pending at a time: a new submission withdraws the pending one in the same batch. Scope: the employer's
 * establishment, the officer's office (else 404). Every change is one `db.batch()` with its audit row; a review with a mail and an お知らせ (R-MSG-2).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { industryLabel, resolveIndustry, type IndustryCatalog } from "../lib/industry";
import { newId } from "../lib/ids";
import type { EstablishmentInput } from "../lib/schemas/establishment";
import type { MailContext } from "../mail/templates";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { readBatch } from "../utils/request-batch.server";
import { enqueueMail } from "../utils/mail.server";
import { noticeInsert, reviewNotice } from "./notices.server";
import { valueWhile } from "../utils/sql.server";
import type { StaffScope } from "./establishment.server";
import { municipalityJurisdiction } from "./office.server";
import { establishmentFormDefaults } from "./provisional.server";

const req = schema.establishmentChangeRequests;
const est = schema.establishments;

export type ChangeRequestStatus = (typeof req.$inferSelect)["status"];

export const CHANGE_STATUS_LABELS: Record<ChangeRequestStatus, string> = {
  pending: "確認中",
  approved: "承認済み",
  returned: "差戻し",
  withdrawn: "取下げ（新しい申請に置き換え）",
};

export const NO_CHANGE_MESSAGE = "現在の事業所情報から変更された項目がありません。変更する項目を入力してください。";

/** The employer who acts: the account and its establishment (the scope of every employer function). */
export interface EmployerChangeActor {
  accountId: string;
  establishmentId: string;
  officeCode: string;
}

// --- Form values and differences ---

type EstablishmentRow = typeof est.$inferSelect;
type FormValues = Record<string, string>;

/** The current 事業所情報 as the form's values (strings; the checkbox "on"; 産業分類 as 大分類 + 中分類 codes). */
export function currentFormValues(e: EstablishmentRow, industries: IndustryCatalog): Record<string, string> {
  const values: Record<string, string> = {
    name: e.name,
    nameKana: e.nameKana,
    corporateNumber: e.corporateNumber ?? "",
    postalCode: e.postalCode,
    municipalityCode: e.municipalityCode,
    address: e.address,
    phone: e.phone,
    ...resolveIndustry(industries, e.industry),
    employees: e.employees === null ? "" : String(e.employees),
    representativeTitle: e.representativeTitle,
    representativeName: e.representativeName,
  };
  if (e.corporateNumber === null) values.isSoleProprietor = "on";
  return values;
}

/** A request's stored JSON as the form's values (unknown keys dropped). */
export const requestFormValues: (json: string, industries: IndustryCatalog) => FormValues = establishmentFormDefaults;

/** The 事業所情報's items in the order of the form, with their labels. */
export const CHANGE_FIELDS: { key: string; label: string }[] = [
  { key: "name", label: "事業所名" },
  { key: "nameKana", label: "事業所名（カナ）" },
  { key: "corporateNumber", label: "法人番号" },
  { key: "postalCode", label: "郵便番号" },
  { key: "municipalityCode", label: "市区町村" },
  { key: "address", label: "所在地（市区町村より後）" },
  { key: "phone", label: "電話番号" },
  { key: "industry", label: "産業分類" },
  { key: "employees", label: "従業員数" },
  { key: "representativeTitle", label: "代表者の役職" },
  { key: "representativeName", label: "代表者の氏名" },
];

export interface ChangeRow {
  key: string;
  label: string;
  current: string;
  requested: string;
  changed: boolean;
}

function displayValue(key: string, values: FormValues, municipalityNames: Map<string, string>, industries: IndustryCatalog): string {
  const value = values[key] ?? "";
  switch (key) {
    case "corporateNumber":
      return values.isSoleProprietor === "on" ? "なし（個人事業主）" : value;
    case "municipalityCode":
      return municipalityNames.get(value) ?? value;
    case "employees":
      return value === "" ? "" : `${value}人`;
    case "industry":
      return industryLabel(industries, value);
    default:
      return value;
  }
}

/** Current and requested values side by side, each item marked when it changes. */
export function changeRows(current: FormValues, requested: FormValues, municipalityNames: Map<string, string>, industries: IndustryCatalog): ChangeRow[] {
  return CHANGE_FIELDS.map(({ key, label }) => {
    const a = displayValue(key, current, municipalityNames, industries);
    const b = displayValue(key, requested, municipalityNames, industries);
    return { key, label, current: a, requested: b, changed: a !== b };
  });
}

/** The validated form output as the values it would store, for comparison with the current ones. */
export function inputFormValues(input: EstablishmentInput): Record<string, string> {
  const values: Record<string, string> = {
    name: input.name,
    nameKana: input.nameKana,
    corporateNumber: input.isSoleProprietor ? "" : input.corporateNumber,
    postalCode: input.postalCode,
    municipalityCode: input.municipalityCode,
    address: input.address,
    phone: input.phone,
    industryDivision: input.industryDivision,
    industry: input.industry,
    employees: String(input.employees),
    representativeTitle: input.representativeTitle,
    representativeName: input.representativeName,
  };
  if (input.isSoleProprietor) values.isSoleProprietor = "on";
  return values;
}

/** True when the input changes nothing of the current 事業所情報. */
export function isUnchanged(current: EstablishmentRow, input: EstablishmentInput, industries: IndustryCatalog): boolean {
  return changeRows(currentFormValues(current, industries), inputFormValues(input), new Map(), industries).every((r) => !r.changed);
}

// --- Jurisdiction (R-OPEN-1, R-DEL-3) ---

export type ChangeJurisdiction = { ok: true; prefectureCode: string } | { ok: false; message: string };

/**
 * R-OPEN-1, R-DEL-3: the new location must stay under the establishment's office. A move into another office's
 * area is not a change of 事業所情報: the establishment registers anew at that office (the message names it).
 */
export async function checkChangeJurisdiction(db: Db, officeCode: string, municipalityCode: string): Promise<ChangeJurisdiction> {
  const row = await municipalityJurisdiction(db, municipalityCode);
  if (!row) return { ok: false, message: "市区町村を一覧から選択してください。" };
  if (!row.officeCode || !row.officeName) {
    return { ok: false, message: `${row.name}を管轄するハローワークが登録されていません。管轄のハローワークにお問い合わせください。` };
  }
  if (row.officeCode !== officeCode) {
    return {
      ok: false,
      message: `${row.name}は${row.officeName}の管轄です。管轄が変わる移転は事業所情報の変更ではできません。${row.officeName}で新たに事業所登録をしてください（このマイページの情報は引き継がれません）。`,
    };
  }
  return { ok: true, prefectureCode: row.prefectureCode };
}

// --- The employer's side ---

/** The establishment's latest request (any status): at most one row. Batchable. */
export function latestChangeRequestQuery(db: Db, establishmentId: ScopeValue) {
  return db
    .select({
      id: req.id,
      data: req.data,
      status: req.status,
      reviewComment: req.reviewComment,
      reviewedAt: req.reviewedAt,
      createdAt: req.createdAt,
    })
    .from(req)
    .where(eq(req.establishmentId, establishmentId))
    .orderBy(desc(req.createdAt), desc(sql`rowid`))
    .limit(1);
}

/**
 * Submits a change request (確認中) with its audit row in one batch; a pending request of the establishment is
 * withdrawn in the same batch, so at most one is ever pending (two submissions at once: the later batch
 * withdraws the earlier one's row).
 */
export async function submitChangeRequest(db: Db, clock: Clock, actor: EmployerChangeActor, input: EstablishmentInput): Promise<{ id: string }> {
  const id = newId();
  const now = clock.now().getTime();
  const replaced = await db
    .select({ id: req.id })
    .from(req)
    .where(and(eq(req.establishmentId, actor.establishmentId), eq(req.status, "pending")))
    .all();
  await db.batch([
    db
      .update(req)
      .set({ status: "withdrawn" })
      .where(and(eq(req.establishmentId, actor.establishmentId), eq(req.status, "pending"))),
    db.insert(req).values({
      id,
      establishmentId: actor.establishmentId,
      requestedBy: actor.accountId,
      data: JSON.stringify(input),
      status: "pending",
      createdAt: now,
    }),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: actor.accountId,
      action: "establishment.change.request",
      subjectType: "establishment",
      subjectId: actor.establishmentId,
      officeCode: actor.officeCode,
      details: { requestId: id, replaced: replaced.map((r) => r.id) },
    }),
  ]);
  return { id };
}

// --- The officer's review ---

/** Pending requests of the office's establishments, oldest first: a read for the guard's batch (columns aliased apart). */
export function pendingChangeRequestsForOfficeQuery(db: Db, officeCode: ScopeValue) {
  return db
    .select({
      id: req.id,
      createdAt: req.createdAt,
      establishmentId: sql<string>`${est.id}`.as("establishment_id"),
      establishmentName: est.name,
      establishmentNumber: est.establishmentNumber,
    })
    .from(req)
    .innerJoin(est, eq(est.id, req.establishmentId))
    .where(and(eq(est.officeCode, officeCode), eq(req.status, "pending")))
    .orderBy(asc(req.createdAt), asc(req.id));
}

/**
 * A request of one of the office's establishments (any status) and that establishment: two single-table
 * statements for a batch (their columns share names), then `changeRequestForOffice`.
 */
export function changeRequestForOfficeQueries(db: Db, officeCode: ScopeValue, id: string) {
  const ofOffice = sql`(SELECT ${est.id} FROM ${est} WHERE ${est.id} = ${req.establishmentId} AND ${est.officeCode} = ${officeCode})`;
  return [
    db
      .select()
      .from(req)
      .where(and(eq(req.id, id), sql`${req.establishmentId} = ${ofOffice}`))
      .limit(1),
    db
      .select()
      .from(est)
      .where(and(eq(est.id, sql`(SELECT ${req.establishmentId} FROM ${req} WHERE ${req.id} = ${id})`), eq(est.officeCode, officeCode)))
      .limit(1),
  ] as const;
}

type ChangeRequestRow = typeof req.$inferSelect;

export function changeRequestForOffice([requests, establishments]: readonly [ChangeRequestRow[], EstablishmentRow[]]) {
  const [request] = requests;
  const [establishment] = establishments;
  return request && establishment ? { request, establishment } : undefined;
}

/** A request of one of the office's establishments (any status) with the establishment, or undefined (→ 404). */
export async function getChangeRequestForOffice(db: Db, scope: StaffScope, id: string) {
  return changeRequestForOffice(await readBatch(db, changeRequestForOfficeQueries(db, scope.officeCode, id)));
}

export type ReviewResult = { ok: true } | { ok: false; reason: "not-found" | "not-pending" } | { ok: false; reason: "jurisdiction"; message: string };

async function mainAccountEmail(db: Db, establishmentId: string): Promise<string | undefined> {
  const row = await db
    .select({ email: schema.employerAccounts.email })
    .from(schema.employerAccounts)
    .where(and(eq(schema.employerAccounts.establishmentId, establishmentId), eq(schema.employerAccounts.isMain, true)))
    .get();
  return row?.email;
}

function parseRequested(json: string): EstablishmentInput | null {
  try {
    const v = JSON.parse(json) as EstablishmentInput;
    return v && typeof v === "object" && typeof v.name === "string" && typeof v.municipalityCode === "string" ? v : null;
  } catch {
    return null;
  }
}

/**
 * Approval (R-AUDIT-1): the establishment row takes the requested values, the request becomes 承認済み with
 * reviewer and time, the audit row and the notice to the main account are written — one batch. The batch
 * refuses itself if the request was reviewed or replaced meanwhile. The new location must still be under the
 * office (R-OPEN-1).
 */
export async function approveChangeRequest(db: Db, clock: Clock, mail: MailContext, scope: StaffScope, id: string): Promise<ReviewResult> {
  const found = await getChangeRequestForOffice(db, scope, id);
  if (!found) return { ok: false, reason: "not-found" };
  if (found.request.status !== "pending") return { ok: false, reason: "not-pending" };
  const input = parseRequested(found.request.data);
  if (!input) return { ok: false, reason: "jurisdiction", message: "申請の内容を読み取れません。差し戻して、改めて申請するよう事業主に依頼してください。" };
  const jurisdiction = await checkChangeJurisdiction(db, scope.officeCode, input.municipalityCode);
  if (!jurisdiction.ok) return { ok: false, reason: "jurisdiction", message: jurisdiction.message };
  const now = clock.now().getTime();
  const stillPending = sql`(SELECT ${req.status} FROM ${req} WHERE ${req.id} = ${id}) = 'pending'`;
  const email = await mainAccountEmail(db, found.establishment.id);
  const update = db
    .update(est)
    .set({
      // NOT NULL: the whole batch fails if the request is no longer pending when it runs.
      name: valueWhile(input.name, stillPending),
      nameKana: input.nameKana,
      corporateNumber: input.isSoleProprietor ? null : input.corporateNumber,
      postalCode: input.postalCode,
      prefectureCode: jurisdiction.prefectureCode,
      municipalityCode: input.municipalityCode,
      address: input.address,
      phone: input.phone,
      industry: input.industry,
      employees: input.employees,
      representativeTitle: input.representativeTitle,
      representativeName: input.representativeName,
      updatedAt: now,
    })
    .where(and(eq(est.id, found.establishment.id), eq(est.officeCode, scope.officeCode)));
  const approve = db
    .update(req)
    .set({ status: "approved", reviewedBy: scope.staffId, reviewedAt: now, reviewComment: null })
    .where(and(eq(req.id, id), eq(req.status, "pending")));
  const audit = auditStatement(db, clock, {
    actorType: "staff",
    actorId: scope.staffId,
    action: "establishment.change.approve",
    subjectType: "establishment",
    subjectId: found.establishment.id,
    officeCode: scope.officeCode,
    details: { requestId: id },
  });
  const notices = email ? [enqueueMail(db, clock, mail, email, "establishmentChangeApproved", { establishmentName: input.name })] : [];
  const notice = noticeInsert(db, clock, found.establishment.id, reviewNotice({ kind: "establishmentChange", approved: true }));
  try {
    await db.batch([update, approve, audit, notice, ...notices]);
  } catch (error) {
    const now2 = await getChangeRequestForOffice(db, scope, id);
    if (!now2 || now2.request.status !== "pending") return { ok: false, reason: "not-pending" };
    throw error;
  }
  return { ok: true };
}

/**
 * The writes of a 差戻し, scoped in SQL to the officer's office (R-AUDIT-1): the request becomes 差戻し only while pending
 * and of an establishment of `scope.officeCode`; the audit row (and the お知らせ) only if it did (else the batch fails whole).
 */
export function changeReturnStatements(db: Db, clock: Clock, scope: StaffScope, id: string, establishmentId: string, comment: string) {
  const now = clock.now().getTime();
  const ofOffice = db.select({ id: est.id }).from(est).where(eq(est.officeCode, scope.officeCode));
  const done = sql`EXISTS (SELECT 1 FROM ${req} WHERE ${req.id} = ${id} AND ${req.status} = 'returned' AND ${req.reviewedBy} = ${scope.staffId} AND ${req.reviewedAt} = ${now})`;
  return [
    db
      .update(req)
      .set({ status: "returned", reviewComment: comment, reviewedBy: scope.staffId, reviewedAt: now })
      .where(and(eq(req.id, id), eq(req.status, "pending"), inArray(req.establishmentId, ofOffice))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("establishment.change.return", done),
      subjectType: "establishment",
      subjectId: establishmentId,
      officeCode: scope.officeCode,
      details: { requestId: id, comment },
    }),
    noticeInsert(db, clock, establishmentId, reviewNotice({ kind: "establishmentChange", approved: false, comment })),
  ] as const;
}

/** 差戻し with a comment (R-AUDIT-1): status, comment, reviewer, time, audit row and notice — one batch. */
export async function returnChangeRequest(db: Db, clock: Clock, mail: MailContext, scope: StaffScope, id: string, comment: string): Promise<ReviewResult> {
  const found = await getChangeRequestForOffice(db, scope, id);
  if (!found) return { ok: false, reason: "not-found" };
  if (found.request.status !== "pending") return { ok: false, reason: "not-pending" };
  const email = await mainAccountEmail(db, found.establishment.id);
  const notices = email ? [enqueueMail(db, clock, mail, email, "establishmentChangeReturned", { establishmentName: found.establishment.name, comment })] : [];
  try {
    await db.batch([...changeReturnStatements(db, clock, scope, id, found.establishment.id, comment), ...notices]);
  } catch (error) {
    const now2 = await getChangeRequestForOffice(db, scope, id);
    if (!now2 || now2.request.status !== "pending") return { ok: false, reason: "not-pending" };
    throw error;
  }
  return { ok: true };
}
