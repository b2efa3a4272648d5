/**
 * 最低賃金 (R-JOB-1; reference/hellowork-domain.md §2.3 2): the wage of a 求人票, converted to an hourly amount
 * by the official method, must not fall below the 地域別最低賃金 of the 就業場所's prefecture — on the check date,
 * and, as far as a revision takes effect while the posting is valid, from the revision on.
 *
 * Conversion (最低賃金法 4条, 施行規則 2条; MHLW 「最低賃金額以上かどうかを確認する方法」):
 * - 月給: (基本給 + 算入する手当) × 12 ÷ 年間所定労働時間, where 年間所定労働時間 = 1日の所定労働時間 × (365 − 年間休日数)
 *   (when 年間休日数 is not given: 月平均労働日数 × 12 days a year);
 * - 日給: 日給 ÷ 1日の所定労働時間 (+ monthly allowances converted as for 月給);
 * - 時間給: as it is (+ monthly allowances converted as for 月給).
 *   A counted monthly allowance of a 日給 / 時間給 without 年間休日数 or 月平均労働日数 cannot be converted: the
 *   hourly equivalent is then not computed and 月平均労働日数 is required instead (issue 10 #7).
 * Not counted: 固定残業代 (割増賃金), 通勤手当, 精皆勤手当, 家族手当 (最低賃金法施行規則1条) and 賞与 (paid for periods over
 * a month). The lower bound of a wage range is used (§2.3 6: what a minimally qualified hire gets).
 *
 * Rounding: the hourly equivalent is kept as an exact fraction and compared as `numerator ≥ minimum × denominator`
 * in integers — no floating point. Because the minimum is a whole number of yen, this is the same as truncating the
 * hourly equivalent to whole yen (円未満切り捨て) and comparing, which is how the messages show it: ¥1,067.9 is shown
 * as ¥1,067 and is below ¥1,068. Rounding up (or to the nearest yen) would pass wages that are in fact below.
 *
 * Revisions: Hello Work stops publishing 求人 that would fall below a coming minimum wage from about one week before
 * the 改定日 (§2.3 2). Here: a revision that takes effect after the check date and on or before the posting's
 * validity end (紹介期限) is an orange warning while more than 7 days remain, and a red error from the revision date
 * − 7 days inclusive (e.g. 栃木 2025-10-01: warning up to 2025-09-23, error from 2025-09-24). A valid posting still below
 * on the revision date is held from publication and referral (公開保留, ADR 0015: rules/posting/minimum-wage-alerts.ts).
 */
import { addDays, formatJapaneseDate } from "../../lib/clock";
import { error, warning, yen, type Finding } from "./findings";
import { prefectureName } from "../../lib/prefectures";
import type { Allowance, MinimumWageRow, PostingContent } from "./types";

/** Days before a revision from which a posting below the new amount is refused. */
export const REVISION_BLOCK_DAYS = 7;

/** The date string used when the source gives no date for an amount. */
export const UNDATED = "0000-01-01";

/** An hourly amount in yen as an exact fraction numerator / denominator (denominator > 0). */
export interface HourlyEquivalent {
  numerator: number;
  denominator: number;
}

/** The 地域別最低賃金 in force in a prefecture on a date, or null when none is known. */
export function minimumWageOn(rows: readonly MinimumWageRow[], prefectureCode: string, date: string): MinimumWageRow | null {
  let best: MinimumWageRow | null = null;
  for (const row of rows) {
    if (row.prefectureCode !== prefectureCode || row.effectiveFrom > date) continue;
    if (!best || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  return best;
}

/** Revisions taking effect after `after` and on or before `until` (both inclusive/exclusive as named), oldest first. */
export function revisionsBetween(rows: readonly MinimumWageRow[], prefectureCode: string, after: string, until: string): MinimumWageRow[] {
  return rows
    .filter((r) => r.prefectureCode === prefectureCode && r.effectiveFrom > after && r.effectiveFrom <= until)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/** A 手当 whose name says it is a 固定残業代 (it belongs in (c), and never counts toward the minimum wage). */
export function isFixedOvertimeName(name: string): boolean {
  return /固定残業|みなし残業|定額残業|見込み?残業|固定時間外/.test(name.normalize("NFKC"));
}

/** Whether a 定額的に支払われる手当 counts toward the minimum wage. */
export function countsForMinimumWage(allowance: Allowance): boolean {
  if (allowance.kind !== "other") return false; // 通勤・精皆勤・家族手当
  return !isFixedOvertimeName(allowance.name);
}

/** 年間所定労働日数 in tenths of a day (integers throughout), or null when neither source is given. */
function annualWorkingDayTenths(content: PostingContent): number | null {
  const holidays = content.hours.annualHolidays;
  if (holidays !== null && holidays >= 0 && holidays < 365) return (365 - holidays) * 10;
  const monthly = content.wage.monthlyWorkingDays;
  if (monthly !== null && monthly > 0) return Math.round(monthly * 120);
  return null;
}

/** The 定額的に支払われる手当 that count toward the minimum wage, in yen a month. */
function countedAllowancesYen(content: PostingContent): number {
  return content.wage.allowances.filter(countsForMinimumWage).reduce((sum, a) => sum + (a.amountYen !== null && a.amountYen > 0 ? a.amountYen : 0), 0);
}

/**
 * Issue 10 #7: a 日給 / 時間給 posting with a monthly allowance that counts toward the minimum wage needs the
 * 年間所定労働日数 to convert that allowance to an hourly amount; when neither 年間休日数 nor 月平均労働日数 is entered,
 * 月平均労働日数 is required (rules/posting/required.ts) — hourlyEquivalent cannot be computed meanwhile, rather than
 * judging the wage without the allowance (which would refuse lawful postings).
 */
export function needsMonthlyWorkingDays(content: PostingContent): boolean {
  return (content.wage.form === "日給" || content.wage.form === "時間給") && countedAllowancesYen(content) > 0 && annualWorkingDayTenths(content) === null;
}

/**
 * The hourly equivalent of a wage amount of the posting's 賃金形態 (the 基本給 lower bound, or the 試用期間 wage),
 * with the allowances that count; null when it cannot be computed (その他, or a needed number not entered).
 */
export function hourlyEquivalent(content: PostingContent, baseAmount: number): HourlyEquivalent | null {
  const { wage, hours } = content;
  const daily = hours.dailyMinutes !== null && hours.dailyMinutes > 0 ? hours.dailyMinutes : null;
  const tenths = annualWorkingDayTenths(content);
  let base = baseAmount;
  if (wage.fixedOvertime.present && wage.fixedOvertime.includedInBasePay && wage.fixedOvertime.amountYen !== null) {
    base -= wage.fixedOvertime.amountYen; // 固定残業代 is never part of the base
  }
  const allowances = countedAllowancesYen(content);
  // A counted monthly allowance without the days to convert it (issue 10 #7): not computable until they are entered.
  if (needsMonthlyWorkingDays(content)) return null;
  // A monthly amount M per hour = M × 12 × 60 × 10 / (daily minutes × annual day tenths).
  const PER_MONTH = 12 * 60 * 10;
  switch (wage.form) {
    case "月給":
      if (daily === null || tenths === null || tenths <= 0) return null;
      return { numerator: (base + allowances) * PER_MONTH, denominator: daily * tenths };
    case "日給":
      if (daily === null) return null;
      if (tenths === null || tenths <= 0 || allowances === 0) return { numerator: base * 60, denominator: daily };
      return { numerator: base * 60 * tenths + allowances * PER_MONTH, denominator: daily * tenths };
    case "時間給":
      if (daily === null || tenths === null || tenths <= 0 || allowances === 0) return { numerator: base, denominator: 1 };
      return { numerator: base * daily * tenths + allowances * PER_MONTH, denominator: daily * tenths };
    default:
      return null;
  }
}

export function meetsMinimum(equivalent: HourlyEquivalent, minimumYen: number): boolean {
  return equivalent.numerator >= minimumYen * equivalent.denominator;
}

/** The hourly equivalent truncated to whole yen (for messages). */
export function hourlyYen(equivalent: HourlyEquivalent): number {
  return Math.floor(equivalent.numerator / equivalent.denominator);
}

export interface MinimumWageContext {
  minimumWages: readonly MinimumWageRow[];
  /** The date of the check (today, JST). */
  checkDate: string;
  /** The posting's 紹介期限 (or the one it would get if accepted on the check date). */
  validUntil: string;
  /**
   * An extension (延長, issue 10 #4) is checked for the extended period: `validUntil` is then the new 紹介期限, and every
   * revision up to it that the wage falls below is red whatever its distance (the extension would carry the posting
   * past it), not only from 発効日 − 7 days.
   */
  extension?: boolean;
}

const EXCLUDED_NOTE = "（通勤手当・精皆勤手当・家族手当・固定残業代・賞与は含めずに計算します）";

function since(row: MinimumWageRow): string {
  return row.effectiveFrom === UNDATED ? "" : `（${formatJapaneseDate(row.effectiveFrom)}から）`;
}

/** 基本給 range: the upper bound, when given, is not below the lower bound (§2.3 6). */
export function checkWageRange(content: PostingContent): Finding[] {
  const { baseMin, baseMax } = content.wage;
  if (baseMin !== null && baseMax !== null && baseMax < baseMin) {
    return [error("wage.baseMax", "wage.range-reversed", "基本給の上限額は下限額以上の額を入力してください（上限がない場合は空欄にしてください）。")];
  }
  return [];
}

export function checkMinimumWage(content: PostingContent, ctx: MinimumWageContext): Finding[] {
  const pref = content.workplace.prefectureCode;
  if (!pref) return [];
  const findings: Finding[] = [];
  const amounts: { field: string; label: string; amount: number | null }[] = [
    { field: "wage.baseMin", label: "基本給（下限額）", amount: content.wage.baseMin },
  ];
  const trial = content.trialPeriod;
  if (trial.present && !trial.sameConditions) {
    amounts.push({ field: "trialPeriod.wageMin", label: "試用期間中の賃金", amount: trial.wageMin });
  }
  const name = prefectureName(pref);
  for (const { field, label, amount } of amounts) {
    if (amount === null) continue;
    const eq = hourlyEquivalent(content, amount);
    if (!eq) continue;
    const current = minimumWageOn(ctx.minimumWages, pref, ctx.checkDate);
    if (current && !meetsMinimum(eq, current.amountYen)) {
      findings.push(
        error(
          field,
          "minimum-wage.below",
          `${label}が就業場所（${name}）の最低賃金 時間額${yen(current.amountYen)}${since(current)}を下回っています。` +
            `時間額に換算すると${yen(hourlyYen(eq))}です${EXCLUDED_NOTE}。最低賃金以上の額に引き上げてください。`,
        ),
      );
      continue;
    }
    for (const revision of revisionsBetween(ctx.minimumWages, pref, ctx.checkDate, ctx.validUntil)) {
      if (meetsMinimum(eq, revision.amountYen)) continue;
      const blockFrom = addDays(revision.effectiveFrom, -REVISION_BLOCK_DAYS);
      const head =
        `${formatJapaneseDate(revision.effectiveFrom)}から${name}の最低賃金が時間額${yen(revision.amountYen)}に改定されます。` +
        `${label}は時間額に換算すると${yen(hourlyYen(eq))}で${EXCLUDED_NOTE}、紹介期限（${formatJapaneseDate(ctx.validUntil)}）までに改定後の額を下回ります。`;
      if (ctx.extension) {
        findings.push(
          error(
            field,
            "minimum-wage.below-revision",
            `${head}このままでは有効期間を延長できません。内容変更で改定後の最低賃金以上の額に引き上げてから、延長を申請してください。`,
          ),
        );
      } else if (ctx.checkDate >= blockFrom) {
        findings.push(
          error(
            field,
            "minimum-wage.below-revision",
            `${head}改定日の7日前（${formatJapaneseDate(blockFrom)}）を過ぎているため、このままでは受け付けられません。改定後の最低賃金以上の額に引き上げてください。`,
          ),
        );
      } else {
        findings.push(
          warning(
            field,
            "minimum-wage.revision-ahead",
            `${head}${formatJapaneseDate(blockFrom)}からはこのままでは受け付けられず、改定日からは公開と紹介も停止されます。改定後の最低賃金以上の額に引き上げることを検討してください。`,
          ),
        );
      }
      break; // one message per amount: the earliest revision it falls below
    }
  }
  return findings;
}
