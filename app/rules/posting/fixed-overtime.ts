/**
 * 固定残業代 (R-JOB-1; reference/hellowork-domain.md §2.3 3; 若者雇用促進法に基づく指針 (平成27年厚生労働省告示406号),
 * 職業安定法 5条の3). A posting that pays a fixed amount for overtime must show (i) 基本給 without it, (ii) the hours
 * and the amount it pays for, and (iii) that overtime, holiday and late-night work beyond those hours is paid extra;
 * otherwise Hello Work does not accept it. It goes in (c), not in 基本給 (a) nor, unannounced, among the 手当 (b).
 *
 * Orange sanity checks: the amount should pay at least the 25 % premium (労基法 37条) for the hours it covers, and
 * the hours should not exceed the monthly limit of 45 hours (労基法 36条4項) that an overtime agreement allows.
 */
import { error, hoursText, warning, yen, type Finding } from "./findings";
import { hourlyEquivalent, isFixedOvertimeName } from "./minimum-wage";
import type { PostingContent } from "./types";

/** 36協定の限度時間 (month), in minutes. */
export const MONTHLY_OVERTIME_LIMIT_MINUTES = 45 * 60;

export function checkFixedOvertime(content: PostingContent): Finding[] {
  const findings: Finding[] = [];
  const { wage } = content;

  wage.allowances.forEach((a, i) => {
    if (isFixedOvertimeName(a.name)) {
      findings.push(
        error(
          `wage.allowances.${i}.name`,
          "fixed-overtime.in-allowances",
          "固定残業代は「定額的に支払われる手当」ではなく「固定残業代」の欄に、金額・時間・超過分の追加支給とあわせて入力してください。",
        ),
      );
    }
  });

  const fo = wage.fixedOvertime;
  if (!fo.present) return findings;

  if (fo.includedInBasePay) {
    findings.push(
      error(
        "wage.fixedOvertime.includedInBasePay",
        "fixed-overtime.in-base-pay",
        "基本給には固定残業代を含めずに入力し、固定残業代は「固定残業代」の欄に分けて入力してください。",
      ),
    );
  }
  if (fo.amountYen === null || fo.amountYen <= 0) {
    findings.push(error("wage.fixedOvertime.amountYen", "fixed-overtime.amount-missing", "固定残業代の金額（月額）を入力してください。"));
  }
  if (fo.minutes === null || fo.minutes <= 0) {
    findings.push(
      error("wage.fixedOvertime.minutes", "fixed-overtime.hours-missing", "固定残業代に相当する時間外労働の時間数（月○時間分）を入力してください。"),
    );
  }
  if (!fo.excessPaidStatement) {
    findings.push(
      error(
        "wage.fixedOvertime.excessPaidStatement",
        "fixed-overtime.excess-statement-missing",
        "「固定残業時間を超える時間外労働、休日労働及び深夜労働に対する割増賃金は追加で支給する」旨を明示してください。",
      ),
    );
  }
  if (fo.minutes !== null && fo.minutes > MONTHLY_OVERTIME_LIMIT_MINUTES) {
    findings.push(
      warning(
        "wage.fixedOvertime.minutes",
        "fixed-overtime.hours-over-limit",
        `固定残業時間（月${hoursText(fo.minutes)}）が時間外労働の限度時間（月45時間）を超えています。時間数を見直してください。`,
      ),
    );
  }
  if (fo.amountYen !== null && fo.amountYen > 0 && fo.minutes !== null && fo.minutes > 0 && wage.baseMin !== null) {
    const base = hourlyEquivalent({ ...content, wage: { ...wage, fixedOvertime: { present: false } } }, wage.baseMin);
    if (base) {
      // Required: amount ≥ base hourly × 1.25 × hours, i.e. amount × 4 × 60 × d ≥ n × 5 × minutes.
      if (fo.amountYen * 4 * 60 * base.denominator < base.numerator * 5 * fo.minutes) {
        const needed = Math.ceil((base.numerator * 5 * fo.minutes) / (4 * 60 * base.denominator));
        findings.push(
          warning(
            "wage.fixedOvertime.amountYen",
            "fixed-overtime.below-premium",
            `固定残業代（${yen(fo.amountYen)}）が、月${hoursText(fo.minutes)}分の割増賃金（25％増し、約${yen(needed)}）に足りません。金額または時間数を見直してください。`,
          ),
        );
      }
    }
  }
  return findings;
}
