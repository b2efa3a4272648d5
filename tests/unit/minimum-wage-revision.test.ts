/**
 * Issue 9 #9: the rules of a supervisor's change to the 地域別最低賃金 table (app/rules/minimum-wage-revision.ts), at
 * their boundaries with the dates written out: the office's prefecture only (R-AUTH-4), ±20 % against the amount in
 * force on the new 発効日, and "not yet in force" (発効日 after today, JST).
 */
import { describe, expect, it } from "vitest";
import {
  changePercent,
  checkRevisionChange,
  confirmationValue,
  isNotYetInForce,
  mayChangeMinimumWages,
  needsConfirmation,
  type RevisionChange,
} from "../../app/rules/minimum-wage-revision";
import type { MinimumWageRow } from "../../app/rules/posting";

/** 栃木: 1,004円 undated, 1,068円 from 2025-10-01, a revision to 1,100円 decided for 2026-12-01; 東京: 1,226円. */
const ROWS: MinimumWageRow[] = [
  { prefectureCode: "09", amountYen: 1004, effectiveFrom: "0000-01-01" },
  { prefectureCode: "09", amountYen: 1068, effectiveFrom: "2025-10-01" },
  { prefectureCode: "09", amountYen: 1100, effectiveFrom: "2026-12-01" },
  { prefectureCode: "13", amountYen: 1226, effectiveFrom: "2025-10-03" },
];
const TOCHIGI_SUPERVISOR = { role: "supervisor", prefectureCode: "09" } as const;

function check(
  change: RevisionChange,
  today = "2026-11-26",
  confirmation: string | null = null,
  actor: Parameters<typeof checkRevisionChange>[0]["actor"] = TOCHIGI_SUPERVISOR,
) {
  return checkRevisionChange({ actor, change, rows: ROWS, today, confirmation });
}
const add = (amountYen: number, effectiveFrom = "2027-10-01", prefectureCode = "09"): RevisionChange => ({
  kind: "add",
  prefectureCode,
  amountYen,
  effectiveFrom,
});

describe("issue 9 #9: who may change the minimum wages (R-AUTH-4)", () => {
  it("issue 9 #9: a supervisor of an office in 栃木 changes 栃木 only; an officer never", () => {
    expect(mayChangeMinimumWages({ role: "supervisor", prefectureCode: "09" }, "09")).toBe(true);
    expect(mayChangeMinimumWages({ role: "supervisor", prefectureCode: "09" }, "13")).toBe(false);
    expect(mayChangeMinimumWages({ role: "officer", prefectureCode: "09" }, "09")).toBe(false);
    const refused = check(add(1300, "2027-10-01", "13"));
    expect(refused).toMatchObject({ ok: false, reason: "prefecture", field: "prefectureCode" });
    expect(!refused.ok && refused.message).toContain("栃木県");
    expect(
      check({ kind: "withdraw", prefectureCode: "09", revision: "2026-12-01" }, "2026-11-26", null, { role: "officer", prefectureCode: "09" }),
    ).toMatchObject({
      ok: false,
      reason: "prefecture",
    });
  });
});

describe("issue 9 #9: ±20 % against the amount in force asks for a confirmation", () => {
  it("issue 9 #9: 1,000円 → 1,200円 (+20 %) and 800円 (−20 %) pass; 1,201円 and 799円 ask", () => {
    expect(needsConfirmation(1000, 1200)).toBe(false);
    expect(needsConfirmation(1000, 1201)).toBe(true);
    expect(needsConfirmation(1000, 800)).toBe(false);
    expect(needsConfirmation(1000, 799)).toBe(true);
    expect(needsConfirmation(null, 5000)).toBe(false);
    expect(changePercent(1068, 1335)).toBe(25);
    expect(changePercent(1068, 801)).toBe(-25);
    expect(changePercent(1068, 1100)).toBe(3);
  });

  it("issue 9 #9: a revision for 2027-10-01 is compared with 1,100円 (in force from 2026-12-01); one for 2026-11-30 with 1,068円", () => {
    // 1,100 × 1.2 = 1,320: 1,320円 passes, 1,321円 asks.
    expect(check(add(1320))).toMatchObject({ ok: true, inForce: { amountYen: 1100 }, changePercent: 20, confirmed: false });
    const asked = check(add(1321));
    expect(asked).toMatchObject({ ok: false, reason: "confirm", field: "amountYen", confirmation: confirmationValue(1321, "2027-10-01") });
    expect(!asked.ok && asked.message).toContain("1,100円");
    expect(!asked.ok && asked.message).toContain("+20.1%");
    expect(!asked.ok && asked.message).toContain("2027年10月1日");
    // The day before the 2026-12-01 revision, 1,068円 is the one in force: 1,300円 is +21.7 %.
    expect(check(add(1300, "2026-11-30"))).toMatchObject({ ok: false, reason: "confirm" });
    expect(check(add(1300, "2026-12-02"))).toMatchObject({ ok: true, changePercent: 18.2 });
  });

  it("issue 9 #9: the confirmation holds for the amount and date it was given for only", () => {
    expect(check(add(1400), "2026-11-26", confirmationValue(1400, "2027-10-01"))).toMatchObject({ ok: true, confirmed: true, changePercent: 27.3 });
    expect(check(add(1400), "2026-11-26", confirmationValue(1399, "2027-10-01"))).toMatchObject({ ok: false, reason: "confirm" });
    expect(check(add(1400), "2026-11-26", confirmationValue(1400, "2027-10-02"))).toMatchObject({ ok: false, reason: "confirm" });
    expect(check(add(1400), "2026-11-26", "on")).toMatchObject({ ok: false, reason: "confirm" });
  });

  it("issue 9 #9: a correction is compared with the amount in force on its new 発効日, not with itself", () => {
    // 2026-12-01 1,100円 → 1,290円: against 1,068円 that is +20.8 %.
    expect(check({ kind: "correct", prefectureCode: "09", revision: "2026-12-01", amountYen: 1290, effectiveFrom: "2026-12-01" })).toMatchObject({
      ok: false,
      reason: "confirm",
    });
    expect(check({ kind: "correct", prefectureCode: "09", revision: "2026-12-01", amountYen: 1281, effectiveFrom: "2026-12-15" })).toMatchObject({
      ok: true,
      before: { amountYen: 1100, effectiveFrom: "2026-12-01" },
      inForce: { amountYen: 1068, effectiveFrom: "2025-10-01" },
    });
  });
});

describe("issue 9 #9: only a revision not yet in force can be corrected or withdrawn", () => {
  const withdraw: RevisionChange = { kind: "withdraw", prefectureCode: "09", revision: "2026-12-01" };
  const correct: RevisionChange = { kind: "correct", prefectureCode: "09", revision: "2026-12-01", amountYen: 1090, effectiveFrom: "2026-12-01" };

  it("issue 9 #9: the 2026-12-01 revision can be changed on 2026-11-30 (JST) and not from 2026-12-01", () => {
    expect(isNotYetInForce("2026-12-01", "2026-11-30")).toBe(true);
    expect(isNotYetInForce("2026-12-01", "2026-12-01")).toBe(false);
    expect(isNotYetInForce("2026-12-01", "2026-12-02")).toBe(false);
    expect(check(withdraw, "2026-11-30")).toMatchObject({ ok: true, before: { amountYen: 1100, effectiveFrom: "2026-12-01" } });
    expect(check(correct, "2026-11-30")).toMatchObject({ ok: true });
    expect(check(withdraw, "2026-12-01")).toMatchObject({ ok: false, reason: "in-force" });
    expect(check(correct, "2026-12-01")).toMatchObject({ ok: false, reason: "in-force" });
  });

  it("issue 9 #9: the revision in force (2025-10-01) and the undated one can never be withdrawn; an unknown date is not found", () => {
    expect(check({ kind: "withdraw", prefectureCode: "09", revision: "2025-10-01" })).toMatchObject({ ok: false, reason: "in-force" });
    expect(check({ kind: "withdraw", prefectureCode: "09", revision: "0000-01-01" })).toMatchObject({ ok: false, reason: "in-force" });
    expect(check({ kind: "withdraw", prefectureCode: "09", revision: "2026-12-02" })).toMatchObject({ ok: false, reason: "not-found" });
  });

  it("issue 9 #9: a correction moves to today or later, not onto another revision's date, and must change something", () => {
    expect(check({ ...correct, effectiveFrom: "2026-11-25" }, "2026-11-26")).toMatchObject({ ok: false, reason: "past-date", field: "effectiveFrom" });
    expect(check({ ...correct, effectiveFrom: "2026-11-26" }, "2026-11-26")).toMatchObject({ ok: true });
    expect(check({ ...correct, effectiveFrom: "2025-10-01" }, "2025-09-01")).toMatchObject({ ok: false, reason: "duplicate" });
    expect(check({ ...correct, amountYen: 1100 })).toMatchObject({ ok: false, reason: "unchanged" });
    expect(check(add(1100, "2026-12-01"))).toMatchObject({ ok: false, reason: "duplicate", field: "effectiveFrom" });
    expect(check(add(1100, "2026-11-25"))).toMatchObject({ ok: false, reason: "past-date" });
  });
});
