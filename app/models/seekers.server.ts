/**
 * 求職者 on the officer's side (issue 11): a seeker belongs to the office that registered them, and only that office's
 * officers list, open and edit them — every function takes the office as its scope, so another office's seeker is
 * simply not found (a 404). Registration takes the 求職番号 (the office's 5-digit prefix and an 8-digit serial) from
 * the office's atomic serial; registration and each edit write their audit row in the same batch (ids and the names of
 * the changed fields only: no personal data in the audit log).
 */
import { and, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Clock } from "../lib/clock";
import { formatJobNumber } from "../lib/identifiers";
import { newId } from "../lib/ids";
import { normalizeNumberLike, normalizeText } from "../lib/normalize";
import { normalizeSeekerKana, type SeekerInput } from "../lib/schemas/seeker";
import { parseDisclosure } from "../rules/seeker";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { onPage, pageColumns } from "../utils/paging.server";
import { containsText, valueWhile } from "../utils/sql.server";
import type { StaffScope } from "./establishment.server";
import { takeOfficeSerial } from "./office.server";

const js = schema.jobSeekers;
const r = schema.referrals;
const t = schema.jobPostings;
const e = schema.establishments;
const home = alias(schema.municipalities, "home_municipality");
const desired = alias(schema.municipalities, "desired_municipality");

export type SeekerRow = typeof js.$inferSelect;

/** The office's seekers matching `q` (氏名, カナ or 求職番号), newest first, one page (50) with the total. Batchable. */
export function seekersPageQuery(db: Db, officeCode: ScopeValue, options: { q: string; page: number }) {
  const q = normalizeText(options.q);
  const kana = normalizeSeekerKana(options.q);
  const digits = normalizeNumberLike(options.q);
  const search = q
    ? or(
        containsText(js.name, q),
        containsText(sql`replace(${js.name}, ' ', '')`, q.replace(/\s+/g, "")),
        containsText(js.nameKana, kana),
        containsText(sql`replace(${js.nameKana}, ' ', '')`, kana.replace(/\s+/g, "")),
        /^[\d-]+$/.test(digits) ? containsText(sql`replace(${js.seekerNumber}, '-', '')`, digits.replace(/-/g, "")) : undefined,
      )
    : undefined;
  const matching = db.$with("matching_seekers").as(
    db
      .select({
        id: js.id,
        seekerNumber: js.seekerNumber,
        name: js.name,
        nameKana: js.nameKana,
        birthDate: js.birthDate,
        desiredOccupation: js.desiredOccupation,
        createdAt: js.createdAt,
        ...pageColumns(sql`${js.createdAt} DESC, ${js.id} DESC`),
      })
      .from(js)
      .where(and(eq(js.officeCode, officeCode), search)),
  );
  return db
    .with(matching)
    .select()
    .from(matching)
    .where(onPage(matching.position, matching.total, options.page))
    .orderBy(sql`${matching.position}`);
}

/** One seeker of the office with the names of their places (none for another office's seeker). Batchable. */
export function seekerOfOfficeQuery(db: Db, officeCode: ScopeValue, id: string) {
  return db
    .select({
      seeker: js,
      prefectureName: sql<string | null>`${schema.prefectures.name}`.as("seeker_prefecture_name"),
      municipalityName: sql<string | null>`${home.name}`.as("seeker_municipality_name"),
      desiredMunicipalityName: sql<string | null>`${desired.name}`.as("seeker_desired_municipality_name"),
    })
    .from(js)
    .leftJoin(schema.prefectures, eq(schema.prefectures.code, js.prefectureCode))
    .leftJoin(home, eq(home.code, js.municipalityCode))
    .leftJoin(desired, eq(desired.code, js.desiredMunicipalityCode))
    .where(and(eq(js.id, id), eq(js.officeCode, officeCode)))
    .limit(1);
}

export type SeekerOfOffice = Awaited<ReturnType<typeof seekerOfOfficeQuery>>[number];

/** 職種 of a posting from its published content (NULL for a malformed row). */
const jobTitleSql = sql<
  string | null
>`CASE WHEN json_valid(coalesce(${t.publishedContent}, ${t.content})) THEN json_extract(coalesce(${t.publishedContent}, ${t.content}), '$.jobTitle') END`;

/** The referrals of a seeker of the office, newest 紹介日 first (none for another office's seeker). Batchable. */
export function referralsOfSeekerQuery(db: Db, officeCode: ScopeValue, seekerId: string) {
  return db
    .select({
      id: r.id,
      referredOn: r.referredOn,
      status: r.status,
      interviewAt: r.interviewAt,
      officeCode: r.officeCode,
      jobNumber: sql<string | null>`${t.jobNumber}`.as("referral_job_number"),
      jobTitle: jobTitleSql.as("referral_job_title"),
      establishmentName: sql<string>`${e.name}`.as("referral_establishment_name"),
    })
    .from(r)
    .innerJoin(t, eq(t.id, r.postingId))
    .innerJoin(e, eq(e.id, r.establishmentId))
    .where(and(eq(r.seekerId, seekerId), sql`EXISTS (SELECT 1 FROM ${js} WHERE ${js.id} = ${r.seekerId} AND ${js.officeCode} = ${officeCode})`))
    .orderBy(sql`${r.referredOn} DESC`, sql`${r.createdAt} DESC`)
    .limit(200);
}

export async function getSeekerOfOffice(db: Db, scope: StaffScope, id: string): Promise<SeekerOfOffice | undefined> {
  const [row] = await seekerOfOfficeQuery(db, scope.officeCode, id);
  return row;
}

/** A seeker's stored columns from the validated form (the office, number and times are the caller's). */
function seekerColumns(input: SeekerInput) {
  return {
    name: input.name,
    nameKana: input.nameKana,
    birthDate: input.birthDate,
    postalCode: input.postalCode,
    prefectureCode: input.prefectureCode,
    municipalityCode: input.municipalityCode || null,
    address: input.address,
    phone: input.phone,
    email: input.email || null,
    desiredOccupation: input.desiredOccupation,
    desiredPrefectureCode: input.desiredPrefectureCode || null,
    desiredMunicipalityCode: input.desiredMunicipalityCode || null,
    desiredEmploymentType: input.desiredEmploymentType,
    desiredWorkStyle: input.desiredWorkStyle,
    desiredWageForm: input.desiredWageForm === "" ? null : (input.desiredWageForm as SeekerRow["desiredWageForm"]),
    desiredWage: input.desiredWage,
    desiredHours: input.desiredHours,
    licences: input.licences,
    workHistory: input.workHistory,
    selfPr: input.selfPr,
    hasMypage: input.hasMypage,
    publishProfile: input.publishProfile,
    disclosure: JSON.stringify(input.disclosure),
  };
}

/**
 * 求職登録 by an officer: the 求職番号 (`OOOOO-NNNNNNNN`: the office's 求人番号 prefix and its next seeker serial, taken
 * atomically) and the seeker with the audit row, one batch.
 */
export async function registerSeeker({
  db,
  clock,
  scope,
  numberPrefix,
  input,
}: {
  db: Db;
  clock: Clock;
  scope: StaffScope;
  /** The office's 5-digit prefix (offices.job_number_prefix). */
  numberPrefix: string;
  input: SeekerInput;
}): Promise<{ id: string; seekerNumber: string }> {
  const serial = await takeOfficeSerial(db, scope.officeCode, "seeker");
  const seekerNumber = formatJobNumber(numberPrefix, serial);
  const id = newId();
  const now = clock.now().getTime();
  await db.batch([
    db.insert(js).values({ id, officeCode: scope.officeCode, seekerNumber, ...seekerColumns(input), createdBy: scope.staffId, createdAt: now, updatedAt: now }),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "seeker.register",
      subjectType: "job_seeker",
      subjectId: id,
      officeCode: scope.officeCode,
      details: { seekerNumber },
    }),
  ]);
  return { id, seekerNumber };
}

/** The names of the form's fields whose stored value an edit changes (for the audit row: names, never values). */
export function changedSeekerFields(stored: SeekerRow, input: SeekerInput): string[] {
  const next = seekerColumns(input);
  return (Object.keys(next) as (keyof typeof next)[]).filter((key) => {
    if (key === "disclosure") return JSON.stringify(parseDisclosure(stored.disclosure)) !== next.disclosure;
    return (stored[key] ?? null) !== (next[key] ?? null);
  });
}

/**
 * 求職者情報の変更 by an officer of the seeker's office: the row and its audit row (the changed fields' names) in one
 * batch; the audit row exists only if this batch's update took effect. Returns false when the seeker is not the office's.
 */
export async function updateSeeker({ db, clock, scope, id, input }: { db: Db; clock: Clock; scope: StaffScope; id: string; input: SeekerInput }) {
  const found = await getSeekerOfOffice(db, scope, id);
  if (!found) return { ok: false as const };
  const fields = changedSeekerFields(found.seeker, input);
  if (fields.length === 0) return { ok: true as const, changed: [] };
  const now = Math.max(clock.now().getTime(), found.seeker.updatedAt + 1);
  const updated = sql`EXISTS (SELECT 1 FROM ${js} WHERE ${js.id} = ${id} AND ${js.officeCode} = ${scope.officeCode} AND ${js.updatedAt} = ${now})`;
  await db.batch([
    db
      .update(js)
      .set({ ...seekerColumns(input), updatedAt: now })
      .where(and(eq(js.id, id), eq(js.officeCode, scope.officeCode))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("seeker.update", updated),
      subjectType: "job_seeker",
      subjectId: id,
      officeCode: scope.officeCode,
      details: { seekerNumber: found.seeker.seekerNumber, fields },
    }),
  ]);
  return { ok: true as const, changed: fields };
}
