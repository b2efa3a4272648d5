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

/**
 * Public on `today` (the public search and 求人票): valid, and from its 公開開始日 — NULL for rows accepted before the
 * column (public from the 受理日); a 大卒等求人 accepted in February or March waits for 4月1日 (issue 10 #2, ADR 0014).
 * The SQL of rules/posting isPublicOn.
 */
export function postingPublicOn(today: string): SQL {
  return and(postingValidOn(today), or(isNull(t.publicFrom), sql`${t.publicFrom} <= ${today}`))!;
}

/** R-GATE-1: the establishment has at least one valid posting today. */
export function hasValidPostingSql(establishmentId: SQLWrapper | string, today: string): SQL<number> {
  return sql<number>`EXISTS (SELECT 1 FROM ${t} WHERE ${t.establishmentId} = ${establishmentId} AND ${postingValidOn(today)})`;
}
