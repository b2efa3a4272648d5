/**
 * Facts about an establishment that the guard reads with the session (the capability rules' input,
 * app/rules/capabilities.ts) and that models use in their own queries, as SQL over the tables. One
 * definition each, so the menu, every action and every list agree.
 */
import { and, eq, gte, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { schema } from "./db.server";

const t = schema.jobPostings;

/** 有効中 on `today` (JST date): accepted, 紹介期限 not passed (the daily job may not have run yet), not stopped. */
export function postingValidOn(today: string): SQL {
  return and(
    eq(t.status, "accepted"),
    sql`${t.acceptedOn} <= ${today}`,
    gte(t.validUntil, today),
    or(isNull(t.invalidatedOn), sql`${t.invalidatedOn} > ${today}`),
  )!;
}

/** R-GATE-1: the establishment has at least one valid posting today. */
export function hasValidPostingSql(establishmentId: SQLWrapper | string, today: string): SQL<number> {
  return sql<number>`EXISTS (SELECT 1 FROM ${t} WHERE ${t.establishmentId} = ${establishmentId} AND ${postingValidOn(today)})`;
}
