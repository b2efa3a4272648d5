/** 賃金 (a＋b＋c) as the 求人票 and the public search show it (R-JOB-1): 基本給 + 手当 + 固定残業代, as a range. */
import { describe, expect, it } from "vitest";
import { wageRange, wageRangeLabel, yenRangeLabel } from "../../app/rules/posting";
import { completePosting } from "./posting-fixture";

function wage(patch: Partial<ReturnType<typeof completePosting>["wage"]>) {
  const content = completePosting();
  return { wage: { ...content.wage, allowances: [], fixedOvertime: { present: false as const }, ...patch } };
}

describe("R-JOB-1: 賃金 (a＋b＋c)", () => {
  it("adds the 手当 and the 固定残業代 to both ends of the 基本給", () => {
    const content = wage({
      baseMin: 200_000,
      baseMax: 250_000,
      allowances: [
        { name: "職務手当", amountYen: 10_000, kind: "other" },
        { name: "通勤手当", amountYen: null, kind: "commuting" },
      ],
      fixedOvertime: { present: true, amountYen: 30_000, minutes: 1200, excessPaidStatement: true, includedInBasePay: false },
    });
    expect(wageRange(content)).toEqual({ min: 240_000, max: 290_000 });
    expect(wageRangeLabel(content)).toBe("月給 240,000円〜290,000円");
  });

  it("one end only stands for both; an upper bound below the lower one is not shown as a falling range", () => {
    expect(wageRange(wage({ baseMin: 200_000, baseMax: null }))).toEqual({ min: 200_000, max: 200_000 });
    expect(wageRange(wage({ baseMin: null, baseMax: 250_000 }))).toEqual({ min: 250_000, max: 250_000 });
    expect(wageRange(wage({ baseMin: 250_000, baseMax: 200_000 }))).toEqual({ min: 250_000, max: 250_000 });
    expect(wageRangeLabel(wage({ form: "時間給", baseMin: 1_100, baseMax: null }))).toBe("時間給 1,100円");
  });

  it("no 基本給 yet: 「―」", () => {
    expect(wageRange(wage({ baseMin: null, baseMax: null }))).toBeNull();
    expect(wageRangeLabel(wage({ baseMin: null, baseMax: null }))).toBe("―");
  });

  it("yen ranges: both ends, one end, the same, none", () => {
    expect(yenRangeLabel(1_000, 2_000)).toBe("1,000円〜2,000円");
    expect(yenRangeLabel(1_000, null)).toBe("1,000円");
    expect(yenRangeLabel(1_000, 1_000)).toBe("1,000円");
    expect(yenRangeLabel(null, 2_000)).toBe("〜2,000円");
    expect(yenRangeLabel(null, null)).toBe("―");
  });
});
