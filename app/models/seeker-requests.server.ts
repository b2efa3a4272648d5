/**
 * The seeker's 直接リクエスト (R-SEARCH-2, issue 12; ADR 0023): the list and one request on the 求職者マイページ, and the
 * answer — 応募する or 辞退する (rules/request-answer). Every read is scoped to the signed-in seeker in SQL (another
 * seeker's request is no row: a 404).
 *
 * 応募する writes one batch: the オンライン自主応募 — a referrals row of channel 'application' (office NULL, 応募日 today in
 * JST) with its 'referred' history row and the お知らせ 「求職者からオンライン自主応募がありました」 linking
 * /mypage/applicants/:id (models/referrals.server.ts referralStatements, shared with the 紹介) —, the request's
 * compare-and-set requested → accepted, one mail per active login account of the establishment (the posting only,
 * nothing about the seeker) and the audit row. The referral's status is written only while the request is still 回答待ち
 * and the posting still takes applications (valueWhile), so a second answer or a posting stopped meanwhile fails the
 * whole batch; the partial unique index (one 選考中 row per seeker and posting) refuses an application beside an open
 * referral. 辞退する: requested → declined with an お知らせ to the establishment (no mail: nothing for the employer to do;
 * the request list and the お知らせ show it) and the audit row, on the same compare-and-set.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { formatJapaneseDate, todayJst, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import type { MailContext } from "../mail/templates";
import type { DirectRequestStatus } from "../rules/direct-request";
import { decideRequestAnswer, requestAnswerNoticeText, type RequestAnswer, type RequestAnswerDecision } from "../rules/request-answer";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { enqueueMailToAccounts } from "../utils/mail.server";
import { isLostRace, valueWhile } from "../utils/sql.server";
import { jobTitleSql, postingOpenForRequests } from "./direct-requests.server";
import { noticeInsert } from "./notices.server";
import { postingSheet } from "./posting/view.server";
import { isUniqueViolation, postingReferableSql, referralStatements } from "./referrals.server";

const d = schema.directRequests;
const p = schema.jobPostings;
const e = schema.establishments;
const r = schema.referrals;

/** The posting of the request takes an オンライン自主応募 today (SQL of rules/request-answer's postingOpen). */
function postingOpenSql(today: string): SQL {
  return and(postingOpenForRequests(today), postingReferableSql(sql`${d.postingId}`, today))!;
}

/** A 選考中 referral or application of the request's seeker to its posting. */
const openReferralSql = sql<number>`EXISTS (SELECT 1 FROM ${r} WHERE ${r.seekerId} = ${d.seekerId} AND ${r.postingId} = ${d.postingId} AND ${r.status} = 'screening')`;

/**
 * The seeker's requests (scoped in SQL; one of them with `id`) with their posting and establishment, and the facts an
 * answer is decided on: whether the posting takes an application today and whether the seeker is already 選考中 there.
 */
function seekerRequests(db: Db, seekerId: SQL | string, today: string, id?: string) {
  return db
    .select({
      id: d.id,
      status: d.status,
      message: d.message,
      createdAt: d.createdAt,
      answeredAt: d.answeredAt,
      postingId: d.postingId,
      establishmentId: d.establishmentId,
      officeCode: sql<string>`${e.officeCode}`.as("establishment_office_code"),
      jobNumber: p.jobNumber,
      jobTitle: jobTitleSql.as("job_title"),
      establishmentName: sql<string>`${e.name}`.as("establishment_name"),
      postingOpen: sql<number>`${postingOpenSql(today)}`.as("posting_open"),
      hasOpenReferral: openReferralSql.as("has_open_referral"),
    })
    .from(d)
    .innerJoin(p, eq(p.id, d.postingId))
    .innerJoin(e, eq(e.id, d.establishmentId))
    .where(and(eq(d.seekerId, seekerId), id === undefined ? undefined : eq(d.id, id)));
}

/** The seeker's requests: 回答待ち first, then newest (at most 100: ten per posting, few postings ask one seeker). */
export function seekerRequestsQuery(db: Db, seekerId: SQL | string, today: string) {
  return seekerRequests(db, seekerId, today)
    .orderBy(sql`${d.status} = 'requested' DESC`, desc(d.createdAt), d.id)
    .limit(100);
}

export type SeekerRequestRow = Awaited<ReturnType<typeof seekerRequestsQuery>>[number];

/** One request of the seeker (none when it is another seeker's). */
export function seekerRequestQuery(db: Db, seekerId: SQL | string, id: string, today: string) {
  return seekerRequests(db, seekerId, today, id).limit(1);
}

export type SeekerRequestDetail = Awaited<ReturnType<typeof seekerRequestQuery>>[number];

/** The 求人票 of the seeker's request's posting (the published version is shown), for the page's batch. */
export function seekerRequestPostingQuery(db: Db, seekerId: SQL | string, id: string) {
  return postingSheet(db, eq(p.id, sql`(SELECT ${d.postingId} FROM ${d} WHERE ${d.id} = ${id} AND ${d.seekerId} = ${seekerId})`));
}

/** The facts of rules/request-answer from a request row. */
export function answerFactsOf(row: Pick<SeekerRequestDetail, "status" | "postingOpen" | "hasOpenReferral">) {
  return { status: row.status as DirectRequestStatus, postingOpen: Boolean(row.postingOpen), hasOpenReferral: Boolean(row.hasOpenReferral) };
}

export interface SeekerActor {
  seekerId: string;
  /** seeker_accounts.id: the audit's actor. */
  accountId: string;
}

export type AnswerOutcome =
  { ok: true; answer: RequestAnswer; referralId: string | null } | { ok: false; reason: "not-found" } | Extract<RequestAnswerDecision, { ok: false }>;

/** Answers the seeker's request `requestId` (see the module comment). */
export async function answerDirectRequest(input: {
  db: Db;
  clock: Clock;
  mail: MailContext;
  actor: SeekerActor;
  requestId: string;
  answer: RequestAnswer;
}): Promise<AnswerOutcome> {
  const { db, clock, mail, actor, requestId, answer } = input;
  const today = todayJst(clock);
  const row = await seekerRequestQuery(db, actor.seekerId, requestId, today).get();
  if (!row) return { ok: false, reason: "not-found" };
  const decision = decideRequestAnswer(answerFactsOf(row), answer);
  if (!decision.ok) return decision;

  const now = clock.now().getTime();
  const jobTitle = row.jobTitle || "（職種未入力）";
  const jobNumber = row.jobNumber ?? "―";
  const notice = requestAnswerNoticeText(answer, { jobTitle, jobNumber, answeredOn: formatJapaneseDate(today) });
  const stillRequested = sql`EXISTS (SELECT 1 FROM ${d} WHERE ${d.id} = ${requestId} AND ${d.seekerId} = ${actor.seekerId} AND ${d.status} = 'requested')`;
  const answered = db
    .update(d)
    .set({ status: answer === "accept" ? "accepted" : "declined", answeredAt: now })
    .where(and(eq(d.id, requestId), eq(d.seekerId, actor.seekerId), eq(d.status, "requested")));
  const referralId = answer === "accept" ? newId() : null;
  const audit = auditStatement(db, clock, {
    actorType: "seeker",
    actorId: actor.accountId,
    // Written only while the request still waits: a second answer (or a race) fails the whole batch.
    action: valueWhile(answer === "accept" ? "directRequest.accept" : "directRequest.decline", stillRequested),
    subjectType: "directRequest",
    subjectId: requestId,
    officeCode: row.officeCode,
    details: { postingId: row.postingId, establishmentId: row.establishmentId, ...(referralId ? { referralId } : {}) },
  });
  try {
    if (referralId) {
      const open = sql`${stillRequested} AND EXISTS (SELECT 1 FROM ${d} INNER JOIN ${p} ON ${p.id} = ${d.postingId} WHERE ${d.id} = ${requestId} AND ${postingOpenSql(today)})`;
      await db.batch([
        audit,
        ...referralStatements(db, clock, {
          id: referralId,
          seekerId: actor.seekerId,
          postingId: row.postingId,
          establishmentId: row.establishmentId,
          channel: "application",
          officeCode: null,
          referredBy: null,
          referredOn: today,
          interviewAt: null,
          interviewPlace: "",
          note: "",
          condition: open,
          actor: { type: "seeker", id: actor.accountId },
          notice,
        }),
        answered,
        enqueueMailToAccounts(db, clock, mail, row.establishmentId, "applicationNotice", {
          establishmentName: row.establishmentName,
          jobNumber,
          jobTitle,
          appliedOn: formatJapaneseDate(today),
        }),
      ]);
    } else {
      await db.batch([audit, answered, noticeInsert(db, clock, row.establishmentId, { ...notice, link: "/mypage/requests" })]);
    }
  } catch (error) {
    if (isLostRace(error) || isUniqueViolation(error)) {
      // Answered meanwhile, the posting ended, or an open referral came first: decide again on what is there now.
      const again = await seekerRequestQuery(db, actor.seekerId, requestId, todayJst(clock)).get();
      if (!again) return { ok: false, reason: "not-found" };
      const now = decideRequestAnswer(answerFactsOf(again), answer);
      return now.ok ? { ok: false, reason: "answered", message: "回答できませんでした。もう一度お試しください。" } : now;
    }
    throw error;
  }
  return { ok: true, answer, referralId };
}
