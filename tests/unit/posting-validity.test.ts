import { describe, expect, it } from "vitest";
import { canExtend, canSubmitRenewal, extendedValidUntil, isValidOn, renewalOpensOn, validUntil } from "../../app/rules/posting";

describe("validity of a posting (R-JOB-2, R-JOB-5)", () => {
  it("R-JOB-2: valid to the last day of the month after next (受理日の翌々月末日)", () => {
    expect(validUntil("2025-04-01")).toBe("2025-06-30");
    expect(validUntil("2025-04-17")).toBe("2025-06-30");
    expect(validUntil("2025-05-15")).toBe("2025-07-31");
    expect(validUntil("2025-11-15")).toBe("2026-01-31");
    expect(validUntil("2025-12-31")).toBe("2026-02-28"); // month-end 受理
    expect(validUntil("2027-12-01")).toBe("2028-02-29"); // leap year
  });

  it("R-JOB-2: 大卒等 postings are valid to 31 March of the fiscal year of 受理", () => {
    expect(validUntil("2026-01-05", { universityGraduate: true })).toBe("2026-03-31");
    expect(validUntil("2026-03-31", { universityGraduate: true })).toBe("2026-03-31");
    expect(validUntil("2026-04-01", { universityGraduate: true })).toBe("2027-03-31");
    expect(validUntil("2026-12-31", { universityGraduate: true })).toBe("2027-03-31");
  });

  it("R-JOB-2: one extension by one month goes to the end of the following month", () => {
    expect(extendedValidUntil("2026-01-31")).toBe("2026-02-28");
    expect(extendedValidUntil("2026-02-28")).toBe("2026-03-31");
    expect(extendedValidUntil("2026-12-31")).toBe("2027-01-31");
  });

  it("R-JOB-2: only a valid posting, and only once", () => {
    const p = { acceptedOn: "2025-12-31", validUntil: "2026-02-28", extended: false };
    expect(canExtend(p, "2026-02-28").allowed).toBe(true);
    expect(canExtend(p, "2026-03-01")).toMatchObject({ allowed: false });
    expect(canExtend({ ...p, extended: true }, "2026-02-01")).toMatchObject({ allowed: false, reason: expect.stringContaining("1回限り") });
    expect(canExtend({ ...p, invalidatedOn: "2026-01-10" }, "2026-01-10").allowed).toBe(false);
  });

  it("R-JOB-2: a posting is valid from its 受理日 through its 紹介期限, until it is stopped", () => {
    const p = { acceptedOn: "2025-12-31", validUntil: "2026-02-28" };
    expect(isValidOn(p, "2025-12-30")).toBe(false);
    expect(isValidOn(p, "2025-12-31")).toBe(true);
    expect(isValidOn(p, "2026-02-28")).toBe(true);
    expect(isValidOn(p, "2026-03-01")).toBe(false);
    expect(isValidOn({ ...p, invalidatedOn: "2026-01-10" }, "2026-01-09")).toBe(true);
    expect(isValidOn({ ...p, invalidatedOn: "2026-01-10" }, "2026-01-10")).toBe(false);
  });

  it("R-JOB-5: a renewal can be submitted from 7 days before the 紹介期限, not earlier", () => {
    expect(renewalOpensOn("2026-02-28")).toBe("2026-02-21");
    expect(canSubmitRenewal("2026-02-28", "2026-02-20")).toMatchObject({ allowed: false, reason: expect.stringContaining("2026年2月21日") });
    expect(canSubmitRenewal("2026-02-28", "2026-02-21").allowed).toBe(true);
    expect(canSubmitRenewal("2026-02-28", "2026-02-28").allowed).toBe(true);
    expect(canSubmitRenewal("2026-02-28", "2026-03-15").allowed).toBe(true); // after expiry too
    expect(renewalOpensOn("2026-03-03")).toBe("2026-02-24");
  });
});
