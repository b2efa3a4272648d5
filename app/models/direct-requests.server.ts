/**
 * 直接リクエスト (R-SEARCH-2; ADR 0023): sending one, the remaining count of a posting, and the establishment's sent
 * requests. The limits hold under concurrency in SQL: the request is an `INSERT … SELECT … WHERE` whose condition is
 * every rule of rules/direct-request (the posting the establishment's own, valid today, accepting オンライン自主応募; the
 * seeker published with a 求職者マイページ; fewer than 10 requests for the posting) with `ON CONFLICT DO NOTHING` on the
 * (posting, seeker) unique index; D1 runs a batch as one transaction, so twelve concurrent batches store ten. The audit
 * row and the seeker's mail ride on the same condition (the new row exists); the batch ends with a read of the facts
 * as they are after it, from which a refused request gets its Japanese message (rules/direct-request).
 */
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { todayJst } from "../lib/clock";
import { newId } from "../lib/ids";
import type { MailContext } from "../mail/templates";
import type { CapabilityFacts } from "../rules/capabilities";
import { decideDirectRequest, REQUESTS_PER_POSTING, remainingRequests, type DirectRequestDecision } from "../rules/direct-request";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { postingValidOn } from "../utils/facts.server";
import { enqueueMailWhere } from "../utils/mail.server";
import { insertWhere, qualified } from "../utils/sql.server";

const d = schema.directRequests;
const p = schema.jobPostings;
const s = schema.jobSeekers;

/** The 求人票 as published (the accepted version while a 内容変更 is under review). */
const shownContent = sql`COALESCE(${p.publishedContent}, ${p.content})`;
/** 「オンライン自主応募の受付」 可 (JSON true reads as 1). */
const onlineApplicationSql = sql<number | null>`json_extract(${shownContent}, '$.category.onlineApplication')`;
/** 公開希望 as published, else the column. */
const publicationSql = sql<number>`COALESCE(json_extract(${shownContent}, '$.category.publication'), ${p.publication})`;
export const jobTitleSql = sql<string | null>`json_extract(${shownContent}, '$.jobTitle')`;

/** The posting accepts requests today: SQL of rules/direct-request (valid, オンライン自主応募 可, 公開希望 1 or 2). */
export function postingOpenForRequests(today: string): SQL {
  return and(postingValidOn(today), sql`${onlineApplicationSql} = 1`, sql`${publicationSql} IN (1, 2)`)!;
}

/** Requests stored for a posting (any state). */
function sentForPostingSql(postingId: string): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${d} WHERE ${d.postingId} = ${postingId})`;
}

export interface DirectRequestScope {
  establishmentId: string;
  accountId: string;
  officeCode: string;
}

export type SendDirectRequestResult =
  { ok: true; id: string; remaining: number } | { ok: false; reason: Exclude<DirectRequestDecision, { ok: true }>["reason"] | "conflict"; message: string };

/**
 * Sends a 直接リクエスト in one batch (see the module comment). `facts` are the guard's R-GATE facts (capability
 * `search`); the route also refuses with requireCapability before calling this.
 */
export async function sendDirectRequest(input: {
  db: Db;
  clock: Clock;
  mail: MailContext;
  scope: DirectRequestScope;
  facts: CapabilityFacts;
  postingId: string;
  seekerId: string;
  message: string;
}): Promise<SendDirectRequestResult> {
  const { db, clock, mail, scope, facts, postingId, seekerId, message } = input;
  const gate = decideDirectRequest({
    capability: facts,
    posting: { validToday: true, onlineApplication: true, publication: 1 },
    seeker: { publishProfile: true, hasMypage: true },
    sentForPosting: 0,
    alreadyRequested: false,
  });
  if (!gate.ok) return gate;
  const today = todayJst(clock);
  const now = clock.now().getTime();
  const id = newId();
  const postingOk = sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${postingId} AND ${p.establishmentId} = ${scope.establishmentId} AND ${postingOpenForRequests(today)})`;
  const seekerOk = sql`EXISTS (SELECT 1 FROM ${s} WHERE ${s.id} = ${seekerId} AND ${s.publishProfile} = 1 AND ${s.hasMypage} = 1)`;
  const inserted = sql`EXISTS (SELECT 1 FROM ${d} WHERE ${d.id} = ${id})`;
  const insert = insertWhere(
    db,
    d,
    { id, postingId, establishmentId: scope.establishmentId, seekerId, requestedBy: scope.accountId, message, status: "requested", createdAt: now },
    sql`WHERE ${postingOk} AND ${seekerOk} AND ${sentForPostingSql(postingId)} < ${REQUESTS_PER_POSTING}`,
  ).onConflictDoNothing();
  const audit = insertWhere(
    db,
    schema.auditLog,
    {
      at: now,
      actorType: "employer",
      actorId: scope.accountId,
      action: "directRequest.send",
      subjectType: "directRequest",
      subjectId: id,
      officeCode: scope.officeCode,
      establishmentId: scope.establishmentId,
      details: JSON.stringify({ postingId, seekerId, establishmentId: scope.establishmentId }),
    },
    sql`WHERE ${inserted}`,
  );
  const notice = enqueueMailWhere(
    db,
    clock,
    mail,
    sql`${s.email}`,
    sql`FROM ${s} WHERE ${s.id} = ${seekerId} AND ${s.email} IS NOT NULL AND ${s.email} <> '' AND ${inserted}`,
    "directRequestNotice",
    {},
  );
  const after = db
    .select({
      inserted: sql<number>`${inserted}`,
      sent: sentForPostingSql(postingId),
      already: sql<number>`EXISTS (SELECT 1 FROM ${d} WHERE ${d.postingId} = ${postingId} AND ${d.seekerId} = ${seekerId} AND ${d.id} <> ${id})`,
      postingFound: sql<number>`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${postingId} AND ${p.establishmentId} = ${scope.establishmentId})`,
      postingValid: sql<number>`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${postingId} AND ${p.establishmentId} = ${scope.establishmentId} AND ${postingValidOn(today)})`,
      postingOnline: sql<number>`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${postingId} AND ${p.establishmentId} = ${scope.establishmentId} AND ${postingOpenForRequests(today)})`,
      seekerPublished: sql<number>`EXISTS (SELECT 1 FROM ${s} WHERE ${s.id} = ${seekerId} AND ${s.publishProfile} = 1)`,
      seekerMypage: sql<number>`EXISTS (SELECT 1 FROM ${s} WHERE ${s.id} = ${seekerId} AND ${s.publishProfile} = 1 AND ${s.hasMypage} = 1)`,
    })
    .from(sql`(SELECT 1)`);
  const [, , , [state]] = await db.batch([insert, audit, notice, after]);
  if (!state) throw new Error("sendDirectRequest: no state row");
  const sent = Number(state.sent);
  if (state.inserted) return { ok: true, id, remaining: remainingRequests(sent) };
  const decision = decideDirectRequest({
    capability: facts,
    posting: state.postingFound
      ? { validToday: Boolean(state.postingValid), onlineApplication: Boolean(state.postingOnline), publication: state.postingOnline ? 1 : 0 }
      : null,
    seeker: state.seekerPublished ? { publishProfile: true, hasMypage: Boolean(state.seekerMypage) } : null,
    sentForPosting: sent,
    alreadyRequested: Boolean(state.already),
  });
  if (!decision.ok) return decision;
  // Every condition holds after the batch, yet the insert did not happen: something changed in between (e.g. a
  // request withdrawn); asking again decides afresh.
  return { ok: false, reason: "conflict", message: "リクエストを送れませんでした。もう一度お試しください。" };
}

/** Requests still possible for a posting (10 − stored). */
export async function remainingRequestsFor(db: Db, postingId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(d).where(eq(d.postingId, postingId)).get();
  return remainingRequests(row?.n ?? 0);
}
export { remainingRequestsFor as remainingRequests };

/**
 * The establishment's postings that can take requests today (valid, オンライン自主応募), with the number sent: the
 * choices of the request form and the per-posting remaining counts.
 */
export function requestablePostingsQuery(db: Db, establishmentId: ScopeValue, today: string) {
  return db
    .select({
      id: p.id,
      jobNumber: p.jobNumber,
      jobTitle: jobTitleSql.as("job_title"),
      sent: sql<number>`(SELECT count(*) FROM ${d} WHERE ${qualified(d.postingId)} = ${qualified(p.id)})`.as("sent"),
    })
    .from(p)
    .where(and(eq(p.establishmentId, establishmentId), postingOpenForRequests(today)))
    .orderBy(asc(p.jobNumber));
}

/**
 * The establishment's sent requests (of one posting when `postingId` is given, to one seeker when `publicNumber` is),
 * by posting then newest first (at most `limit`), with the seeker's 公開番号 (what the employer's pages show: never
 * the internal id) and whether the seeker still has a 求職者マイページ.
 */
export function sentRequestsQuery(db: Db, establishmentId: ScopeValue, options: { postingId?: string; publicNumber?: string; limit?: number } = {}) {
  return db
    .select({
      id: d.id,
      postingId: d.postingId,
      jobNumber: p.jobNumber,
      jobTitle: jobTitleSql.as("job_title"),
      seekerId: d.seekerId,
      publicNumber: s.publicNumber,
      seekerHasMypage: s.hasMypage,
      status: d.status,
      createdAt: d.createdAt,
      answeredAt: d.answeredAt,
    })
    .from(d)
    .innerJoin(p, eq(p.id, d.postingId))
    .innerJoin(s, eq(s.id, d.seekerId))
    .where(
      and(
        eq(d.establishmentId, establishmentId),
        options.postingId === undefined ? undefined : eq(d.postingId, options.postingId),
        options.publicNumber === undefined ? undefined : eq(s.publicNumber, options.publicNumber),
      ),
    )
    .orderBy(asc(p.jobNumber), desc(d.createdAt))
    .limit(options.limit ?? 200);
}

export type SentRequestRow = Awaited<ReturnType<typeof sentRequestsQuery>>[number];
