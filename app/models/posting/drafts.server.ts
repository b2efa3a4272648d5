/**
 * Drafts and the working copy (R-JOB-1, R-JOB-3, R-JOB-5): a new draft, 転用 / 更新求人, saving a wizard screen (on an
 * accepted posting this is a 内容変更: the published version is untouched), discarding a 内容変更, deleting a draft.
 * Saving and discarding a 内容変更 write their audit row in the same batch (R-AUDIT-1); so do 転用 and deleting a draft.
 * Each write checks the state it read in its WHERE (compare-and-set), so a request that lost a race is refused, not
 * applied on top.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { canCopyAsRenewal, canDeleteDraft, canDiscardChange, canEdit, emptyPostingContent, type PostingContent } from "../../rules/posting";
import { auditStatement } from "../../utils/audit.server";
import type { Db } from "../../utils/db.server";
import { nullIfLostRace, valueWhile } from "../../utils/sql.server";
import { mergeStep, parseContent } from "./content.server";
import { refused, refusedBy, type Outcome } from "./outcome";
import { current, firstRow, getPostingOfEstablishment, jobPostings as t, stillValidSql, type EmployerScope, type JobPosting } from "./queries.server";

/**
 * The content a new draft starts from: blank, with the 就業場所 in the establishment's prefecture and the 事業所 screen
 * (従業員数, 事業内容…) copied from the establishment's latest posting — 事業所情報 is shared by its postings.
 */
export async function newDraftContent(db: Db, establishment: { id: string; prefectureCode: string }): Promise<PostingContent> {
  const content = emptyPostingContent();
  content.workplace.prefectureCode = establishment.prefectureCode;
  const latest = await db.select({ content: t.content }).from(t).where(eq(t.establishmentId, establishment.id)).orderBy(desc(t.updatedAt)).limit(1).get();
  if (latest) content.company = parseContent(latest.content).company;
  return content;
}

/** A new draft for an establishment (its jurisdictional office accepts it). */
export async function createDraft(
  db: Db,
  clock: Clock,
  establishment: { id: string; officeCode: string },
  content: PostingContent | unknown,
  options: { universityGraduate?: boolean; sourcePostingId?: string | null; renewalOf?: string | null; accountId?: string; draftStep?: number } = {},
): Promise<JobPosting> {
  const now = clock.now().getTime();
  const row: typeof t.$inferInsert = {
    id: newId(),
    establishmentId: establishment.id,
    officeCode: establishment.officeCode,
    status: "draft",
    universityGraduate: options.universityGraduate ?? (content as Partial<PostingContent>)?.universityGraduate ?? false,
    content: JSON.stringify(content),
    sourcePostingId: options.sourcePostingId ?? null,
    renewalOf: options.renewalOf ?? null,
    draftStep: options.draftStep ?? 1,
    createdAt: now,
    updatedAt: now,
  };
  const [inserted] = await db.batch([
    db.insert(t).values(row).returning(),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: options.accountId ?? null,
      action: options.renewalOf ? "posting.renewal-draft" : options.sourcePostingId ? "posting.copy" : "posting.draft",
      subjectType: "job_posting",
      subjectId: row.id!,
      officeCode: establishment.officeCode,
      details: { sourcePostingId: options.sourcePostingId ?? null, renewalOf: options.renewalOf ?? null },
    }),
  ]);
  return inserted[0]!;
}

/**
 * 転用 (R-JOB-5): any posting of the establishment copied into a new draft (its published version, else the working
 * copy). As 更新求人 (`renewal`), the copy will renew the source: offered from 7 days before the source's 紹介期限
 * (also after it has ended), checked again at 申込み.
 */
export async function copyPosting(
  db: Db,
  clock: Clock,
  scope: EmployerScope,
  sourceId: string,
  options: { renewal?: boolean } = {},
): Promise<Outcome<{ posting: JobPosting }>> {
  const source = current(await getPostingOfEstablishment(db, scope.establishmentId, sourceId), todayJst(clock));
  if (!source) return refused("not-found", "転用する求人が見つかりません。");
  if (options.renewal) {
    const verdict = canCopyAsRenewal(source, todayJst(clock));
    if (!verdict.allowed) return refusedBy(verdict);
  }
  const content = parseContent(source.publishedContent ?? source.content);
  const posting = await createDraft(db, clock, { id: scope.establishmentId, officeCode: scope.officeCode }, content, {
    universityGraduate: content.universityGraduate,
    sourcePostingId: source.id,
    renewalOf: options.renewal ? source.id : null,
    accountId: scope.accountId,
  });
  return { ok: true, posting };
}

/**
 * Saves one screen (一時保存 or 次へ進む): the screen's part replaces the stored one; `reached` moves the screen reached
 * on. On an accepted posting this starts (or continues) a 内容変更: the published version is untouched. Returns the
 * merged content.
 */
export async function saveStep(
  db: Db,
  clock: Clock,
  scope: EmployerScope & { prefectureCode: string },
  id: string,
  step: number,
  patch: Partial<PostingContent>,
  options: { reached?: number } = {},
): Promise<Outcome<{ content: PostingContent }>> {
  const today = todayJst(clock);
  // As of today (issue 10 #6): no 内容変更 of a posting whose 紹介期限 has passed, whether or not the daily job has run.
  const posting = current(await getPostingOfEstablishment(db, scope.establishmentId, id), today);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const editable = canEdit(posting);
  if (!editable.allowed) return refusedBy(editable);
  const content = mergeStep(parseContent(posting.content), step, patch, scope.prefectureCode);
  const accepted = posting.status === "accepted";
  const reached = Math.min(8, Math.max(posting.draftStep, options.reached ?? step));
  const now = clock.now().getTime();
  const update = db
    .update(t)
    .set({
      content: JSON.stringify(content),
      draftStep: reached,
      updatedAt: now,
      ...(accepted ? { changeStatus: "draft" as const } : { universityGraduate: content.universityGraduate, publication: content.category.publication ?? 1 }),
    })
    .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), accepted ? stillValidSql(today) : eq(t.status, posting.status)))
    .returning({ id: t.id });
  if (!accepted) return (await update).length === 1 ? { ok: true, content } : refused("race", "この求人は、今は修正できません。");
  // A 内容変更 (R-AUDIT-1): the audit row is written only if this save took effect (the batch fails whole otherwise).
  const saved = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.changeStatus} = 'draft' AND ${t.updatedAt} = ${now})`;
  const audit = changeAudit(db, clock, scope, id, valueWhile("posting.change.save", saved), { step });
  const done = await db.batch([update, audit]).catch(nullIfLostRace);
  return done && firstRow(done[0]) ? { ok: true, content } : refused("race", "この求人は、今は修正できません。");
}

/** The audit row of an employer's 内容変更 action on a posting (R-AUDIT-1). */
function changeAudit(db: Db, clock: Clock, scope: EmployerScope, id: string, action: SQL, details: Record<string, unknown> = {}) {
  return auditStatement(db, clock, {
    actorType: "employer",
    actorId: scope.accountId,
    action,
    subjectType: "job_posting",
    subjectId: id,
    officeCode: scope.officeCode,
    details,
  });
}

/** Discards a 内容変更 in progress: the working copy goes back to the published version. */
export async function discardChange(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<Outcome> {
  const posting = current(await getPostingOfEstablishment(db, scope.establishmentId, id), todayJst(clock));
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const verdict = canDiscardChange(posting);
  if (!verdict.allowed) return refusedBy(verdict);
  const now = clock.now().getTime();
  const discarded = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.changeStatus} IS NULL AND ${t.updatedAt} = ${now})`;
  const done = await db
    .batch([
      db
        .update(t)
        .set({ content: posting.publishedContent ?? posting.content, changeStatus: null, reviewComment: null, updatedAt: now })
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "accepted"), eq(t.changeStatus, posting.changeStatus!)))
        .returning({ id: t.id }),
      changeAudit(db, clock, scope, id, valueWhile("posting.change.discard", discarded), { changeStatus: posting.changeStatus }),
    ])
    .catch(nullIfLostRace);
  return done && firstRow(done[0]) ? { ok: true } : refused("race", "取り消せる内容変更がありません。");
}

/** Deletes a draft that was never submitted. */
export async function deleteDraft(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<Outcome> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting) return refused("not-found", "求人が見つかりません。");
  const verdict = canDeleteDraft(posting);
  if (!verdict.allowed) return refusedBy(verdict);
  const deleted = await db
    .batch([
      db
        .delete(t)
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "draft")))
        .returning({ id: t.id }),
      // Written only if the draft was still there when the batch ran (a second delete's batch fails whole).
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("posting.delete-draft", sql`NOT EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id})`),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        // The draft is gone when this row is written: its establishment is named, not looked up.
        establishmentId: scope.establishmentId,
      }),
    ])
    .catch(nullIfLostRace);
  return deleted && firstRow(deleted[0]) ? { ok: true } : refused("race", "申し込んだ求人は削除できません。");
}
