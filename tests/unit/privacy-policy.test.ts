/**
 * R-DEL-1…4 (issue 13): the プライバシーポリシー of 2026-11-30 states every retention period of RETENTION_PERIODS
 * (rules/retention.ts) as the service applies it — 退会 31 days, relocation 31 days, dormancy 5 years, 仮登録 14 days,
 * messages 1 year, sent mail, sessions, kept forms, sign-in records, job records — the 認証キー, the audit log kept
 * without personal data, and the 30 days for which D1 Time Travel keeps erased data recoverable.
 */
import { describe, expect, it } from "vitest";
import { currentVersion, PRIVACY } from "../../app/content/legal";
import { POINT_IN_TIME_RECOVERY_DAYS, RETENTION_PERIODS, WITHDRAWAL_GRACE_DAYS } from "../../app/rules/retention";

const text = () =>
  currentVersion(PRIVACY)
    .sections.flatMap((s) => [s.heading, ...s.paragraphs])
    .join("\n");

describe("R-DEL-1…4 issue 13: the privacy policy states each retention period", () => {
  it("R-DEL-4 issue 13: the current version is of 2026-11-30, the earlier one is kept for the record", () => {
    expect(currentVersion(PRIVACY)).toMatchObject({ version: "2026-11-30", effectiveFrom: "2026-11-30" });
    expect(PRIVACY.versions.map((v) => v.version)).toEqual(["2026-11-30", "2026-11-01"]);
  });

  it("R-DEL-1…4 issue 13: every RETENTION_PERIODS entry is stated with its 対象 and its 期間", () => {
    const policy = text();
    expect(RETENTION_PERIODS.length).toBeGreaterThanOrEqual(10);
    for (const period of RETENTION_PERIODS) {
      expect(policy, period.id).toContain(period.対象);
      expect(policy, period.id).toContain(period.期間);
    }
  });

  it("R-DEL-1…4 issue 13: the numbers as written — 退会 31日, 5年, 仮登録 14日, メッセージ 1年", () => {
    const policy = text();
    expect(WITHDRAWAL_GRACE_DAYS).toBe(31);
    expect(policy).toContain("退会の31日後に消去します");
    expect(policy).toContain("閉鎖の31日後に消去します");
    expect(policy).toContain("5年間求人の申込みがないとき");
    expect(policy).toContain("14日以内");
    expect(policy).toContain("送信から1年後に消去します");
    expect(policy).toContain("認証キー");
    expect(policy).toContain("監査記録");
    expect(policy).toContain("個人情報を含まない形");
  });

  it("R-DEL-4 issue 13: erased data stays recoverable for up to 30 days (D1 Time Travel) and then it is gone", () => {
    expect(POINT_IN_TIME_RECOVERY_DAYS).toBe(30);
    const policy = text();
    expect(policy).toContain("D1 Time Travel");
    expect(policy).toContain(`最長${POINT_IN_TIME_RECOVERY_DAYS}日間`);
    expect(policy).toContain("誰も復元できなくなります");
  });
});
