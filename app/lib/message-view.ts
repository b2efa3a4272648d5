/**
 * What the message pages show (R-MSG-1, issue 12): the shapes the models build (models/message-view.server.ts) and the
 * components render (components/messages.tsx).
 */

/** One row of a thread list. */
export interface ThreadListItem {
  id: string;
  /** The other party: the seeker (氏名 when disclosed, else 公開番号) or the establishment. */
  party: string;
  /** 「求人番号 職種」 of the subject posting. */
  subject: string;
  lastMessageAt: string;
  unread: number;
}

/** One message of a conversation as the viewer sees it. */
export interface MessageView {
  id: string;
  mine: boolean;
  /** 「選考結果」 for a result sent as a message (R-REF-3). */
  kindLabel: string | null;
  body: string;
  sentAt: string;
  /** 既読: only for the viewer's own messages, when the other side has opened them. */
  read: boolean;
}
