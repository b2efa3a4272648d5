/**
 * SQL helpers every model uses: text search that fits D1's limits, and the compare-and-set that lets a batch
 * check its own precondition (STYLE: "A compare-and-set in the batch").
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

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
