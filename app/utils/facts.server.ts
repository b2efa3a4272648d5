/**
 * Facts about an establishment that the guard reads with the session (the capability rules' input,
 * app/rules/capabilities.ts) and that models use in their own queries, as SQL over the tables. One
 * definition each, so the menu, every action and every list agree.
 */
import { and, eq, gte, isNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { overdueCutoff } from "../rules/referral";
import { schema } from "./db.server";
import { qualified } from "./sql.server";

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

// ---------------------------------------------------------------------------------------------------------------
// Issue 11: referrals (R-REF-3 window, R-GATE-3 backlog) — the SQL of rules/referral.ts

const r = schema.referrals;

/** rules/referral invalidOn: the posting's 求人無効日 as of `today`, NULL while it is valid. */
export function postingInvalidOnSql(today: string): SQL<string | null> {
  return sql<string | null>`(CASE
    WHEN ${t.invalidatedOn} IS NOT NULL AND ${t.invalidatedOn} <= ${today} THEN ${t.invalidatedOn}
    WHEN ${t.status} = 'accepted' AND ${t.validUntil} < ${today} THEN date(${t.validUntil}, '+1 day')
    WHEN ${t.status} IN ('stopped', 'expired') THEN COALESCE(${t.invalidatedOn}, ${today})
  END)`;
}

/** rules/referral isSelectionWindowOpen for the posting row in scope: valid, or ≤ the end of the third month after its 無効月. */
export function selectionWindowOpenSql(today: string): SQL {
  const invalid = postingInvalidOnSql(today);
  return sql`(${invalid} IS NULL OR ${today} <= date(${invalid}, 'start of month', '+4 months', '-1 day'))`;
}

/**
 * R-GATE-1's exception: some referral of the establishment can still get its result online (R-REF-3). No join: inside a
 * single-table select (the guard's) drizzle writes columns without their table, and referrals and job_postings share
 * `establishment_id` and `status` — each subquery reads one table, so every column name is unambiguous.
 */
export function hasOpenSelectionWindowSql(establishmentId: SQLWrapper | string, today: string): SQL<number> {
  // Qualified: in the guard's one-table select drizzle leaves columns bare, and both tables have establishment_id.
  return sql<number>`EXISTS (SELECT 1 FROM ${r} JOIN ${t} ON ${qualified(t.id)} = ${qualified(r.postingId)} WHERE ${qualified(r.establishmentId)} = ${establishmentId} AND ${selectionWindowOpenSql(today)})`;
}

/** R-GATE-3: a referral with no result whose 紹介日 is at least 21 days before `today` (rules/referral overdueCutoff). */
export function referralOverdueSql(today: string): SQL {
  return sql`(${r.channel} = 'referral' AND ${r.status} = 'screening' AND ${r.referredOn} <= ${overdueCutoff(today)})`;
}
