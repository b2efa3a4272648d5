import { describe, expect, it } from "vitest";
import { emptyPostingContent, mustStop, validatePosting, warningKey } from "../../app/rules/posting";
import { codes, MINIMUM_WAGES, posting } from "./posting-fixture";

describe("validatePosting: all the rules of a 求人票 (R-JOB-1)", () => {
  it("R-JOB-1: a lawful posting has no findings", () => {
    expect(validatePosting(posting(), { today: "2025-10-01", minimumWages: MINIMUM_WAGES })).toEqual([]);
  });

  it("R-JOB-1: a new application looks ahead to a revision within the validity it would get (受理日の翌々月末日)", () => {
    const p = posting({ wage: { form: "時間給", baseMin: 1004, baseMax: null } });
    // Submitted 2025-09-10: would be valid to 2025-11-30, which includes 栃木's 2025-10-01 revision.
    expect(codes(validatePosting(p, { today: "2025-09-10", minimumWages: MINIMUM_WAGES }))).toEqual(["warning:minimum-wage.revision-ahead"]);
    // An accepted posting valid only to 2025-09-30: the revision is outside it.
    expect(validatePosting(p, { today: "2025-09-10", minimumWages: MINIMUM_WAGES, validUntil: "2025-09-30" })).toEqual([]);
  });

  it("R-JOB-1: red findings block; orange ones block until shown once (the second 次へ進む goes on)", () => {
    const p = posting({
      wage: { baseMin: 250_000, baseMax: 300_000 },
      hours: { dailyMinutes: 540, shifts: [{ start: "08:00", end: "18:00", breakMinutes: 60 }] },
    });
    const findings = validatePosting(p, { today: "2025-10-01", minimumWages: MINIMUM_WAGES });
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
    expect(mustStop(findings)).toBe(true);
    expect(mustStop(findings, findings.map(warningKey))).toBe(false);

    const red = validatePosting(posting({ smoking: { measure: null } }), { today: "2025-10-01", minimumWages: MINIMUM_WAGES });
    expect(mustStop(red, red.map(warningKey))).toBe(true);
  });

  it("R-JOB-1: every finding has a dotted field path and a Japanese message; a blank draft never throws", () => {
    const findings = validatePosting(emptyPostingContent(), { today: "2025-10-01", minimumWages: MINIMUM_WAGES });
    expect(codes(findings)).toEqual(
      expect.arrayContaining(["error:disclosure.duties-change-scope-missing", "error:disclosure.transfer-missing", "error:disclosure.smoking-missing"]),
    );
    for (const f of findings) {
      expect(f.field).toMatch(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)*$/);
      expect(f.message).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(f.message).toMatch(/ください/);
    }
  });
});
