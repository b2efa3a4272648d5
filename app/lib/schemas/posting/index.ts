/**
 * The 求人申込み wizard's forms (R-JOB-1): one module per screen (step1.ts … step8.ts) with the top-level keys of
 * PostingContent it owns (`fields`), the zod schema that turns its FormData into exactly those keys (`schema`), and
 * the form values from a stored 求人票 (`formValues`, the schema's inverse). Field names are the content's dotted
 * paths ("wage.baseMin", "hours.shifts[0].start"), so a Finding's field names the input it belongs beside.
 *
 * The schemas check form only (fields.ts); what is required and the legal rules are findings computed on the merged
 * content (rules/posting), so that 一時保存 keeps an incomplete screen.
 */
import type { PostingContent } from "../../posting-content";
import * as step1 from "./step1";
import * as step2 from "./step2";
import * as step3 from "./step3";
import * as step4 from "./step4";
import * as step5 from "./step5";
import * as step6 from "./step6";
import * as step7 from "./step7";
import * as step8 from "./step8";

export * from "./choices";
export { formatDuration, parseDuration, parseTimeOfDay } from "./fields";

const SCREENS = { 1: step1, 2: step2, 3: step3, 4: step4, 5: step5, 6: step6, 7: step7, 8: step8 } as const;

/** The screen's schema: its output is the screen's part of PostingContent (every property it owns). */
export const STEP_SCHEMAS = {
  1: step1.schema,
  2: step2.schema,
  3: step3.schema,
  4: step4.schema,
  5: step5.schema,
  6: step6.schema,
  7: step7.schema,
  8: step8.schema,
} as const;

/** The top-level keys of PostingContent each screen owns (rules/posting STEP_OWNS, which STEPS' `owns` are too). */
export const STEP_FIELDS: { readonly [N in StepNumber]: readonly (keyof PostingContent)[] } = {
  1: step1.fields,
  2: step2.fields,
  3: step3.fields,
  4: step4.fields,
  5: step5.fields,
  6: step6.fields,
  7: step7.fields,
  8: step8.fields,
};

export type StepNumber = keyof typeof STEP_SCHEMAS;
export type StepPatch = Partial<PostingContent>;

/**
 * The form's default values for a screen, from the stored content (the inverse of the screen's schema): numbers as
 * text, durations "7:45", booleans "true"/"false", checkboxes "on", and the fixed rows of 手当 and 就業時間.
 */
export function stepFormValues(step: StepNumber, content: PostingContent): Record<string, unknown> {
  return SCREENS[step].formValues(content);
}

/**
 * Nested form values → the [name, value] pairs a browser posts for them, with Conform's names: "a.b", "a[0].b" for
 * rows; a list of plain values (a checkbox group such as pr.imageIds) repeats its name. Empty values are included.
 */
export function formEntries(values: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object") out.push(...formEntries(item as Record<string, unknown>, `${name}[${i}]`));
        else out.push([name, String(item)]);
      });
    } else if (value !== null && typeof value === "object") out.push(...formEntries(value as Record<string, unknown>, name));
    else if (value !== undefined) out.push([name, value === null ? "" : String(value)]);
  }
  return out;
}
