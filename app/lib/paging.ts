/**
 * Paging of the long lists (issue 9 #15): 50 rows a page, the page asked for in a query parameter (`?page=N`), read
 * leniently — full-width digits are digits; anything that is not a positive whole number is the first page; a page past
 * the end is clamped to the last one (in SQL, utils/paging.server.ts) — and links that keep the page's other parameters.
 */

export const LIST_PAGE_SIZE = 50;
/** Pages beyond this are not asked for (50 × 10 000 rows is more than any list holds); keeps the offset a small number. */
export const MAX_LIST_PAGE = 10_000;

/** The page asked for in `params.get(name)`: 1 unless a positive whole number (NFKC), at most MAX_LIST_PAGE. */
export function requestedPage(params: URLSearchParams, name = "page"): number {
  const raw = (params.get(name) ?? "").normalize("NFKC").trim();
  if (!/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(Math.max(1, Number(raw)), MAX_LIST_PAGE);
}

export interface PageInfo {
  page: number;
  pageCount: number;
  total: number;
}

/** The page shown and the number of pages, from the rows' `total` (count(*) OVER ()) and the page asked for. */
export function pageInfo(rows: readonly { total: number }[], requested: number, size = LIST_PAGE_SIZE): PageInfo {
  const total = rows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / size));
  return { page: Math.min(Math.max(1, requested), pageCount), pageCount, total };
}

/** The link to page `page` of `path`, keeping `params` (page 1 drops the parameter). */
export function pageHref(path: string, params: URLSearchParams | string, page: number, name = "page"): string {
  const next = new URLSearchParams(params);
  if (page > 1) next.set(name, String(page));
  else next.delete(name);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
