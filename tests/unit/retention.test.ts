/**
 * R-DEL-1, R-DEL-2, R-DEL-3, R-DEL-4 (issue 13): the retention rules of rules/retention.ts at their boundaries, JST
 * dates written out, and the privacy policy's table of periods (RETENTION_PERIODS) consistent with the constants the
 * jobs read.
 */
import { describe, expect, it } from "vitest";
import { AUTH_LEFTOVER_RETENTION_MS } from "../../app/jobs/leftovers.server";
import { SENT_MAIL_RETENTION_MS } from "../../app/jobs/registry.server";
import { addDays, DAY_MS, HOUR_MS, MINUTE_MS } from "../../app/lib/clock";
import { PROVISIONAL_DAYS } from "../../app/models/provisional-employer.server";
import { messageErasedFrom } from "../../app/rules/message-retention";
import {
  addYears,
  AUTH_LEFTOVER_RETENTION_DAYS,
  dormancyErasureCutoff,
  withdrawalErasureCutoff,
  canRestoreWithdrawal,
  DORMANCY_YEARS,
  dormancyErasedFrom,
  isDormant,
  isWithdrawalDue,
  JOB_RUN_RETENTION_DAYS,
  KEPT_FORM_HOURS,
  MESSAGE_RETENTION_YEARS,
  POINT_IN_TIME_RECOVERY_DAYS,
  PROVISIONAL_REGISTRATION_DAYS,
  RETENTION_PERIODS,
  SENT_MAIL_RETENTION_DAYS,
  SESSION_IDLE_MINUTES,
  SESSION_MAX_HOURS,
  WITHDRAWAL_GRACE_DAYS,
  withdrawalErasedFrom,
  type DormancyFacts,
} from "../../app/rules/retention";
import { KEPT_FORM_MS } from "../../app/utils/kept-form.server";
import { SESSION_POLICIES } from "../../app/utils/session.server";

describe("R-DEL-1 / R-DEL-3 (issue 13): erased on day 31 after 退会 or closing", () => {
  it("R-DEL-1: withdrawn 2026-11-01 — kept and restorable through 2026-12-01 (day 30), erased from 2026-12-02 (day 31)", () => {
    expect(withdrawalErasedFrom("2026-11-01")).toBe("2026-12-02");
    expect(isWithdrawalDue("2026-11-01", "2026-12-01")).toBe(false);
    expect(isWithdrawalDue("2026-11-01", "2026-12-02")).toBe(true);
    expect(isWithdrawalDue("2026-11-01", "2027-01-15")).toBe(true);
    expect(canRestoreWithdrawal("2026-11-01", "2026-11-01")).toBe(true);
    expect(canRestoreWithdrawal("2026-11-01", "2026-12-01")).toBe(true);
    expect(canRestoreWithdrawal("2026-11-01", "2026-12-02")).toBe(false);
  });

  it("R-DEL-3: closed 2027-01-31 — kept on 2027-03-02 (day 30), erased from 2027-03-03; across the year end too", () => {
    expect(isWithdrawalDue("2027-01-31", "2027-03-02")).toBe(false);
    expect(isWithdrawalDue("2027-01-31", "2027-03-03")).toBe(true);
    expect(withdrawalErasedFrom("2026-12-15")).toBe("2027-01-15");
  });
});

describe("R-DEL-2 (issue 13): 5 years without a 求人の申込 after the latest 求人無効日", () => {
  const base: DormancyFacts = { openedOn: "2019-04-01", latestInvalidatedOn: "2021-11-30", latestApplicationOn: "2021-05-10", hasLivePosting: false };

  it("R-DEL-2: addYears — 2024-02-29 + 5 → 2029-03-01; 2021-11-30 + 5 → 2026-11-30; 2024-02-28 + 1 → 2025-02-28", () => {
    expect(addYears("2024-02-29", 5)).toBe("2029-03-01");
    expect(addYears("2024-02-29", 4)).toBe("2028-03-01");
    expect(addYears("2021-11-30", 5)).toBe("2026-11-30");
    expect(addYears("2024-02-28", 1)).toBe("2025-02-28");
  });

  it("R-DEL-2: latest 求人無効日 2021-11-30 — kept on 2026-11-29, erased from 2026-11-30", () => {
    expect(dormancyErasedFrom(base)).toBe("2026-11-30");
    expect(isDormant(base, "2026-11-29")).toBe(false);
    expect(isDormant(base, "2026-11-30")).toBe(true);
  });

  it("R-DEL-2: an application after the 無効日 moves the anchor; a live posting keeps the My Page", () => {
    const applied = { ...base, latestApplicationOn: "2022-01-10" };
    expect(dormancyErasedFrom(applied)).toBe("2027-01-10");
    expect(isDormant(applied, "2026-11-30")).toBe(false);
    expect(isDormant(applied, "2027-01-10")).toBe(true);
    expect(dormancyErasedFrom({ ...base, hasLivePosting: true })).toBeNull();
    expect(isDormant({ ...base, hasLivePosting: true }, "2040-01-01")).toBe(false);
  });

  it("R-DEL-2: no posting ever — 5 years after opening (2021-06-15 → kept 2026-06-14, erased 2026-06-15); opened on 2/29", () => {
    const never: DormancyFacts = { openedOn: "2021-06-15", latestInvalidatedOn: null, latestApplicationOn: null, hasLivePosting: false };
    expect(isDormant(never, "2026-06-14")).toBe(false);
    expect(isDormant(never, "2026-06-15")).toBe(true);
    expect(dormancyErasedFrom({ ...never, openedOn: "2024-02-29" })).toBe("2029-03-01");
  });

  it("R-DEL-2: opened after the latest 無効日 (a re-opened page) counts from the opening", () => {
    expect(dormancyErasedFrom({ ...base, openedOn: "2023-03-01" })).toBe("2028-03-01");
  });
});

describe("R-DEL-1, R-DEL-2 (issue 13): the erasure job's SQL cutoffs agree with the rules", () => {
  it("R-DEL-1: withdrawalErasureCutoff — 2026-12-02 → 2026-11-01, 2026-12-01 → 2026-10-31", () => {
    expect(withdrawalErasureCutoff("2026-12-02")).toBe("2026-11-01");
    expect(withdrawalErasureCutoff("2026-12-01")).toBe("2026-10-31");
  });

  it("R-DEL-2: dormancyErasureCutoff — 2026-11-30 → 2021-11-30; 2029-02-28 → 2024-02-28; 2029-03-01 → 2024-03-01; 2028-02-29 → 2023-02-28", () => {
    expect(dormancyErasureCutoff("2026-11-30")).toBe("2021-11-30");
    expect(dormancyErasureCutoff("2029-02-28")).toBe("2024-02-28");
    expect(dormancyErasureCutoff("2029-03-01")).toBe("2024-03-01");
    expect(dormancyErasureCutoff("2028-02-29")).toBe("2023-02-28");
  });

  it("R-DEL-1, R-DEL-2: `endedOn <= cutoff` ⇔ the rule, for every run day of 2027-12-01…2029-03-31 and the anchor days around its cutoff", () => {
    for (let today = "2027-12-01"; today <= "2029-03-31"; today = addDays(today, 1)) {
      const w = withdrawalErasureCutoff(today);
      for (let d = addDays(w, -2); d <= addDays(w, 2); d = addDays(d, 1)) expect(d <= w, `${d} on ${today}`).toBe(isWithdrawalDue(d, today));
      const c = dormancyErasureCutoff(today);
      for (let d = addDays(c, -3); d <= addDays(c, 3); d = addDays(d, 1)) {
        const facts: DormancyFacts = { openedOn: d, latestInvalidatedOn: null, latestApplicationOn: null, hasLivePosting: false };
        expect(d <= c, `${d} on ${today}`).toBe(isDormant(facts, today));
      }
    }
  });
});

describe("R-DEL-4 (issue 13): RETENTION_PERIODS states each period from the constant the jobs read", () => {
  const text = (id: string) => {
    const p = RETENTION_PERIODS.find((e) => e.id === id);
    expect(p, id).toBeDefined();
    return p!.期間;
  };

  it("R-DEL-4: every entry has a unique id, Japanese text and a SPEC rule", () => {
    expect(new Set(RETENTION_PERIODS.map((p) => p.id)).size).toBe(RETENTION_PERIODS.length);
    for (const p of RETENTION_PERIODS) {
      expect(p.対象.length, p.id).toBeGreaterThan(0);
      expect(p.期間, p.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(p.rule, p.id).toMatch(/^R-[A-Z]+-\d+$/);
    }
  });

  it("R-DEL-4: each period's text names its constant, and the jobs' milliseconds come from the same constants", () => {
    expect(text("withdrawal")).toContain(`${WITHDRAWAL_GRACE_DAYS}日後`);
    expect(text("relocation")).toContain(`${WITHDRAWAL_GRACE_DAYS}日後`);
    expect(text("dormancy")).toContain(`${DORMANCY_YEARS}年`);
    expect(text("provisional")).toContain(`${PROVISIONAL_REGISTRATION_DAYS}日以内`);
    expect(PROVISIONAL_DAYS).toBe(PROVISIONAL_REGISTRATION_DAYS);
    expect(text("messages")).toContain(`${MESSAGE_RETENTION_YEARS}年後`);
    expect(messageErasedFrom("2025-11-30")).toBe(addYears("2025-11-30", MESSAGE_RETENTION_YEARS));
    expect(text("sent-mail")).toContain(`${SENT_MAIL_RETENTION_DAYS}日後`);
    expect(SENT_MAIL_RETENTION_MS).toBe(SENT_MAIL_RETENTION_DAYS * DAY_MS);
    expect(text("sessions")).toContain(`${SESSION_IDLE_MINUTES}分`);
    expect(text("sessions")).toContain(`${SESSION_MAX_HOURS.employer}時間`);
    expect(text("sessions")).toContain(`${SESSION_MAX_HOURS.staff}時間`);
    for (const type of ["employer", "staff", "seeker"] as const) {
      expect(SESSION_POLICIES[type].absoluteMs).toBe(SESSION_MAX_HOURS[type] * HOUR_MS);
      expect(SESSION_POLICIES[type].idleMs).toBe(SESSION_IDLE_MINUTES * MINUTE_MS);
    }
    expect(text("kept-forms")).toContain(`${KEPT_FORM_HOURS}時間`);
    expect(KEPT_FORM_MS).toBe(KEPT_FORM_HOURS * HOUR_MS);
    expect(text("auth-leftovers")).toContain(`${AUTH_LEFTOVER_RETENTION_DAYS}日後`);
    expect(AUTH_LEFTOVER_RETENTION_MS).toBe(AUTH_LEFTOVER_RETENTION_DAYS * DAY_MS);
    expect(text("job-runs")).toContain(`${JOB_RUN_RETENTION_DAYS}日後`);
    expect(text("point-in-time-recovery")).toContain(`${POINT_IN_TIME_RECOVERY_DAYS}日間`);
  });
});
