/**
 * 求人 on the officer's side (R-JOB-2, R-JOB-3): the office's postings (filtered by status, searched by 求人番号,
 * 50 a page), one posting with its establishment for the review page, and what a 内容変更 changes (`diffContent`).
 * Every query takes the office: another office's posting is simply not found. The lifecycle itself (受理, 修正依頼,
 * 延長) is in job-posting.server.ts.
 */
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { OFFICE_POSTING_STATUSES, type OfficePostingStatus } from "../lib/schemas/staff-posting";
import { schema, type Db } from "../utils/db.server";
import type { JobPosting } from "./job-posting.server";

const t = schema.jobPostings;
const e = schema.establishments;

export const OFFICE_POSTINGS_PAGE_SIZE = 50;

/** 職種 from the stored JSON in SQL (the published version when there is one); NULL for a malformed row. */
const jobTitleSql = sql<
  string | null
>`CASE WHEN json_valid(coalesce(${t.publishedContent}, ${t.content})) THEN json_extract(coalesce(${t.publishedContent}, ${t.content}), '$.jobTitle') END`;

/**
 * この安定所の求人: the office's postings, most recently changed first, 50 a page. `status` filters; `jobNumber`
 * (already normalised, exact) finds one posting.
 */
export async function listOfficePostings(
  db: Db,
  officeCode: string,
  options: { status?: OfficePostingStatus | null; jobNumber?: string | null; page?: number } = {},
) {
  const where = and(
    eq(t.officeCode, officeCode),
    options.status ? eq(t.status, options.status) : inArray(t.status, [...OFFICE_POSTING_STATUSES]),
    options.jobNumber ? eq(t.jobNumber, options.jobNumber) : undefined,
  );
  const total = (await db.select({ n: count() }).from(t).where(where).get())?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / OFFICE_POSTINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);
  const rows = await db
    .select({
      id: t.id,
      status: t.status,
      changeStatus: t.changeStatus,
      extensionStatus: t.extensionStatus,
      jobNumber: t.jobNumber,
      acceptedOn: t.acceptedOn,
      validUntil: t.validUntil,
      invalidatedOn: t.invalidatedOn,
      updatedAt: t.updatedAt,
      jobTitle: jobTitleSql,
      establishmentId: t.establishmentId,
      establishmentName: e.name,
      establishmentNumber: e.establishmentNumber,
    })
    .from(t)
    .innerJoin(e, eq(e.id, t.establishmentId))
    .where(where)
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(OFFICE_POSTINGS_PAGE_SIZE)
    .offset((page - 1) * OFFICE_POSTINGS_PAGE_SIZE)
    .all();
  return { rows, total, page, pageCount };
}

/**
 * A posting of the office for the review page, with its establishment; undefined for another office's posting or a
 * draft (not submitted to the office yet).
 */
export async function getPostingForReview(
  db: Db,
  officeCode: string,
  id: string,
): Promise<
  | {
      posting: JobPosting;
      establishment: { id: string; name: string; nameKana: string; establishmentNumber: string | null; officeCode: string; status: string };
    }
  | undefined
> {
  const row = await db
    .select({
      posting: t,
      establishment: { id: e.id, name: e.name, nameKana: e.nameKana, establishmentNumber: e.establishmentNumber, officeCode: e.officeCode, status: e.status },
    })
    .from(t)
    .innerJoin(e, eq(e.id, t.establishmentId))
    .where(and(eq(t.id, id), eq(t.officeCode, officeCode), inArray(t.status, [...OFFICE_POSTING_STATUSES])))
    .get();
  return row ?? undefined;
}
