/**
 * Limits on changing an establishment's login accounts (R-OPEN-2, issue 9 #7). Additions, removals and
 * refused additions (a taken address) share one budget per establishment and JST calendar day, counted from
 * the audit log itself — the rows these actions write anyway — so that the count and the change are one
 * batch: the audit row's action is written only while the budget holds (valueWhile), so a burst of parallel
 * requests gets exactly the budget.
 */
import { sql, type SQL } from "drizzle-orm";
import { startOfJstDay, todayJst, type Clock } from "../lib/clock";
import { schema, type Db } from "../utils/db.server";
import { valueWhile } from "../utils/sql.server";

/** Additions and removals of login accounts an establishment may make per day (JST). */
export const ACCOUNT_CHANGES_PER_DAY = 10;

/** The audit actions that count into the budget. */
export const ACCOUNT_CHANGE_ACTIONS = ["account.add", "account.remove", "account.add.refused"] as const;

export const DAILY_LIMIT_MESSAGE = `ログインアカウントの追加・削除は、1日に${ACCOUNT_CHANGES_PER_DAY}回までです。明日以降にもう一度お試しください。`;

export interface AccountChangeScope {
  establishmentId: string;
  officeCode: string;
}

/** SQL: the number of counted changes of the establishment since 00:00 JST today (served by the audit log's office index). */
export function accountChangesToday(scope: AccountChangeScope, clock: Clock): SQL<number> {
  const l = schema.auditLog;
  const since = startOfJstDay(todayJst(clock)).getTime();
  const actions = sql.join(
    ACCOUNT_CHANGE_ACTIONS.map((a) => sql`${a}`),
    sql`, `,
  );
  return sql<number>`(SELECT COUNT(*) FROM ${l} WHERE ${l.officeCode} = ${scope.officeCode} AND ${l.at} >= ${since} AND ${l.action} IN (${actions}) AND json_extract(${l.details}, '$.establishmentId') = ${scope.establishmentId})`;
}

/** The audit action `action`, or NULL (the batch fails) once today's budget is used up. */
export function withinDailyBudget(action: (typeof ACCOUNT_CHANGE_ACTIONS)[number], scope: AccountChangeScope, clock: Clock): SQL {
  return valueWhile(action, sql`${accountChangesToday(scope, clock)} < ${ACCOUNT_CHANGES_PER_DAY}`);
}

/** True while the establishment may still add or remove a login account today. */
export async function hasAccountChangesLeft(db: Db, scope: AccountChangeScope, clock: Clock): Promise<boolean> {
  const row = await db.get<{ n: number }>(sql`SELECT ${accountChangesToday(scope, clock)} AS n`);
  return (row?.n ?? 0) < ACCOUNT_CHANGES_PER_DAY;
}
