/**
 * 求人 on the officer's side (R-JOB-2, R-JOB-3): the office's review queue and its postings (filtered by status,
 * searched by 求人番号, 50 a page) for the 求人の確認 page in one batch, and one posting of the office for the review
 * page's action. Every query takes the office: another office's posting is simply not found. The decisions themselves
 * (受理, 修正依頼, 延長) are in review.server.ts and extension.server.ts.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { OFFICE_POSTING_STATUSES, type OfficePostingStatus } from "../../lib/schemas/staff-posting";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { pageInfo } from "../../lib/paging";
import { readBatch, type BatchResults } from "../../utils/request-batch.server";
import { officeAlertsQuery } from "../minimum-wage-alerts.server";
import { currentStatusSql, firstRow, jobPostings as t, ofOffice, postingWhere, reviewQueueItems, reviewQueuePage, type JobPosting } from "./queries.server";

const e = schema.establishments;

export const OFFICE_POSTINGS_PAGE_SIZE = 50;

/** 職種 from the stored JSON in SQL (the published version when there is one); NULL for a malformed row. */
const jobTitleSql = sql<
  string | null
>`CASE WHEN json_valid(coalesce(${t.publishedContent}, ${t.content})) THEN json_extract(coalesce(${t.publishedContent}, ${t.content}), '$.jobTitle') END`;

/** A posting of the office that an officer may see (not a draft: not submitted to the office yet). */
export function officePostingWhere(officeCode: ScopeValue, id: string): SQL {
  return and(ofOffice(officeCode, id), inArray(t.status, [...OFFICE_POSTING_STATUSES]))!;
}

export async function getPostingForReview(db: Db, officeCode: string, id: string): Promise<JobPosting | undefined> {
  return firstRow(await postingWhere(db, officePostingWhere(officeCode, id)));
}

/**
 * この安定所の求人: one page of the office's postings, most recently changed first, each row with the total. The page is
 * clamped to the last one in SQL (a page past the end shows the last page), so that the count and the rows are one
 * statement: row_number() and count(*) over the matching postings.
 */
function officePostings(
  db: Db,
  officeCode: ScopeValue,
  options: { status: OfficePostingStatus | null; jobNumber: string | null; page: number; today: string },
) {
  const where = and(
    eq(t.officeCode, officeCode),
    // The status filter is the status as of today (issue 10 #6): 有効中 leaves out, 紹介期限切れ takes in, a posting whose
    // 紹介期限 has passed before the daily job has recorded it.
    options.status ? sql`${currentStatusSql(options.today)} = ${options.status}` : inArray(t.status, [...OFFICE_POSTING_STATUSES]),
    options.jobNumber ? eq(t.jobNumber, options.jobNumber) : undefined,
  );
  const matching = db.$with("matching").as(
    db
      .select({
        id: t.id,
        status: t.status,
        changeStatus: t.changeStatus,
        extensionStatus: t.extensionStatus,
        jobNumber: t.jobNumber,
        acceptedOn: t.acceptedOn,
        validUntil: t.validUntil,
        invalidatedOn: t.invalidatedOn,
        jobTitle: jobTitleSql.as("job_title"),
        establishmentId: t.establishmentId,
        establishmentName: sql<string>`${e.name}`.as("establishment_name"),
        establishmentNumber: sql<string | null>`${e.establishmentNumber}`.as("establishment_number"),
        position: sql<number>`row_number() OVER (ORDER BY ${t.updatedAt} DESC, ${t.id} DESC)`.as("position"),
        total: sql<number>`count(*) OVER ()`.as("total"),
      })
      .from(t)
      .innerJoin(e, eq(e.id, t.establishmentId))
      .where(where),
  );
  const size = sql.raw(String(OFFICE_POSTINGS_PAGE_SIZE));
  const requestedStart = (Math.max(1, Math.trunc(options.page) || 1) - 1) * OFFICE_POSTINGS_PAGE_SIZE;
  // The first row of the page: the requested one, or the last page's when the request is past the end.
  const start = sql`min(${requestedStart}, ((${matching.total} - 1) / ${size}) * ${size})`;
  return db
    .with(matching)
    .select()
    .from(matching)
    .where(sql`${matching.position} > ${start} AND ${matching.position} <= ${start} + ${size}`)
    .orderBy(sql`${matching.position}`);
}

type OfficePostingsOptions = { status: OfficePostingStatus | null; jobNumber: string | null; page: number; queuePage?: number; list: boolean; today: string };

/**
 * The 求人の確認 page's reads, one group for a batch (the guard's: `reads` of requireStaff): a page of what waits for
 * review (oldest first, 50 a page: `queuePage`), the minimum-wage alerts and, unless the 求人番号 searched for cannot be
 * one (`list: false`), a page of the office's postings (else a statement that finds none, so that the group keeps its shape).
 */
export function officePostingsPageReads(db: Db, officeCode: ScopeValue, options: OfficePostingsOptions) {
  const queue = reviewQueuePage(db, officeCode, options.queuePage ?? 1, options.today);
  // Issue 10 #3: the office's postings below a minimum-wage revision from 発効日 − 7 (their own section).
  const alerts = officeAlertsQuery(db, officeCode, options.today);
  const list = options.list ? officePostings(db, officeCode, options) : officePostings(db, sql`NULL`, options);
  return [queue, alerts, list] as const;
}

/** The page's data from its reads (officePostingsPageReads). */
export function officePostingsPageOf(
  [queueRows, alertRows, listRows]: BatchResults<ReturnType<typeof officePostingsPageReads>>,
  options: Pick<OfficePostingsOptions, "page" | "queuePage">,
) {
  const total = listRows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / OFFICE_POSTINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pageCount);
  return {
    queue: { rows: reviewQueueItems(queueRows), ...pageInfo(queueRows, options.queuePage ?? 1) },
    minimumWageAlerts: alertRows,
    list: { rows: listRows, total, page, pageCount },
  };
}

/** The 求人の確認 page's data in one batch (officePostingsPageReads), read alone. */
export async function readOfficePostingsPage(db: Db, officeCode: string, options: OfficePostingsOptions) {
  return officePostingsPageOf(await readBatch(db, officePostingsPageReads(db, officeCode, options)), options);
}
