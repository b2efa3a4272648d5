/**
 * 募集停止 (R-JOB-4): the employer stops an accepted posting; it becomes invalid at once (today, JST, is its
 * 求人無効日) and leaves the public search; a 内容変更 or extension request in progress ends with it. The establishment
 * is told (お知らせ + mail) in the same batch.
 */
import { and, eq, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { canStop } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { auditStatement } from "../../utils/audit.server";
import { nullIfLostRace, valueWhile } from "../../utils/sql.server";
import { parseContent } from "./content.server";
import { recipientOf, tellEstablishment } from "./notify.server";
import { refused, refusedBy, type Outcome } from "./outcome";
import { current, firstRow, jobPostings as t, ofEstablishment, postingWhere, stillValidSql, type EmployerScope } from "./queries.server";

export { STOP_REASONS } from "../../rules/posting";

/**
 * The columns of a posting stopped on `today` (募集停止, R-JOB-4): invalid from today, a 内容変更 in progress dropped (the
 * published version stays), an extension request ended. SQL, so that one UPDATE stops many (退会 and relocation, R-DEL-1/3).
 */
export function stoppedColumns(today: string, reason: string, now: number) {
  return {
    status: "stopped" as const,
    invalidatedOn: today,
    stopReason: reason,
    content: sql`coalesce(${t.publishedContent}, ${t.content})`,
    changeStatus: null,
    extensionStatus: sql`CASE WHEN ${t.extensionStatus} = 'requested' THEN NULL ELSE ${t.extensionStatus} END`,
    updatedAt: now,
  };
}

export async function stopPosting(
  db: Db,
  clock: Clock,
  scope: EmployerScope,
  id: string,
  reason: string,
  mail: MailContext,
): Promise<Outcome<{ invalidatedOn: string }>> {
  const [postings, recipients] = await db.batch([postingWhere(db, ofEstablishment(scope.establishmentId, id)), recipientOf(db, scope.establishmentId)]);
  const today = todayJst(clock);
  // As of today (issue 10 #6): a posting whose 紹介期限 has passed expired the day after it, whether or not the daily job
  // has recorded it — stopping it would record a wrong 求人無効日 and 募集停止.
  const posting = current(firstRow(postings), today);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const verdict = canStop(posting);
  if (!verdict.allowed) return refusedBy(verdict);
  const content = parseContent(posting.publishedContent ?? posting.content);
  const now = clock.now().getTime();
  const tell = tellEstablishment(db, clock, mail, firstRow(recipients), posting, "stopped", {
    jobTitle: content.jobTitle,
    jobNumber: posting.jobNumber,
    validUntil: today,
  });
  const updated = await db
    .batch([
      db
        .update(t)
        .set(stoppedColumns(today, reason, now))
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), stillValidSql(today)))
        .returning({ id: t.id }),
      // The audit row exists only if this batch's update stopped the posting: when two requests race, the loser's
      // batch fails whole, so no second お知らせ or mail is written.
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("posting.stop", sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.status} = 'stopped' AND ${t.updatedAt} = ${now})`),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: { reason, invalidatedOn: today },
      }),
      ...tell,
    ])
    .catch(nullIfLostRace);
  if (!updated || updated[0].length !== 1) return refused("race", "有効中の求人だけ募集を停止できます。");
  return { ok: true, invalidatedOn: today };
}
