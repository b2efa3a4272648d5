/**
 * A page of a list in one statement (issue 9 #15, lib/paging.ts): the list's rows get their position in a stable order
 * (the caller's order with the id last, so equal keys never swap between pages) and the total, both window functions;
 * the page's rows are those whose position falls in the page, clamped to the last page when the page asked for is past
 * the end — the count and the rows are one statement, so a page still costs one D1 round trip.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { LIST_PAGE_SIZE } from "../lib/paging";

/** Columns for the list's select: `position` (1-based, in `order`) and `total`. */
export function pageColumns(order: SQL) {
  return {
    position: sql<number>`row_number() OVER (ORDER BY ${order})`.as("position"),
    total: sql<number>`count(*) OVER ()`.as("total"),
  };
}

/** WHERE of the rows of page `page` (1-based), clamped to the last page. */
export function onPage(position: SQLWrapper, total: SQLWrapper, page: number, size = LIST_PAGE_SIZE): SQL {
  const requestedStart = (Math.max(1, Math.trunc(page) || 1) - 1) * size;
  const start = sql`min(${requestedStart}, ((${total} - 1) / ${sql.raw(String(size))}) * ${sql.raw(String(size))})`;
  return sql`${position} > ${start} AND ${position} <= ${start} + ${sql.raw(String(size))}`;
}
