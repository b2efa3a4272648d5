/**
 * 申込み (R-JOB-1/2) and 内容変更の申込み (R-JOB-3): refused while any red finding remains (orange ones were shown on the
 * screens and on the summary), while another live posting of the establishment has the same 職種 × 就業場所 × 雇用形態 ×
 * 区分 (§2.1), and for a 更新求人 before its renewal window (R-JOB-5).
 */
import { and, eq, or, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import { error, hasErrors, postingKind, renewalWindowOf, submissionOf, type Finding, type PostingContent } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { auditStatement } from "../../utils/audit.server";
import { nullIfLostRace, valueWhile } from "../../utils/sql.server";
import { findingsFor, parseContent } from "./content.server";
import { refused, type Refused } from "./outcome";
import { current, getPostingOfEstablishment, jobPostings as t, stillValidSql, validToday, type EmployerScope, type JobPosting } from "./queries.server";
import { recheckPostingAlerts } from "../minimum-wage-alerts.server";

/** 1 posting per 職種 × 就業場所 × 雇用形態 × フルタイム/パート (§2.1): another live posting with the same four? */
async function duplicateOf(db: Db, posting: JobPosting, content: PostingContent, today: string): Promise<JobPosting | undefined> {
  const others = await db
    .select()
    .from(t)
    .where(and(eq(t.establishmentId, posting.establishmentId), sql`${t.id} <> ${posting.id}`, or(eq(t.status, "submitted"), validToday(today))))
    .all();
  const key = (c: PostingContent) =>
    [
      c.jobTitle.normalize("NFKC").replace(/\s+/g, ""),
      c.workplace.prefectureCode,
      c.workplaceDetail.sameAsEstablishment ? "" : c.workplaceDetail.address,
      c.employmentType,
      postingKind(c),
    ].join("|");
  const mine = key(content);
  return others.find((o) => o.id !== posting.renewalOf && key(parseContent(o.publishedContent ?? o.content)) === mine);
}

export type SubmitResult = { ok: true; kind: "new" | "change" } | (Refused & { findings: Finding[] });

const RED_FINDINGS = "赤色のエラーがあるため、申し込めません。該当する画面で内容を修正してください。";

export async function submitPosting(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<SubmitResult> {
  const today = todayJst(clock);
  // As of today (issue 10 #6): no 内容変更の申込み after the 紹介期限, even before the daily job records the expiry.
  const posting = current(await getPostingOfEstablishment(db, scope.establishmentId, id), today);
  if (!posting) return { ...refused("not-found", "求人が見つかりません。"), findings: [] };
  const submission = submissionOf(posting);
  if (!submission.allowed) return { ...refused(submission.because, submission.reason), findings: [] };
  const content = parseContent(posting.content);
  const findings = await findingsFor(db, clock, posting, content);
  if (submission.kind === "new") {
    const duplicate = await duplicateOf(db, posting, content, today);
    if (duplicate) {
      findings.push(
        error(
          "jobTitle",
          "posting.duplicate",
          `同じ職種・就業場所・雇用形態・求人区分の求人${duplicate.jobNumber ? `（求人番号 ${duplicate.jobNumber}）` : ""}がすでにあります。内容を変える場合は、その求人の「内容変更」をご利用ください。`,
        ),
      );
    }
  }
  if (hasErrors(findings)) return { ...refused("rule", RED_FINDINGS), findings };
  if (posting.renewalOf) {
    const source = await getPostingOfEstablishment(db, scope.establishmentId, posting.renewalOf);
    const window = source ? renewalWindowOf(source, today) : null;
    if (window && !window.allowed) return { ...refused("rule", window.reason!), findings };
  }
  const now = clock.now().getTime();
  const isChange = submission.kind === "change";
  const stillSame = isChange ? and(eq(t.changeStatus, posting.changeStatus!), stillValidSql(today)) : eq(t.status, posting.status);
  const submittedNow = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${isChange ? t.changeSubmittedAt : t.submittedAt} = ${now} AND ${t.updatedAt} = ${now})`;
  const updated = await db
    .batch([
      db
        .update(t)
        .set(
          isChange
            ? { changeStatus: "submitted", changeSubmittedAt: now, updatedAt: now }
            : {
                status: "submitted",
                submittedAt: now,
                updatedAt: now,
                universityGraduate: content.universityGraduate,
                publication: content.category.publication ?? 1,
              },
        )
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), stillSame))
        .returning({ id: t.id }),
      // Written only if this batch's update took effect: a request that lost a race fails whole.
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile(isChange ? "posting.change-submit" : "posting.submit", submittedNow),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: { warnings: findings.map((f) => f.code) },
      }),
    ])
    .catch(nullIfLostRace);
  if (!updated || updated[0].length !== 1) return { ...refused("race", "この求人は申し込めない状態です。"), findings };
  // Issue 10 #3: a wage raised in the version now waiting for review no longer leaves a minimum-wage alert standing.
  await recheckPostingAlerts(db, clock, id);
  return { ok: true, kind: submission.kind };
}
