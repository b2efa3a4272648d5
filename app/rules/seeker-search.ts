/**
 * 求職情報検索 (R-SEARCH-1, issue 12): what an employer may filter and sort by, and how a seeker's age is shown — as an
 * age band, never the birth date. Pure: the SQL twin of `ageBandOf` is models/seeker-search.server ageSql.
 */
import type { WageForm, WorkStyle } from "./seeker";

/** What 求職情報検索 filters by (lib/schemas/seeker-search reads it from the form; models/seeker-search.server searches). */
export interface SeekerSearchFilters {
  /** Free text over 希望職種, 免許・資格, 職歴 and 自己PR (words AND). */
  keyword?: string;
  /** 希望職種 contains (every word; カナ/かな, 全角/半角 alike). */
  occupation?: string;
  /**
   * 希望勤務地 (都道府県, 市区町村 code): the seeker's desired place, or where the seeker lives when no place was named;
   * a seeker who named only a prefecture matches each of its municipalities.
   */
  prefectureCode?: string;
  municipalityCode?: string;
  ageBand?: AgeBand;
  /** 希望雇用形態: seekers who want it or do not mind (問わない). */
  employmentType?: string;
  /** フルタイム or パート: seekers who want it or either. */
  workStyle?: Exclude<WorkStyle, "either">;
  /** 免許・資格 contains (every word, folded like 希望職種). */
  licence?: string;
  /** 希望賃金 at least this (in yen, of `wageForm` when given). */
  wageMin?: number;
  /** 希望賃金 at most this: the seekers who would accept a wage of this much. */
  wageMax?: number;
  wageForm?: WageForm;
}

/** 年齢層: the decade of the age (15–19 is 10代), 70 and over together. */
export const AGE_BANDS = ["10", "20", "30", "40", "50", "60", "70"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  "10": "10代",
  "20": "20代",
  "30": "30代",
  "40": "40代",
  "50": "50代",
  "60": "60代",
  "70": "70歳以上",
};

/** The ages of a band, inclusive (70歳以上: no upper bound). */
export function ageBandRange(band: AgeBand): { min: number; max: number | null } {
  const min = Number(band);
  return { min, max: band === "70" ? null : min + 9 };
}

/** The band of an age (ages under 20 are 10代: a registered seeker is at least 15). */
export function ageBandOf(age: number): AgeBand {
  const decade = Math.min(70, Math.max(10, Math.floor(age / 10) * 10));
  return String(decade) as AgeBand;
}

export function isAgeBand(value: unknown): value is AgeBand {
  return typeof value === "string" && (AGE_BANDS as readonly string[]).includes(value);
}

/** 並び順: 新着 (last updated first), 希望賃金の低い順 / 高い順 (seekers without a stated wage last). */
export const SEEKER_SORTS = ["updated", "wageAsc", "wageDesc"] as const;
export type SeekerSort = (typeof SEEKER_SORTS)[number];
export const SEEKER_SORT_LABELS: Record<SeekerSort, string> = { updated: "新着順", wageAsc: "希望賃金の低い順", wageDesc: "希望賃金の高い順" };

/** 公開番号 as shown: the 12 hex digits in groups of four (`3FA9-C01B-7E42`). */
export function formatPublicNumber(publicNumber: string): string {
  return publicNumber.replace(/(.{4})(?=.)/g, "$1-");
}

/** A 公開番号 as found in a URL (12 hex digits, either case, the shown form's hyphens allowed) as stored, or null. */
export function publicNumberOf(value: string): string | null {
  const v = value.normalize("NFKC").replace(/-/g, "").toUpperCase();
  return /^[0-9A-F]{12}$/.test(v) ? v : null;
}

/** 希望賃金 as shown: 「月給 200,000円以上」, or 指定なし. */
export function wageLabel(form: string | null, amount: number | null): string {
  if (!form || amount === null) return "指定なし";
  return `${form} ${amount.toLocaleString("ja-JP")}円以上`;
}

/** 希望勤務地 as shown: the named place (a prefecture alone: 「栃木県（市区町村は問わない）」), else 指定なし. */
export function desiredPlaceLabel(prefecture: string | null, municipality: string | null): string {
  if (!prefecture) return "指定なし";
  return municipality ? `${prefecture}${municipality}` : `${prefecture}（市区町村は問わない）`;
}

/** The first `length` characters of a text on one line (the results' 自己PR), with 「…」 when cut. */
export function excerpt(text: string, length = 60): string {
  const chars = [...text.replace(/\s+/gu, " ").trim()];
  return chars.length > length ? `${chars.slice(0, length).join("")}…` : chars.join("");
}
