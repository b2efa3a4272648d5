/**
 * Daily (R-JOB-4): accepted postings whose 紹介期限 has passed become 無効 (expired); the 求人無効日 is the day after the
 * 紹介期限 — the first day on which the posting is no longer valid, as with 募集停止 (ADR 0011). The establishment is
 * told (お知らせ + mail). Bounded chunks; a re-run finds nothing more to do.
 */
import { and, eq, lt } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { expiryInvalidatedOn } from "../../rules/posting";
import { auditStatement } from "../../utils/audit.server";
import type { Db } from "../../utils/db.server";
import { parseContent } from "./content.server";
import { recipientsOf, tellEstablishment } from "./notify.server";
import { jobPostings as t } from "./queries.server";

/** Expires up to `limit` postings due today; returns how many. */
export async function expirePostings(db: Db, clock: Clock, mail: MailContext, limit = 40): Promise<number> {
  const today = todayJst(clock);
  const due = await db
    .select()
    .from(t)
    .where(and(eq(t.status, "accepted"), lt(t.validUntil, today)))
    .orderBy(t.validUntil, t.id)
    .limit(limit)
    .all();
  if (due.length === 0) return 0;
  const recipients = new Map((await recipientsOf(db, [...new Set(due.map((p) => p.establishmentId))])).map((r) => [r.establishmentId, r]));
  const now = clock.now().getTime();
  const statements = due.flatMap((posting) => {
    const content = parseContent(posting.publishedContent ?? posting.content);
    return [
      db
        .update(t)
        .set({
          status: "expired",
          invalidatedOn: expiryInvalidatedOn(posting.validUntil!),
          content: posting.publishedContent ?? posting.content,
          changeStatus: null,
          extensionStatus: posting.extensionStatus === "requested" ? null : posting.extensionStatus,
          updatedAt: now,
        })
        .where(and(eq(t.id, posting.id), eq(t.status, "accepted"))),
      auditStatement(db, clock, {
        actorType: "system",
        action: "posting.expire",
        subjectType: "job_posting",
        subjectId: posting.id,
        officeCode: posting.officeCode,
        details: { validUntil: posting.validUntil },
      }),
      ...tellEstablishment(db, clock, mail, recipients.get(posting.establishmentId), posting, "expired", {
        jobTitle: content.jobTitle,
        jobNumber: posting.jobNumber,
      }),
    ];
  });
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  return due.length;
}
