/**
 * How long the service keeps what it holds, and when each thing is erased (R-DEL-1…3, R-MSG-3; issue 13). One table
 * of periods that the daily jobs, the officers' pages and the privacy policy all read, and the pure date rules behind
 * them. Dates are JST calendar dates ("YYYY-MM-DD"); the clock is an input (`today`).
 */
import { addDays, addMonths, parseDate } from "../lib/clock";

/** R-DEL-1 / R-DEL-3: days from 退会 (or the closing of a relocated My Page) to its erasure. */
export const WITHDRAWAL_GRACE_DAYS = 31;
/** R-DEL-2: years without a 求人の申込 after the latest 求人無効日 (or, with no posting ever, after opening). */
export const DORMANCY_YEARS = 5;
/** D1 Time Travel: erased rows stay recoverable from the database's point-in-time recovery this long. */
export const POINT_IN_TIME_RECOVERY_DAYS = 30;

/**
 * The first JST date on which a My Page withdrawn (or closed) on `endedOn` is erased: day 31 after it. Withdrawn on
 * 2026-11-01 → kept through 2026-12-01 (day 30; an officer may still restore it), erased from 2026-12-02.
 */
export function withdrawalErasedFrom(endedOn: string): string {
  return addDays(endedOn, WITHDRAWAL_GRACE_DAYS);
}

/** Whether a My Page withdrawn (or closed) on `endedOn` is due for erasure on `today`. */
export function isWithdrawalDue(endedOn: string, today: string): boolean {
  return withdrawalErasedFrom(endedOn) <= today;
}

/** R-DEL-1: the office may restore a withdrawn My Page at the employer's request while it has not been erased. */
export function canRestoreWithdrawal(withdrawnOn: string, today: string): boolean {
  return today < withdrawalErasedFrom(withdrawnOn);
}

/** R-DEL-1: the last JST date on which a My Page withdrawn on `withdrawnOn` can be restored (day 30: 11-01 → 12-01). */
export function lastRestorableOn(withdrawnOn: string): string {
  return addDays(withdrawalErasedFrom(withdrawnOn), -1);
}

/** `years` calendar years after `date`; 29 February → 1 March (never before the full years have passed). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parseDate(date);
  if (m === 2 && d === 29) return `${String(y + years).padStart(4, "0")}-03-01`;
  return addMonths(date, 12 * years);
}

/** What R-DEL-2 needs to know about an establishment's postings. */
export interface DormancyFacts {
  /** JST date the My Page was opened (the main account's パスワード登録; the registration if never). */
  openedOn: string;
  /** The latest 求人無効日 of its postings, NULL when none has ended. */
  latestInvalidatedOn: string | null;
  /** The latest JST date a 求人の申込 was made (a posting submitted), NULL when never. */
  latestApplicationOn: string | null;
  /** A posting that is not over: submitted, returned for correction, or accepted and not yet invalid. */
  hasLivePosting: boolean;
}

/**
 * R-DEL-2: the first JST date on which a dormant My Page is erased, or NULL while it is not dormant. Five years after
 * the latest 求人無効日 when no 求人の申込 came after it; with no posting ever ended (and none live), five years after
 * opening (or after the latest application, if a draft was submitted and withdrawn without a 無効日).
 */
export function dormancyErasedFrom(facts: DormancyFacts): string | null {
  if (facts.hasLivePosting) return null;
  const anchors = [facts.latestInvalidatedOn, facts.latestApplicationOn, facts.openedOn].filter((d): d is string => d !== null);
  const latest = anchors.reduce((a, b) => (a > b ? a : b));
  return addYears(latest, DORMANCY_YEARS);
}

/** Whether R-DEL-2 erases the My Page on `today`. */
export function isDormant(facts: DormancyFacts, today: string): boolean {
  const from = dormancyErasedFrom(facts);
  return from !== null && from <= today;
}
