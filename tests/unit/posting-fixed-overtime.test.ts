import { describe, expect, it } from "vitest";
import { checkFixedOvertime, type FixedOvertime } from "../../app/rules/posting";
import { codes, posting } from "./posting-fixture";

const fo = (patch: Partial<Extract<FixedOvertime, { present: true }>> = {}): FixedOvertime => ({
  present: true,
  amountYen: 30_000,
  minutes: 20 * 60,
  excessPaidStatement: true,
  includedInBasePay: false,
  ...patch,
});

describe("固定残業代 (R-JOB-1)", () => {
  it("R-JOB-1: none, or with base pay without it, hours, amount and the excess statement, is fine", () => {
    expect(checkFixedOvertime(posting())).toEqual([]);
    expect(checkFixedOvertime(posting({ wage: { fixedOvertime: fo() } }))).toEqual([]);
  });

  it("R-JOB-1: the amount and the hours are required", () => {
    expect(codes(checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ amountYen: null }) } })))).toEqual(["error:fixed-overtime.amount-missing"]);
    const noHours = checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ minutes: 0 }) } }));
    expect(codes(noHours)).toEqual(["error:fixed-overtime.hours-missing"]);
    expect(noHours[0]!.field).toBe("wage.fixedOvertime.minutes");
  });

  it("R-JOB-1: without the statement that excess overtime is paid extra it is red", () => {
    const findings = checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ excessPaidStatement: false }) } }));
    expect(codes(findings)).toEqual(["error:fixed-overtime.excess-statement-missing"]);
    expect(findings[0]!.message).toContain("追加で支給");
  });

  it("R-JOB-1: 基本給 must exclude it; it may not hide among the 手当", () => {
    expect(codes(checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ includedInBasePay: true }) } })))).toContain("error:fixed-overtime.in-base-pay");
    const findings = checkFixedOvertime(
      posting({
        wage: {
          allowances: [
            { name: "ｍなし", amountYen: 1, kind: "other" },
            { name: "みなし残業手当", amountYen: 20_000, kind: "other" },
          ],
        },
      }),
    );
    expect(codes(findings)).toEqual(["error:fixed-overtime.in-allowances"]);
    expect(findings[0]!.field).toBe("wage.allowances.1.name");
  });

  it("R-JOB-1: an amount below the 25 % premium for its hours, or over 45 hours, is an orange warning", () => {
    // Base ¥200,000, 2,080 h a year → ¥1,153.8/h; 20 h × 1.25 → ¥28,846 needed.
    expect(codes(checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ amountYen: 28_845 }) } })))).toEqual(["warning:fixed-overtime.below-premium"]);
    expect(checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ amountYen: 28_847 }) } }))).toEqual([]);
    expect(codes(checkFixedOvertime(posting({ wage: { fixedOvertime: fo({ amountYen: 100_000, minutes: 46 * 60 }) } })))).toEqual([
      "warning:fixed-overtime.hours-over-limit",
    ]);
  });
});
