/**
 * 求職者 (issue 11) and the officer's 紹介 (R-REF-1), as pure functions of their inputs (today is one, JST `YYYY-MM-DD`):
 * what a seeker may agree to disclose to employers (the applicants pages read DISCLOSURE_ITEMS), the age a registered
 * seeker may have, the 紹介日 an officer may enter, and why a posting cannot take a referral today. The SQL that decides
 * the same for the write is utils/facts.server.ts postingValidOn with the 公開保留 check (models/referrals.server.ts).
 */
import { addDays, formatJapaneseDate, isValidDate } from "../lib/clock";
import { DISCLOSURE_ITEMS, type DisclosureItem } from "./disclosure";
import { ageOn } from "./referral";

// ---------------------------------------------------------------------------------------------------------------
// Disclosure (R-REF-2; ADR 0020): 氏名 (with カナ) and 年齢 are always shown to the employer of a referral; the rest
// only when the seeker agreed.

export { DISCLOSURE_ITEMS, DISCLOSURE_LABELS, parseDisclosure, type DisclosureItem } from "./disclosure";

export function isDisclosureItem(value: unknown): value is DisclosureItem {
  return typeof value === "string" && (DISCLOSURE_ITEMS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Desired conditions

/** 希望する働き方: フルタイム / パート / どちらでも. */
export const WORK_STYLES = ["full", "part", "either"] as const;
export type WorkStyle = (typeof WORK_STYLES)[number];
export const WORK_STYLE_LABELS: Record<WorkStyle, string> = { full: "フルタイム", part: "パート", either: "どちらでも" };

/** 希望賃金の形態. */
export const WAGE_FORMS = ["月給", "日給", "時間給"] as const;
export type WageForm = (typeof WAGE_FORMS)[number];

/** 希望雇用形態 when the seeker does not mind (stored as ""). */
export const ANY_EMPLOYMENT_TYPE_LABEL = "問わない";

// ---------------------------------------------------------------------------------------------------------------
// Age

/** A registered seeker is at least 15 (中学校卒業) and at most 99 years old on the day of registration or edit. */
export const SEEKER_MIN_AGE = 15;
export const SEEKER_MAX_AGE = 99;

/** Why a 生年月日 cannot be registered today (a valid `YYYY-MM-DD` is assumed), or null. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (!isValidDate(birthDate)) return "生年月日に存在しない日付が入力されています。";
  if (birthDate >= today) return "生年月日には今日より前の日付を入力してください。";
  const age = ageOn(birthDate, today);
  if (age < SEEKER_MIN_AGE) return `求職登録は${SEEKER_MIN_AGE}歳以上の方が対象です。生年月日を確認してください。`;
  if (age > SEEKER_MAX_AGE) return `生年月日を確認してください（${SEEKER_MAX_AGE}歳を超えています）。`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// 紹介日 (R-REF-1)

/** An officer may record a referral made up to this many days ago (a referral entered late), never a future one. */
export const REFERRAL_BACKDATE_DAYS = 7;

/** The earliest 紹介日 that may be entered today. */
export function earliestReferralDate(today: string): string {
  return addDays(today, -REFERRAL_BACKDATE_DAYS);
}

/** Why a 紹介日 cannot be entered today, or null: not in the future, not before today − 7 days. */
export function referredOnProblem(referredOn: string, today: string): string | null {
  if (!isValidDate(referredOn)) return "紹介日に存在しない日付が入力されています。";
  if (referredOn > today) return "紹介日に未来の日付は入力できません。今日以前の日付を入力してください。";
  const earliest = earliestReferralDate(today);
  if (referredOn < earliest) return `紹介日は${REFERRAL_BACKDATE_DAYS}日前（${formatJapaneseDate(earliest)}）以降の日付を入力してください。`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Whether a posting can take a referral today (R-REF-1: only a valid posting, of any office in the country)

export interface ReferablePosting {
  status: "draft" | "submitted" | "returned" | "accepted" | "stopped" | "expired";
  acceptedOn: string | null;
  validUntil: string | null;
  invalidatedOn: string | null;
  /** 公開保留 (ADR 0015): a minimum-wage revision now in force that the posting's wage is below. */
  suspended: boolean;
  establishmentStatus: "registered" | "open" | "unusable" | "withdrawn" | "closed";
}

/**
 * Why this posting cannot take a referral today, in Japanese, or null when it can. Valid (有効中) means accepted, from its
 * 受理日 to its 紹介期限, not stopped (the same as utils/facts.server.ts postingValidOn), and not 公開保留; an establishment
 * that has left (退会) or moved away (管轄変更) takes none either.
 */
export function referralRefusal(posting: ReferablePosting, today: string): string | null {
  const { status, acceptedOn, validUntil, invalidatedOn } = posting;
  if (status === "stopped" || (invalidatedOn !== null && invalidatedOn <= today)) {
    return `この求人は募集を停止しています${invalidatedOn ? `（求人無効日 ${formatJapaneseDate(invalidatedOn)}）` : ""}。有効中の求人にだけ紹介できます。`;
  }
  if (status === "expired" || (status === "accepted" && validUntil !== null && validUntil < today)) {
    return `この求人は紹介期限${validUntil ? `（${formatJapaneseDate(validUntil)}）` : ""}を過ぎています。有効中の求人にだけ紹介できます。`;
  }
  if (status !== "accepted" || acceptedOn === null || acceptedOn > today || validUntil === null) {
    return "この求人はまだ受理されていません。有効中の求人にだけ紹介できます。";
  }
  if (posting.establishmentStatus === "withdrawn" || posting.establishmentStatus === "closed") {
    return "この求人の事業所は求人者マイページを退会したか、管轄が変わったため、紹介できません。";
  }
  if (posting.suspended) {
    return "この求人は最低賃金の改定により公開保留中です（賃金を改定する内容変更の受理までは紹介できません）。";
  }
  return null;
}
