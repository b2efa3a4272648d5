import { describe, expect, it } from "vitest";
import { decide, decideAll, type CapabilityFacts } from "../../app/rules/capabilities";

const base: CapabilityFacts = { hasValidPosting: true, hasOpenSelectionWindow: false, restricted: false, isMainAccount: true };

describe("capability rules", () => {
  it("R-GATE-1: without a valid posting, applicant management, search and messages are refused with the reason", () => {
    const facts = { ...base, hasValidPosting: false };
    for (const c of ["applicants.view", "selection.register", "search", "messages.send"] as const) {
      const d = decide(c, facts);
      expect(d.allowed).toBe(false);
      expect(d.reason).toMatch(/有効中の求人がない/);
    }
    expect(decide("postings.apply", facts).allowed).toBe(true);
    expect(decide("search", base).allowed).toBe(true);
  });

  it("R-GATE-1: selection results of referrals stay registrable while the R-REF-3 window is open", () => {
    const facts = { ...base, hasValidPosting: false, hasOpenSelectionWindow: true };
    expect(decide("selection.register", facts).allowed).toBe(true);
    expect(decide("applicants.view", facts).allowed).toBe(true);
    expect(decide("search", facts).allowed).toBe(false);
    expect(decide("messages.send", facts).allowed).toBe(false);
  });

  it("R-GATE-3 (issue 10 wording): a backlog restriction refuses postings, establishment changes, search and messages, not results", () => {
    const all = decideAll({ ...base, restricted: true });
    for (const c of ["postings.apply", "postings.change", "postings.stop", "establishment.change", "search", "messages.send"] as const) {
      expect(all[c].allowed).toBe(false);
      expect(all[c].reason).toContain("紹介日から3週間を過ぎても選考結果が登録されていない紹介が50件を超えた"); // issue 10 wording
    }
    expect(all["selection.register"].allowed).toBe(true);
    expect(all["applicants.view"].allowed).toBe(true);
  });

  it("R-OPEN-2: only the main account manages login accounts", () => {
    expect(decide("accounts.manage", base).allowed).toBe(true);
    expect(decide("accounts.manage", { ...base, isMainAccount: false })).toMatchObject({ allowed: false });
  });
});
