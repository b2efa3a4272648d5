/**
 * 有効期間延長 (R-JOB-2; ADR 0010, ADR 0014): the employer asks for the one extension of a valid posting; an officer of
 * the accepting office approves it (紹介期限 → the end of the following month, once) or refuses it, and the establishment
 * is told (お知らせ + mail). The rules are rules/posting canRequestExtension / canDecideExtension, on the posting as of
 * today (asOf: after its 紹介期限 it is expired, whether or not the daily job has run — issue 10 #6), and extensionCheck:
 * every posting rule for the extended period on the published 求人票 (issue 10 #4). A red finding refuses the request;
 * an approval it refuses becomes the refusal of the request, with the reason in the employer's お知らせ.
 */
import { and, eq, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { canDecideExtension, canRequestExtension, extensionCheck } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { auditStatement } from "../../utils/audit.server";
import { nullIfLostRace, valueWhile } from "../../utils/sql.server";
import type { StaffScope } from "../establishment.server";
import { parseContent } from "./content.server";
import { recipientOf, tellEstablishment } from "./notify.server";
import { refused, refusedBy, type Outcome } from "./outcome";
import {
  current,
  firstRow,
  jobPostings as t,
  minimumWagesOfContent,
  ofEstablishment,
  ofOffice,
  postingWhere,
  stillValidSql,
  type EmployerScope,
} from "./queries.server";

/** The employer asks for the one-month extension of a valid posting (refused while the extended period has a red finding). */
export async function requestExtension(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<Outcome> {
  const today = todayJst(clock);
  const where = ofEstablishment(scope.establishmentId, id);
  const [postings, minimumWages] = await db.batch([postingWhere(db, where), minimumWagesOfContent(db, where)]);
  const posting = current(firstRow(postings), today);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const verdict = canRequestExtension(posting, today);
  if (!verdict.allowed) return refusedBy(verdict);
  const check = extensionCheck(parseContent(posting.publishedContent ?? posting.content), { today, minimumWages, validUntil: posting.validUntil! });
  if (check.reason) return refused("rule", check.reason);
  const now = clock.now().getTime();
  const requested = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.extensionStatus} = 'requested' AND ${t.extensionRequestedAt} = ${now})`;
  const done = await db
    .batch([
      db
        .update(t)
        .set({ extensionStatus: "requested", extensionRequestedAt: now, updatedAt: now })
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), stillValidSql(today), eq(t.extended, false))),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("posting.extension-request", requested),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
      }),
    ])
    .catch(nullIfLostRace);
  return done ? { ok: true } : refused("race", "有効中の求人ではないため、有効期間を延長できません。");
}

/**
 * The officer approves (紹介期限 → end of the following month, once) or refuses an extension request. An approval that
 * the rules refuse for the extended period (extensionCheck) refuses the request instead: `refusedBecause` says why, and
 * the employer's お知らせ too (as it does when the officer refuses a request the rules refuse).
 */
export async function decideExtension(
  db: Db,
  clock: Clock,
  scope: StaffScope,
  id: string,
  approve: boolean,
  mail: MailContext,
): Promise<Outcome<{ validUntil: string | null; refusedBecause: string | null }>> {
  const today = todayJst(clock);
  const where = ofOffice(scope.officeCode, id);
  const [postings, recipients, minimumWages] = await db.batch([
    db.select().from(t).where(where).limit(1),
    recipientOf(db, sql`(SELECT ${t.establishmentId} FROM ${t} WHERE ${where})`),
    minimumWagesOfContent(db, where),
  ]);
  const posting = current(firstRow(postings), today);
  if (!posting) return refused("not-found", "延長の申請が見つかりません。");
  const verdict = canDecideExtension(posting, approve, today);
  if (!verdict.allowed) return refusedBy(verdict);
  const content = parseContent(posting.publishedContent ?? posting.content);
  const check = extensionCheck(content, { today, minimumWages, validUntil: posting.validUntil! });
  const approved = approve && check.reason === null;
  const next = approved ? check.validUntil : null;
  const now = clock.now().getTime();
  const tell = tellEstablishment(db, clock, mail, firstRow(recipients), posting, approved ? "extended" : "extensionRefused", {
    jobTitle: content.jobTitle,
    jobNumber: posting.jobNumber,
    validUntil: next,
    reason: approved ? null : check.reason,
  });
  const took = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.extensionStatus} = ${approved ? "approved" : "refused"} AND ${t.updatedAt} = ${now})`;
  try {
    await db.batch([
      db
        .update(t)
        .set(approved ? { extensionStatus: "approved", extended: true, validUntil: next!, updatedAt: now } : { extensionStatus: "refused", updatedAt: now })
        .where(and(eq(t.id, id), eq(t.officeCode, scope.officeCode), eq(t.extensionStatus, "requested"), eq(t.extended, false), stillValidSql(today))),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(approved ? "posting.extend" : "posting.extension-refuse", took),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: { from: posting.validUntil, to: next, ...(check.reason ? { refusedBecause: check.reason } : {}) },
      }),
      ...tell,
    ]);
  } catch {
    return refused("race", "延長の申請はすでに処理されています。");
  }
  return { ok: true, validUntil: next, refusedBecause: approve && !approved ? check.reason : null };
}
