/**
 * 有効期間延長 (R-JOB-2; ADR 0010): the employer asks for the one extension of a valid posting; an officer of the
 * accepting office approves it (紹介期限 → the end of the following month, once) or refuses it, and the establishment
 * is told (お知らせ + mail). The rules are rules/posting canRequestExtension / canDecideExtension.
 */
import { and, eq, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { canDecideExtension, canRequestExtension, extendedValidUntil } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { auditStatement } from "../../utils/audit.server";
import { valueWhile } from "../../utils/sql.server";
import type { StaffScope } from "../establishment.server";
import { parseContent } from "./content.server";
import { recipientOf, tellEstablishment } from "./notify.server";
import { refused, refusedBy, type Outcome } from "./outcome";
import { firstRow, getPostingOfEstablishment, jobPostings as t, ofOffice, type EmployerScope } from "./queries.server";

/** The employer asks for the one-month extension of a valid posting. */
export async function requestExtension(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<Outcome> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const verdict = canRequestExtension(posting, todayJst(clock));
  if (!verdict.allowed) return refusedBy(verdict);
  const now = clock.now().getTime();
  const requested = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.extensionStatus} = 'requested' AND ${t.extensionRequestedAt} = ${now})`;
  const done = await db
    .batch([
      db
        .update(t)
        .set({ extensionStatus: "requested", extensionRequestedAt: now, updatedAt: now })
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "accepted"), eq(t.extended, false))),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("posting.extension-request", requested),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
      }),
    ])
    .catch(() => null);
  return done ? { ok: true } : refused("race", "有効中の求人ではないため、有効期間を延長できません。");
}

/** The officer approves (紹介期限 → end of the following month, once) or refuses an extension request. */
export async function decideExtension(
  db: Db,
  clock: Clock,
  scope: StaffScope,
  id: string,
  approve: boolean,
  mail: MailContext,
): Promise<Outcome<{ validUntil: string | null }>> {
  const where = ofOffice(scope.officeCode, id);
  const [postings, recipients] = await db.batch([
    db.select().from(t).where(where).limit(1),
    recipientOf(db, sql`(SELECT ${t.establishmentId} FROM ${t} WHERE ${where})`),
  ]);
  const posting = firstRow(postings);
  if (!posting) return refused("not-found", "延長の申請が見つかりません。");
  const verdict = canDecideExtension(posting, approve, todayJst(clock));
  if (!verdict.allowed) return refusedBy(verdict);
  const content = parseContent(posting.publishedContent ?? posting.content);
  const next = approve ? extendedValidUntil(posting.validUntil!) : null;
  const now = clock.now().getTime();
  const tell = tellEstablishment(db, clock, mail, firstRow(recipients), posting, approve ? "extended" : "extensionRefused", {
    jobTitle: content.jobTitle,
    jobNumber: posting.jobNumber,
    validUntil: next,
  });
  const took = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.extensionStatus} = ${approve ? "approved" : "refused"} AND ${t.updatedAt} = ${now})`;
  try {
    await db.batch([
      db
        .update(t)
        .set(approve ? { extensionStatus: "approved", extended: true, validUntil: next!, updatedAt: now } : { extensionStatus: "refused", updatedAt: now })
        .where(and(eq(t.id, id), eq(t.officeCode, scope.officeCode), eq(t.extensionStatus, "requested"), eq(t.extended, false))),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(approve ? "posting.extend" : "posting.extension-refuse", took),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: { from: posting.validUntil, to: next },
      }),
      ...tell,
    ]);
  } catch {
    return refused("race", "延長の申請はすでに処理されています。");
  }
  return { ok: true, validUntil: next };
}
