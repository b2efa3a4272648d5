/**
 * Issue 10 #7 (R-JOB-1): 日給 / 時間給 with a monthly allowance that counts toward the minimum wage. The allowance is
 * converted to an hourly amount with the 年間所定労働日数 (365 − 年間休日数, or 月平均労働日数 × 12); when neither is
 * entered it cannot be converted, so 月平均労働日数 is asked for (a red required finding beside the field) instead of
 * judging the wage without the allowance.
 */
import { describe, expect, it } from "vitest";
import { checkMinimumWage, checkRequired, errorsOf, hourlyEquivalent, reviewPosting, type PostingContent } from "../../app/rules/posting";
import { codes, completePosting, MINIMUM_WAGES } from "./posting-fixture";

/** 栃木県 (1,068円 from 2025-10-01): 日給 8,400円 for 8 hours (1,050円 an hour) with 職務手当 20,000円/月. */
function dailyWithAllowance(wage: Partial<PostingContent["wage"]> = {}, hours: Partial<PostingContent["hours"]> = {}): PostingContent {
  const base = completePosting();
  return {
    ...base,
    wage: {
      ...base.wage,
      form: "日給",
      baseMin: 8_400,
      baseMax: null,
      allowances: [{ name: "職務手当", amountYen: 20_000, kind: "other" }],
      monthlyWorkingDays: null,
      ...wage,
    },
    hours: { ...base.hours, dailyMinutes: 480, annualHolidays: null, ...hours },
  };
}

const ON = "2025-10-01";
/** The red findings of the whole 求人票 on 2025-10-01, but the 年間休日数 one (a required item of screen 5 of its own). */
const redFindings = (content: PostingContent) =>
  errorsOf(reviewPosting(content, { today: ON, minimumWages: MINIMUM_WAGES, validUntil: ON }))
    .filter((f) => f.field !== "hours.annualHolidays")
    .map((f) => `${f.field}:${f.code}`);
const minimumWage = (content: PostingContent) => checkMinimumWage(content, { minimumWages: MINIMUM_WAGES, checkDate: ON, validUntil: ON });

describe("issue 10 #7: 日給 / 時間給 with counted monthly allowances (R-JOB-1)", () => {
  it("R-JOB-1 / issue 10 #7: 日給 8,400円 (8 h) + 職務手当 20,000円 in 栃木 on 2025-10-01 without 月平均労働日数 is not judged below 1,068円: 月平均労働日数 is asked for", () => {
    const content = dailyWithAllowance();
    expect(hourlyEquivalent(content, 8_400)).toBeNull();
    expect(minimumWage(content)).toEqual([]);
    const required = checkRequired(content).filter((f) => f.field === "wage.monthlyWorkingDays");
    expect(codes(required)).toEqual(["error:required"]);
    expect(required[0]!.message).toContain("月平均労働日数");
    expect(required[0]!.message).toContain("手当");
    // The whole 求人票: that is its only red finding, and no minimum-wage one.
    expect(redFindings(content)).toEqual(["wage.monthlyWorkingDays:required"]);
  });

  it("R-JOB-1 / issue 10 #7: with 月平均労働日数 21 the lawful posting passes: 1,050 + 20,000 × 12 ÷ (8 × 252) = 1,169円 ≥ 1,068円", () => {
    const content = dailyWithAllowance({ monthlyWorkingDays: 21 });
    const eq = hourlyEquivalent(content, 8_400)!;
    expect(Math.floor(eq.numerator / eq.denominator)).toBe(1_169);
    expect(redFindings(content)).toEqual([]);
  });

  it("R-JOB-1 / issue 10 #7: 年間休日数 also gives the days (365 − 105 = 260): no 月平均労働日数 needed, and it passes", () => {
    const content = dailyWithAllowance({}, { annualHolidays: 105 });
    expect(checkRequired(content).filter((f) => f.field === "wage.monthlyWorkingDays")).toEqual([]);
    expect(errorsOf(reviewPosting(content, { today: ON, minimumWages: MINIMUM_WAGES, validUntil: ON }))).toEqual([]);
  });

  it("R-JOB-1 / issue 10 #7: 時間給 1,000円 + 職務手当 20,000円 without the days asks for 月平均労働日数; an allowance that does not count (通勤手当) does not", () => {
    const hourly = dailyWithAllowance({ form: "時間給", baseMin: 1_000 });
    expect(minimumWage(hourly)).toEqual([]);
    expect(codes(checkRequired(hourly).filter((f) => f.field === "wage.monthlyWorkingDays"))).toEqual(["error:required"]);
    const commuting = dailyWithAllowance({ form: "時間給", baseMin: 1_000, allowances: [{ name: "通勤手当", amountYen: 20_000, kind: "commuting" }] });
    expect(checkRequired(commuting).filter((f) => f.field === "wage.monthlyWorkingDays")).toEqual([]);
    // Without a counted allowance the hourly wage is judged as it is: 1,000円 < 1,068円 stays red.
    expect(codes(minimumWage(commuting))).toEqual(["error:minimum-wage.below"]);
  });
});
