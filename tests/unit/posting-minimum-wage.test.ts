import { describe, expect, it } from "vitest";
import { checkMinimumWage, checkWageRange, hourlyEquivalent, hourlyYen, minimumWageOn, type PostingContent } from "../../app/rules/posting";
import { codes, MINIMUM_WAGES, posting } from "./posting-fixture";

/** The wage rule alone, on a date, with a validity end (default: the check date itself, i.e. no revision ahead). */
function check(content: PostingContent, checkDate: string, validUntil = checkDate) {
  return checkMinimumWage(content, { minimumWages: MINIMUM_WAGES, checkDate, validUntil });
}

const hourly = (amount: number, extra: Partial<PostingContent["wage"]> = {}) => posting({ wage: { form: "時間給", baseMin: amount, baseMax: null, ...extra } });

describe("最低賃金 (R-JOB-1)", () => {
  it("R-JOB-1: reads the minimum wage in force from the reference rows (undated FY2024, dated FY2025)", () => {
    expect(minimumWageOn(MINIMUM_WAGES, "09", "2025-09-30")?.amountYen).toBe(1004);
    expect(minimumWageOn(MINIMUM_WAGES, "09", "2025-10-01")?.amountYen).toBe(1068);
    expect(minimumWageOn(MINIMUM_WAGES, "13", "2025-10-02")?.amountYen).toBe(1163);
    expect(minimumWageOn(MINIMUM_WAGES, "13", "2025-10-03")?.amountYen).toBe(1226);
    expect(minimumWageOn(MINIMUM_WAGES, "99", "2025-10-03")).toBeNull();
  });

  it("R-JOB-1: 栃木県 hourly ¥1,067 on 2025-10-01 is red; ¥1,068 is fine from that day", () => {
    const red = check(hourly(1067), "2025-10-01");
    expect(codes(red)).toEqual(["error:minimum-wage.below"]);
    expect(red[0]!.field).toBe("wage.baseMin");
    expect(red[0]!.message).toContain("栃木県");
    expect(red[0]!.message).toContain("1,068円");
    expect(check(hourly(1068), "2025-10-01")).toEqual([]);
  });

  it("R-JOB-1: 栃木県 hourly ¥1,004 on 2025-09-30 meets the minimum wage then in force; ¥1,003 is red", () => {
    expect(check(hourly(1004), "2025-09-30")).toEqual([]);
    expect(codes(check(hourly(1003), "2025-09-30"))).toEqual(["error:minimum-wage.below"]);
  });

  it("R-JOB-1: a revision that takes effect while the posting is valid warns, and is red from 7 days before the revision (inclusive)", () => {
    // 栃木 2025-10-01 ¥1,068; valid to 2025-11-30. Block from 2025-09-24.
    const before = check(hourly(1004), "2025-09-23", "2025-11-30");
    expect(codes(before)).toEqual(["warning:minimum-wage.revision-ahead"]);
    expect(before[0]!.message).toContain("2025年10月1日");
    expect(before[0]!.message).toContain("2025年9月24日");
    expect(codes(check(hourly(1004), "2025-09-24", "2025-11-30"))).toEqual(["error:minimum-wage.below-revision"]);
    expect(codes(check(hourly(1004), "2025-09-30", "2025-11-30"))).toEqual(["error:minimum-wage.below-revision"]);
    // At the new amount: nothing to say.
    expect(check(hourly(1068), "2025-09-23", "2025-11-30")).toEqual([]);
    expect(check(hourly(1068), "2025-09-24", "2025-11-30")).toEqual([]);
  });

  it("R-JOB-1: a revision after the validity end is not considered; one on the validity end is", () => {
    expect(check(hourly(1004), "2025-09-24", "2025-09-30")).toEqual([]);
    expect(codes(check(hourly(1004), "2025-09-24", "2025-10-01"))).toEqual(["error:minimum-wage.below-revision"]);
  });

  it("R-JOB-1: 月給 is converted by 月給 × 12 ÷ (1日の所定労働時間 × (365 − 年間休日数)), at the yen boundary", () => {
    // 8 h × 260 days = 2,080 h a year; ¥1,068 × 2,080 ÷ 12 = ¥185,120 a month.
    const monthly = (baseMin: number) => posting({ wage: { form: "月給", baseMin, baseMax: null } });
    expect(check(monthly(185_120), "2025-10-01")).toEqual([]);
    const red = check(monthly(185_119), "2025-10-01");
    expect(codes(red)).toEqual(["error:minimum-wage.below"]);
    // 185,119 × 12 ÷ 2,080 = 1,067.99…: truncated, never rounded up.
    expect(red[0]!.message).toContain("1,067円");
    const eq = hourlyEquivalent(monthly(185_119), 185_119)!;
    expect(hourlyYen(eq)).toBe(1067);
  });

  it("R-JOB-1: 月給 uses 月平均労働日数 × 12 when 年間休日数 is not given", () => {
    // 20 days × 12 = 240 days × 8 h = 1,920 h; ¥1,068 × 1,920 ÷ 12 = ¥170,880.
    const monthly = (baseMin: number) => posting({ wage: { form: "月給", baseMin, baseMax: null, monthlyWorkingDays: 20 }, hours: { annualHolidays: null } });
    expect(check(monthly(170_880), "2025-10-01")).toEqual([]);
    expect(codes(check(monthly(170_879), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
  });

  it("R-JOB-1: 日給 is converted by 日給 ÷ 1日の所定労働時間, at the yen boundary", () => {
    const daily = (baseMin: number, dailyMinutes: number) => posting({ wage: { form: "日給", baseMin, baseMax: null }, hours: { dailyMinutes } });
    expect(check(daily(8_544, 480), "2025-10-01")).toEqual([]); // 8 h × 1,068
    expect(codes(check(daily(8_543, 480), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    expect(check(daily(8_010, 450), "2025-10-01")).toEqual([]); // 7.5 h × 1,068
    expect(codes(check(daily(8_009, 450), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
  });

  it("R-JOB-1: the lower bound of a wage range is checked; the upper bound may not be below it", () => {
    expect(codes(check(hourly(1067, { baseMax: 1500 }), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    expect(codes(checkWageRange(hourly(1200, { baseMax: 1199 })))).toEqual(["error:wage.range-reversed"]);
    expect(checkWageRange(hourly(1200, { baseMax: 1200 }))).toEqual([]);
  });

  it("R-JOB-1: 固定残業代 is excluded from the minimum-wage base", () => {
    const withFixedOvertime = posting({
      wage: {
        form: "月給",
        baseMin: 185_119,
        baseMax: null,
        fixedOvertime: { present: true, amountYen: 30_000, minutes: 600, excessPaidStatement: true, includedInBasePay: false },
      },
    });
    expect(codes(check(withFixedOvertime, "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    // Put (wrongly) inside 基本給: it is taken out again before the comparison.
    const inBase = posting({
      wage: {
        form: "月給",
        baseMin: 215_119,
        baseMax: null,
        fixedOvertime: { present: true, amountYen: 30_000, minutes: 600, excessPaidStatement: true, includedInBasePay: true },
      },
    });
    expect(codes(check(inBase, "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    // Listed among the 手当 under its name: not counted either.
    const asAllowance = posting({
      wage: { form: "月給", baseMin: 185_119, baseMax: null, allowances: [{ name: "固定残業手当", amountYen: 30_000, kind: "other" }] },
    });
    expect(codes(check(asAllowance, "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
  });

  it("R-JOB-1: 通勤手当, 精皆勤手当 and 家族手当 are excluded; other fixed allowances count", () => {
    const withAllowance = (kind: "commuting" | "attendance" | "family" | "other") =>
      posting({ wage: { form: "月給", baseMin: 185_000, baseMax: null, allowances: [{ name: "手当", amountYen: 10_000, kind }] } });
    expect(codes(check(withAllowance("commuting"), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    expect(codes(check(withAllowance("attendance"), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    expect(codes(check(withAllowance("family"), "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
    expect(check(withAllowance("other"), "2025-10-01")).toEqual([]); // e.g. 職務手当
    // Exactly ¥120 of 住宅手当 lifts ¥185,000 to the boundary ¥185,120.
    const exact = posting({
      wage: { form: "月給", baseMin: 185_000, baseMax: null, allowances: [{ name: "住宅手当", amountYen: 120, kind: "other" }] },
    });
    expect(check(exact, "2025-10-01")).toEqual([]);
  });

  it("R-JOB-1: 賞与 never counts toward the minimum wage", () => {
    const withBonus = posting({
      wage: { form: "月給", baseMin: 185_119, baseMax: null, bonus: { present: true, description: "年2回 計4.0か月分" } },
    });
    expect(codes(check(withBonus, "2025-10-01"))).toEqual(["error:minimum-wage.below"]);
  });

  it("R-JOB-1: a different 試用期間中 wage is checked too", () => {
    const trial = posting({
      wage: { form: "時間給", baseMin: 1100, baseMax: null },
      trialPeriod: { present: true, months: 3, sameConditions: false, wageMin: 1067 },
    });
    const findings = check(trial, "2025-10-01");
    expect(codes(findings)).toEqual(["error:minimum-wage.below"]);
    expect(findings[0]!.field).toBe("trialPeriod.wageMin");
  });

  it("R-JOB-1: uses the prefecture of the 就業場所 (東京都 ¥1,226 from 2025-10-03)", () => {
    const tokyo = (amount: number) => posting({ workplace: { prefectureCode: "13" }, wage: { form: "時間給", baseMin: amount, baseMax: null } });
    expect(check(tokyo(1163), "2025-10-02")).toEqual([]);
    expect(codes(check(tokyo(1163), "2025-10-03"))).toEqual(["error:minimum-wage.below"]);
    expect(check(tokyo(1226), "2025-10-03")).toEqual([]);
  });

  it("R-JOB-1: その他 wages and missing numbers are not converted (no finding rather than a wrong one)", () => {
    expect(check(posting({ wage: { form: "その他", baseMin: 1 } }), "2025-10-01")).toEqual([]);
    expect(check(posting({ wage: { form: "月給", baseMin: 1 }, hours: { dailyMinutes: null } }), "2025-10-01")).toEqual([]);
  });
});
