/**
 * What the message pages show (R-MSG-1, issue 12), from the reads of models/messages.server.ts: the thread lists and
 * one conversation, for the employer (the seeker as the 氏名 when disclosed through a referral or application, else
 * the 公開番号) or the seeker (the establishment's name), with 既読 on the viewer's own messages.
 */
import { formatJstDateTime } from "../lib/clock";
import type { MessageView, ThreadListItem } from "../lib/message-view";
import type { CapabilityFacts } from "../rules/capabilities";
import { formatPublicNumber } from "../rules/seeker-search";
import { conversationOf, decideFor, type Conversation, type MessageRow, type ThreadListRow, type ThreadRow } from "./messages.server";

export type Viewer = "employer" | "seeker";

export interface ThreadPage {
  id: string;
  party: string;
  subject: string;
  messages: MessageView[];
  /** Null when the viewer may send; else the Japanese reason (the form is replaced by it). */
  refusal: string | null;
}

/** The seeker as an employer may name them: the disclosed 氏名, else 公開番号. */
export function seekerLabel(row: { disclosedName: string | null; publicNumber: string | null }): string {
  if (row.disclosedName) return row.disclosedName;
  return row.publicNumber ? `公開番号 ${formatPublicNumber(row.publicNumber)}` : "求職者";
}

/** 「09100-12345678 製造スタッフ」 of the subject posting. */
export function subjectOf(row: { jobNumber: string | null; jobTitle: string | null }): string {
  return `${row.jobNumber ?? ""} ${row.jobTitle || "（職種未入力）"}`.trim();
}

export function threadListView(rows: ThreadListRow[], viewer: Viewer): ThreadListItem[] {
  return rows.map((row) => ({
    id: row.id,
    party: viewer === "employer" ? seekerLabel(row) : row.establishmentName,
    subject: subjectOf(row),
    lastMessageAt: formatJstDateTime(row.lastMessageAt),
    unread: Number(row.unread),
  }));
}

/**
 * One conversation from threadReads' results, or null when the thread is not the viewer's (a 404). `capability`: the
 * employer guard's R-GATE facts (decideMessage reads them only for the employer).
 */
export function threadPageOf(
  reads: { thread: ThreadRow[]; messages: MessageRow[]; conversation: unknown },
  viewer: Viewer,
  today: string,
  capability?: CapabilityFacts,
): (ThreadPage & { conversation: Conversation; thread: ThreadRow }) | null {
  const thread = reads.thread[0];
  const conversation = conversationOf(reads.conversation, today);
  if (!thread || !conversation) return null;
  const decision = decideFor(conversation, viewer, capability);
  return {
    id: thread.id,
    thread,
    conversation,
    party: viewer === "employer" ? seekerLabel(conversation) : conversation.establishmentName,
    subject: subjectOf(thread),
    messages: reads.messages.map((message) => ({
      id: message.id,
      mine: message.senderType === viewer,
      kindLabel: message.kind === "result" ? "選考結果" : null,
      body: message.body,
      sentAt: formatJstDateTime(message.sentAt),
      read: message.senderType === viewer && message.readAt !== null,
    })),
    refusal: decision.ok ? null : decision.message,
  };
}
