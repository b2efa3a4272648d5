/**
 * SQL helpers every model uses: text search that fits D1's limits, and the compare-and-set that lets a batch
 * check its own precondition (STYLE: "A compare-and-set in the batch").
 */
import { getTableColumns, getTableName, is, sql, SQL, type AnyColumn } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./db.server";

/** `%…%` for LIKE with the wildcards of the search text escaped (used with ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function likeEscaped(column: AnyColumn | SQL, pattern: string): SQL {
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** D1 refuses a LIKE pattern longer than 50 bytes ("LIKE or GLOB pattern too complex"): 17 kanji are 51. */
export const D1_LIKE_PATTERN_MAX_BYTES = 50;

/**
 * `column` contains `text`: LIKE with the wildcards escaped while the pattern fits D1's limit (ASCII letters then
 * match in either case), instr() for a longer text (no pattern, no limit; exact case).
 */
export function containsText(column: AnyColumn | SQL, text: string): SQL {
  const pattern = likeContains(text);
  if (new TextEncoder().encode(pattern).byteLength <= D1_LIKE_PATTERN_MAX_BYTES) return likeEscaped(column, pattern);
  return sql`instr(${column}, ${text}) > 0`;
}

/**
 * `value` while `condition` holds, else NULL. Written into a NOT NULL column it makes the whole
 * `db.batch()` fail (and roll back) when the condition no longer holds at the moment the batch runs:
 * D1 has no interactive transactions, so this is how a batch checks its own precondition.
 */
export function valueWhile(value: string, condition: SQL): SQL {
  return sql`(SELECT ${value} WHERE ${condition})`;
}

/**
 * The batch failed because a `valueWhile` precondition no longer held (another request or job run changed the row
 * first): the whole batch was rolled back, side effects included. Any other error is a real failure.
 */
export function isLostRace(error: unknown): boolean {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 5; e = e.cause) messages.push(e.message);
  return messages.some((m) => /NOT NULL constraint failed/i.test(m));
}

/**
 * For `.catch` on a compare-and-set batch: null when the batch lost its race (the request then answers that the state
 * changed), the error itself otherwise — a D1 failure is not a lost race, and gets the error page rather than a
 * misleading "this can no longer be done" (issue 14).
 */
export function nullIfLostRace(error: unknown): null {
  if (isLostRace(error)) return null;
  throw error;
}

/**
 * `INSERT INTO table SELECT values <source>`: a row written only when `source` (e.g. `WHERE EXISTS (…)`, or
 * `FROM employer_accounts WHERE …` for one row per account) yields rows — the side effect of a change that rides on the
 * change's own condition in the same batch, rather than failing the batch as `valueWhile` does. `row` names the columns
 * by their schema keys; a value is bound as a parameter unless it is SQL; a column left out gets its default (or NULL,
 * which an autoincrement key turns into the next id), as drizzle's own insert does.
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: { [K in keyof T["$inferInsert"]]?: unknown }, source: SQL) {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  for (const key of Object.keys(row)) if (!columns[key]) throw new Error(`insertWhere: no column ${key}`);
  const values: SQL[] = [];
  // Every insertable column in the table's order: drizzle's insert-select names them all.
  for (const [key, column] of Object.entries(columns)) {
    // drizzle's own test for a generated column (not insertable): none of the tables written this way has one.
    if ((column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert()) continue;
    const value = (row as Record<string, unknown>)[key];
    const fallback = column.default ?? column.defaultFn?.();
    const chosen = value !== undefined ? value : fallback;
    if (chosen === undefined || chosen === null) values.push(sql`NULL`);
    else values.push(is(chosen, SQL) ? chosen : sql`${sql.param(chosen, column)}`);
  }
  return db.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} ${source}`);
}

/**
 * `"table"."column"` whatever the query around it: drizzle leaves columns unqualified in a select of one table, so a
 * correlated subquery (`… WHERE referrals.establishment_id = establishments.id`) must name its tables itself.
 */
export function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
