/**
 * How long the service keeps what it holds, and when each thing is erased (R-DEL-1…3, R-MSG-3; issue 13). One table
 * of periods that the daily jobs, the officers' pages and the privacy policy all read, and the pure date rules behind
 * them. Dates are JST calendar dates ("YYYY-MM-DD"); the clock is an input (`today`).
 */
import { addDays, addMonths, parseDate } from "../lib/clock.ts";

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

/** R-OPEN-8: an online 仮登録 must be completed at the counter within this many days, or it is erased. */
export const PROVISIONAL_REGISTRATION_DAYS = 14;
/** R-MSG-3: a message is erased this many years after it was sent (rules/message-retention.ts). */
export const MESSAGE_RETENTION_YEARS = 1;
/** Sent mail is kept this many days (it may hold keys and codes); dead and expired mail as long after it ended. */
export const SENT_MAIL_RETENTION_DAYS = 30;
/** Job run records are kept this many days. */
export const JOB_RUN_RETENTION_DAYS = 30;
/** Sign-in counters and key attempts nobody reads any more are erased after this many days. */
export const AUTH_LEFTOVER_RETENTION_DAYS = 2;
/** A form kept across the idle sign-out (ADR 0017) is erased this many hours after it was kept. */
export const KEPT_FORM_HOURS = 2;
/** R-AUTH-1: a session ends after this many minutes without a request … */
export const SESSION_IDLE_MINUTES = 30;
/** … or this many hours after sign-in (R-AUTH-4: staff sessions are shorter); its row is erased then. */
export const SESSION_MAX_HOURS = { employer: 12, staff: 8, seeker: 12 } as const;

/** One retention period as the privacy policy states it. */
export interface RetentionPeriod {
  id: string;
  /** What is kept (Japanese). */
  対象: string;
  /** How long, and what happens then (Japanese). */
  期間: string;
  /** The SPEC rule it implements. */
  rule: string;
}

/** Every retention period of the service, in the order the privacy policy lists them (its text is built from the constants). */
export const RETENTION_PERIODS: readonly RetentionPeriod[] = [
  {
    id: "withdrawal",
    対象: "退会した求人者マイページと、そこから登録されたすべての情報（事業所情報、求人、画像、応募者・紹介の記録、メッセージ、お知らせ、ログインアカウント）",
    期間: `退会の${WITHDRAWAL_GRACE_DAYS}日後に消去します（それまでは管轄のハローワークで利用を再開できます）`,
    rule: "R-DEL-1",
  },
  {
    id: "dormancy",
    対象: "求人の申込みのない求人者マイページと、そこから登録されたすべての情報",
    期間: `最後の求人無効日から${DORMANCY_YEARS}年間求人の申込みがないとき（求人の申込みが一度もないときは開設から${DORMANCY_YEARS}年）に消去します`,
    rule: "R-DEL-2",
  },
  {
    id: "relocation",
    対象: "管轄の変更（移転）で閉鎖した求人者マイページと、そこから登録されたすべての情報（新しい管轄のハローワークへは引き継ぎません）",
    期間: `閉鎖の${WITHDRAWAL_GRACE_DAYS}日後に消去します`,
    rule: "R-DEL-3",
  },
  {
    id: "provisional",
    対象: "仮登録（ログインアカウント、事業所情報、求人情報）",
    期間: `${PROVISIONAL_REGISTRATION_DAYS}日以内（その日が閉庁日のときは前の開庁日まで）に本登録されないときは、期限の翌日に消去します`,
    rule: "R-OPEN-8",
  },
  {
    id: "messages",
    対象: "求職者とのメッセージ",
    期間: `送信から${MESSAGE_RETENTION_YEARS}年後に消去します（やりとりの件名は残ります）`,
    rule: "R-MSG-3",
  },
  {
    id: "sent-mail",
    対象: "システムが送信したメール（認証キー・確認コードを含む）の控え",
    期間: `送信から${SENT_MAIL_RETENTION_DAYS}日後（送信できなかったメールは送信を打ち切ってから${SENT_MAIL_RETENTION_DAYS}日後）に消去します`,
    rule: "R-DEL-4",
  },
  {
    id: "sessions",
    対象: "ログイン状態（セッション）",
    期間: `最後の操作から${SESSION_IDLE_MINUTES}分、またはログインから${SESSION_MAX_HOURS.employer}時間（職員は${SESSION_MAX_HOURS.staff}時間）で終了し、その後の日次処理で消去します`,
    rule: "R-AUTH-1",
  },
  {
    id: "kept-forms",
    対象: "自動ログアウトの際に一時保管した入力内容",
    期間: `保管から${KEPT_FORM_HOURS}時間で使えなくなり、その後の日次処理で消去します`,
    rule: "R-AUTH-1",
  },
  {
    id: "auth-leftovers",
    対象: "ログイン失敗・認証キー入力の記録",
    期間: `使われなくなってから${AUTH_LEFTOVER_RETENTION_DAYS}日後に消去します`,
    rule: "R-AUTH-3",
  },
  {
    id: "job-runs",
    対象: "日次処理の実行記録（個人情報を含みません）",
    期間: `実行から${JOB_RUN_RETENTION_DAYS}日後に消去します`,
    rule: "R-DEL-4",
  },
  {
    id: "point-in-time-recovery",
    対象: "データベースの復元用の記録（消去した情報を含みます）",
    期間: `消去から最長${POINT_IN_TIME_RECOVERY_DAYS}日間は障害からの復元のために保持され（Cloudflare D1 Time Travel）、その後は復元できなくなります`,
    rule: "R-DEL-4",
  },
];

/**
 * The erasure job's cutoff for 退会 and closing on `today`: a My Page that ended ON OR BEFORE this JST date is due, so
 * that `endedOn <= withdrawalErasureCutoff(today)` ⇔ `isWithdrawalDue(endedOn, today)` (2026-12-02 → 2026-11-01).
 */
export function withdrawalErasureCutoff(today: string): string {
  return addDays(today, -WITHDRAWAL_GRACE_DAYS);
}

/**
 * R-DEL-2's cutoff on `today`: a My Page whose latest anchor (無効日, 申込, opening) is on or before this JST date, with no
 * live posting, is dormant — `anchor <= dormancyErasureCutoff(today)` ⇔ `addYears(anchor, DORMANCY_YEARS) <= today`
 * (2026-11-30 → 2021-11-30; 2029-02-28 → 2024-02-28, as 2024-02-29 is erased only from 2029-03-01).
 */
export function dormancyErasureCutoff(today: string): string {
  return addMonths(today, -12 * DORMANCY_YEARS);
}
