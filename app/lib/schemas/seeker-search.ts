/**
 * 求職情報検索's GET form (R-SEARCH-1, issue 12): the query string read through one zod schema. Full-width digits and
 * Latin letters, half-width katakana and runs of spaces (full-width too) are normalised (NFKC); a value that is not a
 * choice, a number out of range or a text over its limit gets a Japanese message beside its field (never an error
 * page); an unknown 並び順 is ignored. The free texts keep their kana as typed here: the search folds カナ/かな itself
 * (lib/search-text). `parseSeekerSearch` gives the form's values and messages, the model's filters and the canonical
 * query of the accepted filters (kept by the pager's links).
 */
import { EMPLOYMENT_TYPES } from "./posting/choices";
import { normalizeAmount } from "./seeker";
import { PREFECTURE_NAMES } from "../prefectures";
import { requestedPage } from "../paging";
import { AGE_BANDS, SEEKER_SORTS, type SeekerSearchFilters, type SeekerSort } from "../../rules/seeker-search";
import { WAGE_FORMS } from "../../rules/seeker";
import { z } from "./zod-ja";

/** Longest free text accepted (characters, after normalisation). */
export const SEEKER_SEARCH_TEXT_MAX = 100;
/** Highest 賃金 that can be typed (yen): as the 希望賃金 of a seeker. */
export const SEEKER_SEARCH_WAGE_MAX = 9_999_999;

/** The query parameters of the form, in the form's order. */
export const SEEKER_SEARCH_FIELDS = ["q", "occupation", "pref", "muni", "age", "type", "style", "licence", "wageForm", "wage", "sort"] as const;
export type SeekerSearchField = (typeof SEEKER_SEARCH_FIELDS)[number];

/** フルタイム / パート as the filter offers them (どちらでも is the absence of the filter). */
export const SEARCH_WORK_STYLES = ["full", "part"] as const;

export const SEEKER_SEARCH_MESSAGES = {
  text: (label: string) => `${label}は${SEEKER_SEARCH_TEXT_MAX}文字以内で入力してください。`,
  pref: "希望勤務地の都道府県は、一覧から選んでください。",
  muni: "希望勤務地の市区町村は、一覧から選んでください。",
  muniOutsidePref: "選んだ市区町村は、選んだ都道府県にありません。都道府県と市区町村を選び直してください。",
  age: "年齢層は、一覧から選んでください。",
  type: "雇用形態は、一覧から選んでください。",
  style: "フルタイム・パートは、一覧から選んでください。",
  wageForm: "賃金の形態は、月給・日給・時間給から選んでください。",
  wage: `賃金は「200000」のように、1円から${SEEKER_SEARCH_WAGE_MAX.toLocaleString("ja-JP")}円までの整数（円）で入力してください。`,
  wageWithoutForm: "賃金で絞り込むときは、賃金の形態（月給・日給・時間給）も選んでください。",
} as const;

/** A typed search text as searched and shown again: NFKC, control characters and runs of white space one space, trimmed. */
export function normalizeSearchInput(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

const text = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeSearchInput(v ?? ""))
    .refine((v) => [...v].length <= SEEKER_SEARCH_TEXT_MAX, { error: SEEKER_SEARCH_MESSAGES.text(label) });

const choice = <T extends string>(values: readonly T[], message: string) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeText(v ?? ""))
    .refine((v): v is T | "" => v === "" || (values as readonly string[]).includes(v), { error: message });

function normalizeText(value: string): string {
  return value.normalize("NFKC").trim();
}

export const seekerSearchSchema = z
  .object({
    q: text("キーワード"),
    occupation: text("希望職種"),
    pref: choice(Object.keys(PREFECTURE_NAMES), SEEKER_SEARCH_MESSAGES.pref),
    muni: z
      .string()
      .optional()
      .transform((v) => normalizeText(v ?? ""))
      .refine((v) => v === "" || /^\d{5}$/.test(v), { error: SEEKER_SEARCH_MESSAGES.muni }),
    age: choice(AGE_BANDS, SEEKER_SEARCH_MESSAGES.age),
    type: choice(EMPLOYMENT_TYPES, SEEKER_SEARCH_MESSAGES.type),
    style: choice(SEARCH_WORK_STYLES, SEEKER_SEARCH_MESSAGES.style),
    licence: text("免許・資格"),
    wageForm: choice(WAGE_FORMS, SEEKER_SEARCH_MESSAGES.wageForm),
    wage: z
      .string()
      .optional()
      .transform((v) => normalizeAmount(v ?? ""))
      .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) >= 1), { error: SEEKER_SEARCH_MESSAGES.wage }),
    // An unknown order is not worth a message: the default order.
    sort: z.enum(SEEKER_SORTS).optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if (v.wage !== "" && v.wageForm === "" && /^\d{1,7}$/.test(v.wage)) {
      ctx.addIssue({ code: "custom", path: ["wage"], message: SEEKER_SEARCH_MESSAGES.wageWithoutForm });
    }
    if (v.pref !== "" && /^\d{5}$/.test(v.muni) && !v.muni.startsWith(v.pref)) {
      ctx.addIssue({ code: "custom", path: ["muni"], message: SEEKER_SEARCH_MESSAGES.muniOutsidePref });
    }
  });

export type SeekerSearchInput = z.infer<typeof seekerSearchSchema>;

/** The model's filters of a parsed search (no 希望賃金 lower bound: the form asks for the employer's offer). */
export type SeekerSearchCriteria = Omit<SeekerSearchFilters, "wageMin">;

export interface ParsedSeekerSearch {
  /** What the form shows again: the normalised value, or what was typed (cut to 300 characters) beside a message. */
  values: Record<SeekerSearchField, string>;
  errors: Partial<Record<SeekerSearchField, string>>;
  /** Null when a message stands beside a field: no search then. */
  criteria: SeekerSearchCriteria | null;
  sort: SeekerSort;
  page: number;
  /** The accepted parameters in their canonical form (the pager keeps them). */
  query: URLSearchParams;
}

function criteriaOf(v: SeekerSearchInput): SeekerSearchCriteria {
  const c: SeekerSearchCriteria = {};
  if (v.q) c.keyword = v.q;
  if (v.occupation) c.occupation = v.occupation;
  // The municipality's code begins with its prefecture's (JIS X 0401/0402).
  if (v.pref || v.muni) c.prefectureCode = v.pref || v.muni.slice(0, 2);
  if (v.muni) c.municipalityCode = v.muni;
  if (v.age) c.ageBand = v.age;
  if (v.type) c.employmentType = v.type;
  if (v.style) c.workStyle = v.style;
  if (v.licence) c.licence = v.licence;
  if (v.wageForm) c.wageForm = v.wageForm;
  if (v.wage) c.wageMax = Number(v.wage);
  return c;
}

/** Reads the search form from the URL's query (never throws). */
export function parseSeekerSearch(params: URLSearchParams): ParsedSeekerSearch {
  const raw = Object.fromEntries(SEEKER_SEARCH_FIELDS.map((name) => [name, [...(params.get(name) ?? "")].slice(0, 300).join("")])) as Record<
    SeekerSearchField,
    string
  >;
  const result = seekerSearchSchema.safeParse(raw);
  const page = requestedPage(params);
  if (!result.success) {
    const errors: ParsedSeekerSearch["errors"] = {};
    for (const issue of result.error.issues) {
      const field = issue.path[0] as SeekerSearchField;
      errors[field] ??= issue.message;
    }
    return { values: raw, errors, criteria: null, sort: "updated", page, query: new URLSearchParams() };
  }
  const v = result.data;
  const values = { ...v, sort: v.sort ?? "" } as Record<SeekerSearchField, string>;
  const query = new URLSearchParams();
  for (const name of SEEKER_SEARCH_FIELDS) if (values[name]) query.set(name, values[name]);
  return { values, errors: {}, criteria: criteriaOf(v), sort: v.sort ?? "updated", page, query };
}
