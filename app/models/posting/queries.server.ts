/**
 * Reading 求人 (R-JOB-1…5). Every query takes the actor's scope — the establishment for an employer, the office for an
 * officer — so another establishment's or office's posting is simply not found. A query is a function that returns
 * the drizzle query (not run), so that a page can put it in one `db.batch([...])` with its other reads; a small mapper
 * turns the rows into what callers use. The async `get…`/`list…` helpers run one query alone (actions, jobs, tests).
 */
import { and, desc, eq, getTableColumns, or, sql, type SQL } from "drizzle-orm";
import { queueKindOf } from "../../rules/posting";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { hasValidPostingSql, postingValidOn } from "../../utils/facts.server";
import { onPage, pageColumns } from "../../utils/paging.server";
import { parseContent } from "./content.server";

export const jobPostings = schema.jobPostings;
const t = jobPostings;

export type JobPosting = typeof jobPostings.$inferSelect;
export type PostingStatus = JobPosting["status"];

/** The establishment an employer acts for. */
export interface EmployerScope {
  establishmentId: string;
  accountId: string;
  officeCode: string;
}

/** The first row of a query's rows (a batched `.limit(1)` query returns an array). */
export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** WHERE of one posting of the establishment (a literal id, or the guard's SQL scope). */
export function ofEstablishment(establishmentId: ScopeValue, id: string): SQL {
  return and(eq(t.id, id), eq(t.establishmentId, establishmentId))!;
}

/** WHERE of one posting of the office (the accepting office; a literal code, or the guard's SQL scope). */
export function ofOffice(officeCode: ScopeValue, id: string): SQL {
  return and(eq(t.id, id), eq(t.officeCode, officeCode))!;
}

/** One posting by a scope (ofEstablishment / ofOffice): a query for a batch. */
export function postingWhere(db: Db, where: SQL) {
  return db.select().from(t).where(where).limit(1);
}

export async function getPostingOfEstablishment(db: Db, establishmentId: string, id: string): Promise<JobPosting | undefined> {
  return firstRow(await postingWhere(db, ofEstablishment(establishmentId, id)));
}

export async function getPostingOfOffice(db: Db, officeCode: string, id: string): Promise<JobPosting | undefined> {
  return firstRow(await postingWhere(db, ofOffice(officeCode, id)));
}

/** The establishment's postings, most recently changed first. */
export function postingsOfEstablishment(db: Db, establishmentId: ScopeValue) {
  return db.select().from(t).where(eq(t.establishmentId, establishmentId)).orderBy(desc(t.updatedAt));
}

export async function listPostingsOfEstablishment(db: Db, establishmentId: string): Promise<JobPosting[]> {
  return postingsOfEstablishment(db, establishmentId);
}

/**
 * 求人の一覧, one page (issue 9 #15): 有効中 first, then 作成中・申込み中, then 無効 (the list's groups), each most recently
 * changed first, the id last (a stable order); every row with its position and the total.
 */
export async function postingsPageOfEstablishment(db: Db, establishmentId: string, page: number) {
  const group = sql`CASE ${t.status} WHEN 'accepted' THEN 0 WHEN 'stopped' THEN 2 WHEN 'expired' THEN 2 ELSE 1 END`;
  const rows = db.$with("listed").as(
    db
      .select({ ...getTableColumns(t), ...pageColumns(sql`${group}, ${t.updatedAt} DESC, ${t.id} DESC`) })
      .from(t)
      .where(eq(t.establishmentId, establishmentId)),
  );
  return db
    .with(rows)
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(sql`${rows.position}`);
}

/** 有効中 today (R-GATE-1's fact, defined once in utils/facts.server.ts, where the guard reads it too). */
export const validToday = postingValidOn;

export async function hasValidPosting(db: Db, establishmentId: string, today: string): Promise<boolean> {
  const row = await db.get<{ valid: number }>(sql`SELECT ${hasValidPostingSql(establishmentId, today)} AS valid`);
  return Boolean(row?.valid);
}

/**
 * The minimum wages of the prefecture of the 就業場所 in the posting's stored working copy (the rows the 最低賃金 rule
 * needs), newest first: one statement with the posting's scope in a subquery, so that it goes in the page's batch
 * before the posting is parsed. A malformed stored document has no prefecture (parseContent reads it as blank).
 */
export function minimumWagesOfContent(db: Db, where: SQL) {
  const mw = schema.minimumWages;
  const prefecture = sql`(SELECT CASE WHEN json_valid(${t.content}) THEN json_extract(${t.content}, '$.workplace.prefectureCode') END FROM ${t} WHERE ${where})`;
  return db
    .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
    .from(mw)
    .where(sql`${mw.prefectureCode} = ${prefecture}`)
    .orderBy(desc(mw.effectiveFrom));
}

const queueColumns = {
  id: t.id,
  status: t.status,
  changeStatus: t.changeStatus,
  extensionStatus: t.extensionStatus,
  jobNumber: t.jobNumber,
  content: t.content,
  submittedAt: t.submittedAt,
  changeSubmittedAt: t.changeSubmittedAt,
  extensionRequestedAt: t.extensionRequestedAt,
  renewalOf: t.renewalOf,
  establishmentId: t.establishmentId,
  establishmentName: schema.establishments.name,
  establishmentNumber: schema.establishments.establishmentNumber,
};

function inQueue(officeCode: ScopeValue): SQL {
  return and(
    eq(t.officeCode, officeCode),
    or(eq(t.status, "submitted"), and(eq(t.status, "accepted"), or(eq(t.changeStatus, "submitted"), eq(t.extensionStatus, "requested")))),
  )!;
}

/** What waits for an officer of the office: new postings, 内容変更 and extension requests (with the establishment). */
export function reviewQueue(db: Db, officeCode: ScopeValue) {
  return db
    .select(queueColumns)
    .from(t)
    .innerJoin(schema.establishments, eq(schema.establishments.id, t.establishmentId))
    .where(inQueue(officeCode))
    .orderBy(t.submittedAt);
}

/** Since when a queued posting waits (as reviewQueueItems' `at`): 申込み, 内容変更 or 延長 (queueKindOf). */
const waitingSince = sql`CASE WHEN ${t.status} = 'submitted' THEN ${t.submittedAt} WHEN ${t.changeStatus} = 'submitted' THEN ${t.changeSubmittedAt} ELSE ${t.extensionRequestedAt} END`;

/** One page of the queue (issue 9 #15): oldest first, the id last; every row with its position and the total. */
export function reviewQueuePage(db: Db, officeCode: ScopeValue, page: number) {
  const rows = db.$with("queued").as(
    db
      .select({
        ...queueColumns,
        establishmentName: sql<string>`${schema.establishments.name}`.as("establishment_name"),
        establishmentNumber: sql<string | null>`${schema.establishments.establishmentNumber}`.as("establishment_number"),
        ...pageColumns(sql`coalesce(${waitingSince}, 0), ${t.id}`),
      })
      .from(t)
      .innerJoin(schema.establishments, eq(schema.establishments.id, t.establishmentId))
      .where(inQueue(officeCode)),
  );
  return db
    .with(rows)
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(sql`${rows.position}`);
}

type QueueRow = Awaited<ReturnType<typeof reviewQueue>>[number];

/** A queue row with why it waits (申込み, 内容変更, 延長), since when, and its 職種; oldest first. */
export function reviewQueueItems(rows: readonly QueueRow[]) {
  return rows
    .map((row) => {
      const kind = queueKindOf(row);
      const at = kind === "new" ? row.submittedAt : kind === "change" ? row.changeSubmittedAt : row.extensionRequestedAt;
      return { ...row, kind, at: at ?? 0, jobTitle: parseContent(row.content).jobTitle };
    })
    .sort((a, b) => a.at - b.at);
}

export async function listReviewQueue(db: Db, officeCode: string) {
  return reviewQueueItems(await reviewQueue(db, officeCode));
}

/** How many postings wait for the office's review (the staff home's count: not the rows). */
export async function countReviewQueue(db: Db, officeCode: string): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(t)
    .where(inQueue(officeCode))
    .get();
  return row?.n ?? 0;
}
