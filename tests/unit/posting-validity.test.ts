import { describe, expect, it } from "vitest";
import {
  canExtend,
  canSubmitRenewal,
  extendedValidUntil,
  isPublicOn,
  isValidOn,
  publicFrom,
  renewalOpensOn,
  universityGraduateTerm,
  validUntil,
} from "../../app/rules/posting";

describe("validity of a posting (R-JOB-2, R-JOB-5)", () => {
  it("R-JOB-2: valid to the last day of the month after next (受理日の翌々月末日)", () => {
    expect(validUntil("2025-04-01")).toBe("2025-06-30");
    expect(validUntil("2025-04-17")).toBe("2025-06-30");
    expect(validUntil("2025-05-15")).toBe("2025-07-31");
    expect(validUntil("2025-11-15")).toBe("2026-01-31");
    expect(validUntil("2025-12-31")).toBe("2026-02-28"); // month-end 受理
    expect(validUntil("2027-12-01")).toBe("2028-02-29"); // leap year
  });

  it("R-JOB-2 (issue 10 #2): a 大卒等 posting is valid to 31 March of its graduates' recruiting year; from 2/1 that is the coming fiscal year", () => {
    const ug = { universityGraduate: true };
    // January: this March's graduates (the acceptance of the coming year's opens on 2/1).
    expect(validUntil("2026-01-05", ug)).toBe("2026-03-31");
    expect(validUntil("2026-01-31", ug)).toBe("2026-03-31");
    // From 2026-02-01: the students who graduate in March 2027 — valid until 2027-03-31 (it used to end on 2026-03-31).
    expect(validUntil("2026-02-01", ug)).toBe("2027-03-31");
    expect(validUntil("2026-02-10", ug)).toBe("2027-03-31");
    expect(validUntil("2026-03-31", ug)).toBe("2027-03-31");
    expect(validUntil("2026-04-01", ug)).toBe("2027-03-31");
    expect(validUntil("2026-12-31", ug)).toBe("2027-03-31");
  });

  it("R-JOB-2 (issue 10 #2): a 大卒等 posting accepted 2/1–3/31 is published from 4/1; otherwise from its 受理日", () => {
    expect(universityGraduateTerm("2026-01-31")).toEqual({ publicFrom: "2026-01-31", validUntil: "2026-03-31" });
    expect(universityGraduateTerm("2026-02-01")).toEqual({ publicFrom: "2026-04-01", validUntil: "2027-03-31" });
    expect(universityGraduateTerm("2026-02-10")).toEqual({ publicFrom: "2026-04-01", validUntil: "2027-03-31" });
    expect(universityGraduateTerm("2026-03-31")).toEqual({ publicFrom: "2026-04-01", validUntil: "2027-03-31" });
    expect(universityGraduateTerm("2026-04-01")).toEqual({ publicFrom: "2026-04-01", validUntil: "2027-03-31" });
    expect(universityGraduateTerm("2028-02-29")).toEqual({ publicFrom: "2028-04-01", validUntil: "2029-03-31" });
    // Not 大卒等: public from the 受理日, whatever the month.
    expect(publicFrom("2026-02-10")).toBe("2026-02-10");
    expect(publicFrom("2026-02-10", { universityGraduate: true })).toBe("2026-04-01");

    // Accepted 2026-02-10: valid (有効中) from the 受理日, public only from 2026-04-01 through 2027-03-31.
    const p = { acceptedOn: "2026-02-10", validUntil: "2027-03-31", publicFrom: "2026-04-01" };
    expect(isValidOn(p, "2026-02-10")).toBe(true);
    expect(isPublicOn(p, "2026-02-10")).toBe(false);
    expect(isPublicOn(p, "2026-03-31")).toBe(false);
    expect(isPublicOn(p, "2026-04-01")).toBe(true);
    expect(isPublicOn(p, "2027-03-31")).toBe(true);
    expect(isPublicOn(p, "2027-04-01")).toBe(false);
    // A row without 公開開始日 (accepted before the column) is public from its 受理日.
    expect(isPublicOn({ ...p, publicFrom: null }, "2026-02-10")).toBe(true);
  });

  it("R-JOB-2 (issue 10 #2): a 大卒等 posting is not extended (its year ends on 31 March)", () => {
    const p = { acceptedOn: "2026-04-01", validUntil: "2027-03-31", extended: false, universityGraduate: true };
    expect(canExtend(p, "2027-03-25")).toMatchObject({ allowed: false, reason: expect.stringContaining("大卒等求人") });
    expect(canExtend({ ...p, universityGraduate: false }, "2027-03-25").allowed).toBe(true);
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
