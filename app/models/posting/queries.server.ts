/**
 * Reading 求人 (R-JOB-1…5). Every query takes the actor's scope — the establishment for an employer, the office for an
 * officer — so another establishment's or office's posting is simply not found. A query is a function that returns
 * the drizzle query (not run), so that a page can put it in one `db.batch([...])` with its other reads; a small mapper
 * turns the rows into what callers use. The async `get…`/`list…` helpers run one query alone (actions, jobs, tests).
 */
import { and, desc, eq, getTableColumns, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { asOf, queueKindOf } from "../../rules/posting";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { hasValidPostingSql, postingPublicOn, postingValidOn } from "../../utils/facts.server";
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

/**
 * The stored status is what the daily job last recorded; what a posting IS today comes from its dates (issue 10 #6,
 * rules/posting asOf): an accepted posting whose 紹介期限 has passed is 期限切れ. `current` reads a row through asOf;
 * the SQL below says the same for lists, filters and compare-and-set writes.
 */
export function current<T extends Parameters<typeof asOf>[0]>(row: T | undefined, today: string): T | undefined {
  return row ? asOf(row, today) : undefined;
}

/** Accepted and its 紹介期限 not passed (a write on an accepted posting is done only while this holds). */
export function stillValidSql(today: string): SQL {
  return and(eq(t.status, "accepted"), gte(t.validUntil, today))!;
}

/** The status as of today in SQL (rules/posting asOf): 'expired' for an accepted posting whose 紹介期限 has passed. */
export function currentStatusSql(today: string): SQL<PostingStatus> {
  return sql<PostingStatus>`CASE WHEN ${and(eq(t.status, "accepted"), lt(t.validUntil, today))} THEN 'expired' ELSE ${t.status} END`;
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
export function postingsPageOfEstablishment(db: Db, establishmentId: ScopeValue, page: number, today: string) {
  const group = sql`CASE ${currentStatusSql(today)} WHEN 'accepted' THEN 0 WHEN 'stopped' THEN 2 WHEN 'expired' THEN 2 ELSE 1 END`;
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

/** Public today: valid and from its 公開開始日 (rules/posting isPublicOn; a 大卒等求人 accepted in 2–3月 waits for 4月1日). */
export const publicToday = postingPublicOn;

export async function hasValidPosting(db: Db, establishmentId: string, today: string): Promise<boolean> {
  const row = await db.get<{ valid: number }>(sql`SELECT ${hasValidPostingSql(establishmentId, today)} AS valid`);
  return Boolean(row?.valid);
}

/**
 * The minimum wages of the prefecture of the 就業場所 in the posting's stored working copy and in its published version
 * (the rows the 最低賃金 rule needs: it picks the prefecture's own), newest first: one statement with the posting's scope in a subquery, so that it goes in the page's batch
 * before the posting is parsed. A malformed stored document has no prefecture (parseContent reads it as blank).
 */
export function minimumWagesOfContent(db: Db, where: SQL) {
  const mw = schema.minimumWages;
  const prefectureOf = (column: typeof t.content | typeof t.publishedContent) =>
    sql`(SELECT CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.workplace.prefectureCode') END FROM ${t} WHERE ${where})`;
  // Also the published version's prefecture: the extension is checked on the published 求人票 (issue 10 #4).
  return db
    .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
    .from(mw)
    .where(sql`${mw.prefectureCode} IN (${prefectureOf(t.content)}, ${prefectureOf(t.publishedContent)})`)
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
  validUntil: t.validUntil,
  renewalOf: t.renewalOf,
  establishmentId: t.establishmentId,
  establishmentName: schema.establishments.name,
  establishmentNumber: schema.establishments.establishmentNumber,
};

/** A 内容変更 or an extension request waits only while the posting is valid (issue 10 #6: not after its 紹介期限). */
function inQueue(officeCode: ScopeValue, today: string): SQL {
  return and(
    eq(t.officeCode, officeCode),
    or(eq(t.status, "submitted"), and(stillValidSql(today), or(eq(t.changeStatus, "submitted"), eq(t.extensionStatus, "requested")))),
  )!;
}

/** What waits for an officer of the office: new postings, 内容変更 and extension requests (with the establishment). */
export function reviewQueue(db: Db, officeCode: ScopeValue, today: string) {
  return db
    .select(queueColumns)
    .from(t)
    .innerJoin(schema.establishments, eq(schema.establishments.id, t.establishmentId))
    .where(inQueue(officeCode, today))
    .orderBy(t.submittedAt);
}

/** Since when a queued posting waits (as reviewQueueItems' `at`): 申込み, 内容変更 or 延長 (queueKindOf). */
const waitingSince = sql`CASE WHEN ${t.status} = 'submitted' THEN ${t.submittedAt} WHEN ${t.changeStatus} = 'submitted' THEN ${t.changeSubmittedAt} ELSE ${t.extensionRequestedAt} END`;

/** One page of the queue (issue 9 #15): oldest first, the id last; every row with its position and the total. */
export function reviewQueuePage(db: Db, officeCode: ScopeValue, page: number, today: string) {
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
      .where(inQueue(officeCode, today)),
  );
  return db
    .with(rows)
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(sql`${rows.position}`);
}

type QueueRow = Awaited<ReturnType<typeof reviewQueue>>[number];

/**
 * A queue row with why it waits (申込み, 内容変更, 延長), since when, its 職種, and its deadline (issue 10 #5): the date by
 * which a 内容変更 or an extension request must be decided — the posting's 紹介期限 (after it, the daily job refuses a
 * pending extension and the 内容変更 ends with the posting); none for a new posting.
 */
export function reviewQueueItems(rows: readonly QueueRow[]) {
  return rows
    .map((row) => {
      const kind = queueKindOf(row);
      const at = kind === "new" ? row.submittedAt : kind === "change" ? row.changeSubmittedAt : row.extensionRequestedAt;
      return { ...row, kind, at: at ?? 0, jobTitle: parseContent(row.content).jobTitle, decideBy: kind === "new" ? null : row.validUntil };
    })
    .sort((a, b) => a.at - b.at);
}

export async function listReviewQueue(db: Db, officeCode: string, today: string) {
  return reviewQueueItems(await reviewQueue(db, officeCode, today));
}

/** How many postings wait for the office's review (the staff home's count: not the rows). */
export function reviewQueueCountQuery(db: Db, officeCode: ScopeValue, today: string) {
  return db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(inQueue(officeCode, today));
}
