/**
 * The lifecycle of a 求人 (R-JOB-1…5; ADR 0011) as pure functions of the posting's state fields and today's JST date:
 * 下書き → 申込み → {修正依頼 → 申込み} → 受理 (有効中) → {内容変更 → 受理} / {延長 once} / {募集停止} / {紹介期限 → 無効}.
 * The pages ask these what to show and the models what to allow, so the two cannot disagree; the models keep the
 * compare-and-set in SQL for the moment of the write.
 *
 * A refusal says why in Japanese and whether the posting is not in the state the action needs (`state`: a stale page,
 * or someone acted first) or a rule refuses it now (`rule`).
 */
import { addDays, formatJapaneseDate } from "../../lib/clock";
import type { Capability } from "../capabilities";
import { hasErrors, type Finding } from "./findings";
import { STEP_COUNT } from "./steps";
import { canExtend, canSubmitRenewal, type Decision } from "./validity";

export type PostingStatus = "draft" | "submitted" | "returned" | "accepted" | "stopped" | "expired";
export type ChangeStatus = "draft" | "submitted" | "returned";
export type ExtensionStatus = "requested" | "approved" | "refused";

/** The state fields of a posting that the lifecycle reads (a job_postings row has them all). */
export interface PostingState {
  status: PostingStatus;
  changeStatus: ChangeStatus | null;
  extensionStatus: ExtensionStatus | null;
  jobNumber: string | null;
  acceptedOn: string | null;
  validUntil: string | null;
  invalidatedOn: string | null;
  extended: boolean;
  /** A 大卒等求人 (its validity and publication follow the graduates' recruiting year, ADR 0014). */
  universityGraduate?: boolean;
  /** The wizard screen reached (1–8). */
  draftStep: number;
}

export type Verdict<T extends object = object> = ({ allowed: true } & T) | { allowed: false; because: "state" | "rule"; reason: string };

const refused = (because: "state" | "rule", reason: string) => ({ allowed: false, because, reason }) as const;

// ---------------------------------------------------------------------------------------------------------------
// What the dates make of the stored state (issue 10 #6)

/** An accepted posting whose 紹介期限 has passed: 期限切れ by its dates, whether or not the daily job has recorded it. */
export function isExpiredBy(posting: Pick<PostingState, "status" | "validUntil">, today: string): boolean {
  return posting.status === "accepted" && posting.validUntil !== null && posting.validUntil < today;
}

type CurrentFields = Pick<PostingState, "status" | "validUntil" | "invalidatedOn" | "changeStatus" | "extensionStatus">;

/**
 * The posting as it is on `today` (issue 10 #6, ADR 0014): the stored status is what the daily job (postings.expire)
 * last recorded, so an accepted posting whose 紹介期限 has passed is read as the job will record it — 期限切れ, 求人無効日
 * = 紹介期限 + 1 day, its 内容変更 in progress ended (the working copy is the published version again), its pending
 * extension request refused. Every page and action reads a posting through this, so none of them acts on a posting
 * that is no longer valid (a 募集停止 on 03-03 of a posting whose 紹介期限 was 02-28 is refused: it expired on 03-01).
 */
export function asOf<T extends CurrentFields & { content?: string; publishedContent?: string | null }>(posting: T, today: string): T {
  if (!isExpiredBy(posting, today)) return posting;
  return {
    ...posting,
    status: "expired",
    invalidatedOn: expiryInvalidatedOn(posting.validUntil!),
    changeStatus: null,
    extensionStatus: posting.extensionStatus === "requested" ? "refused" : posting.extensionStatus,
    ...(posting.content !== undefined && posting.publishedContent ? { content: posting.publishedContent } : {}),
  };
}

/** Why an action on a posting that has expired is refused (its dates, not the stored status, say so); null when it has not. */
export function expiredReason(posting: Pick<PostingState, "status" | "validUntil" | "invalidatedOn">): string | null {
  if (posting.status !== "expired" || !posting.validUntil) return null;
  return `この求人は紹介期限（${formatJapaneseDate(posting.validUntil)}）を過ぎて無効になっています（求人無効日 ${formatJapaneseDate(posting.invalidatedOn ?? expiryInvalidatedOn(posting.validUntil))}）。`;
}

// ---------------------------------------------------------------------------------------------------------------
// Where the posting is

/** Whether the employer may edit the working copy now: a draft, a returned posting, or a 内容変更 not under review. */
export function isEditable(posting: Pick<PostingState, "status" | "changeStatus">): boolean {
  return posting.status === "draft" || posting.status === "returned" || (posting.status === "accepted" && posting.changeStatus !== "submitted");
}

/** What the employer is doing with the working copy: a new posting (下書き, 修正依頼) or a 内容変更 in progress; null otherwise. */
export function stageOf(posting: Pick<PostingState, "status" | "changeStatus">): "new" | "change" | null {
  if (posting.status === "draft" || posting.status === "returned") return "new";
  if (posting.status === "accepted" && (posting.changeStatus === "draft" || posting.changeStatus === "returned")) return "change";
  return null;
}

/** Whether the officer's 修正依頼 (of the posting or of its 内容変更) is what the employer has to answer now. */
export function isReturned(posting: Pick<PostingState, "status" | "changeStatus">): boolean {
  return posting.status === "returned" || (posting.status === "accepted" && posting.changeStatus === "returned");
}

/** What of the posting waits for the office's review: a new posting (申込み) or a 内容変更; null when neither. */
export function reviewKind(posting: Pick<PostingState, "status" | "changeStatus">): "new" | "change" | null {
  if (posting.status === "submitted") return "new";
  if (posting.status === "accepted" && posting.changeStatus === "submitted") return "change";
  return null;
}

/** Why a posting is in the office's queue: 申込み, 内容変更 or 有効期間延長 (a posting in the queue is one of them). */
export function queueKindOf(posting: Pick<PostingState, "status" | "changeStatus">): "new" | "change" | "extension" {
  return reviewKind(posting) ?? "extension";
}

/** The employer's list: 作成中・申込み中, 有効中 (受理), 無効 (募集停止, 紹介期限切れ). */
export function listGroupOf(status: PostingStatus): "working" | "valid" | "invalid" {
  if (status === "accepted") return "valid";
  if (status === "stopped" || status === "expired") return "invalid";
  return "working";
}

/** 求人無効日 on expiry: the day after the 紹介期限, the first day on which the posting is not valid (ADR 0011). */
export function expiryInvalidatedOn(validUntil: string): string {
  return addDays(validUntil, 1);
}

// ---------------------------------------------------------------------------------------------------------------
// The employer's actions on a posting's page and the capability each needs (R-GATE-3)

export const POSTING_INTENTS = ["submit", "edit", "discardChange", "stop", "extension", "delete"] as const;
export type PostingIntent = (typeof POSTING_INTENTS)[number];

export function isPostingIntent(value: unknown): value is PostingIntent {
  return (POSTING_INTENTS as readonly unknown[]).includes(value);
}

/** The capability an action needs: 募集停止, a 内容変更 (or the extension) of an accepted posting, else 求人申込み. */
export function capabilityFor(intent: PostingIntent, posting: Pick<PostingState, "status">): Capability {
  if (intent === "stop") return "postings.stop";
  if (intent === "discardChange" || intent === "extension") return "postings.change";
  return posting.status === "accepted" ? "postings.change" : "postings.apply";
}

export const STOP_REASONS = ["採用者が決まったため", "募集を取りやめたため", "その他"] as const;

type MaybeExpired = Partial<Pick<PostingState, "validUntil" | "invalidatedOn">>;

const expiredOr = (posting: Pick<PostingState, "status"> & MaybeExpired, otherwise: string) =>
  expiredReason({ validUntil: null, invalidatedOn: null, ...posting }) ?? otherwise;

export function canEdit(posting: Pick<PostingState, "status" | "changeStatus"> & MaybeExpired): Verdict {
  return isEditable(posting) ? { allowed: true } : refused("state", expiredOr(posting, "この求人は、今は修正できません。"));
}

/** 申込み of a draft or returned posting, or 内容変更の申込み of an accepted one with a change in progress. */
export function submissionOf(posting: Pick<PostingState, "status" | "changeStatus"> & MaybeExpired): Verdict<{ kind: "new" | "change" }> {
  if (posting.status === "accepted") {
    if (posting.changeStatus === null) return refused("state", "変更された内容がありません。");
    if (posting.changeStatus === "submitted") return refused("state", "内容変更はすでに申し込まれています。");
    return { allowed: true, kind: "change" };
  }
  if (posting.status === "draft" || posting.status === "returned") return { allowed: true, kind: "new" };
  return refused("state", expiredOr(posting, "この求人は申し込めない状態です。"));
}

export function canDiscardChange(posting: Pick<PostingState, "status" | "changeStatus">): Verdict {
  return stageOf(posting) === "change" ? { allowed: true } : refused("state", "取り消せる内容変更がありません。");
}

export function canDeleteDraft(posting: Pick<PostingState, "status">): Verdict {
  return posting.status === "draft" ? { allowed: true } : refused("state", "申し込んだ求人は削除できません。");
}

/** 募集停止 (R-JOB-4): only an accepted posting (as of today: asOf). */
export function canStop(posting: Pick<PostingState, "status"> & MaybeExpired): Verdict {
  if (posting.status === "accepted") return { allowed: true };
  const expired = expiredReason({ validUntil: null, invalidatedOn: null, ...posting });
  return refused("state", expired ? `${expired}募集停止は必要ありません。` : "有効中の求人だけ募集を停止できます。");
}

// ---------------------------------------------------------------------------------------------------------------
// 有効期間延長 (R-JOB-2): requested by the employer, decided once by an officer

type ExtensionFields = Pick<PostingState, "status" | "extensionStatus" | "acceptedOn" | "validUntil" | "invalidatedOn" | "extended" | "universityGraduate">;

/** Whether the employer may ask for the extension now. */
export function canRequestExtension(posting: ExtensionFields, today: string): Verdict {
  if (posting.status !== "accepted" || !posting.acceptedOn || !posting.validUntil) {
    return refused("state", expiredOr(posting, "有効中の求人ではないため、有効期間を延長できません。"));
  }
  const decision = canExtend({ ...posting, acceptedOn: posting.acceptedOn, validUntil: posting.validUntil }, today);
  if (!decision.allowed) return refused("rule", decision.reason!);
  if (posting.extensionStatus === "requested") return refused("state", "有効期間の延長はすでに申請中です。");
  return { allowed: true };
}

/** What the posting's page says about the extension; null for a posting that is not accepted. */
export function extensionOffer(posting: ExtensionFields, today: string): { requested: boolean; allowed: boolean; reason: string | null } | null {
  if (posting.status !== "accepted" || !posting.acceptedOn || !posting.validUntil) return null;
  if (posting.extensionStatus === "requested") {
    return { requested: true, allowed: false, reason: "有効期間の延長はすでに申請中です。ハローワークの確認をお待ちください。" };
  }
  const decision = canExtend({ ...posting, acceptedOn: posting.acceptedOn, validUntil: posting.validUntil }, today);
  return { requested: false, allowed: decision.allowed, reason: decision.reason ?? null };
}

/** The officer's decision on a request: refusing is always possible; approving needs a posting valid today, not extended. */
export function canDecideExtension(posting: ExtensionFields, approve: boolean, today: string): Verdict {
  const expired = expiredReason(posting);
  if (expired) return refused("state", `${expired}紹介期限までに承認されなかった延長の申請は、不承認になります。`);
  if (posting.extensionStatus !== "requested" || !posting.acceptedOn || !posting.validUntil) return refused("state", "延長の申請が見つかりません。");
  if (!approve) return { allowed: true };
  const decision = canExtend({ ...posting, acceptedOn: posting.acceptedOn, validUntil: posting.validUntil }, today);
  return decision.allowed ? { allowed: true } : refused("rule", decision.reason!);
}

// ---------------------------------------------------------------------------------------------------------------
// 更新求人 (R-JOB-5): a copy submitted as the renewal from 7 days before the 紹介期限 (also after it)

/** The renewal window of a posting that has been accepted (it has a 求人番号 and a 紹介期限); null for one never accepted. */
export function renewalWindowOf(posting: Pick<PostingState, "jobNumber" | "validUntil">, today: string): Decision | null {
  return posting.jobNumber && posting.validUntil ? canSubmitRenewal(posting.validUntil, today) : null;
}

/** Copying as 更新求人 (the 新しい求人 page's action). */
export function canCopyAsRenewal(source: Pick<PostingState, "jobNumber" | "validUntil">, today: string): Verdict {
  const window = renewalWindowOf(source, today);
  if (!window) return refused("state", "受理された求人だけを更新求人にできます。");
  return window.allowed ? { allowed: true } : refused("rule", window.reason!);
}

/** The posting's own page offers its 更新求人: accepted or expired, inside the window. */
export function offersRenewal(posting: Pick<PostingState, "status" | "jobNumber" | "validUntil">, today: string): boolean {
  return (posting.status === "accepted" || posting.status === "expired") && renewalWindowOf(posting, today)?.allowed === true;
}

/** The list marks a valid posting whose 紹介期限 is within 7 days (紹介期限 − 7 days ≤ today ≤ 紹介期限). */
export function renewalDue(posting: Pick<PostingState, "status" | "jobNumber" | "validUntil">, today: string): boolean {
  return posting.status === "accepted" && !!posting.validUntil && today <= posting.validUntil && renewalWindowOf(posting, today)?.allowed === true;
}

// ---------------------------------------------------------------------------------------------------------------
// The wizard (R-JOB-1): screens reached, resuming

/** The furthest screen reached (1–8). */
export function reachedStep(posting: Pick<PostingState, "draftStep">): number {
  return Math.min(STEP_COUNT, Math.max(1, posting.draftStep));
}

/** Where 入力を続ける / 内容変更を始める opens the wizard: a draft where it was left, a returned posting or a 内容変更 at 1. */
export function resumeStep(posting: Pick<PostingState, "status" | "draftStep">): number {
  return posting.status === "draft" ? reachedStep(posting) : 1;
}

/**
 * Whether a wizard screen opens: only while the posting is editable (else its page), and not beyond the screen reached
 * (screens cannot be skipped; a missing or wrong number goes to the screen reached).
 */
export function stepAccess(
  posting: Pick<PostingState, "status" | "changeStatus" | "draftStep">,
  requested: number | null,
): { open: true; step: number } | { open: false; redirect: "page" } | { open: false; redirect: "step"; step: number } {
  if (!isEditable(posting)) return { open: false, redirect: "page" };
  const reached = reachedStep(posting);
  if (requested === null || !Number.isInteger(requested) || requested < 1 || requested > reached) return { open: false, redirect: "step", step: reached };
  return { open: true, step: requested };
}

/** 次へ進む from a screen reaches the next one the first time through. */
export function advancesReached(posting: Pick<PostingState, "draftStep">, step: number): boolean {
  return step < STEP_COUNT && posting.draftStep <= step;
}

/**
 * R-OPEN-8 (issue 10 #8, ADR 0016): what the 求人 of an online 仮登録 becomes at 本登録. 申込み済み, as if the employer
 * had submitted it, once the registrant reached the last screen and no red finding remains (on today's minimum
 * wages); otherwise a draft of the new establishment at the screen reached, which the employer finishes and submits
 * from the My Page.
 */
export function provisionalPostingStatus(posting: Pick<PostingState, "draftStep">, findings: readonly Finding[]): "submitted" | "draft" {
  return reachedStep(posting) >= STEP_COUNT && !hasErrors(findings) ? "submitted" : "draft";
}

// ---------------------------------------------------------------------------------------------------------------
// 受理 (R-JOB-2, R-JOB-3)

/** 受理 of a posting or of a 内容変更 is refused while any red finding remains (on today's minimum wages). */
export function canAccept(findings: readonly Finding[]): Verdict {
  return hasErrors(findings) ? refused("rule", "赤色のエラーが残っているため受理できません。内容を確認し、修正依頼をしてください。") : { allowed: true };
}
