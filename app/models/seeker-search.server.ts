/**
 * 求職情報検索 (R-SEARCH-1, issue 12): the seekers who chose to publish their profile (publish_profile), as employers
 * may see them — anonymised in the SQL itself: the select names only the 公開番号 (public_number, never the 求職番号 or
 * the id), the age band (computed in SQL from the birth date, which never leaves the database), the places' names down
 * to the municipality, and the desired conditions, licences, work history and self-PR. 氏名, カナ, 住所, 電話, メール
 * and 生年月日 are not read at all.
 *
 * Free text goes through the FTS5 trigram index of the profile text (job_seekers_fts, kept in step by triggers: ADR
 * 0021, utils/search.server fullTextMatch): 介護 (2 characters) and 介護福祉 (FTS) both find 介護福祉士; カイゴ and かいご,
 * ＡＢＣ and abc find the same. One statement for the page and its total (utils/paging.server), so a page can put it in
 * its guard's batch (seekerSearchQuery) and map the rows with seekerSearchResult.
 */
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { jstDate } from "../lib/clock";
import { ageBandRange, AGE_BAND_LABELS, formatPublicNumber, type AgeBand, type SeekerSearchFilters, type SeekerSort } from "../rules/seeker-search";
import { ANY_EMPLOYMENT_TYPE_LABEL, WORK_STYLE_LABELS, type WageForm } from "../rules/seeker";
import { schema, type Db } from "../utils/db.server";
import { onPage, pageColumns } from "../utils/paging.server";
import { FTS_TABLES, foldedContains, fullTextMatch } from "../utils/search.server";

const js = schema.jobSeekers;
const homeMunicipality = alias(schema.municipalities, "search_home_municipality");
const desiredPrefecture = alias(schema.prefectures, "search_desired_prefecture");
const desiredMunicipality = alias(schema.municipalities, "search_desired_municipality");

/** Results per page. */
export const SEEKER_PAGE_SIZE = 30;

export type { SeekerSearchFilters };

/** One result: only what an employer may see (R-SEARCH-1) — no personal key exists on this type. */
export interface PublishedSeekerRow {
  /** 公開番号 as stored (12 hex digits: the key of the detail page and of a 直接リクエスト). */
  publicNumber: string;
  /** `3FA9-C01B-7E42`. */
  publicNumberLabel: string;
  ageBand: AgeBand;
  ageBandLabel: string;
  prefectureName: string | null;
  municipalityName: string | null;
  desiredOccupation: string;
  desiredPrefectureName: string | null;
  desiredMunicipalityName: string | null;
  desiredEmploymentType: string;
  desiredWorkStyle: string;
  desiredWageForm: WageForm | null;
  desiredWage: number | null;
  desiredHours: string;
  licences: string;
  workHistory: string;
  selfPr: string;
  /** Has a 求職者マイページ (a 直接リクエスト and messages need one, R-MSG-1). */
  hasMypage: boolean;
  /** Last update of the profile, JST date. */
  updatedOn: string;
}

export interface SeekerSearchResult {
  rows: PublishedSeekerRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The age on `today` in whole years, in SQL (rules/referral ageOn: born on 2/29, a year older from 3/1 in common years). */
export function ageSql(today: string): SQL<number> {
  return sql<number>`(CAST(substr(${today}, 1, 4) AS INTEGER) - CAST(substr(${js.birthDate}, 1, 4) AS INTEGER) - (substr(${today}, 6, 5) < substr(${js.birthDate}, 6, 5)))`;
}

/** The age band in SQL (rules/seeker-search ageBandOf): the decade, 10 to 70. */
function ageBandSql(today: string): SQL<string> {
  return sql<string>`CAST(min(70, max(10, (${ageSql(today)} / 10) * 10)) AS TEXT)`;
}

/** Published (R-SEARCH-1): the seeker chose to publish, and has a 公開番号. */
const published = and(eq(js.publishProfile, true), sql`${js.publicNumber} IS NOT NULL`)!;

/** A text filter on one profile column: the FTS index narrows (the whole profile), the folded column decides. */
function columnText(column: typeof js.desiredOccupation | typeof js.licences, query: string | undefined): (SQL | undefined)[] {
  return [fullTextMatch(js.id, FTS_TABLES.seekers, query ?? ""), foldedContains(column, query ?? "")];
}

/** 希望勤務地 in the municipality `m` (see SeekerSearchFilters). */
function inDesiredMunicipality(m: string): SQL {
  return sql`(${js.desiredMunicipalityCode} = ${m} OR (${js.desiredMunicipalityCode} IS NULL AND (${js.desiredPrefectureCode} = substr(${m}, 1, 2) OR (${js.desiredPrefectureCode} IS NULL AND ${js.municipalityCode} = ${m}))))`;
}

function filterConditions(today: string, filters: SeekerSearchFilters): SQL {
  const conditions: (SQL | undefined)[] = [published];
  conditions.push(fullTextMatch(js.id, FTS_TABLES.seekers, filters.keyword ?? ""));
  conditions.push(...columnText(js.desiredOccupation, filters.occupation), ...columnText(js.licences, filters.licence));
  if (filters.prefectureCode) conditions.push(sql`COALESCE(${js.desiredPrefectureCode}, ${js.prefectureCode}) = ${filters.prefectureCode}`);
  if (filters.municipalityCode) conditions.push(inDesiredMunicipality(filters.municipalityCode));
  if (filters.ageBand) {
    const { min, max } = ageBandRange(filters.ageBand);
    conditions.push(sql`${ageSql(today)} >= ${min}`);
    if (max !== null) conditions.push(sql`${ageSql(today)} <= ${max}`);
  }
  if (filters.employmentType) conditions.push(inArray(js.desiredEmploymentType, [filters.employmentType, ""]));
  if (filters.workStyle) conditions.push(inArray(js.desiredWorkStyle, [filters.workStyle, "either"]));
  if (filters.wageForm) conditions.push(eq(js.desiredWageForm, filters.wageForm));
  if (filters.wageMin !== undefined) conditions.push(gte(js.desiredWage, filters.wageMin));
  if (filters.wageMax !== undefined) conditions.push(lte(js.desiredWage, filters.wageMax));
  return and(...conditions)!;
}

function orderOf(sort: SeekerSort): SQL {
  switch (sort) {
    case "wageAsc":
      return sql`${js.desiredWage} IS NULL, ${js.desiredWage} ASC, ${js.publicNumber}`;
    case "wageDesc":
      return sql`${js.desiredWage} IS NULL, ${js.desiredWage} DESC, ${js.publicNumber}`;
    default:
      return sql`${js.updatedAt} DESC, ${js.publicNumber}`;
  }
}

/** The published seekers matching `where`, anonymised, with their position in `order` and the total (a CTE). */
function publishedSeekers(db: Db, today: string, where: SQL, order: SQL) {
  return db.$with("published_seekers").as(
    db
      .select({
        publicNumber: sql<string>`${js.publicNumber}`.as("public_number"),
        ageBand: ageBandSql(today).as("age_band"),
        prefectureName: sql<string | null>`${schema.prefectures.name}`.as("prefecture_name"),
        municipalityName: sql<string | null>`${homeMunicipality.name}`.as("municipality_name"),
        desiredOccupation: js.desiredOccupation,
        desiredPrefectureName: sql<string | null>`${desiredPrefecture.name}`.as("desired_prefecture_name"),
        desiredMunicipalityName: sql<string | null>`${desiredMunicipality.name}`.as("desired_municipality_name"),
        desiredEmploymentType: js.desiredEmploymentType,
        desiredWorkStyle: js.desiredWorkStyle,
        desiredWageForm: js.desiredWageForm,
        desiredWage: js.desiredWage,
        desiredHours: js.desiredHours,
        licences: js.licences,
        workHistory: js.workHistory,
        selfPr: js.selfPr,
        hasMypage: js.hasMypage,
        updatedAt: js.updatedAt,
        ...pageColumns(order),
      })
      .from(js)
      .leftJoin(schema.prefectures, eq(schema.prefectures.code, js.prefectureCode))
      .leftJoin(homeMunicipality, eq(homeMunicipality.code, js.municipalityCode))
      .leftJoin(desiredPrefecture, eq(desiredPrefecture.code, js.desiredPrefectureCode))
      .leftJoin(desiredMunicipality, eq(desiredMunicipality.code, js.desiredMunicipalityCode))
      .where(where),
  );
}

/** The page of published seekers matching the filters with the total, one statement (batchable). */
export function seekerSearchQuery(db: Db, today: string, filters: SeekerSearchFilters, sort: SeekerSort, page: number) {
  const matching = publishedSeekers(db, today, filterConditions(today, filters), orderOf(sort));
  return db
    .with(matching)
    .select()
    .from(matching)
    .where(onPage(matching.position, matching.total, page, SEEKER_PAGE_SIZE))
    .orderBy(sql`${matching.position}`);
}

/**
 * One published seeker by 公開番号 (the detail page of 求職情報検索), anonymised like the results: no row for a seeker
 * who is unknown or did not publish (a 404). Batchable; map it with seekerSearchResult.
 */
export function publishedSeekerQuery(db: Db, today: string, publicNumber: string) {
  const matching = publishedSeekers(db, today, and(published, eq(js.publicNumber, publicNumber))!, sql`${js.publicNumber}`);
  return db.with(matching).select().from(matching).limit(1);
}

/** The internal id of a published seeker by 公開番号, for a write on the server (never sent to the browser). Batchable. */
export function publishedSeekerIdQuery(db: Db, publicNumber: string) {
  return db
    .select({ id: js.id })
    .from(js)
    .where(and(published, eq(js.publicNumber, publicNumber)))
    .limit(1);
}

type SeekerSearchRows = Awaited<ReturnType<typeof seekerSearchQuery>>;

/** The rows of seekerSearchQuery as results (the page clamped as the SQL did). */
export function seekerSearchResult(found: SeekerSearchRows): SeekerSearchResult {
  const total = found[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SEEKER_PAGE_SIZE));
  const page = found[0] ? Math.ceil(found[0].position / SEEKER_PAGE_SIZE) : 1;
  const rows = found.map((r): PublishedSeekerRow => {
    const band = r.ageBand as AgeBand;
    return {
      publicNumber: r.publicNumber,
      publicNumberLabel: formatPublicNumber(r.publicNumber),
      ageBand: band,
      ageBandLabel: AGE_BAND_LABELS[band],
      prefectureName: r.prefectureName,
      municipalityName: r.municipalityName,
      desiredOccupation: r.desiredOccupation,
      desiredPrefectureName: r.desiredPrefectureName,
      desiredMunicipalityName: r.desiredMunicipalityName,
      desiredEmploymentType: r.desiredEmploymentType || ANY_EMPLOYMENT_TYPE_LABEL,
      desiredWorkStyle: WORK_STYLE_LABELS[r.desiredWorkStyle],
      desiredWageForm: r.desiredWageForm,
      desiredWage: r.desiredWage,
      desiredHours: r.desiredHours,
      licences: r.licences,
      workHistory: r.workHistory,
      selfPr: r.selfPr,
      hasMypage: r.hasMypage,
      updatedOn: jstDate(r.updatedAt),
    };
  });
  return { rows, total, page, pageCount };
}

/** 求職情報検索 in one round trip: the published seekers matching `filters`, `sort`ed, page `page` (clamped). */
export async function searchPublishedSeekers(options: {
  db: Db;
  today: string;
  filters: SeekerSearchFilters;
  sort?: SeekerSort;
  page?: number;
}): Promise<SeekerSearchResult> {
  const { db, today, filters, sort = "updated", page = 1 } = options;
  return seekerSearchResult(await seekerSearchQuery(db, today, filters, sort, page));
}
