/**
 * Daily (R-JOB-4): accepted postings whose 紹介期限 has passed become 無効 (expired); the 求人無効日 is the day after the
 * 紹介期限 — the first day on which the posting is no longer valid, as with 募集停止 (ADR 0011). The establishment is
 * told (お知らせ + mail). A pending extension request is decided with it (issue 10 #5): refused, with its own audit row
 * and an お知らせ + mail that say why (the 紹介期限 passed before it was approved), in the same batch. Bounded chunks; a
 * re-run finds nothing more to do, and two overlapping runs tell once.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import { formatJapaneseDate, todayJst, type Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { expiryInvalidatedOn } from "../../rules/posting";
import { auditStatement } from "../../utils/audit.server";
import type { Db } from "../../utils/db.server";
import { isLostRace, valueWhile } from "../../utils/sql.server";
import { parseContent } from "./content.server";
import { recipientsOf, tellEstablishment, type Recipient } from "./notify.server";
import { jobPostings as t } from "./queries.server";

export interface ExpiryRound {
  /** Postings found due (a full chunk means there may be more). */
  found: number;
  /** Postings this call expired; fewer than found when an overlapping run took some first. */
  expired: number;
  /** SQL statements sent to D1 (each statement of a batch counted). */
  statements: number;
}

type Due = typeof t.$inferSelect;

/**
 * One posting's expiry: the audit row comes first and exists only while the posting is still accepted (compare-and-set,
 * as stopPosting), so a batch of a run that lost the race to another run fails whole — no second audit row, お知らせ or
 * mail (issue 9 #10).
 */
function expiryStatements(db: Db, clock: Clock, mail: MailContext, recipient: Recipient | undefined, posting: Due) {
  const content = parseContent(posting.publishedContent ?? posting.content);
  const stillAccepted = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${posting.id} AND ${t.status} = 'accepted')`;
  return [
    auditStatement(db, clock, {
      actorType: "system",
      action: valueWhile("posting.expire", stillAccepted),
      subjectType: "job_posting",
      subjectId: posting.id,
      officeCode: posting.officeCode,
      details: { validUntil: posting.validUntil },
    }),
    db
      .update(t)
      .set({
        status: "expired",
        invalidatedOn: expiryInvalidatedOn(posting.validUntil!),
        content: posting.publishedContent ?? posting.content,
        changeStatus: null,
        extensionStatus: posting.extensionStatus === "requested" ? "refused" : posting.extensionStatus,
        updatedAt: clock.now().getTime(),
      })
      .where(and(eq(t.id, posting.id), eq(t.status, "accepted"))),
    ...tellEstablishment(db, clock, mail, recipient, posting, "expired", { jobTitle: content.jobTitle, jobNumber: posting.jobNumber }),
    ...(posting.extensionStatus === "requested" ? lapsedExtension(db, clock, mail, recipient, posting, content.jobTitle) : []),
  ];
}

/** Why a request still pending at the 紹介期限 is refused (the お知らせ says it). */
export function lapsedExtensionReason(validUntil: string): string {
  return `紹介期限（${formatJapaneseDate(validUntil)}）までに延長が承認されなかったため、申請は不承認となり、求人は紹介期限を過ぎて無効になりました。引き続き募集する場合は、更新求人（転用）を申し込んでください。`;
}

/**
 * issue 10 #5: the pending extension request of an expiring posting, refused by the system — its audit row and the
 * お知らせ + mail with the reason (in the expiry's batch: the expiry's compare-and-set audit row guards them all).
 */
function lapsedExtension(db: Db, clock: Clock, mail: MailContext, recipient: Recipient | undefined, posting: Due, jobTitle: string) {
  const reason = lapsedExtensionReason(posting.validUntil!);
  return [
    auditStatement(db, clock, {
      actorType: "system",
      action: "posting.extension-refuse",
      subjectType: "job_posting",
      subjectId: posting.id,
      officeCode: posting.officeCode,
      details: { validUntil: posting.validUntil, reason: "lapsed" },
    }),
    ...tellEstablishment(db, clock, mail, recipient, posting, "extensionRefused", { jobTitle, jobNumber: posting.jobNumber, reason }),
  ];
}

type Statements = ReturnType<typeof expiryStatements>;

/** The most statements one posting's expiry sends: audit + update + お知らせ + mail, and for a lapsed extension request its audit + お知らせ + mail. */
export const MAX_STATEMENTS_PER_POSTING = 7;

/** Runs a batch; false when it lost the race to another run (and so changed nothing). */
async function batchUnlessRaced(db: Db, statements: Statements): Promise<boolean> {
  try {
    await db.batch(statements as [Statements[number], ...Statements]);
    return true;
  } catch (error) {
    if (isLostRace(error)) return false;
    throw error;
  }
}

/** Expires up to `limit` postings due today. */
export async function expirePostings(db: Db, clock: Clock, mail: MailContext, limit = 40): Promise<ExpiryRound> {
  const today = todayJst(clock);
  const due = await db
    .select()
    .from(t)
    .where(and(eq(t.status, "accepted"), lt(t.validUntil, today)))
    .orderBy(t.validUntil, t.id)
    .limit(limit)
    .all();
  if (due.length === 0) return { found: 0, expired: 0, statements: 1 };
  const recipients = new Map((await recipientsOf(db, [...new Set(due.map((p) => p.establishmentId))])).map((r) => [r.establishmentId, r]));
  const each = due.map((posting) => expiryStatements(db, clock, mail, recipients.get(posting.establishmentId), posting));
  const all = each.flat() as Statements;
  // The chunk in one batch; when another run took some of it first, each posting alone (only the ones still accepted).
  if (await batchUnlessRaced(db, all)) return { found: due.length, expired: due.length, statements: 2 + all.length };
  let expired = 0;
  for (const statements of each) if (await batchUnlessRaced(db, statements)) expired++;
  return { found: due.length, expired, statements: 2 + 2 * all.length };
}
