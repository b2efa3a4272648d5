/**
 * Benchmarks of the 求人票 work done on every wizard screen and every summary (`npm run bench`, ratios in one run):
 * the form parse of the largest screen, all findings (必須 + legal rules), and reading a stored 求人票 back
 * (parseContent completes it from the blank one). They run in Node on pure code; the screen's request adds D1 time.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { test } from "vitest";
import { formEntries, STEP_SCHEMAS, stepFormValues } from "../../app/lib/schemas/posting";
import { reviewPosting } from "../../app/rules/posting";
import { demoContent } from "../../scripts/lib/demo-postings";

/** The minimum wages the rules read: 栃木県 before and after the FY2025 revision. */
const WAGES = [
  { prefectureCode: "09", amountYen: 1004, effectiveFrom: "0000-01-01" },
  { prefectureCode: "09", amountYen: 1068, effectiveFrom: "2025-10-01" },
];

function formData(values: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [name, value] of formEntries(values)) if (value !== "") fd.append(name, value);
  return fd;
}

test("求人票: one screen's form parse vs all findings vs the whole document's JSON round trip", async ({ bench }) => {
  const content = demoContent();
  const screen3 = formData(stepFormValues(3, content));
  const json = JSON.stringify(content);
  await bench.compare(
    bench("screen 3 form parse (zod, Conform)", () => {
      parseWithZod(screen3, { schema: STEP_SCHEMAS[3] });
    }),
    bench("reviewPosting (必須 + legal rules)", () => {
      reviewPosting(content, { today: "2026-11-26", minimumWages: WAGES });
    }),
    bench("JSON parse + stringify of the 求人票", () => {
      JSON.stringify(JSON.parse(json));
    }),
  );
}, 120_000);
