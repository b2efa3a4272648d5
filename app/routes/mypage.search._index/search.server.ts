/**
 * 求職情報検索 page data (R-SEARCH-1, issue 12; route.tsx renders). The query string through lib/schemas/seeker-search
 * (a bad value: the message beside its field and no results, never an error page); the search statement and the
 * municipalities of the chosen prefecture ride in the guard's batch (one D1 round trip); the capability `search`
 * (R-GATE-1 a valid posting, R-GATE-3 not restricted) refuses with its reason (403) before anything is shown. The rows
 * are anonymised by the model; this maps them to what the list shows — the 公開番号, never an internal id.
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { pageHref } from "../../lib/paging";
import { PREFECTURE_NAMES } from "../../lib/prefectures";
import { EMPLOYMENT_TYPES } from "../../lib/schemas/posting/choices";
import { parseSeekerSearch, SEARCH_WORK_STYLES, SEEKER_SEARCH_MESSAGES } from "../../lib/schemas/seeker-search";
import { municipalitiesWithOfficeQuery } from "../../models/office.server";
import { SEEKER_PAGE_SIZE, seekerSearchQuery, seekerSearchResult } from "../../models/seeker-search.server";
import { WAGE_FORMS, WORK_STYLE_LABELS } from "../../rules/seeker";
import { AGE_BAND_LABELS, AGE_BANDS, desiredPlaceLabel, excerpt, SEEKER_SORT_LABELS, SEEKER_SORTS, wageLabel } from "../../rules/seeker-search";
import { requireEmployer } from "../../utils/auth.server";
import { requireCapability } from "../../utils/capabilities.server";

const SEARCH_PATH = "/mypage/search";

/** 都道府県 in JIS order ("01"–"47"). */
const PREFECTURE_OPTIONS = Object.entries(PREFECTURE_NAMES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([value, label]) => ({ value, label }));

export async function searchPage(request: Request, context: AppLoadContext) {
  const params = new URL(request.url).searchParams;
  const parsed = parseSeekerSearch(params);
  const { values, errors, criteria } = parsed;
  // The municipalities offered: of the chosen prefecture (or the chosen municipality's), else the establishment's.
  const chosenPrefecture = criteria?.prefectureCode ?? null;
  const employer = await requireEmployer(request, context, {
    reads: ({ db, today, prefectureCode }) => ({
      found: seekerSearchQuery(db, today, criteria ?? {}, parsed.sort, parsed.page),
      municipalities: municipalitiesWithOfficeQuery(db, chosenPrefecture ?? prefectureCode),
    }),
  });
  requireCapability(employer, "search");
  const municipalities = employer.reads.municipalities.map((m) => ({ value: m.code, label: m.name }));
  if (criteria?.municipalityCode && !municipalities.some((m) => m.value === criteria.municipalityCode)) {
    errors.muni = SEEKER_SEARCH_MESSAGES.muni;
  }
  const valid = Object.keys(errors).length === 0;
  const result = valid ? seekerSearchResult(employer.reads.found) : null;
  const pages = result && {
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
    from: result.total === 0 ? 0 : (result.page - 1) * SEEKER_PAGE_SIZE + 1,
    to: (result.page - 1) * SEEKER_PAGE_SIZE + result.rows.length,
    prev: result.page > 1 ? pageHref(SEARCH_PATH, parsed.query, result.page - 1) : null,
    next: result.page < result.pageCount ? pageHref(SEARCH_PATH, parsed.query, result.page + 1) : null,
  };
  return {
    values,
    errors,
    // Each result as the list shows it: the 公開番号 (the detail's key) and the anonymised profile, nothing else.
    rows: (result?.rows ?? []).map((r) => ({
      publicNumber: r.publicNumber,
      publicNumberLabel: r.publicNumberLabel,
      ageBand: r.ageBandLabel,
      occupation: r.desiredOccupation,
      place: desiredPlaceLabel(r.desiredPrefectureName, r.desiredMunicipalityName),
      employment: `${r.desiredEmploymentType}（${r.desiredWorkStyle}）`,
      wage: wageLabel(r.desiredWageForm, r.desiredWage),
      hours: r.desiredHours || "指定なし",
      licences: r.licences.split("\n").filter(Boolean).join("、") || "なし",
      selfPr: excerpt(r.selfPr),
    })),
    pages,
    sortLabel: SEEKER_SORT_LABELS[parsed.sort],
    options: {
      prefectures: PREFECTURE_OPTIONS,
      municipalities,
      ages: AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] })),
      types: EMPLOYMENT_TYPES.map((value) => ({ value, label: value })),
      styles: SEARCH_WORK_STYLES.map((value) => ({ value, label: WORK_STYLE_LABELS[value] })),
      wageForms: WAGE_FORMS.map((value) => ({ value, label: value })),
      sorts: SEEKER_SORTS.map((value) => ({ value, label: SEEKER_SORT_LABELS[value] })),
    },
  };
}
