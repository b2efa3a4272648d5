import { describe, expect, it } from "vitest";
import { checkLabourStandards, shiftSpanMinutes } from "../../app/rules/posting/labour-standards";
import { codes, posting } from "./posting-fixture";

describe("労働基準法 sanity checks (R-JOB-1, orange)", () => {
  it("R-JOB-1: 8 h a day, 40 h a week, 60 min break, 105 days off raises nothing", () => {
    expect(checkLabourStandards(posting())).toEqual([]);
  });

  it("R-JOB-1: more than 8 h a day or 40 h a week scheduled is a warning, not an error; not with a 変形労働時間制", () => {
    expect(codes(checkLabourStandards(posting({ hours: { dailyMinutes: 481 } })))).toEqual(["warning:labour.daily-over-8h"]);
    expect(codes(checkLabourStandards(posting({ hours: { weeklyMinutes: 2401 } })))).toEqual(["warning:labour.weekly-over-40h"]);
    expect(checkLabourStandards(posting({ hours: { weeklyMinutes: 2401, variableSystem: "1か月単位" } }))).toEqual([]);
  });

  it("R-JOB-1: breaks: more than 6 h needs 45 min, more than 8 h needs 60 min", () => {
    const shift = (start: string, end: string, breakMinutes: number) => posting({ hours: { shifts: [{ start, end, breakMinutes }] } });
    expect(checkLabourStandards(shift("09:00", "15:00", 0))).toEqual([]); // exactly 6 h
    expect(codes(checkLabourStandards(shift("09:00", "15:45", 44)))).toEqual(["warning:labour.break-too-short"]); // 6 h 1 min of work with 44 min
    expect(checkLabourStandards(shift("09:00", "15:46", 45))).toEqual([]); // 6 h 1 min with 45 min
    expect(checkLabourStandards(shift("09:00", "17:45", 45))).toEqual([]); // exactly 8 h
    const long = checkLabourStandards(shift("09:00", "17:46", 45)); // 8 h 1 min with 45 min
    expect(codes(long)).toEqual(["warning:labour.break-too-short", "warning:labour.shift-over-8h"]);
    expect(long[0]!.message).toContain("60分");
  });

  it("R-JOB-1: a night shift over midnight is measured correctly", () => {
    expect(shiftSpanMinutes("22:00", "07:00")).toBe(540);
    expect(shiftSpanMinutes("２２：００", "07:00")).toBe(540);
    expect(shiftSpanMinutes("25:00", "07:00")).toBeNull();
    expect(checkLabourStandards(posting({ hours: { shifts: [{ start: "22:00", end: "07:00", breakMinutes: 60 }] } }))).toEqual([]);
  });

  it("R-JOB-1: fewer than 1 day off a week, or fewer than 105 days a year with 8-hour days, is a warning", () => {
    expect(codes(checkLabourStandards(posting({ hours: { annualHolidays: 104 } })))).toEqual(["warning:labour.annual-hours-over-40h-week"]);
    expect(checkLabourStandards(posting({ hours: { annualHolidays: 105 } }))).toEqual([]);
    // 7 h a day: 365 − 40 × 365 / 7 / 7 = 67.06… → 68 days is enough.
    expect(checkLabourStandards(posting({ hours: { dailyMinutes: 420, annualHolidays: 68, weeklyMinutes: 2100 } }))).toEqual([]);
    expect(codes(checkLabourStandards(posting({ hours: { dailyMinutes: 420, annualHolidays: 67, weeklyMinutes: 2100 } })))).toEqual([
      "warning:labour.annual-hours-over-40h-week",
    ]);
    expect(codes(checkLabourStandards(posting({ hours: { dailyMinutes: 240, annualHolidays: 51, weeklyMinutes: 1440 } })))).toEqual([
      "warning:labour.holidays-under-weekly",
    ]);
  });

  it("R-JOB-1: overtime averaging over 45 h a month without a 特別条項 is a warning", () => {
    const ot = (minutes: number, specialClause = false) => posting({ hours: { overtime: { present: true, monthlyAverageMinutes: minutes, specialClause } } });
    expect(checkLabourStandards(ot(45 * 60))).toEqual([]);
    expect(codes(checkLabourStandards(ot(45 * 60 + 1)))).toEqual(["warning:labour.overtime-over-45h"]);
    expect(checkLabourStandards(ot(50 * 60, true))).toEqual([]);
  });
});
