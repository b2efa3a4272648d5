/**
 * Validity of a posting (R-JOB-2, R-JOB-5; reference/hellowork-domain.md §3.4). Dates are JST calendar dates.
 * - 紹介期限: the last day of the month after next, counted from the month of 受理 (受理日の属する月の翌々月末日):
 *   2025-11-15 → 2026-01-31, 2025-12-31 → 2026-02-28.
 * - 大卒等求人 (ADR 0014): the recruiting year of the graduates it is for, which ends on 31 March. Hello Work accepts
 *   the postings for the students who graduate at the end of the coming fiscal year from 2月1日 and publishes them from
 *   4月1日: 受理 2/1–3/31 of year Y → published from Y-04-01, valid until (Y+1)-03-31; 受理 4/1–12/31 of Y → published
 *   at once, valid until (Y+1)-03-31; 受理 in January of Y → for this March's graduates, published at once, valid
 *   until Y-03-31. Boundaries: 2026-01-31 → 2026-03-31 (public at once); 2026-02-01 → public 2026-04-01, valid
 *   until 2027-03-31; 2026-03-31 → the same; 2026-04-01 → public at once, until 2027-03-31. Not extended (its year
 *   ends on 31 March; the next year's graduates are a new 求人 from 2月1日).
 * - Extension (延長), once, by one month: to the END of the month after the current 紹介期限, as the real service
 *   does (2026-01-31 → 2026-02-28, 2026-02-28 → 2026-03-31) — not "the same day a month later" (which would give
 *   2026-03-28 and leave the posting short of a month end). Only a posting that is valid today and not extended yet.
 * - Renewal (更新求人, R-JOB-5): a copy may be submitted as the renewal from 7 days before the 紹介期限
 *   (紹介期限 − 7 days ≤ today), e.g. 紹介期限 2026-02-28 → from 2026-02-21; also after it has expired.
 */
import { addDays, endOfMonth, formatJapaneseDate, parseDate } from "../../lib/clock";

/** Days before the 紹介期限 from which a renewal can be submitted. */
export const RENEWAL_WINDOW_DAYS = 7;

const yearText = (year: number) => String(year).padStart(4, "0");

/** 大卒等求人 (R-JOB-2, ADR 0014): from when it is published and until when it is valid, by its 受理日. */
export function universityGraduateTerm(acceptedOn: string): { publicFrom: string; validUntil: string } {
  const [y, m] = parseDate(acceptedOn);
  if (m === 1) return { publicFrom: acceptedOn, validUntil: `${yearText(y)}-03-31` };
  if (m <= 3) return { publicFrom: `${yearText(y)}-04-01`, validUntil: `${yearText(y + 1)}-03-31` };
  return { publicFrom: acceptedOn, validUntil: `${yearText(y + 1)}-03-31` };
}

export function validUntil(acceptedOn: string, options: { universityGraduate?: boolean } = {}): string {
  if (options.universityGraduate) return universityGraduateTerm(acceptedOn).validUntil;
  return endOfMonth(acceptedOn, 2);
}

/** 公開開始日: the first day the posting is public (the 受理日, except a 大卒等求人 accepted in February or March). */
export function publicFrom(acceptedOn: string, options: { universityGraduate?: boolean } = {}): string {
  return options.universityGraduate ? universityGraduateTerm(acceptedOn).publicFrom : acceptedOn;
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

/**
 * Whether a posting is public on a date (the public search, the public 求人票): valid, and from its 公開開始日 (null: the
 * 受理日; a 大卒等求人 accepted in February or March waits for 4月1日, ADR 0014).
 */
export function isPublicOn(
  posting: { acceptedOn: string; validUntil: string; invalidatedOn?: string | null; publicFrom?: string | null },
  today: string,
): boolean {
  return isValidOn(posting, today) && today >= (posting.publicFrom ?? posting.acceptedOn);
}

/** R-JOB-2: an officer may extend a valid posting once by one month (not a 大卒等求人: its year ends on 31 March). */
export function canExtend(
  posting: { acceptedOn: string; validUntil: string; invalidatedOn?: string | null; extended: boolean; universityGraduate?: boolean },
  today: string,
): Decision {
  if (!isValidOn(posting, today)) return { allowed: false, reason: "有効中の求人ではないため、有効期間を延長できません。" };
  if (posting.extended) return { allowed: false, reason: "有効期間の延長は1回限りです。この求人はすでに延長されています。" };
  if (posting.universityGraduate) {
    return {
      allowed: false,
      reason: "大卒等求人の紹介期限は卒業年度末の3月31日までのため、延長できません。次の年度に卒業する方の求人は、2月1日から新しい求人として申し込めます。",
    };
  }
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
