/**
 * Messages between an establishment and a seeker (R-MSG-1, issue 12; R-REF-3 a 選考結果 sent as a message). The reads
 * each side's pages put in their guard's batch (threads with unread counts, one thread scoped to the actor — another's
 * is no row, a 404 —, the facts rules/message decideMessage needs), the 既読 update that opening a thread makes, and
 * `sendMessage`: one batch whose INSERTs carry the R-MSG-1 condition in their own SQL (the twin of decideMessage), so
 * that a posting stopped, a restriction or 利用不可 falling between the page's check and the write refuses the write.
 * The mail to the other side and the audit row (no content) ride on the message's existence; the mail says only that a
 * message arrived, with a link to the list, never the text.
 */
import { and, asc, desc, eq, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import type { MailContext } from "../mail/templates";
import type { CapabilityFacts } from "../rules/capabilities";
import { decideMessage, type MessageDecision, type MessageFacts, type MessageSender } from "../rules/message";
import type { PostingValidity } from "../rules/referral";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { postingValidOn } from "../utils/facts.server";
import { enqueueMailToAccounts, enqueueMailWhere } from "../utils/mail.server";
import { insertWhere, qualified } from "../utils/sql.server";

const mt = schema.messageThreads;
const m = schema.messages;
const p = schema.jobPostings;
const r = schema.referrals;
const d = schema.directRequests;
const js = schema.jobSeekers;
const sa = schema.seekerAccounts;
const e = schema.establishments;

/** The thread's subject posting: its 求人番号 and 職種 (as published). */
const subjectNumberSql = () => sql<string | null>`(SELECT ${qualified(p.jobNumber)} FROM ${p} WHERE ${qualified(p.id)} = ${qualified(mt.postingId)})`;
const subjectTitleSql = () =>
  sql<
    string | null
  >`(SELECT json_extract(COALESCE(${qualified(p.publishedContent)}, ${qualified(p.content)}), '$.jobTitle') FROM ${p} WHERE ${qualified(p.id)} = ${qualified(mt.postingId)})`;

// ---------------------------------------------------------------------------------------------------------------
// R-MSG-1 as SQL (rules/message decideMessage)

/** A posting of the establishment concerns the seeker: referred to or applied to (referrals), or requested for. */
function concernsSeekerSql(seekerId: ScopeValue): SQL {
  return sql`(EXISTS (SELECT 1 FROM ${r} WHERE ${qualified(r.postingId)} = ${qualified(p.id)} AND ${qualified(r.seekerId)} = ${seekerId})
    OR EXISTS (SELECT 1 FROM ${d} WHERE ${qualified(d.postingId)} = ${qualified(p.id)} AND ${qualified(d.seekerId)} = ${seekerId}))`;
}

/** R-MSG-1: the establishment has a posting valid `today` that concerns the seeker. */
export function concerningValidPostingSql(establishmentId: ScopeValue, seekerId: ScopeValue, today: string): SQL<number> {
  return sql<number>`EXISTS (SELECT 1 FROM ${p} WHERE ${qualified(p.establishmentId)} = ${establishmentId} AND ${postingValidOn(today)} AND ${concernsSeekerSql(seekerId)})`;
}

/** R-MSG-1: the seeker has a 求職者マイページ (the flag and an active login account). */
function seekerHasMypageSql(seekerId: ScopeValue): SQL {
  return sql`EXISTS (SELECT 1 FROM ${js} WHERE ${qualified(js.id)} = ${seekerId} AND ${qualified(js.hasMypage)} = 1)
    AND EXISTS (SELECT 1 FROM ${sa} WHERE ${qualified(sa.seekerId)} = ${seekerId} AND ${qualified(sa.status)} = 'active')`;
}

/** The whole condition of a send (decideMessage): the employer's restriction counts only when the employer writes. */
function maySendSql(sender: MessageSender, establishmentId: string, seekerId: string, today: string): SQL {
  const restriction = sender === "employer" ? sql` AND ${qualified(e.restrictedAt)} IS NULL` : sql``;
  return sql`EXISTS (SELECT 1 FROM ${e} WHERE ${qualified(e.id)} = ${establishmentId} AND ${qualified(e.status)} = 'open' AND ${qualified(e.unusableAt)} IS NULL${restriction})
    AND ${seekerHasMypageSql(seekerId)} AND ${concerningValidPostingSql(establishmentId, seekerId, today)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The facts of one conversation, read in a page's batch

/**
 * The statements that read what decideMessage needs about an establishment and a seeker (either may be SQL, e.g. the
 * seeker of a thread in the actor's scope): the establishment's state, the seeker's マイページ and whether the
 * employer may see the name (a referral or application to the establishment, rules/disclosure), the concerning postings
 * with what decides their validity, and the thread between them if any.
 */
export function conversationReads(db: Db, establishmentId: ScopeValue, seekerId: ScopeValue) {
  return [
    db.select({ status: e.status, restrictedAt: e.restrictedAt, unusableAt: e.unusableAt, name: e.name }).from(e).where(eq(e.id, establishmentId)),
    db
      .select({
        id: js.id,
        hasMypage: js.hasMypage,
        accountActive:
          sql<number>`EXISTS (SELECT 1 FROM ${sa} WHERE ${qualified(sa.seekerId)} = ${qualified(js.id)} AND ${qualified(sa.status)} = 'active')`.as(
            "account_active",
          ),
        publicNumber: js.publicNumber,
        // 氏名 only when the seeker was referred to or applied to this establishment (R-REF-2: then it is disclosed).
        disclosedName: sql<
          string | null
        >`CASE WHEN EXISTS (SELECT 1 FROM ${r} WHERE ${qualified(r.establishmentId)} = ${establishmentId} AND ${qualified(r.seekerId)} = ${qualified(js.id)}) THEN ${qualified(js.name)} END`.as(
          "disclosed_name",
        ),
      })
      .from(js)
      .where(eq(js.id, seekerId)),
    db
      .select({ status: p.status, acceptedOn: p.acceptedOn, validUntil: p.validUntil, invalidatedOn: p.invalidatedOn })
      .from(p)
      .where(and(eq(p.establishmentId, establishmentId), concernsSeekerSql(seekerId))),
    db
      .select({ id: mt.id })
      .from(mt)
      .where(and(eq(mt.establishmentId, establishmentId), eq(mt.seekerId, seekerId))),
  ] as const;
}

type ConversationResults = [
  { status: string; restrictedAt: number | null; unusableAt: number | null; name: string }[],
  { id: string; hasMypage: boolean; accountActive: number; publicNumber: string | null; disclosedName: string | null }[],
  PostingValidity[],
  { id: string }[],
];

export interface Conversation {
  establishmentName: string;
  seekerId: string;
  /** 氏名 when disclosed to the employer, else null (show the 公開番号). */
  disclosedName: string | null;
  publicNumber: string | null;
  threadId: string | null;
  facts: Omit<MessageFacts, "sender" | "capability">;
  restricted: boolean;
}

/** The conversation's facts from conversationReads' results, or null when the establishment or seeker is unknown. */
export function conversationOf(results: unknown, today: string): Conversation | null {
  const [establishments, seekers, postings, threads] = results as ConversationResults;
  const est = establishments[0];
  const seeker = seekers[0];
  if (!est || !seeker) return null;
  const establishment = est.unusableAt !== null || est.status === "unusable" ? "unusable" : est.status === "open" ? "open" : "closed";
  return {
    establishmentName: est.name,
    seekerId: seeker.id,
    disclosedName: seeker.disclosedName,
    publicNumber: seeker.publicNumber,
    threadId: threads[0]?.id ?? null,
    restricted: est.restrictedAt !== null,
    facts: {
      today,
      establishment,
      seekerHasMypage: Boolean(seeker.hasMypage),
      seekerAccountActive: Boolean(seeker.accountActive),
      concerningPostings: postings,
    },
  };
}

/**
 * decideMessage for a side, from the conversation: the employer's R-GATE facts are its guard's, with the restriction as
 * the conversation read it (after a refused write, the state that refused it).
 */
export function decideFor(conversation: Conversation, sender: MessageSender, capability?: CapabilityFacts): MessageDecision {
  return decideMessage({ ...conversation.facts, sender, capability: capability && { ...capability, restricted: conversation.restricted } });
}

// ---------------------------------------------------------------------------------------------------------------
// Lists and one thread

export type Side = { side: "employer"; establishmentId: ScopeValue } | { side: "seeker"; seekerId: ScopeValue };

function sideScope(scope: Side, table: typeof mt | typeof m): SQL {
  return scope.side === "employer" ? eq(table.establishmentId, scope.establishmentId) : eq(table.seekerId, scope.seekerId);
}

/** Messages written by the other side. */
function fromOtherSide(scope: Side): SQL {
  return sql`${qualified(m.senderType)} = ${scope.side === "employer" ? "seeker" : "employer"}`;
}

function unreadSql(scope: Side): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${m} WHERE ${qualified(m.threadId)} = ${qualified(mt.id)} AND ${fromOtherSide(scope)} AND ${qualified(m.readAt)} IS NULL)`;
}

/** The actor's threads: the other party, the subject posting, the last message time, the unread count; unread first, newest first. */
export function threadsQuery(db: Db, scope: Side, limit = 200) {
  const unread = unreadSql(scope);
  return db
    .select({
      id: mt.id,
      lastMessageAt: mt.lastMessageAt,
      unread: unread.as("unread"),
      establishmentName: sql<string>`(SELECT ${qualified(e.name)} FROM ${e} WHERE ${qualified(e.id)} = ${qualified(mt.establishmentId)})`.as(
        "establishment_name",
      ),
      publicNumber: sql<string | null>`(SELECT ${qualified(js.publicNumber)} FROM ${js} WHERE ${qualified(js.id)} = ${qualified(mt.seekerId)})`.as(
        "public_number",
      ),
      disclosedName: sql<
        string | null
      >`(SELECT ${qualified(js.name)} FROM ${js} WHERE ${qualified(js.id)} = ${qualified(mt.seekerId)} AND EXISTS (SELECT 1 FROM ${r} WHERE ${qualified(r.establishmentId)} = ${qualified(mt.establishmentId)} AND ${qualified(r.seekerId)} = ${qualified(mt.seekerId)}))`.as(
        "disclosed_name",
      ),
      jobNumber: subjectNumberSql().as("job_number"),
      jobTitle: subjectTitleSql().as("job_title"),
    })
    .from(mt)
    .where(sideScope(scope, mt))
    .orderBy(sql`(${unread} > 0) DESC`, desc(mt.lastMessageAt))
    .limit(limit);
}

export type ThreadListRow = Awaited<ReturnType<ReturnType<typeof threadsQuery>["all"]>>[number];

/** The seeker's unread messages over all threads (for the 求職者マイページ home). */
export function seekerUnreadCountQuery(db: Db, seekerId: ScopeValue) {
  return db
    .select({ unread: sql<number>`count(*)`.as("unread") })
    .from(m)
    .where(and(eq(m.seekerId, seekerId), eq(m.senderType, "employer"), isNull(m.readAt)));
}

/**
 * One thread in the actor's scope (no row: a 404), its messages oldest first, the 既読 update of the other side's
 * messages (opening the thread reads them), and the conversation's facts — all statements for the guard's batch.
 */
export function threadReads(db: Db, scope: Side, threadId: string, now: number) {
  const mine = and(eq(mt.id, threadId), sideScope(scope, mt));
  const of = (column: SQLWrapper) => sql`(SELECT ${column} FROM ${mt} WHERE ${mine})`;
  return {
    thread: threadQuery(db, scope, threadId),
    markRead: db
      .update(m)
      .set({ readAt: now })
      .where(and(eq(m.threadId, of(mt.id)), sideScope(scope, m), fromOtherSide(scope), isNull(m.readAt))),
    messages: db
      .select({ id: m.id, senderType: m.senderType, kind: m.kind, body: m.body, sentAt: m.sentAt, readAt: m.readAt })
      .from(m)
      .where(and(eq(m.threadId, of(mt.id)), sideScope(scope, m)))
      .orderBy(asc(m.sentAt), asc(m.id)),
    conversation: conversationReads(db, of(mt.establishmentId), of(mt.seekerId)),
  };
}

/** One thread in the actor's scope (no row: not the actor's, a 404), with its subject posting. */
export function threadQuery(db: Db, scope: Side, threadId: string) {
  return db
    .select({
      id: mt.id,
      establishmentId: mt.establishmentId,
      seekerId: mt.seekerId,
      postingId: mt.postingId,
      jobNumber: subjectNumberSql().as("job_number"),
      jobTitle: subjectTitleSql().as("job_title"),
    })
    .from(mt)
    .where(and(eq(mt.id, threadId), sideScope(scope, mt)));
}

export type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadQuery>["all"]>>[number];
export type MessageRow = Awaited<ReturnType<ReturnType<typeof threadReads>["messages"]["all"]>>[number];

// ---------------------------------------------------------------------------------------------------------------
// Sending

export type MessageActor = { type: "employer"; accountId: string; officeCode: string } | { type: "seeker"; accountId: string };

export type SendMessageResult = { ok: true; threadId: string; messageId: string } | { ok: false; reason: string; message: string };

/**
 * Sends one message (R-MSG-1) in one batch: the thread got or created (unique on establishment+seeker; `postingId` is
 * the subject of a new one), the message, last_message_at, the mail to the other side, the audit row — each INSERT
 * under the R-MSG-1 condition of maySendSql, so nothing is written when it no longer holds. A refused send reads the
 * facts as they are after the batch and answers decideMessage's Japanese reason. `result`: a 選考結果 as a message
 * (kind 'result', R-REF-3), refused when the same text was already sent for that referral.
 */
export async function sendMessage(input: {
  db: Db;
  clock: Clock;
  mail: MailContext;
  actor: MessageActor;
  establishmentId: string;
  seekerId: string;
  postingId: string | null;
  body: string;
  capability?: CapabilityFacts;
  result?: { referralId: string };
}): Promise<SendMessageResult> {
  const { db, clock, mail, actor, establishmentId, seekerId, body, result } = input;
  const today = todayJst(clock);
  const now = clock.now().getTime();
  const newThreadId = newId();
  const messageId = newId();
  const allowed = maySendSql(actor.type, establishmentId, seekerId, today);
  const notYetSent = result
    ? sql` AND NOT EXISTS (SELECT 1 FROM ${m} WHERE ${qualified(m.referralId)} = ${result.referralId} AND ${qualified(m.kind)} = 'result' AND ${qualified(m.body)} = ${body})`
    : sql``;
  const threadOf = sql`(SELECT ${qualified(mt.id)} FROM ${mt} WHERE ${qualified(mt.establishmentId)} = ${establishmentId} AND ${qualified(mt.seekerId)} = ${seekerId})`;
  const sent = sql`EXISTS (SELECT 1 FROM ${m} WHERE ${qualified(m.id)} = ${messageId})`;
  const thread = insertWhere(
    db,
    mt,
    { id: newThreadId, establishmentId, seekerId, postingId: input.postingId, createdAt: now, lastMessageAt: now },
    sql`WHERE ${allowed}${notYetSent}`,
  ).onConflictDoNothing();
  const message = insertWhere(
    db,
    m,
    {
      id: messageId,
      threadId: threadOf,
      establishmentId,
      seekerId,
      senderType: actor.type,
      senderId: actor.accountId,
      kind: result ? "result" : "text",
      referralId: result?.referralId ?? null,
      body,
      sentAt: now,
      sentOn: today,
    },
    sql`WHERE ${allowed}${notYetSent}`,
  );
  const touch = db
    .update(mt)
    .set({ lastMessageAt: now })
    .where(and(eq(mt.establishmentId, establishmentId), eq(mt.seekerId, seekerId), sent));
  const notify =
    actor.type === "employer"
      ? enqueueMailWhere(
          db,
          clock,
          mail,
          sql`${qualified(sa.email)}`,
          sql`FROM ${sa} WHERE ${qualified(sa.seekerId)} = ${seekerId} AND ${qualified(sa.status)} = 'active' AND ${sent}`,
          "messageToSeeker",
          {},
        )
      : enqueueMailToAccounts(db, clock, mail, establishmentId, "messageToEmployer", {}, sent);
  const audit = insertWhere(
    db,
    schema.auditLog,
    {
      at: now,
      actorType: actor.type,
      actorId: actor.accountId,
      action: result ? "message.sendResult" : "message.send",
      subjectType: "messageThread",
      subjectId: threadOf,
      // A seeker's message is the establishment's office's to audit (the filter by establishment finds it).
      officeCode:
        actor.type === "employer"
          ? actor.officeCode
          : sql`(SELECT ${schema.establishments.officeCode} FROM ${schema.establishments} WHERE ${schema.establishments.id} = ${establishmentId})`,
      establishmentId,
      details: JSON.stringify({ messageId, establishmentId, seekerId, kind: result ? "result" : "text", referralId: result?.referralId ?? null }),
    },
    sql`WHERE ${sent}`,
  );
  const state = db.select({ sent: sql<number>`${sent}`.as("sent"), threadId: sql<string | null>`${threadOf}`.as("thread_id") }).from(sql`(SELECT 1)`);
  const [, , , , , [after], ...facts] = await db.batch([thread, message, touch, notify, audit, state, ...conversationReads(db, establishmentId, seekerId)]);
  if (after?.sent && after.threadId) return { ok: true, threadId: after.threadId, messageId };
  const conversation = conversationOf(facts, today);
  if (!conversation) return { ok: false, reason: "not-found", message: "相手が見つかりません。" };
  const decision = decideFor(conversation, actor.type, input.capability);
  if (!decision.ok) return decision;
  if (result) return { ok: false, reason: "already-sent", message: "この選考結果は、すでにメッセージで送っています。" };
  return { ok: false, reason: "conflict", message: "メッセージを送れませんでした。もう一度お試しください。" };
}

// ---------------------------------------------------------------------------------------------------------------
// Starting a conversation from a referral or a 直接リクエスト (the employer's /mypage/messages/new)

export type StartSource = { kind: "referral" | "request"; id: string };

/** The source named in a start page's URL: exactly one of `referral` / `request`, an id of letters, digits, hyphens. */
export function startSourceOf(params: URLSearchParams): StartSource | null {
  const referral = params.get("referral");
  const directRequest = params.get("request");
  const id = referral ?? directRequest ?? "";
  if ((referral === null) === (directRequest === null) || !/^[A-Za-z0-9-]{1,64}$/.test(id)) return null;
  return { kind: referral !== null ? "referral" : "request", id };
}

/**
 * A referral (or application) or 直接リクエスト in the actor's scope — the establishment's, or the seeker's own (no row:
 * not theirs, a 404) — and the conversation between its establishment and its seeker.
 */
export function startReads(db: Db, scope: Side, source: StartSource) {
  const table = source.kind === "referral" ? r : d;
  const mine = and(eq(table.id, source.id), scope.side === "employer" ? eq(table.establishmentId, scope.establishmentId) : eq(table.seekerId, scope.seekerId));
  const establishmentId = scope.side === "employer" ? scope.establishmentId : sql`(SELECT ${table.establishmentId} FROM ${table} WHERE ${mine})`;
  const seekerId = scope.side === "seeker" ? scope.seekerId : sql`(SELECT ${table.seekerId} FROM ${table} WHERE ${mine})`;
  return {
    source: db.select({ establishmentId: table.establishmentId, seekerId: table.seekerId, postingId: table.postingId }).from(table).where(mine),
    conversation: conversationReads(db, establishmentId, seekerId),
  };
}
