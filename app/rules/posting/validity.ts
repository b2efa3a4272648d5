/**
 * Validity of a posting (R-JOB-2, R-JOB-5; reference/hellowork-domain.md §3.4). Dates are JST calendar dates.
 * - 紹介期限: the last day of the month after next, counted from the month of 受理 (受理日の属する月の翌々月末日):
 *   2025-11-15 → 2026-01-31, 2025-12-31 → 2026-02-28.
 * - 大卒等求人: 31 March that ends the fiscal year of 受理 (受理 in January–March → 31 March of the same year;
 *   April–December → 31 March of the next year).
 * - Extension (延長), once, by one month: to the END of the month after the current 紹介期限, as the real service
 *   does (2026-01-31 → 2026-02-28, 2026-02-28 → 2026-03-31) — not "the same day a month later" (which would give
 *   2026-03-28 and leave the posting short of a month end). Only a posting that is valid today and not extended yet.
 * - Renewal (更新求人, R-JOB-5): a copy may be submitted as the renewal from 7 days before the 紹介期限
 *   (紹介期限 − 7 days ≤ today), e.g. 紹介期限 2026-02-28 → from 2026-02-21; also after it has expired.
 */
import { addDays, endOfMonth, formatJapaneseDate, parseDate } from "../../lib/clock";

/** Days before the 紹介期限 from which a renewal can be submitted. */
export const RENEWAL_WINDOW_DAYS = 7;

export function validUntil(acceptedOn: string, options: { universityGraduate?: boolean } = {}): string {
  if (options.universityGraduate) {
    const [y, m] = parseDate(acceptedOn);
    return `${String(m <= 3 ? y : y + 1).padStart(4, "0")}-03-31`;
  }
  return endOfMonth(acceptedOn, 2);
}

/** The 紹介期限 after the one-month extension. */
export function extendedValidUntil(currentValidUntil: string): string {
  return endOfMonth(currentValidUntil, 1);
}

export interface Decision {
  allowed: boolean;
  reason?: string;
}

/** Whether a posting is 有効中 on a date: from its 受理日 to its 紹介期限, unless it became invalid (募集停止) earlier. */
export function isValidOn(posting: { acceptedOn: string; validUntil: string; invalidatedOn?: string | null }, today: string): boolean {
  if (today < posting.acceptedOn || today > posting.validUntil) return false;
  return !posting.invalidatedOn || today < posting.invalidatedOn;
}

/** R-JOB-2: an officer may extend a valid posting once by one month. */
export function canExtend(posting: { acceptedOn: string; validUntil: string; invalidatedOn?: string | null; extended: boolean }, today: string): Decision {
  if (!isValidOn(posting, today)) return { allowed: false, reason: "有効中の求人ではないため、有効期間を延長できません。" };
  if (posting.extended) return { allowed: false, reason: "有効期間の延長は1回限りです。この求人はすでに延長されています。" };
  return { allowed: true };
}

/** R-JOB-5: the first day on which a copy can be submitted as the renewal of a posting. */
export function renewalOpensOn(currentValidUntil: string): string {
  return addDays(currentValidUntil, -RENEWAL_WINDOW_DAYS);
}

export function canSubmitRenewal(currentValidUntil: string, today: string): Decision {
  const opens = renewalOpensOn(currentValidUntil);
  if (today >= opens) return { allowed: true };
  return {
    allowed: false,
    reason: `更新求人は紹介期限（${formatJapaneseDate(currentValidUntil)}）の7日前、${formatJapaneseDate(opens)}から申し込めます。`,
  };
}
