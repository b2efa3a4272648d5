/**
 * Japanese full-text search (issue 12, ADR 0021): one normalisation for the stored text and the query, and the FTS5
 * query built from the query's words. Pure: no database, no runtime imports.
 *
 * The stored text is indexed by FTS5 tables with the trigram tokenizer (migration 0019), kept in step by triggers that
 * fold it with `kanaFoldSql` (SQLite has no NFKC: the stored text was NFKC-normalised when it was written — the
 * posting's search_text by rules/posting searchTextOf, the seeker's fields by lib/normalize normalizeJaText).
 * A word of 3 characters or more is an FTS5 phrase (the trigram index finds it inside words); a shorter one is a
 * LIKE over the same folded text (always far below D1's 50-byte pattern limit).
 */

/** Katakana ァ (U+30A1) … ヶ (U+30F6) and their hiragana ぁ (U+3041) … ゖ (U+3096): the same offset. */
const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;
const KANA_OFFSET = 0x60;

/** Words of a query that count (the rest are ignored), and the characters of each. */
export const MAX_SEARCH_TERMS = 10;
export const MAX_TERM_LENGTH = 50;
/** The trigram tokenizer indexes runs of 3 characters: a shorter word cannot be an FTS5 phrase. */
export const FTS_MIN_TERM_LENGTH = 3;

/** Katakana → hiragana (カイゴ → かいご); ー, ヷ–ヺ and everything else stay. */
export function foldKana(value: string): string {
  return value.replace(/[\u30A1-\u30F6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
}

/** Hiragana → katakana (かいご → カイゴ): the other spelling of a folded word, for a column that is not folded. */
export function unfoldKana(value: string): string {
  return value.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + KANA_OFFSET));
}

/**
 * The search form of a text: NFKC (full-width ＡＢＣ１２３ and half-width ｶﾅ become abc123 and カナ), lower case,
 * katakana as hiragana (so カイゴ, ｶｲｺﾞ and かいご are one), any run of white space or control characters one space
 * (FTS5 ends a string at NUL: the query "a\u0000bc" would be a syntax error).
 */
export function normalizeSearchText(value: string): string {
  return foldKana(value.normalize("NFKC").toLowerCase())
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

/** The words of a query: normalised, split on spaces (full-width too), distinct, at most MAX_SEARCH_TERMS of MAX_TERM_LENGTH characters. */
export function searchTerms(query: string): string[] {
  const words = normalizeSearchText(query)
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => [...w].slice(0, MAX_TERM_LENGTH).join(""));
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/**
 * A word as an FTS5 string: in double quotes with its own double quotes doubled, the only escaping FTS5 strings know.
 * Inside quotes nothing is syntax — `*`, `-`, `:`, `^`, parentheses, NEAR, AND, OR, NOT are plain characters.
 */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** How a query is searched: the FTS5 MATCH expression of its long words (null when none) and its short words. */
export interface SearchPlan {
  /** `"word1" AND "word2"`, bound as one parameter. */
  match: string | null;
  /** Words shorter than FTS_MIN_TERM_LENGTH, each searched with LIKE over the folded text. */
  short: string[];
}

export function searchPlan(query: string): SearchPlan {
  const terms = searchTerms(query);
  const long = terms.filter((t) => [...t].length >= FTS_MIN_TERM_LENGTH);
  const short = terms.filter((t) => [...t].length < FTS_MIN_TERM_LENGTH);
  return { match: long.length > 0 ? long.map(ftsPhrase).join(" AND ") : null, short };
}

/**
 * The SQL of `foldKana(lower(expr))` for the triggers and the backfill (SQLite's lower() folds ASCII only: the stored
 * texts were lower-cased or NFKC-normalised when written). The migration holds this text; a unit test compares them.
 */
export function kanaFoldSql(expr: string): string {
  let sql = `lower(${expr})`;
  for (let code = KATAKANA_FIRST; code <= KATAKANA_LAST; code++) {
    sql = `replace(${sql}, '${String.fromCharCode(code)}', '${String.fromCharCode(code - KANA_OFFSET)}')`;
  }
  return sql;
}
