/**
 * The public 求人情報検索 and the public 求人票 (R-JOB-2, R-JOB-4, R-IMG-2).
 *
 * A posting is public while it is valid today (受理 done, 受理日 ≤ today ≤ 紹介期限, not stopped: validToday — so an
 * expired posting leaves the search even before the daily job marks it), from its 公開開始日 (a 大卒等求人 accepted in
 * February or March only from 4月1日: publicToday, ADR 0014) and its 公開希望 is 1, 2 or 3 (4 = 求人情報を
 * 公開しない). Postings of 公開希望 2 and 3 are listed without the establishment's name: these public pages are not the
 * area of the seekers registered at Hello Work, so 2 is shown like 3 here. What the public sees is the published content, never the working
 * copy of a 内容変更 in progress (R-JOB-3).
 *
 * The filters use the facts stored at 受理 (searchText, prefectureCode, employmentType, kind). The keyword is searched
 * in the FTS5 trigram index of searchText (job_postings_fts, kept in step by triggers: utils/search.server
 * fullTextMatch, ADR 0021), so カナ and かな, ＡＢＣ and abc find each other and a two-character word still works;
 * every query stays far below D1's 100 bound parameters (at most MAX_KEYWORDS words).
 */
import { and, count, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { JOB_NUMBER } from "../lib/identifiers";
import { MAX_POSTING_IMAGES } from "../lib/schemas/posting";
import {
  ANONYMOUS_PUBLICATIONS,
  hidesEstablishmentFor,
  postingKind,
  prefectureName,
  wageRangeLabel,
  type EmploymentType,
  type PostingContent,
} from "../rules/posting";
import { schema, type Db } from "../utils/db.server";
import type { Shards } from "../utils/shards.server";
import { FTS_TABLES, fullTextMatch } from "../utils/search.server";
import { parseContent } from "./posting/content.server";
import { notSuspendedSql } from "./minimum-wage-alerts.server";
import { firstRow, publicToday, type JobPosting } from "./posting/queries.server";
import { approvedImagesOf, chosenImages, postingSheet } from "./posting/view.server";

const t = schema.jobPostings;
const est = schema.establishments;

/** Results per page (the real service lists 30). */
export const PAGE_SIZE = 30;
/** Words of a keyword query that count (the rest are ignored), and the length of each. */
export const MAX_KEYWORDS = 10;
export const MAX_KEYWORD_LENGTH = 50;
/** Pages beyond this are not served (30 × 1000 postings is more than any office has). */
export const MAX_PAGE = 1000;

/** 公開希望 under which the posting appears publicly, and those of them shown without the establishment's name. */
export const PUBLIC_PUBLICATIONS = [1, 2, 3] as const;
export { ANONYMOUS_PUBLICATIONS };

export const POSTING_KINDS = ["フルタイム", "パート"] as const;
export type PostingKindFilter = (typeof POSTING_KINDS)[number];

export interface PublicSearchFilters {
  keyword?: string;
  prefectureCode?: string;
  employmentType?: EmploymentType;
  kind?: PostingKindFilter;
  /** 求人番号, exact (`OOOOO-NNNNNNNN`). */
  jobNumber?: string;
}

/** The public-search row of a posting: no establishment name for 公開希望 2 and 3. */
export interface PublicPostingRow {
  jobNumber: string;
  jobTitle: string;
  establishmentName: string | null;
  prefecture: string;
  employmentType: string;
  wage: string;
  kind: string;
  acceptedOn: string;
  validUntil: string;
}

export interface PublicSearchResult {
  rows: PublicPostingRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The words of a keyword query as typed: NFKC + lower case (as the stored searchText), split on spaces, distinct. The
 * search itself folds them further (katakana as hiragana: lib/search-text searchTerms).
 */
export function keywordTerms(query: string): string[] {
  const words = query
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== "")
    .map((w) => [...w].slice(0, MAX_KEYWORD_LENGTH).join(""));
  return [...new Set(words)].slice(0, MAX_KEYWORDS);
}

/**
 * A 求人番号 as typed: full-width digits, any dash, spaces, or the 13 digits without the hyphen. Returns the
 * canonical `OOOOO-NNNNNNNN`, null when blank, undefined when it cannot be one.
 */
export function normalizeJobNumber(raw: string): string | null | undefined {
  const v = raw
    .normalize("NFKC")
    .replace(/[‐‑‒–—―−ー－]/g, "-")
    .replace(/\s+/g, "");
  if (v === "") return null;
  if (JOB_NUMBER.test(v)) return v;
  if (/^\d{13}$/.test(v)) return `${v.slice(0, 5)}-${v.slice(5)}`;
  return undefined;
}

/**
 * Public today: valid from its 公開開始日 (publicToday) and 公開希望 1–3, of an establishment that has not left (退会) or
 * moved away, and not 公開保留 for a minimum-wage revision now in force that its wage is below (issue 10 #3, ADR 0015).
 */
export function isPublic(today: string): SQL {
  return and(publicToday(today), inArray(t.publication, [...PUBLIC_PUBLICATIONS]), notInArray(est.status, ["withdrawn", "closed"]), notSuspendedSql(today))!;
}

function filterConditions(today: string, filters: PublicSearchFilters): SQL {
  const conditions: (SQL | undefined)[] = [isPublic(today)];
  conditions.push(fullTextMatch(t.id, FTS_TABLES.postings, filters.keyword ?? ""));
  if (filters.prefectureCode) conditions.push(eq(t.prefectureCode, filters.prefectureCode));
  if (filters.employmentType) conditions.push(eq(t.employmentType, filters.employmentType));
  if (filters.kind) conditions.push(eq(t.kind, filters.kind));
  if (filters.jobNumber) conditions.push(eq(t.jobNumber, filters.jobNumber));
  return and(...conditions)!;
}

function employmentTypeLabel(content: PostingContent): string {
  if (!content.employmentType) return "―";
  const name = content.employmentTypeName.trim();
  return content.employmentType === "正社員以外" && name ? `${content.employmentType}（${name}）` : content.employmentType;
}

/**
 * The ids of one page, chosen from job_postings_public_idx alone (it covers the filters and the order, issue 14): the
 * outer query then reads only these rows, not every candidate's two 求人票 documents.
 */
function pageIds(db: Db, where: SQL, limit: number, offset: number) {
  return db
    .select({ id: t.id })
    .from(t)
    .innerJoin(est, eq(est.id, t.establishmentId))
    .where(where)
    .orderBy(desc(t.acceptedOn), desc(t.jobNumber))
    .limit(limit)
    .offset(offset);
}

/** The count and a page of the matching postings (newest 受理 first), as one batch of one database. */
function searchStatements(db: Db, where: SQL, limit: number, offset: number) {
  return [
    db.select({ n: count() }).from(t).innerJoin(est, eq(est.id, t.establishmentId)).where(where),
    db
      .select({
        jobNumber: t.jobNumber,
        publication: t.publication,
        publishedContent: t.publishedContent,
        content: t.content,
        acceptedOn: t.acceptedOn,
        validUntil: t.validUntil,
        prefectureCode: t.prefectureCode,
        establishmentName: est.name,
      })
      .from(t)
      .innerJoin(est, eq(est.id, t.establishmentId))
      .where(inArray(t.id, pageIds(db, where, limit, offset)))
      .orderBy(desc(t.acceptedOn), desc(t.jobNumber)),
  ] as const;
}

type FoundPosting = Awaited<ReturnType<typeof searchStatements>[1]>[number];

function clampPage(page: number): number {
  return Math.min(Math.max(1, Math.floor(page)), MAX_PAGE);
}

function searchResult(found: FoundPosting[], total: number, current: number): PublicSearchResult {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = found.map((r): PublicPostingRow => {
    const content = parseContent(r.publishedContent ?? r.content);
    const pref = r.prefectureCode ?? content.workplace.prefectureCode;
    return {
      jobNumber: r.jobNumber!,
      jobTitle: content.jobTitle,
      establishmentName: hidesEstablishmentFor(r.publication) ? null : r.establishmentName,
      prefecture: pref ? prefectureName(pref) : "―",
      employmentType: employmentTypeLabel(content),
      wage: wageRangeLabel(content),
      kind: postingKind(content) ?? "―",
      acceptedOn: r.acceptedOn!,
      validUntil: r.validUntil!,
    };
  });
  return { rows, total, page: current, pageCount };
}

/** 求人情報検索: the public postings matching the filters, newest 受理 first, PAGE_SIZE per page (the count and the page in one batch). */
export async function searchPublicPostings(db: Db, today: string, filters: PublicSearchFilters, page = 1): Promise<PublicSearchResult> {
  const current = clampPage(page);
  const [totals, found] = await db.batch(searchStatements(db, filterConditions(today, filters), PAGE_SIZE, (current - 1) * PAGE_SIZE));
  return searchResult(found, totals[0]?.n ?? 0, current);
}

/** The page's order (ORDER BY accepted_on DESC, job_number DESC) for merging shards' pages in the Worker. */
function newestFirst(a: FoundPosting, b: FoundPosting): number {
  if (a.acceptedOn !== b.acceptedOn) return a.acceptedOn! < b.acceptedOn! ? 1 : -1;
  return a.jobNumber === b.jobNumber ? 0 : a.jobNumber! < b.jobNumber! ? 1 : -1;
}

/**
 * The national 求人情報検索 (issue 14, docs/scale.md §3, ADR 0028): the same query on every shard that can hold a match
 * (only those of the 就業場所 prefecture when one is chosen), in parallel, each with the page's order and LIMIT page ×
 * PAGE_SIZE; the pages merged here in the same order and the totals summed — the same answer as one database with all
 * the postings. With one shard to ask it is exactly searchPublicPostings (one batch, round trips unchanged).
 */
export async function searchPublicPostingsAcross(shards: Shards, today: string, filters: PublicSearchFilters, page = 1): Promise<PublicSearchResult> {
  const ids = shards.directory.shardsForWorkplacePrefecture(filters.prefectureCode);
  if (ids.length === 1) return searchPublicPostings(shards.db(ids[0]!), today, filters, page);
  const current = clampPage(page);
  const where = filterConditions(today, filters);
  const answers = await Promise.all(
    ids.map((id) => {
      const db = shards.db(id);
      return db.batch(searchStatements(db, where, current * PAGE_SIZE, 0));
    }),
  );
  const total = answers.reduce((sum, [totals]) => sum + (totals[0]?.n ?? 0), 0);
  const merged = answers.flatMap(([, found]) => found).sort(newestFirst);
  return searchResult(merged.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), total, current);
}

/** WHERE of the public posting with this 求人番号 (not issued, not valid today, or 公開希望 4: none). */
function publicPostingWhere(today: string, jobNumber: string): SQL {
  return and(eq(t.jobNumber, jobNumber), isPublic(today))!;
}

/**
 * The public 求人票 page of this 求人番号 in one batch: the posting with its establishment and office, and the
 * establishment's approved images; undefined when it is not public (→ 404).
 */
export async function readPublicPostingPage(db: Db, today: string, jobNumber: string) {
  if (!JOB_NUMBER.test(jobNumber)) return undefined;
  const where = publicPostingWhere(today, jobNumber);
  const [sheets, images] = await db.batch([
    postingSheet(db, where),
    approvedImagesOf(db, sql`(SELECT ${t.establishmentId} FROM ${t} INNER JOIN ${est} ON ${est.id} = ${t.establishmentId} WHERE ${where})`),
  ]);
  const sheet = firstRow(sheets);
  return sheet ? { sheet, images } : undefined;
}

/** Whether the public 求人票 of this posting hides the establishment (公開希望 2 and 3). */
export function hidesEstablishment(posting: Pick<JobPosting, "publication">): boolean {
  return hidesEstablishmentFor(posting.publication);
}

/**
 * An image shown on a public 求人票 (R-IMG-2): the posting is public and names the establishment (公開希望 1: images may
 * identify the workplace), the image is chosen in its PUBLISHED content, approved, and of the same establishment.
 */
export async function findPublicPostingImage(db: Db, today: string, jobNumber: string, imageId: string) {
  const page = await readPublicPostingPage(db, today, jobNumber);
  const posting = page?.sheet.posting;
  if (!page || !posting || hidesEstablishment(posting) || !posting.publishedContent) return undefined;
  const chosen = parseContent(posting.publishedContent).pr.imageIds;
  if (!Array.isArray(chosen) || !chosen.slice(0, MAX_POSTING_IMAGES).includes(imageId)) return undefined;
  const [image] = chosenImages(page.images, [imageId]);
  return image;
}
