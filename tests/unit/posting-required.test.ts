/** 必須 items as red findings (R-JOB-1) and the screens that own them. */
import { describe, expect, it } from "vitest";
import { checkRequired, emptyPostingContent, findingsForStep, postingKind, reviewPosting, stepOf, STEPS } from "../../app/rules/posting";
import { ALL_DEMO_POSTINGS } from "../../scripts/lib/demo-referrals";
import { completePosting, MINIMUM_WAGES } from "./posting-fixture";

describe("R-JOB-1: required items of the 求人票", () => {
  it("a blank 求人票 lacks something on every screen, each with a Japanese message on its own screen", () => {
    const findings = checkRequired(emptyPostingContent());
    for (const step of STEPS.filter((s) => s.number !== 7)) {
      expect(findingsForStep(findings, step.number).length, step.title).toBeGreaterThan(0);
    }
    for (const f of findings) {
      expect(f.severity).toBe("error");
      expect(f.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
  });

  it("conditional items: 正社員以外 needs its name, 定額 commuting its amount, その他 selection its content", () => {
    const c = completePosting();
    c.employmentType = "正社員以外";
    c.commuting = { kind: "定額", monthlyYen: null };
    c.selection.methods.other = true;
    const fields = checkRequired(c).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["employmentTypeName", "commuting.monthlyYen", "selection.otherMethod"]));
  });

  it("employee counts must be consistent (就業場所 ≤ 企業全体, うち女性 ≤ 就業場所)", () => {
    const c = completePosting();
    c.company.employeesWorkplace = 100;
    c.company.employeesFemale = 101;
    const codes = checkRequired(c).map((f) => `${f.field}:${f.code}`);
    expect(codes).toEqual(expect.arrayContaining(["company.employeesWorkplace:company.employees-exceed", "company.employeesFemale:company.employees-exceed"]));
  });

  it("every finding's field belongs to a screen that owns its first segment", () => {
    expect(stepOf("wage.fixedOvertime.minutes")).toBe(4);
    expect(stepOf("hours.shifts.0.start")).toBe(5);
    expect(stepOf("retirement.age")).toBe(6);
    expect(stepOf("trialPeriod.wageMin")).toBe(3);
    const owned = STEPS.flatMap((s) => s.owns);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned].sort()).toEqual(Object.keys(emptyPostingContent()).sort());
  });

  it("求人区分 follows the hours: shorter than the establishment's full-time week is パート", () => {
    const c = completePosting();
    expect(postingKind(c)).toBe("フルタイム");
    c.hours.weeklyMinutes = 2399;
    expect(postingKind(c)).toBe("パート");
    c.hours.fullTimeWeeklyMinutes = null;
    expect(postingKind(c)).toBeNull();
  });

  it("every demo posting is a lawful, complete 求人票 (the seed shows real data)", () => {
    for (const p of ALL_DEMO_POSTINGS) {
      if (p.status === "draft") continue;
      for (const content of [p.content, p.change].filter((c) => c !== undefined)) {
        const red = reviewPosting(content, { today: "2026-11-26", minimumWages: MINIMUM_WAGES }).filter((f) => f.severity === "error");
        expect(red, `${p.id}: ${red.map((f) => f.message).join(" / ")}`).toEqual([]);
      }
    }
  });
});
