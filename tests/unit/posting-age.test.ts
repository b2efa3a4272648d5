import { describe, expect, it } from "vitest";
import { checkAge, type AgeLimit, type PostingContent } from "../../app/rules/posting";
import { codes, posting } from "./posting-fixture";

const exception = (code: NonNullable<Extract<AgeLimit, { kind: "exception" }>["code"]>, min: number | null, max: number | null, reason = "理由") =>
  ({ kind: "exception", code, min, max, reason }) as const;
const fixedTerm: PostingContent["contract"] = {
  kind: "fixed",
  months: 12,
  startDate: null,
  endDate: null,
  renewal: "conditional",
  renewalConditions: "勤務成績により判断",
  renewalCap: { present: false },
};

describe("年齢制限 (R-JOB-1)", () => {
  it("R-JOB-1: 年齢不問 with no range is fine", () => {
    expect(checkAge(posting())).toEqual([]);
  });

  it("R-JOB-1: 不問 with a minimum or maximum given is red", () => {
    expect(codes(checkAge(posting({ age: { kind: "none", min: 18, max: null } })))).toEqual(["error:age.limit-without-exception"]);
    expect(codes(checkAge(posting({ age: { kind: "none", min: null, max: 35 } })))).toEqual(["error:age.limit-without-exception"]);
  });

  it("R-JOB-1: a limit needs an exception code, a range and a reason text", () => {
    expect(codes(checkAge(posting({ age: { kind: "exception", code: null, min: null, max: 35, reason: "x" } })))).toEqual(["error:age.exception-missing"]);
    expect(codes(checkAge(posting({ age: exception("2", null, null) })))).toEqual(["error:age.range-missing"]);
    const noReason = checkAge(posting({ age: exception("3ハ", 20, 29, "　 ") }));
    expect(codes(noReason)).toEqual(["error:age.reason-missing"]);
    expect(noReason[0]!.field).toBe("age.reason");
    expect(codes(checkAge(posting({ age: exception("2", 40, 30) })))).toEqual(["error:age.range-reversed"]);
    expect(codes(checkAge(posting({ age: exception("2", 12, null) })))).toEqual(["error:age.range-invalid"]);
  });

  it("R-JOB-1: 1号 with 定年 59 is red", () => {
    const findings = checkAge(posting({ age: exception("1", null, 58, "定年が59歳のため"), retirement: { present: true, age: 59 } }));
    expect(codes(findings)).toEqual(["error:age.1.retirement-below-60"]);
    expect(findings[0]!.field).toBe("retirement.age");
  });

  it("R-JOB-1: 1号 with 定年 60 and upper limit 59 is fine; upper limit 60 is red (the limit must be below the 定年)", () => {
    expect(checkAge(posting({ age: exception("1", null, 59, "定年が60歳のため"), retirement: { present: true, age: 60 } }))).toEqual([]);
    expect(codes(checkAge(posting({ age: exception("1", null, 60, "定年が60歳のため"), retirement: { present: true, age: 60 } })))).toEqual([
      "error:age.1.max-not-retirement-minus-one",
    ]);
  });

  it("R-JOB-1 (issue 10 #1): the upper limit of 1号 is exactly 定年 − 1 — 定年60 → 59 ok, 58 red, 60 red; 定年63 → 59 red", () => {
    const with60 = (max: number) => checkAge(posting({ age: exception("1", null, max, "定年が60歳のため"), retirement: { present: true, age: 60 } }));
    expect(with60(59)).toEqual([]);
    for (const max of [58, 60]) {
      const findings = with60(max);
      expect(codes(findings)).toEqual(["error:age.1.max-not-retirement-minus-one"]);
      expect(findings[0]!.field).toBe("age.max");
      expect(findings[0]!.message).toContain("59歳");
    }
    const with63 = checkAge(posting({ age: exception("1", null, 59, "定年が63歳のため"), retirement: { present: true, age: 63 } }));
    expect(codes(with63)).toEqual(["error:age.1.max-not-retirement-minus-one"]);
    expect(with63[0]!.message).toContain("62歳");
    expect(checkAge(posting({ age: exception("1", null, 62, "定年が63歳のため"), retirement: { present: true, age: 63 } }))).toEqual([]);
  });

  it("R-JOB-1: 1号 needs a 定年, an indefinite contract, and an upper limit only", () => {
    expect(codes(checkAge(posting({ age: exception("1", null, 59), retirement: { present: false, age: null } })))).toEqual(["error:age.1.retirement-required"]);
    expect(codes(checkAge(posting({ age: exception("1", null, 59), contract: fixedTerm })))).toEqual(["error:age.1.indefinite-required"]);
    expect(codes(checkAge(posting({ age: exception("1", 18, 59) })))).toEqual(["error:age.1.min-not-allowed"]);
  });

  it("R-JOB-1: 2号 needs a reason (the law); with one it is fine", () => {
    expect(codes(checkAge(posting({ age: exception("2", 18, null, "") })))).toEqual(["error:age.reason-missing"]);
    expect(checkAge(posting({ age: exception("2", 18, null, "警備業法第14条により18歳未満は警備業務に就けないため") }))).toEqual([]);
  });

  it("R-JOB-1: 3号イ with 無期契約 and 経験不問 is fine", () => {
    expect(checkAge(posting({ age: exception("3イ", null, 35, "長期勤続によるキャリア形成を図るため（新卒者と同等の処遇）") }))).toEqual([]);
  });

  it("R-JOB-1: 3号イ without 無期契約 is red", () => {
    const findings = checkAge(posting({ age: exception("3イ", null, 35), contract: fixedTerm }));
    expect(codes(findings)).toEqual(["error:age.3i.indefinite-required"]);
    expect(codes(checkAge(posting({ age: exception("3イ", null, 35), employmentType: "有期雇用派遣労働者" })))).toEqual(["error:age.3i.indefinite-required"]);
  });

  it("R-JOB-1: 3号イ requiring experience is red; a lower limit is red", () => {
    const findings = checkAge(posting({ age: exception("3イ", null, 35), experience: "必要" }));
    expect(codes(findings)).toEqual(["error:age.3i.experience-required-none"]);
    expect(findings[0]!.field).toBe("experience");
    expect(codes(checkAge(posting({ age: exception("3イ", 18, 35) })))).toEqual(["error:age.3i.min-not-allowed"]);
  });

  it("R-JOB-1: 3号ロ needs 無期契約 and a band of 5–10 ages inside 30–49", () => {
    expect(checkAge(posting({ age: exception("3ロ", 30, 39) }))).toEqual([]); // 10 ages
    expect(checkAge(posting({ age: exception("3ロ", 45, 49) }))).toEqual([]); // 5 ages
    expect(codes(checkAge(posting({ age: exception("3ロ", 30, 40) })))).toEqual(["error:age.3ro.band-width"]); // 11
    expect(codes(checkAge(posting({ age: exception("3ロ", 30, 33) })))).toEqual(["error:age.3ro.band-width"]); // 4
    expect(codes(checkAge(posting({ age: exception("3ロ", 29, 35) })))).toEqual(["error:age.3ro.band-outside"]);
    expect(codes(checkAge(posting({ age: exception("3ロ", 45, 50) })))).toEqual(["error:age.3ro.band-outside"]);
    expect(codes(checkAge(posting({ age: exception("3ロ", 30, null) })))).toEqual(["error:age.3ro.band-required"]);
    expect(codes(checkAge(posting({ age: exception("3ロ", 30, 39), contract: fixedTerm })))).toEqual(["error:age.3ro.indefinite-required"]);
  });

  it("R-JOB-1: 3号ニ for 60 and over is fine; a younger group is an orange warning asking for the national measure", () => {
    expect(checkAge(posting({ age: exception("3ニ", 60, null) }))).toEqual([]);
    expect(codes(checkAge(posting({ age: exception("3ニ", 45, null) })))).toEqual(["warning:age.3ni.not-senior"]);
  });
});
