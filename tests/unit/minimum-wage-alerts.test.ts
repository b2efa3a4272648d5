/**
 * Issue 10 #3 (R-JOB-1; ADR 0015): which postings a minimum-wage revision affects, and from when — the pure rule.
 * The posting: 栃木, 月給 200,000円 + 職務手当 10,000円, 8 h a day, 105 days off → 1,211円 an hour.
 */
import { describe, expect, it } from "vitest";
import { alertPhase, minimumWageAlertsOf, type AlertCandidate } from "../../app/rules/posting/minimum-wage-alerts";
import type { MinimumWageRow, PostingContent } from "../../app/rules/posting";
import { completePosting, MINIMUM_WAGES } from "./posting-fixture";

const REVISION: MinimumWageRow = { prefectureCode: "09", amountYen: 1250, effectiveFrom: "2026-12-20" };
const ROWS = [...MINIMUM_WAGES, REVISION];

function accepted(overrides: Partial<AlertCandidate> = {}, published: PostingContent = completePosting()): AlertCandidate {
  return { status: "accepted", changeStatus: null, validUntil: "2027-01-31", universityGraduate: false, published, working: published, ...overrides };
}

const raised = (): PostingContent => {
  const c = completePosting();
  return { ...c, wage: { ...c.wage, baseMin: 240_000, baseMax: 260_000 } };
};

describe("issue 10 #3: minimum-wage alerts (R-JOB-1)", () => {
  it("R-JOB-1 / issue 10 #3: a valid posting below 1,250円 from 2026-12-20 is alerted from 2026-12-13 (−7); 2026-12-12 (−8) is ahead; from 2026-12-20 suspended", () => {
    const [alert] = minimumWageAlertsOf(accepted(), ROWS, "09", "2026-11-26");
    expect(alert).toEqual({ prefectureCode: "09", effectiveFrom: "2026-12-20", amountYen: 1250, alertFrom: "2026-12-13" });
    expect(alertPhase(alert!, "2026-12-12")).toBe("ahead");
    expect(alertPhase(alert!, "2026-12-13")).toBe("due");
    expect(alertPhase(alert!, "2026-12-19")).toBe("due");
    expect(alertPhase(alert!, "2026-12-20")).toBe("suspended");
    // Still alerted on the 発効日 (the revision is then the one in force).
    expect(minimumWageAlertsOf(accepted(), ROWS, "09", "2026-12-20")).toHaveLength(1);
  });

  it("R-JOB-1 / issue 10 #3: not alerted — 紹介期限 2026-12-19 (before the 発効日), a wage that meets it, another prefecture, a stopped posting", () => {
    expect(minimumWageAlertsOf(accepted({ validUntil: "2026-12-19" }), ROWS, "09", "2026-11-26")).toEqual([]);
    expect(minimumWageAlertsOf(accepted({}, raised()), ROWS, "09", "2026-11-26")).toEqual([]);
    expect(minimumWageAlertsOf(accepted(), ROWS, "13", "2026-11-26")).toEqual([]);
    expect(minimumWageAlertsOf(accepted({ status: "stopped" }), ROWS, "09", "2026-11-26")).toEqual([]);
  });

  it("R-JOB-1 / issue 10 #3: pending postings — a new one 申込み中 (紹介期限 if accepted on 2026-11-26: 2027-01-31) and a 内容変更 under review that is below while the published one is not", () => {
    const submitted: AlertCandidate = {
      status: "submitted",
      changeStatus: null,
      validUntil: null,
      universityGraduate: false,
      published: null,
      working: completePosting(),
    };
    expect(minimumWageAlertsOf(submitted, ROWS, "09", "2026-11-26")).toHaveLength(1);
    const change = accepted({ changeStatus: "submitted", published: raised(), working: completePosting() });
    expect(minimumWageAlertsOf(change, ROWS, "09", "2026-11-26")).toHaveLength(1);
    // A 内容変更 still being typed (draft) is not live: only the published version counts.
    expect(minimumWageAlertsOf({ ...change, changeStatus: "draft" }, ROWS, "09", "2026-11-26")).toEqual([]);
  });
});
