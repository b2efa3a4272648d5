/**
 * 求人 records (R-JOB-2): the officer's 受理 issues a 求人番号 from the accepting office's atomic serial
 * and sets the validity (受理日の翌々月末日, 大卒等 to 31 March). The wizard, 修正依頼, 内容変更, 募集停止 and
 * publication build on these functions (job-postings issue, in progress).
 */
import { and, eq, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import { formatJobNumber } from "../lib/identifiers";
import { newId } from "../lib/ids";
import { validUntil } from "../rules/posting/validity";
import { schema, type Db } from "../utils/db.server";
import { valueWhile, type StaffScope } from "./establishment.server";
import { takeOfficeSerial } from "./office.server";

export type JobPosting = typeof schema.jobPostings.$inferSelect;

/** A new draft for an establishment (its jurisdictional office accepts it). */
export async function createDraft(
  db: Db,
  clock: Clock,
  establishment: { id: string; officeCode: string },
  content: unknown,
  options: { universityGraduate?: boolean } = {},
): Promise<JobPosting> {
  const now = clock.now().getTime();
  const row: typeof schema.jobPostings.$inferInsert = {
    id: newId(),
    establishmentId: establishment.id,
    officeCode: establishment.officeCode,
    status: "draft",
    universityGraduate: options.universityGraduate ?? false,
    content: JSON.stringify(content),
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(schema.jobPostings).values(row);
  return (await db.select().from(schema.jobPostings).where(eq(schema.jobPostings.id, row.id!)).get())!;
}

/** The employer submits its draft (or returned posting) for review. Scoped to the establishment. */
export async function submitForReview(db: Db, clock: Clock, scope: { establishmentId: string }, postingId: string): Promise<boolean> {
  const t = schema.jobPostings;
  const now = clock.now().getTime();
  const updated = await db
    .update(t)
    .set({ status: "submitted", submittedAt: now, updatedAt: now })
    .where(and(eq(t.id, postingId), eq(t.establishmentId, scope.establishmentId)))
    .returning({ id: t.id });
  return updated.length === 1;
}

export interface Acceptance {
  jobNumber: string;
  acceptedOn: string;
  validUntil: string;
}

/**
 * 受理 by an officer of the accepting office (R-JOB-2): a submitted posting becomes valid (有効中) with a
 * new 求人番号 `OOOOO-NNNNNNNN` and its validity; the published content is the accepted one. Returns null
 * when the posting is not this office's or not waiting for review (another officer got there first).
 */
export async function acceptPosting(db: Db, clock: Clock, scope: StaffScope, postingId: string): Promise<Acceptance | null> {
  const t = schema.jobPostings;
  const posting = await db
    .select({ id: t.id, content: t.content, universityGraduate: t.universityGraduate, officeCode: t.officeCode })
    .from(t)
    .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), eq(t.status, "submitted")))
    .get();
  if (!posting) return null;
  const office = await db
    .select({ prefix: schema.offices.jobNumberPrefix })
    .from(schema.offices)
    .where(eq(schema.offices.code, scope.officeCode))
    .get();
  if (!office) return null;
  const serial = await takeOfficeSerial(db, scope.officeCode, "job");
  const acceptedOn = todayJst(clock);
  const acceptance: Acceptance = {
    jobNumber: formatJobNumber(office.prefix, serial),
    acceptedOn,
    validUntil: validUntil(acceptedOn, { universityGraduate: posting.universityGraduate }),
  };
  const now = clock.now().getTime();
  // The audit row's NOT NULL action exists only if this batch's update took effect (the 求人番号 is ours):
  // a concurrent acceptance of the same posting makes the losing batch fail and roll back whole.
  const ours = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${postingId} AND ${t.jobNumber} = ${acceptance.jobNumber})`;
  try {
    await db.batch([
    db
      .update(t)
      .set({
        status: "accepted",
        jobNumber: acceptance.jobNumber,
        acceptedOn: acceptance.acceptedOn,
        validUntil: acceptance.validUntil,
        publishedContent: posting.content,
        reviewedBy: scope.staffId,
        reviewComment: null,
        updatedAt: now,
      })
      .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), eq(t.status, "submitted"))),
    db.insert(schema.auditLog).values({
      at: now,
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("posting.accept", ours),
      subjectType: "job_posting",
      subjectId: postingId,
      officeCode: scope.officeCode,
      details: JSON.stringify({ jobNumber: acceptance.jobNumber, validUntil: acceptance.validUntil }),
    }),
    ]);
  } catch {
    return null; // another officer accepted it first
  }
  return acceptance;
}
