/** The wizard's form schemas (R-JOB-1): each screen's form values parse back into the same content. */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { formEntries, parseDuration, parseTimeOfDay, STEP_FIELDS, STEP_SCHEMAS, stepFormValues, type StepNumber } from "../../app/lib/schemas/posting";
import { checkRequired, STEPS, validatePosting } from "../../app/rules/posting";
import { completePosting, MINIMUM_WAGES } from "./posting-fixture";

function toFormData(values: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [name, value] of formEntries(values)) if (value !== "") fd.append(name, value);
  return fd;
}

describe("R-JOB-1: the 求人申込み screens", () => {
  it("the complete fixture passes every 必須 check and legal rule", () => {
    expect(checkRequired(completePosting())).toEqual([]);
    expect(validatePosting(completePosting(), { today: "2026-11-26", minimumWages: MINIMUM_WAGES }).filter((f) => f.severity === "error")).toEqual([]);
  });

  for (const step of STEPS) {
    it(`screen ${step.number} (${step.title}) round-trips through its form`, () => {
      const content = completePosting();
      const n = step.number as StepNumber;
      const submission = parseWithZod(toFormData(stepFormValues(n, content)), { schema: STEP_SCHEMAS[n] });
      expect(submission.status, JSON.stringify(submission.status === "error" ? submission.error : null)).toBe("success");
      const patch = submission.status === "success" ? (submission.value as Record<string, unknown>) : {};
      expect(Object.keys(patch).sort()).toEqual([...step.owns].sort());
      for (const key of step.owns) expect(patch[key], key).toEqual((content as unknown as Record<string, unknown>)[key]);
    });
  }

  it("each screen module's field list is what the screen owns in STEPS (the findings of a field go to its screen)", () => {
    for (const step of STEPS) expect([...STEP_FIELDS[step.number as StepNumber]], step.title).toEqual([...step.owns]);
  });

  it("an empty screen saves as blanks (一時保存), and nonsense gets a Japanese message beside the field", () => {
    const empty = parseWithZod(new FormData(), { schema: STEP_SCHEMAS[4] });
    expect(empty.status).toBe("success");
    const fd = new FormData();
    fd.set("wage.baseMin", "20万");
    fd.set("wage.monthlyWorkingDays", "２１．７");
    const bad = parseWithZod(fd, { schema: STEP_SCHEMAS[4] });
    expect(bad.status).toBe("error");
    const errors = bad.status === "error" ? bad.error : {};
    expect(errors?.["wage.baseMin"]?.[0]).toMatch(/数字だけで入力/);
    expect(errors?.["wage.monthlyWorkingDays"]).toBeUndefined();
  });

  it("full-width input means the same: ２００，０００円 and ８：３０", () => {
    const fd = new FormData();
    fd.set("wage.baseMin", "２００，０００円");
    const ok = parseWithZod(fd, { schema: STEP_SCHEMAS[4] });
    expect(ok.status === "success" && ok.value.wage.baseMin).toBe(200_000);
    expect(parseTimeOfDay("８：３０")).toBe("08:30");
    expect(parseTimeOfDay("24:00")).toBeUndefined();
    expect(parseDuration("7時間45分")).toBe(465);
    expect(parseDuration("7.5")).toBe(450);
    expect(parseDuration("7:60")).toBeUndefined();
  });
});
