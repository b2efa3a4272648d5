/**
 * The seeker's answer to a 直接リクエスト (R-SEARCH-2, issue 12; ADR 0023): 応募する (accepted: an オンライン自主応募
 * follows, a referrals row of channel 'application') or 辞退する (declined). Pure: the facts come in (read by
 * models/seeker-requests.server.ts, whose batch holds the same conditions in SQL), a decision with a Japanese message
 * goes out.
 *
 * - only a request still 回答待ち (requested) can be answered, once;
 * - 応募する only while the posting still takes applications today (valid, オンライン自主応募 可 with 公開希望 1–2, not 公開保留,
 *   the establishment has not left) and the seeker has no 選考中 referral or application for it;
 * - 辞退する at any time while the request waits (also after the posting ended: the request is simply closed).
 */
import type { DirectRequestStatus } from "./direct-request";

export type RequestAnswer = "accept" | "decline";

export const REQUEST_ANSWERS: readonly RequestAnswer[] = ["accept", "decline"];

export type RequestAnswerRefusal = "answered" | "expired" | "posting-closed" | "already-screening";

export interface RequestAnswerFacts {
  status: DirectRequestStatus;
  /** The posting takes an オンライン自主応募 today. */
  postingOpen: boolean;
  /** The seeker already has a 選考中 referral or application for this posting. */
  hasOpenReferral: boolean;
}

export const REQUEST_ANSWER_MESSAGES: Record<RequestAnswerRefusal, string> = {
  answered: "このリクエストには、すでに回答しています。",
  expired: "このリクエストは、求人の募集が終わったため回答できません。",
  "posting-closed": "この求人は募集を終了したか、オンライン自主応募を受け付けていないため、応募できません。",
  "already-screening": "この求人には、すでに応募（またはハローワークから紹介）されて選考中です。重ねて応募することはできません。",
};

export type RequestAnswerDecision = { ok: true } | { ok: false; reason: RequestAnswerRefusal; message: string };

function refuse(reason: RequestAnswerRefusal): RequestAnswerDecision {
  return { ok: false, reason, message: REQUEST_ANSWER_MESSAGES[reason] };
}

export function decideRequestAnswer(facts: RequestAnswerFacts, answer: RequestAnswer): RequestAnswerDecision {
  if (facts.status === "expired") return refuse("expired");
  if (facts.status !== "requested") return refuse("answered");
  if (answer === "decline") return { ok: true };
  if (!facts.postingOpen) return refuse("posting-closed");
  if (facts.hasOpenReferral) return refuse("already-screening");
  return { ok: true };
}

/** Whether the page offers 「応募する」 (the same decision, for the form). */
export function canApply(facts: RequestAnswerFacts): boolean {
  return decideRequestAnswer(facts, "accept").ok;
}

/** The state of a request as the seeker's list shows it. */
export const SEEKER_REQUEST_STATUS_LABELS: Record<DirectRequestStatus, string> = {
  requested: "未回答",
  accepted: "応募済み",
  declined: "辞退済み",
  expired: "募集終了",
};

/** The お知らせ to the establishment about an answer: the 職種 and 求人番号 only, nothing about the seeker. */
export function requestAnswerNoticeText(answer: RequestAnswer, data: { jobTitle: string; jobNumber: string; answeredOn: string }) {
  if (answer === "accept")
    return {
      title: "求職者からオンライン自主応募がありました",
      body: `直接リクエストを送った求職者から、「${data.jobTitle}」（求人番号 ${data.jobNumber}）にオンライン自主応募がありました（応募日 ${data.answeredOn}）。応募者の情報は応募者管理でご確認ください。選考の結果は、選考結果の登録からお知らせください。`,
    };
  return {
    title: "直接リクエストが辞退されました",
    body: `「${data.jobTitle}」（求人番号 ${data.jobNumber}）の直接リクエストは、求職者が辞退しました（${data.answeredOn}）。`,
  };
}

/** The state the seeker sees: a request still waiting whose posting no longer takes applications is 「未回答（募集終了）」. */
export function seekerRequestStatusLabel(request: { status: DirectRequestStatus; postingOpen: boolean }): string {
  return request.status === "requested" && !request.postingOpen ? "未回答（募集終了）" : SEEKER_REQUEST_STATUS_LABELS[request.status];
}
