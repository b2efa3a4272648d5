import { describe, expect, it } from "vitest";
import {
  ageOn,
  backlogLevel,
  daysSinceReferral,
  exceedsBacklog,
  invalidOn,
  isOverdue,
  isSelectionWindowOpen,
  overdueCutoff,
  selectionWindowLastDay,
  type PostingValidity,
} from "../../app/rules/referral";

const accepted = (validUntil: string): PostingValidity => ({ status: "accepted", acceptedOn: "2026-01-10", validUntil, invalidatedOn: null });

describe("R-GATE-3: the backlog counts referrals 21 days or more after their 紹介日", () => {
  it("R-GATE-3: on 2026-03-01 a referral of 2026-02-08 (day 21) counts, one of 2026-02-09 (day 20) does not", () => {
    expect(overdueCutoff("2026-03-01")).toBe("2026-02-08");
    expect(daysSinceReferral("2026-02-08", "2026-03-01")).toBe(21);
    expect(isOverdue({ channel: "referral", status: "screening", referredOn: "2026-02-08" }, "2026-03-01")).toBe(true);
    expect(isOverdue({ channel: "referral", status: "screening", referredOn: "2026-02-09" }, "2026-03-01")).toBe(false);
  });

  it("R-GATE-3: a referral with a result (採用, 不採用, 辞退) never counts", () => {
    for (const status of ["hired", "rejected", "declined"] as const)
      expect(isOverdue({ channel: "referral", status, referredOn: "2025-01-01" }, "2026-03-01")).toBe(false);
  });

  it("R-GATE-3 (issue 12): an オンライン自主応募 without a result never counts — the backlog is of ハローワーク's referrals", () => {
    expect(isOverdue({ channel: "application", status: "screening", referredOn: "2025-01-01" }, "2026-03-01")).toBe(false);
    expect(isOverdue({ channel: "referral", status: "screening", referredOn: "2025-01-01" }, "2026-03-01")).toBe(true);
  });

  it("R-GATE-3: 50 overdue do not restrict, 51 do; the officers' list watches from 40", () => {
    expect(exceedsBacklog(50)).toBe(false);
    expect(exceedsBacklog(51)).toBe(true);
    expect([39, 40, 50, 51].map(backlogLevel)).toEqual(["ok", "watch", "watch", "over"]);
  });
});

describe("R-REF-3: online registration closes at the end of the third month after the 無効月", () => {
  it("R-REF-3: 紹介期限 2026-03-31 → 無効日 04-01 → the window's last day is 2026-07-31, closed on 08-01", () => {
    const posting = accepted("2026-03-31");
    expect(invalidOn(posting, "2026-03-31")).toBeNull();
    expect(invalidOn(posting, "2026-04-01")).toBe("2026-04-01");
    expect(selectionWindowLastDay("2026-04-01")).toBe("2026-07-31");
    expect(isSelectionWindowOpen(posting, "2026-07-31")).toBe(true);
    expect(isSelectionWindowOpen(posting, "2026-08-01")).toBe(false);
  });

  it("R-REF-3: 募集停止 on 2026-03-15 → open to 2026-06-30; 無効日 2026-11-30 → to 2027-02-28", () => {
    const stopped: PostingValidity = { status: "stopped", acceptedOn: "2026-01-10", validUntil: "2026-03-31", invalidatedOn: "2026-03-15" };
    expect(isSelectionWindowOpen(stopped, "2026-06-30")).toBe(true);
    expect(isSelectionWindowOpen(stopped, "2026-07-01")).toBe(false);
    expect(selectionWindowLastDay("2026-11-30")).toBe("2027-02-28");
    expect(selectionWindowLastDay("2027-11-01")).toBe("2028-02-29");
  });

  it("R-REF-3: a valid posting's window is open", () => {
    expect(isSelectionWindowOpen(accepted("2026-12-31"), "2026-11-30")).toBe(true);
  });
});

describe("ages", () => {
  it("counts whole years, a 2/29 birthday reached on 3/1 in common years", () => {
    expect(ageOn("1990-05-15", "2026-05-14")).toBe(35);
    expect(ageOn("1990-05-15", "2026-05-15")).toBe(36);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
    expect(ageOn("2000-02-29", "2026-03-01")).toBe(26);
  });
});
