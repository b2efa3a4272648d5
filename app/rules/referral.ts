/**
 * 紹介・応募者管理・選考結果 (R-REF-1…3) and the backlog they feed (R-GATE-3/4), as pure functions of the dates (JST
 * `YYYY-MM-DD`) and the stored state. The SQL twins of the date rules are in utils/facts.server.ts (one definition
 * each; tests/unit/referral.test.ts proves them equal at the boundaries). ADR 0020 records the choices.
 */
import { addDays, daysBetween, endOfMonth, formatJapaneseDate } from "../lib/clock";

export type ReferralStatus = "screening" | "hired" | "rejected" | "declined";
export type ReferralChannel = "referral" | "application";

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  screening: "選考中",
  hired: "採用",
  rejected: "不採用",
  declined: "辞退",
};

export const REFERRAL_CHANNEL_LABELS: Record<ReferralChannel, string> = {
  referral: "ハローワーク紹介",
  application: "オンライン自主応募",
};

/** 求人票の労働条件と採用条件の相違: what may differ (R-REF-3). */
export const DIFFERENCE_ITEMS = ["wage", "hours", "employmentType", "duties", "location", "holidays", "insurance", "other"] as const;
export type DifferenceItem = (typeof DIFFERENCE_ITEMS)[number];
export const DIFFERENCE_LABELS: Record<DifferenceItem, string> = {
  wage: "賃金",
  hours: "就業時間",
  employmentType: "雇用形態",
  duties: "仕事の内容",
  location: "就業場所",
  holidays: "休日",
  insurance: "加入保険",
  other: "その他",
};

// ---------------------------------------------------------------------------------------------------------------
// R-GATE-3: the backlog

/** A referral counts as overdue from this many calendar days after its 紹介日 (day 21 counts, day 20 does not). */
export const OVERDUE_AFTER_DAYS = 21;
/** More than this many overdue referrals restricts the My Page. */
export const BACKLOG_LIMIT = 50;
/** From this many the officers' list marks the establishment so they can call before the restriction falls. */
export const BACKLOG_WATCH_FROM = 40;

/** Calendar days from the 紹介日 to today (0 on the day itself). */
export function daysSinceReferral(referredOn: string, today: string): number {
  return daysBetween(referredOn, today);
}

/** The latest 紹介日 that is overdue today: referrals with 紹介日 ≤ this and no result count (R-GATE-3). */
export function overdueCutoff(today: string): string {
  return addDays(today, -OVERDUE_AFTER_DAYS);
}

/**
 * 「未登録（3週間経過）」: an HW紹介 with no result yet 21 or more days after its 紹介日. R-GATE-3 counts 「ハローワークから
 * ご紹介した求職者の選考結果」 only: an オンライン自主応募 (issue 12) never counts, whatever its age.
 */
export function isOverdue(referral: { channel: ReferralChannel; status: ReferralStatus; referredOn: string }, today: string): boolean {
  return referral.channel === "referral" && referral.status === "screening" && referral.referredOn <= overdueCutoff(today);
}

/** R-GATE-3: more than 50 overdue referrals restrict the My Page. */
export function exceedsBacklog(overdueCount: number): boolean {
  return overdueCount > BACKLOG_LIMIT;
}

/** The officers' list (R-GATE-4): restricted, or close to it. */
export function backlogLevel(overdueCount: number): "over" | "watch" | "ok" {
  if (exceedsBacklog(overdueCount)) return "over";
  return overdueCount >= BACKLOG_WATCH_FROM ? "watch" : "ok";
}

// ---------------------------------------------------------------------------------------------------------------
// R-REF-3: the window for registering a result online

/** The posting fields the window reads (a job_postings row has them). */
export interface PostingValidity {
  status: "draft" | "submitted" | "returned" | "accepted" | "stopped" | "expired";
  acceptedOn: string | null;
  validUntil: string | null;
  invalidatedOn: string | null;
}

/**
 * The posting's 求人無効日 as of today: the recorded one (募集停止, expiry), or — for an accepted posting whose 紹介期限
 * has passed before the daily job recorded it — the day after the 紹介期限. Null while the posting is valid.
 */
export function invalidOn(posting: PostingValidity, today: string): string | null {
  if (posting.invalidatedOn && posting.invalidatedOn <= today) return posting.invalidatedOn;
  if (posting.status === "accepted" && posting.validUntil && posting.validUntil < today) return addDays(posting.validUntil, 1);
  if (posting.status === "stopped" || posting.status === "expired") return posting.invalidatedOn ?? today;
  return null;
}

/**
 * The last day a result can be registered online: the end of the third month after the month of the 求人無効日
 * (「求人無効後の翌々々月末」, ADR 0020). 無効日 2026-04-01 (紹介期限 3/31) → 2026-07-31; 無効日 2026-03-15 (募集停止)
 * → 2026-06-30; 無効日 2026-11-30 → 2027-02-28.
 */
export function selectionWindowLastDay(invalidatedOn: string): string {
  return endOfMonth(invalidatedOn, 3);
}

/** Whether a result for a referral to this posting can be registered online today (always while it is valid). */
export function isSelectionWindowOpen(posting: PostingValidity, today: string): boolean {
  const invalid = invalidOn(posting, today);
  return invalid === null || today <= selectionWindowLastDay(invalid);
}

/** The page's words once the window has closed: call the referring office. */
export function selectionWindowClosedMessage(invalidatedOn: string, office: { name: string | null; phone: string | null } | null): string {
  const contact = office?.name ? `${office.name}${office.phone ? `（電話 ${office.phone}）` : ""}` : "紹介したハローワーク";
  return `この求人は${formatJapaneseDate(invalidatedOn)}に無効になり、オンラインでの選考結果の登録期限（${formatJapaneseDate(selectionWindowLastDay(invalidatedOn))}）を過ぎました。選考結果は${contact}へ電話でお知らせください。`;
}

// ---------------------------------------------------------------------------------------------------------------
// Ages

/** Age in whole years on `today` (born on 2/29: a year older from 3/1 in common years). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
