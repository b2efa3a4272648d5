/**
 * Labour Standards sanity checks (R-JOB-1; reference/hellowork-domain.md §2.3 4), all orange warnings: a posting may
 * have a lawful reason (an 変形労働時間制, a 特例措置対象事業場 of 44 h/week, an overtime agreement), so Hello Work
 * asks the employer to look again rather than refusing.
 * - 所定労働時間 over 8 h a day or 40 h a week (労基法 32条), unless an 変形労働時間制 is used;
 * - 休憩 shorter than 45 min for more than 6 h of work, or 60 min for more than 8 h (34条), per 就業時間 pattern;
 * - 休日 fewer than one a week, i.e. 年間休日 < 52 (35条), and annual scheduled hours above 40 h a week on average
 *   (1日の所定労働時間 × (365 − 年間休日) > 40 × 365 ÷ 7 h: for 8-hour days, fewer than 105 days off);
 * - 月平均時間外労働 over 45 h without a 特別条項 (36条4項).
 */
import { error, hoursText, warning, type Finding } from "./findings";
import { MONTHLY_OVERTIME_LIMIT_MINUTES } from "./fixed-overtime";
import type { PostingContent } from "./types";

export const DAILY_LIMIT_MINUTES = 8 * 60;
export const WEEKLY_LIMIT_MINUTES = 40 * 60;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes from the start to the end of a 就業時間 pattern (over midnight when end ≤ start), or null if malformed. */
export function shiftSpanMinutes(start: string, end: string): number | null {
  const s = TIME.exec(start.normalize("NFKC").trim());
  const e = TIME.exec(end.normalize("NFKC").trim());
  if (!s || !e) return null;
  const from = Number(s[1]) * 60 + Number(s[2]);
  let to = Number(e[1]) * 60 + Number(e[2]);
  if (to <= from) to += 24 * 60;
  return to - from;
}

/** The break the law requires for a given working time (労基法 34条). */
export function requiredBreakMinutes(workingMinutes: number): number {
  if (workingMinutes > 8 * 60) return 60;
  if (workingMinutes > 6 * 60) return 45;
  return 0;
}

export function checkLabourStandards(content: PostingContent): Finding[] {
  const findings: Finding[] = [];
  const h = content.hours;
  const variable = h.variableSystem !== "none";

  if (!variable && h.dailyMinutes !== null && h.dailyMinutes > DAILY_LIMIT_MINUTES) {
    findings.push(
      warning(
        "hours.dailyMinutes",
        "labour.daily-over-8h",
        `1日の所定労働時間（${hoursText(h.dailyMinutes)}）が法定労働時間の8時間を超えています。変形労働時間制を採用している場合はその旨を選択し、そうでなければ所定労働時間を見直してください。`,
      ),
    );
  }
  if (!variable && h.weeklyMinutes !== null && h.weeklyMinutes > WEEKLY_LIMIT_MINUTES) {
    findings.push(
      warning(
        "hours.weeklyMinutes",
        "labour.weekly-over-40h",
        `週所定労働時間（${hoursText(h.weeklyMinutes)}）が法定労働時間の40時間を超えています。変形労働時間制や特例措置対象事業場に当たらない場合は見直してください。`,
      ),
    );
  }

  h.shifts.forEach((shift, i) => {
    const span = shiftSpanMinutes(shift.start, shift.end);
    if (span === null) {
      if (shift.start.trim() !== "" || shift.end.trim() !== "") {
        findings.push(error(`hours.shifts.${i}.start`, "labour.shift-time-invalid", "就業時間は「09:00」のように24時間制の時刻で入力してください。"));
      }
      return;
    }
    const brk = shift.breakMinutes ?? h.breakMinutes ?? 0;
    if (brk >= span) {
      findings.push(
        error(`hours.shifts.${i}.breakMinutes`, "labour.break-exceeds-shift", "休憩時間が就業時間より長くなっています。休憩時間と就業時間を確認してください。"),
      );
      return;
    }
    const working = span - brk;
    const needed = requiredBreakMinutes(working);
    if (brk < needed) {
      findings.push(
        warning(
          shift.breakMinutes !== null ? `hours.shifts.${i}.breakMinutes` : "hours.breakMinutes",
          "labour.break-too-short",
          `就業時間${i + 1}（${shift.start}〜${shift.end}）の実働${hoursText(working)}に対して休憩が${brk}分です。労働時間が${needed === 60 ? "8時間" : "6時間"}を超える場合は少なくとも${needed}分の休憩が必要です。`,
        ),
      );
    }
    if (!variable && working > DAILY_LIMIT_MINUTES && (h.dailyMinutes === null || h.dailyMinutes <= DAILY_LIMIT_MINUTES)) {
      findings.push(
        warning(
          `hours.shifts.${i}.end`,
          "labour.shift-over-8h",
          `就業時間${i + 1}（${shift.start}〜${shift.end}）の実働が${hoursText(working)}で8時間を超えています。変形労働時間制でなければ就業時間を見直してください。`,
        ),
      );
    }
  });

  if (h.annualHolidays !== null) {
    if (h.annualHolidays < 52) {
      findings.push(
        warning(
          "hours.annualHolidays",
          "labour.holidays-under-weekly",
          `年間休日数（${h.annualHolidays}日）では週1日の休日（労働基準法35条）を確保できません。年間休日数を確認してください。`,
        ),
      );
    } else if (h.dailyMinutes !== null && h.annualHolidays < 365) {
      // daily × (365 − holidays) > 40 h × 365 / 7, in integers: × 7.
      if (h.dailyMinutes * (365 - h.annualHolidays) * 7 > WEEKLY_LIMIT_MINUTES * 365) {
        const minHolidays = 365 - Math.floor((WEEKLY_LIMIT_MINUTES * 365) / 7 / h.dailyMinutes);
        findings.push(
          warning(
            "hours.annualHolidays",
            "labour.annual-hours-over-40h-week",
            `1日${hoursText(h.dailyMinutes)}の勤務で年間休日${h.annualHolidays}日では、週平均の労働時間が40時間を超えます（この場合、年間休日は${minHolidays}日以上が目安です）。年間休日数または所定労働時間を確認してください。`,
          ),
        );
      }
    }
  }

  const ot = h.overtime;
  if (ot.present && ot.monthlyAverageMinutes !== null && ot.monthlyAverageMinutes > MONTHLY_OVERTIME_LIMIT_MINUTES && !ot.specialClause) {
    findings.push(
      warning(
        "hours.overtime.monthlyAverageMinutes",
        "labour.overtime-over-45h",
        `月平均時間外労働時間（${hoursText(ot.monthlyAverageMinutes)}）が限度時間の月45時間を超えています。36協定の特別条項がある場合はその旨を選択し、なければ時間数を見直してください。`,
      ),
    );
  }
  return findings;
}
