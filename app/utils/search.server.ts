/**
 * Japanese full-text search in SQL (issue 12, ADR 0021): the condition "this row's id is among the FTS5 rows that
 * contain every word of the query". Words of 3 characters or more are one FTS5 MATCH (trigram index, each word a
 * quoted phrase: no query syntax gets through); shorter words are LIKE over the same folded text in the same subquery.
 * The FTS tables and their triggers are in migration 0019; the normalisation is lib/search-text.
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { searchPlan, searchTerms, unfoldKana } from "../lib/search-text";
import { likeContains, likeEscaped, qualified } from "./sql.server";

/** The FTS5 tables (migration 0019_fts_search), each `(id UNINDEXED, text)` with the id of its base row. */
export const FTS_TABLES = { postings: "job_postings_fts", seekers: "job_seekers_fts" } as const;
export type FtsTable = (typeof FTS_TABLES)[keyof typeof FTS_TABLES];

/** `id IN (SELECT id FROM fts WHERE …every word…)`, or undefined when the query has no words (no condition). */
export function fullTextMatch(id: AnyColumn, fts: FtsTable, query: string): SQL | undefined {
  const plan = searchPlan(query);
  if (plan.match === null && plan.short.length === 0) return undefined;
  const table = sql.identifier(fts);
  const conditions: SQL[] = [];
  if (plan.match !== null) conditions.push(sql`${table} MATCH ${plan.match}`);
  for (const word of plan.short) conditions.push(likeEscaped(sql`${table}.text`, likeContains(word)));
  return sql`${qualified(id)} IN (SELECT ${table}.id FROM ${table} WHERE ${sql.join(conditions, sql` AND `)})`;
}

/**
 * `column` contains every word of `query` as the search reads it (NFKC, lower case; カナ and かな alike): a check on one
 * column of a row that fullTextMatch found in the whole profile. The column holds NFKC text but is not folded, and
 * D1 refuses the fold's 86 nested replace() here (expression depth over 100), so each folded word is looked for in
 * its hiragana and in its katakana spelling (a word mixing both in one column is not found). Undefined: no words.
 */
export function foldedContains(column: AnyColumn, query: string): SQL | undefined {
  const words = searchTerms(query);
  if (words.length === 0) return undefined;
  const text = sql`lower(${qualified(column)})`;
  return sql.join(
    words.map((word) => {
      const katakana = unfoldKana(word);
      return katakana === word ? sql`instr(${text}, ${word}) > 0` : sql`(instr(${text}, ${word}) > 0 OR instr(${text}, ${katakana}) > 0)`;
    }),
    sql` AND `,
  );
}
