/**
 * The office's review (R-JOB-2, R-JOB-3): 受理 of a new posting (a 求人番号 `OOOOO-NNNNNNNN` and its validity), 受理 of a
 * 内容変更 (the changed content is published; 求人番号 and 紹介期限 stay), and 修正依頼 of either with the officer's
 * comment. 受理 is refused while a red finding remains on today's minimum wages (a revision may have come into force
 * since 申込み). Each decision writes its audit row, お知らせ and mail in one batch whose audit row exists only if this
 * batch's update took effect, so a second officer's decision fails whole and is reported as a race.
 */
import { and, eq, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import { formatJobNumber } from "../../lib/identifiers";
import type { MailContext } from "../../mail/templates";
import { canAccept, expiredReason, publicFacts, publicFrom, reviewKind, validUntil } from "../../rules/posting";
import { schema, type Db } from "../../utils/db.server";
import { auditStatement } from "../../utils/audit.server";
import { valueWhile } from "../../utils/sql.server";
import type { StaffScope } from "../establishment.server";
import { recheckPostingAlerts } from "../minimum-wage-alerts.server";
import { takeOfficeSerial } from "../office.server";
import { findingsOf, parseContent } from "./content.server";
import { tellEstablishment, recipientOf } from "./notify.server";
import { refused, refusedBy, type Outcome } from "./outcome";
import { current, firstRow, jobPostings as t, minimumWagesOfContent, ofOffice, stillValidSql } from "./queries.server";

export interface Acceptance {
  jobNumber: string;
  acceptedOn: string;
  validUntil: string;
}

const NOT_WAITING = "この求人は確認待ちではありません。";
const TAKEN = "ほかの職員がすでに処理しました。";

/**
 * The posting of the office (as of today: after its 紹介期限 a 内容変更 no longer waits, issue 10 #6), the minimum wages for
 * its findings and the main account to tell: one batch.
 */
async function readForDecision(db: Db, clock: Clock, scope: StaffScope, postingId: string) {
  const where = ofOffice(scope.officeCode, postingId);
  const [postings, minimumWages, recipients, offices] = await db.batch([
    db.select().from(t).where(where).limit(1),
    minimumWagesOfContent(db, where),
    recipientOf(db, sql`(SELECT ${t.establishmentId} FROM ${t} WHERE ${where})`),
    db.select({ prefix: schema.offices.jobNumberPrefix }).from(schema.offices).where(eq(schema.offices.code, scope.officeCode)).limit(1),
  ]);
  return { posting: current(firstRow(postings), todayJst(clock)), minimumWages, recipient: firstRow(recipients), office: firstRow(offices) };
}

/**
 * 受理 by an officer of the accepting office (R-JOB-2): a submitted posting becomes valid (有効中) with a new 求人番号
 * and its validity (受理日の翌々月末日; 大卒等 to 31 March of its graduates' recruiting year, published from 4月1日 when
 * accepted in February or March: ADR 0014); the published content is the accepted one.
 */
export async function acceptPosting(db: Db, clock: Clock, scope: StaffScope, postingId: string, mail: MailContext): Promise<Outcome<Acceptance>> {
  const { posting, minimumWages, recipient, office } = await readForDecision(db, clock, scope, postingId);
  if (!posting || !office) return refused("not-found", "求人が見つかりません。");
  if (reviewKind(posting) !== "new") return refused("state", NOT_WAITING);
  const content = parseContent(posting.content);
  const acceptedOn = todayJst(clock);
  const verdict = canAccept(findingsOf(content, { today: acceptedOn, minimumWages, validUntil: posting.validUntil }));
  if (!verdict.allowed) return refusedBy(verdict);
  const serial = await takeOfficeSerial(db, scope.officeCode, "job");
  const acceptance: Acceptance = {
    jobNumber: formatJobNumber(office.prefix, serial),
    acceptedOn,
    validUntil: validUntil(acceptedOn, { universityGraduate: posting.universityGraduate }),
  };
  const opensOn = publicFrom(acceptedOn, { universityGraduate: posting.universityGraduate });
  const now = clock.now().getTime();
  // The audit row's NOT NULL action exists only if this batch's update took effect (the 求人番号 is ours):
  // a concurrent acceptance of the same posting makes the losing batch fail and roll back whole.
  const ours = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${postingId} AND ${t.jobNumber} = ${acceptance.jobNumber})`;
  const tell = tellEstablishment(db, clock, mail, recipient, posting, "accepted", {
    jobTitle: content.jobTitle,
    ...acceptance,
    publicFrom: opensOn > acceptedOn ? opensOn : null,
  });
  try {
    await db.batch([
      db
        .update(t)
        .set({
          status: "accepted",
          jobNumber: acceptance.jobNumber,
          acceptedOn: acceptance.acceptedOn,
          validUntil: acceptance.validUntil,
          publicFrom: opensOn,
          publishedContent: posting.content,
          changeStatus: null,
          reviewedBy: scope.staffId,
          reviewComment: null,
          updatedAt: now,
          ...publicFacts(content, posting.publication),
        })
        .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), eq(t.status, "submitted"))),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile("posting.accept", ours),
        subjectType: "job_posting",
        subjectId: postingId,
        officeCode: scope.officeCode,
        details: { jobNumber: acceptance.jobNumber, validUntil: acceptance.validUntil, publicFrom: opensOn, renewalOf: posting.renewalOf },
      }),
      ...tell,
    ]);
  } catch {
    return refused("race", TAKEN);
  }
  return { ok: true, ...acceptance };
}

/** 内容変更の受理 (R-JOB-3): the changed content becomes the published one; 求人番号 and 紹介期限 stay. */
export async function acceptChange(db: Db, clock: Clock, scope: StaffScope, postingId: string, mail: MailContext): Promise<Outcome> {
  const { posting, minimumWages, recipient } = await readForDecision(db, clock, scope, postingId);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const expired = expiredReason(posting);
  if (expired) return refused("rule", `${expired}内容変更は受理できません。`);
  if (reviewKind(posting) !== "change") return refused("state", NOT_WAITING);
  const content = parseContent(posting.content);
  const verdict = canAccept(findingsOf(content, { today: todayJst(clock), minimumWages, validUntil: posting.validUntil }));
  if (!verdict.allowed) return refusedBy(verdict);
  const now = clock.now().getTime();
  const took = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${postingId} AND ${t.changeStatus} IS NULL AND ${t.updatedAt} = ${now})`;
  const tell = tellEstablishment(db, clock, mail, recipient, posting, "changeAccepted", { jobTitle: content.jobTitle, jobNumber: posting.jobNumber });
  try {
    await db.batch([
      db
        .update(t)
        .set({
          publishedContent: posting.content,
          changeStatus: null,
          reviewComment: null,
          reviewedBy: scope.staffId,
          universityGraduate: content.universityGraduate,
          updatedAt: now,
          ...publicFacts(content, posting.publication),
        })
        .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), stillValidSql(todayJst(clock)), eq(t.changeStatus, "submitted"))),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile("posting.change-accept", took),
        subjectType: "job_posting",
        subjectId: postingId,
        officeCode: scope.officeCode,
      }),
      ...tell,
    ]);
  } catch {
    return refused("race", TAKEN);
  }
  // Issue 10 #3: the published wage now answers the minimum-wage alerts it was below (公開保留 ends).
  await recheckPostingAlerts(db, clock, postingId);
  return { ok: true };
}

/** 修正依頼 (R-JOB-2) of a new posting, or of a 内容変更 (R-JOB-3), with the officer's comment. */
export async function returnPosting(db: Db, clock: Clock, scope: StaffScope, postingId: string, comment: string, mail: MailContext): Promise<Outcome> {
  const { posting, recipient } = await readForDecision(db, clock, scope, postingId);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const expired = expiredReason(posting);
  if (expired) return refused("rule", `${expired}内容変更の修正依頼はできません。`);
  const kind = reviewKind(posting);
  if (!kind) return refused("state", NOT_WAITING);
  const isChange = kind === "change";
  const now = clock.now().getTime();
  const content = parseContent(posting.content);
  const tell = tellEstablishment(db, clock, mail, recipient, posting, isChange ? "changeReturned" : "returned", {
    jobTitle: content.jobTitle,
    jobNumber: posting.jobNumber,
    comment,
  });
  const waiting = isChange ? and(stillValidSql(todayJst(clock)), eq(t.changeStatus, "submitted")) : eq(t.status, "submitted");
  const stillWaiting = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${postingId} AND ${t.reviewedBy} = ${scope.staffId} AND ${t.updatedAt} = ${now})`;
  try {
    await db.batch([
      db
        .update(t)
        .set({
          ...(isChange ? { changeStatus: "returned" as const } : { status: "returned" as const }),
          reviewComment: comment,
          reviewedBy: scope.staffId,
          updatedAt: now,
        })
        .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), waiting)),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(isChange ? "posting.change-return" : "posting.return", stillWaiting),
        subjectType: "job_posting",
        subjectId: postingId,
        officeCode: scope.officeCode,
        details: { comment },
      }),
      ...tell,
    ]);
  } catch {
    return refused("race", TAKEN);
  }
  return { ok: true };
}
