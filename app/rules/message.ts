/**
 * Messages between an establishment and a seeker (R-MSG-1, issue 12): the body's rules and who may send. Pure: the facts
 * and today in, a decision with a Japanese reason out. models/messages.server.ts reads the same facts as SQL and holds
 * the permission in the INSERT's own condition, so a posting that ends between the check and the write refuses there.
 *
 * R-MSG-1: possible only when
 * - the seeker opened a 求職者マイページ (job_seekers.has_mypage and an active seeker account), and
 * - the establishment has a posting valid today (JST) that concerns the seeker: the seeker was referred to it, applied
 *   to it (a referral of either channel) or was sent a 直接リクエスト for it.
 * The employer, in addition, goes through rules/capabilities `messages.send` (R-GATE-1 a valid posting, R-GATE-3 the
 * restriction refuses) and a 利用不可 My Page (R-GATE-2) cannot send. The seeker replies under the same R-MSG-1
 * condition; the employer's restriction does not stop the seeker, but a My Page that is 利用不可 (or closed) receives
 * nothing, so the seeker cannot write to it then either.
 *
 * The body: plain text, at most MESSAGE_MAX characters after normalisation (normalizeMessageBody): control characters
 * other than the line break and the tab, and the bidirectional overrides, are removed (they cannot be seen and could
 * disguise the text); line breaks unified; leading and trailing white space trimmed; full-width Latin letters and
 * digits and half-width katakana unified as in every Japanese text field (lib/normalize normalizeJaText). An empty body
 * is refused.
 */
import { normalizeJaText } from "../lib/normalize";
import { decide, type CapabilityFacts } from "./capabilities";
import { isValidOn } from "./posting/validity";
import type { PostingValidity } from "./referral";

/** The longest message, in characters (code points) after normalisation. */
export const MESSAGE_MAX = 2000;

/**
 * C0 controls except TAB (U+0009) and LF (U+000A) — CR is unified into LF first —, DEL, C1 controls, and the
 * bidirectional embedding/override/isolate marks (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The body as stored and shown (see the module comment). */
export function normalizeMessageBody(value: string): string {
  return normalizeJaText(value.replace(/\r\n?/g, "\n").replace(INVISIBLE_CONTROLS, ""));
}

/** Length in characters as people count them (a surrogate pair is one). */
export function messageLength(body: string): number {
  return [...body].length;
}

export type MessageSender = "employer" | "seeker";

export type MessageRefusal = "capability" | "unusable" | "closed" | "seeker-no-mypage" | "no-concerning-posting";

export interface MessageFacts {
  sender: MessageSender;
  /** JST date. */
  today: string;
  /** The establishment's R-GATE facts (the employer guard's): read only when the employer writes (absent: refused). */
  capability?: CapabilityFacts;
  /** The establishment's My Page: open, 利用不可 (R-GATE-2), or withdrawn/closed. */
  establishment: "open" | "unusable" | "closed";
  /** job_seekers.has_mypage. */
  seekerHasMypage: boolean;
  /** The seeker has an active 求職者マイページ login account. */
  seekerAccountActive: boolean;
  /**
   * The establishment's postings that concern the seeker (referred to, applied to, or requested for), with what decides
   * whether each is valid today.
   */
  concerningPostings: PostingValidity[];
}

export type MessageDecision = { ok: true } | { ok: false; reason: MessageRefusal; message: string };

export const MESSAGE_REFUSALS: Record<Exclude<MessageRefusal, "capability">, Record<MessageSender, string>> = {
  unusable: {
    employer: "求人者マイページが利用不可となっているため、メッセージを送れません。管轄のハローワークにお問い合わせください。",
    seeker: "この事業所には、現在メッセージを送れません。ご登録のハローワークにお問い合わせください。",
  },
  closed: {
    employer: "求人者マイページが利用できないため、メッセージを送れません。",
    seeker: "この事業所には、現在メッセージを送れません。ご登録のハローワークにお問い合わせください。",
  },
  "seeker-no-mypage": {
    employer: "この求職者は求職者マイページを開設していないため、メッセージを送れません。",
    seeker: "求職者マイページが利用できないため、メッセージを送れません。",
  },
  "no-concerning-posting": {
    employer:
      "この求職者に紹介された求人、応募された求人、直接リクエストを送った求人のいずれも有効中でないため、メッセージを送れません（これまでのメッセージは読めます）。",
    seeker: "この事業所の、紹介・応募・直接リクエストを受けた求人がいずれも有効中でないため、メッセージを送れません（これまでのメッセージは読めます）。",
  },
};

/** Valid (有効中) today: accepted, from its 受理日 to its 紹介期限, not stopped (the SQL twin: utils/facts postingValidOn). */
export function concerningPostingValid(posting: PostingValidity, today: string): boolean {
  if (posting.status !== "accepted" || !posting.acceptedOn || !posting.validUntil) return false;
  return isValidOn({ acceptedOn: posting.acceptedOn, validUntil: posting.validUntil, invalidatedOn: posting.invalidatedOn }, today);
}

function refuse(reason: Exclude<MessageRefusal, "capability">, sender: MessageSender): MessageDecision {
  return { ok: false, reason, message: MESSAGE_REFUSALS[reason][sender] };
}

/** Whether `facts.sender` may send a message in the conversation of this establishment and seeker (R-MSG-1). */
export function decideMessage(facts: MessageFacts): MessageDecision {
  const { sender } = facts;
  if (facts.establishment === "unusable") return refuse("unusable", sender);
  if (facts.establishment === "closed") return refuse("closed", sender);
  if (sender === "employer") {
    const gate = facts.capability ? decide("messages.send", facts.capability) : { allowed: false, reason: undefined };
    if (!gate.allowed) return { ok: false, reason: "capability", message: gate.reason ?? "メッセージの送信は利用できません。" };
  }
  if (!facts.seekerHasMypage || !facts.seekerAccountActive) return refuse("seeker-no-mypage", sender);
  if (!facts.concerningPostings.some((p) => concerningPostingValid(p, facts.today))) return refuse("no-concerning-posting", sender);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// R-REF-3: a 選考結果 sent as a message

export interface ResultForMessage {
  status: "screening" | "hired" | "rejected" | "declined";
  /** 雇用予定日 with 採用 (YYYY-MM-DD). */
  hireDate: string | null;
  jobNumber: string | null;
  jobTitle: string;
  establishmentName: string;
}

function japaneseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/**
 * The fixed text of a 選考結果 sent as a message (kind 'result'): 採用 with its 雇用予定日, or 不採用. Null for a
 * referral without a result the employer registered (選考中, or a 辞退 the office recorded): nothing to send.
 */
export function resultMessageText(result: ResultForMessage): string | null {
  const posting = `求人番号 ${result.jobNumber ?? "―"}（${result.jobTitle || "職種未入力"}）`;
  if (result.status === "hired") {
    return [
      `${result.establishmentName}です。${posting}にご応募いただき、ありがとうございました。`,
      "選考の結果、採用と決定しましたのでお知らせします。",
      `雇用予定日：${result.hireDate ? japaneseDate(result.hireDate) : "追ってご連絡します"}`,
      "今後の手続きについては、あらためてご連絡します。",
    ].join("\n");
  }
  if (result.status === "rejected") {
    return [
      `${result.establishmentName}です。${posting}にご応募いただき、ありがとうございました。`,
      "慎重に選考しました結果、誠に残念ながら、今回は採用を見送らせていただくことになりました。",
      "ご希望に沿えず申し訳ありません。今後のご活躍をお祈りいたします。",
    ].join("\n");
  }
  return null;
}
