/**
 * 直接リクエスト (R-SEARCH-2; ADR 0023): whether an employer may ask a seeker to apply to one of its postings. Pure: the
 * facts come in (read by models/direct-requests.server.ts, whose insert holds the same conditions in SQL so that
 * concurrent requests cannot pass them), a decision with a Japanese message goes out.
 *
 * - the employer: capability `search` (R-GATE-1 a valid posting, R-GATE-3 not restricted: rules/capabilities);
 * - the posting: the establishment's own (another's is not found), valid today, accepting オンライン自主応募 — 「オンライン自主応募の受付」
 *   可 and 公開希望 1 or 2 (hellowork-domain §4.1: the seeker answers a request by applying online);
 * - the seeker: published the profile (求職情報公開) and opened a 求職者マイページ;
 * - at most REQUESTS_PER_POSTING per posting, and one per seeker per posting.
 */
import { decide, type CapabilityFacts } from "./capabilities";

/** At most 10 直接リクエスト per 求人 (hellowork-domain §5, §14). */
export const REQUESTS_PER_POSTING = 10;

/** The plain-text message sent with a request: at most 500 characters (ADR 0023). */
export const REQUEST_MESSAGE_MAX = 500;

export type DirectRequestRefusal =
  "capability" | "posting-not-found" | "posting-invalid" | "posting-offline" | "seeker-unpublished" | "seeker-no-mypage" | "duplicate" | "limit";

export interface DirectRequestFacts {
  /** The establishment's R-GATE facts (the guard's). */
  capability: CapabilityFacts;
  /** The posting when it is the establishment's own, else null. */
  posting: { validToday: boolean; onlineApplication: boolean | null; publication: number } | null;
  /** The seeker, or null when unknown. */
  seeker: { publishProfile: boolean; hasMypage: boolean } | null;
  /** Requests already sent for the posting (any state). */
  sentForPosting: number;
  /** A request for this posting was already sent to this seeker. */
  alreadyRequested: boolean;
}

export type DirectRequestDecision = { ok: true; remainingAfter: number } | { ok: false; reason: DirectRequestRefusal; message: string };

export const DIRECT_REQUEST_MESSAGES: Record<Exclude<DirectRequestRefusal, "capability">, string> = {
  "posting-not-found": "求人が見つかりません。自分の事業所の求人を選んでください。",
  "posting-invalid": "有効中の求人でないため、リクエストを送れません。",
  "posting-offline":
    "この求人はオンライン自主応募を受け付けていないため、リクエストを送れません。オンライン自主応募の受付が「可」で、公開希望が1または2の求人を選んでください。",
  "seeker-unpublished": "この求職者にはリクエストを送れません。求職情報を公開している求職者だけに送れます。",
  "seeker-no-mypage": "この求職者は求職者マイページを開設していないため、リクエストを送れません。",
  duplicate: "この求職者には、この求人のリクエストをすでに送っています。リクエストは1人に1回だけ送れます。",
  limit: `この求人のリクエストは上限の${REQUESTS_PER_POSTING}件に達したため、これ以上送れません。`,
};

/** オンライン自主応募 is accepted: 「可」 and 公開希望 1 or 2 (3 hides the name, 4 is not public). */
export function acceptsOnlineApplications(onlineApplication: boolean | null, publication: number): boolean {
  return onlineApplication === true && (publication === 1 || publication === 2);
}

/** Requests still possible for a posting that has `sent` (10 − sent, never below 0). */
export function remainingRequests(sent: number): number {
  return Math.max(0, REQUESTS_PER_POSTING - sent);
}

/** 「このリクエストはあと n 件送れます。」, or that the limit is reached. */
export function remainingMessage(remaining: number): string {
  return remaining > 0 ? `このリクエストはあと${remaining}件送れます。` : `この求人のリクエストは上限の${REQUESTS_PER_POSTING}件に達しました。`;
}

function refuse(reason: Exclude<DirectRequestRefusal, "capability">): DirectRequestDecision {
  return { ok: false, reason, message: DIRECT_REQUEST_MESSAGES[reason] };
}

export function decideDirectRequest(facts: DirectRequestFacts): DirectRequestDecision {
  const gate = decide("search", facts.capability);
  if (!gate.allowed) return { ok: false, reason: "capability", message: gate.reason ?? "求職情報検索は利用できません。" };
  const { posting, seeker } = facts;
  if (!posting) return refuse("posting-not-found");
  if (!posting.validToday) return refuse("posting-invalid");
  if (!acceptsOnlineApplications(posting.onlineApplication, posting.publication)) return refuse("posting-offline");
  // An unknown seeker and an unpublished one get the same answer: the employer learns nothing about the unpublished.
  if (!seeker || !seeker.publishProfile) return refuse("seeker-unpublished");
  if (!seeker.hasMypage) return refuse("seeker-no-mypage");
  if (facts.alreadyRequested) return refuse("duplicate");
  if (facts.sentForPosting >= REQUESTS_PER_POSTING) return refuse("limit");
  return { ok: true, remainingAfter: remainingRequests(facts.sentForPosting + 1) };
}

export type DirectRequestStatus = "requested" | "accepted" | "declined" | "expired";

/** The state of a sent request as the employer's list shows it. */
export const DIRECT_REQUEST_STATUS_LABELS: Record<DirectRequestStatus, string> = {
  requested: "回答待ち",
  accepted: "応募あり",
  declined: "辞退",
  expired: "期限切れ",
};
