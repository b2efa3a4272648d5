/**
 * R-MSG-3 (issue 12): the rule of the 1-year erasure of messages (rules/message-retention.ts), JST dates, boundaries
 * written out; the job's SQL cutoff is proven equal to the per-message rule on every run day of three years and more.
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../../app/lib/clock";
import { isMessageExpired, messageErasedFrom, messageErasureCutoff } from "../../app/rules/message-retention";

describe("R-MSG-3 (issue 12): a message is erased one year after it was sent (JST dates)", () => {
  it("R-MSG-3: sent 2025-11-30 — kept on 2026-11-29, erased from 2026-11-30", () => {
    expect(messageErasedFrom("2025-11-30")).toBe("2026-11-30");
    expect(isMessageExpired("2025-11-30", "2026-11-29")).toBe(false);
    expect(isMessageExpired("2025-11-30", "2026-11-30")).toBe(true);
    expect(messageErasureCutoff("2026-11-29")).toBe("2025-11-30");
    expect(messageErasureCutoff("2026-11-30")).toBe("2025-12-01");
  });

  it("R-MSG-3: sent 2024-02-29 (leap day) — kept on 2025-02-28, erased from 2025-03-01; sent 2024-02-28 — erased from 2025-02-28", () => {
    expect(messageErasedFrom("2024-02-29")).toBe("2025-03-01");
    expect(isMessageExpired("2024-02-29", "2025-02-28")).toBe(false);
    expect(isMessageExpired("2024-02-29", "2025-03-01")).toBe(true);
    expect(messageErasedFrom("2024-02-28")).toBe("2025-02-28");
    expect(isMessageExpired("2024-02-28", "2025-02-27")).toBe(false);
    expect(isMessageExpired("2024-02-28", "2025-02-28")).toBe(true);
    // Into a leap year: sent 2027-02-28 → erased 2028-02-28; 2027-03-01 → 2028-03-01 (kept on 2028-02-29).
    expect(messageErasedFrom("2027-02-28")).toBe("2028-02-28");
    expect(isMessageExpired("2027-03-01", "2028-02-29")).toBe(false);
    expect(messageErasureCutoff("2028-02-29")).toBe("2027-03-01");
    expect(messageErasureCutoff("2025-02-28")).toBe("2024-02-29");
    expect(messageErasureCutoff("2025-03-01")).toBe("2024-03-02");
  });

  it("R-MSG-3: the cutoff the job uses agrees with the rule on every run day of 2024-12-01…2028-03-31 (two leap days) for the sending days around it", () => {
    let mismatches = 0;
    for (let i = 0; i < 1217; i++) {
      const today = addDays("2024-12-01", i);
      const cutoff = messageErasureCutoff(today);
      for (let back = 362; back <= 368; back++) {
        const sentOn = addDays(today, -back);
        if (sentOn < cutoff !== isMessageExpired(sentOn, today)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
