/**
 * 求人 records and their lifecycle (R-JOB-1…5; reference/hellowork-domain.md §11):
 * 下書き → 申込み (submitted) → {修正依頼 (returned) → 申込み} → 受理 (accepted, 有効中) → {内容変更 → 受理} /
 * {延長 once, +1 month} / {募集停止 → stopped} / {紹介期限到来 → expired}; any posting → 転用 → new 下書き.
 *
 * `content` is the working copy the employer edits; `publishedContent` is what the public and referrals see. While a
 * 内容変更 is in progress (`changeStatus`), the accepted version stays published (R-JOB-3). Every employer function
 * takes the establishment as its scope and every officer function the office (StaffScope), so a row of another
 * establishment or office is simply not found. Each change writes its audit row, お知らせ and mail in one batch.
 */
import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { addDays, formatJapaneseDate, todayJst, type Clock } from "../lib/clock";
import { formatJobNumber } from "../lib/identifiers";
import { newId } from "../lib/ids";
import type { MailContext } from "../mail/templates";
import {
  canExtend,
  canSubmitRenewal,
  emptyPostingContent,
  error,
  extendedValidUntil,
  hasErrors,
  postingKind,
  publicFacts,
  reviewPosting,
  validUntil,
  type Finding,
  type PostingContent,
} from "../rules/posting";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { valueWhile } from "../utils/sql.server";
import type { StaffScope } from "./establishment.server";
import { listMinimumWagesOfPrefecture } from "./minimum-wage.server";
import { takeOfficeSerial } from "./office.server";

export type JobPosting = typeof schema.jobPostings.$inferSelect;
export type PostingStatus = JobPosting["status"];

const t = schema.jobPostings;

/** The establishment an employer acts for. */
export interface EmployerScope {
  establishmentId: string;
  accountId: string;
  officeCode: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Content

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Fills what a stored content lacks from the blank 求人票 (content saved by older versions keeps loading). */
function withDefaults(base: unknown, stored: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(stored)) return stored === undefined ? base : stored;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(base)) {
    // Union-shaped parts (contract, age, fixedOvertime…) are taken whole when stored.
    out[key] =
      key in stored
        ? isPlainObject(value) && isPlainObject(stored[key]) && !("kind" in value) && !("present" in value)
          ? withDefaults(value, stored[key])
          : stored[key]
        : value;
  }
  return out;
}

export function parseContent(json: string | null): PostingContent {
  if (!json) return emptyPostingContent();
  try {
    return withDefaults(emptyPostingContent(), JSON.parse(json)) as PostingContent;
  } catch {
    return emptyPostingContent();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export async function getPostingOfEstablishment(db: Db, establishmentId: string, id: string): Promise<JobPosting | undefined> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.establishmentId, establishmentId)))
    .get();
}

export async function getPostingOfOffice(db: Db, officeCode: string, id: string): Promise<JobPosting | undefined> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.officeCode, officeCode)))
    .get();
}

export async function listPostingsOfEstablishment(db: Db, establishmentId: string): Promise<JobPosting[]> {
  return db.select().from(t).where(eq(t.establishmentId, establishmentId)).orderBy(desc(t.updatedAt)).all();
}

/** 有効中 today: accepted, 紹介期限 not passed (the daily job may not have run yet), not stopped. */
export function validToday(today: string): SQL {
  return and(
    eq(t.status, "accepted"),
    sql`${t.acceptedOn} <= ${today}`,
    gte(t.validUntil, today),
    or(isNull(t.invalidatedOn), sql`${t.invalidatedOn} > ${today}`),
  )!;
}

export async function hasValidPosting(db: Db, establishmentId: string, today: string): Promise<boolean> {
  const row = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.establishmentId, establishmentId), validToday(today)))
    .limit(1)
    .get();
  return row !== undefined;
}

/** What waits for an officer of the office: new postings, 内容変更 and extension requests. */
export async function listReviewQueue(db: Db, officeCode: string) {
  const rows = await db
    .select({
      id: t.id,
      status: t.status,
      changeStatus: t.changeStatus,
      extensionStatus: t.extensionStatus,
      jobNumber: t.jobNumber,
      content: t.content,
      submittedAt: t.submittedAt,
      changeSubmittedAt: t.changeSubmittedAt,
      extensionRequestedAt: t.extensionRequestedAt,
      renewalOf: t.renewalOf,
      establishmentId: t.establishmentId,
      establishmentName: schema.establishments.name,
      establishmentNumber: schema.establishments.establishmentNumber,
    })
    .from(t)
    .innerJoin(schema.establishments, eq(schema.establishments.id, t.establishmentId))
    .where(
      and(
        eq(t.officeCode, officeCode),
        or(eq(t.status, "submitted"), and(eq(t.status, "accepted"), or(eq(t.changeStatus, "submitted"), eq(t.extensionStatus, "requested")))),
      ),
    )
    .orderBy(t.submittedAt)
    .all();
  return rows.map((r) => {
    const kind: "new" | "change" | "extension" = r.status === "submitted" ? "new" : r.changeStatus === "submitted" ? "change" : "extension";
    const at = kind === "new" ? r.submittedAt : kind === "change" ? r.changeSubmittedAt : r.extensionRequestedAt;
    return { ...r, kind, at: at ?? 0, jobTitle: parseContent(r.content).jobTitle };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts (R-JOB-1, R-JOB-5)

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
  const row: typeof schema.jobPostings.$inferInsert = {
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
  await db.batch([
    db.insert(t).values(row),
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
  return (await db.select().from(t).where(eq(t.id, row.id!)).get())!;
}

/**
 * 転用 (R-JOB-5): any posting of the establishment copied into a new draft. As 更新求人 (`renewal`), the copy will
 * renew the source: offered from 7 days before the source's 紹介期限 (also after it has ended), checked again at 申込み.
 */
export async function copyPosting(
  db: Db,
  clock: Clock,
  scope: EmployerScope,
  sourceId: string,
  options: { renewal?: boolean } = {},
): Promise<{ ok: true; posting: JobPosting } | { ok: false; reason: string }> {
  const source = await getPostingOfEstablishment(db, scope.establishmentId, sourceId);
  if (!source) return { ok: false, reason: "転用する求人が見つかりません。" };
  const content = parseContent(source.publishedContent ?? source.content);
  if (options.renewal) {
    if (!source.validUntil || !source.jobNumber) return { ok: false, reason: "受理された求人だけを更新求人にできます。" };
    const decision = canSubmitRenewal(source.validUntil, todayJst(clock));
    if (!decision.allowed) return { ok: false, reason: decision.reason! };
  }
  const posting = await createDraft(db, clock, { id: scope.establishmentId, officeCode: scope.officeCode }, content, {
    universityGraduate: content.universityGraduate,
    sourcePostingId: source.id,
    renewalOf: options.renewal ? source.id : null,
    accountId: scope.accountId,
  });
  return { ok: true, posting };
}

/** Whether the employer may edit the posting's working copy now (a draft, a returned posting, or a 内容変更). */
export function isEditable(posting: Pick<JobPosting, "status" | "changeStatus">): boolean {
  return posting.status === "draft" || posting.status === "returned" || (posting.status === "accepted" && posting.changeStatus !== "submitted");
}

/**
 * Saves one screen (一時保存 or 次へ進む): the screen's part replaces the stored one. On an accepted posting this starts
 * (or continues) a 内容変更: the published version is untouched. Returns the merged content, or null when the posting
 * is not the establishment's or cannot be edited now.
 */
export async function saveStep(
  db: Db,
  clock: Clock,
  scope: EmployerScope & { prefectureCode: string },
  id: string,
  step: number,
  patch: Partial<PostingContent>,
  options: { reached?: number } = {},
): Promise<PostingContent | null> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting || !isEditable(posting)) return null;
  const content: PostingContent = { ...parseContent(posting.content), ...patch };
  if (step === 3 && content.workplaceDetail.sameAsEstablishment) content.workplace = { ...content.workplace, prefectureCode: scope.prefectureCode };
  const accepted = posting.status === "accepted";
  const reached = Math.min(8, Math.max(posting.draftStep, options.reached ?? step));
  const updated = await db
    .update(t)
    .set({
      content: JSON.stringify(content),
      draftStep: reached,
      updatedAt: clock.now().getTime(),
      ...(accepted ? { changeStatus: "draft" as const } : { universityGraduate: content.universityGraduate, publication: content.category.publication ?? 1 }),
    })
    .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, posting.status)))
    .returning({ id: t.id });
  return updated.length === 1 ? content : null;
}

/** Discards a 内容変更 in progress: the working copy goes back to the published version. */
export async function discardChange(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<boolean> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting || posting.status !== "accepted" || posting.changeStatus === null || posting.changeStatus === "submitted") return false;
  await db
    .update(t)
    .set({ content: posting.publishedContent ?? posting.content, changeStatus: null, reviewComment: null, updatedAt: clock.now().getTime() })
    .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId)));
  return true;
}

/** Deletes a draft that was never submitted. */
export async function deleteDraft(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<boolean> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting || posting.status !== "draft") return false;
  await db.batch([
    db.delete(t).where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "draft"))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: scope.accountId,
      action: "posting.delete-draft",
      subjectType: "job_posting",
      subjectId: id,
      officeCode: scope.officeCode,
    }),
  ]);
  return true;
}

/** The rule context of a posting: today, the minimum wages of its 就業場所's prefecture and, once accepted, its 紹介期限. */
export async function findingsFor(db: Db, clock: Clock, posting: Pick<JobPosting, "validUntil">, content: PostingContent): Promise<Finding[]> {
  const prefecture = content.workplace.prefectureCode;
  const minimumWages = prefecture ? await listMinimumWagesOfPrefecture(db, prefecture) : [];
  return reviewPosting(content, { today: todayJst(clock), minimumWages, validUntil: posting.validUntil ?? undefined });
}

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

export type SubmitResult = { ok: true; kind: "new" | "change" } | { ok: false; findings: Finding[]; reason?: string };

/**
 * 申込み (R-JOB-1/2) or 内容変更の申込み (R-JOB-3): refused while any red finding remains (orange ones were shown on the
 * screens and on the summary). A 更新求人 needs its renewal window (R-JOB-5).
 */
export async function submitPosting(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<SubmitResult> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting) return { ok: false, findings: [], reason: "求人が見つかりません。" };
  const content = parseContent(posting.content);
  const findings = await findingsFor(db, clock, posting, content);
  const today = todayJst(clock);
  if (posting.status !== "accepted") {
    const dup = await duplicateOf(db, posting, content, today);
    if (dup) {
      findings.push(
        error(
          "jobTitle",
          "posting.duplicate",
          `同じ職種・就業場所・雇用形態・求人区分の求人${dup.jobNumber ? `（求人番号 ${dup.jobNumber}）` : ""}がすでにあります。内容を変える場合は、その求人の「内容変更」をご利用ください。`,
        ),
      );
    }
  }
  if (hasErrors(findings)) return { ok: false, findings };
  if (posting.renewalOf) {
    const source = await getPostingOfEstablishment(db, scope.establishmentId, posting.renewalOf);
    if (source?.validUntil) {
      const decision = canSubmitRenewal(source.validUntil, today);
      if (!decision.allowed) return { ok: false, findings, reason: decision.reason };
    }
  }
  const now = clock.now().getTime();
  const isChange = posting.status === "accepted";
  if (isChange && (posting.changeStatus === null || posting.changeStatus === "submitted")) {
    return { ok: false, findings, reason: posting.changeStatus === "submitted" ? "内容変更はすでに申し込まれています。" : "変更された内容がありません。" };
  }
  if (!isChange && posting.status !== "draft" && posting.status !== "returned") return { ok: false, findings, reason: "この求人は申し込めない状態です。" };
  const stillSame = isChange ? eq(t.changeStatus, posting.changeStatus!) : eq(t.status, posting.status);
  const updated = await db.batch([
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
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: scope.accountId,
      action: isChange ? "posting.change-submit" : "posting.submit",
      subjectType: "job_posting",
      subjectId: id,
      officeCode: scope.officeCode,
      details: { warnings: findings.map((f) => f.code) },
    }),
  ]);
  if (updated[0].length !== 1) return { ok: false, findings, reason: "この求人は申し込めない状態です。" };
  return { ok: true, kind: isChange ? "change" : "new" };
}

/** Kept for the first tests of 受理: a draft straight to 申込み, without the checks (test set-up only). */
export async function submitForReview(db: Db, clock: Clock, scope: { establishmentId: string }, postingId: string): Promise<boolean> {
  const now = clock.now().getTime();
  const updated = await db
    .update(t)
    .set({ status: "submitted", submittedAt: now, updatedAt: now })
    .where(and(eq(t.id, postingId), eq(t.establishmentId, scope.establishmentId)))
    .returning({ id: t.id });
  return updated.length === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Notices and mail to the establishment

async function mainAccount(db: Db, establishmentId: string) {
  return db
    .select({ email: schema.employerAccounts.email, name: schema.establishments.name })
    .from(schema.employerAccounts)
    .innerJoin(schema.establishments, eq(schema.establishments.id, schema.employerAccounts.establishmentId))
    .where(and(eq(schema.employerAccounts.establishmentId, establishmentId), eq(schema.employerAccounts.isMain, true)))
    .get();
}

function noticeStatement(db: Db, clock: Clock, establishmentId: string, notice: { title: string; body: string; link: string }) {
  return db.insert(schema.notices).values({ id: newId(), establishmentId, ...notice, createdAt: clock.now().getTime() });
}

export type PostingMailEvent = "accepted" | "returned" | "changeAccepted" | "changeReturned" | "extended" | "extensionRefused" | "stopped" | "expired";

/** お知らせ + mail for an event, as statements for the event's batch. */
async function tellEstablishment(
  db: Db,
  clock: Clock,
  mail: MailContext | undefined,
  posting: Pick<JobPosting, "id" | "establishmentId">,
  event: PostingMailEvent,
  data: { jobTitle: string; jobNumber?: string | null; validUntil?: string | null; comment?: string | null },
) {
  const link = `/mypage/postings/${posting.id}`;
  const number = data.jobNumber ? `（求人番号 ${data.jobNumber}）` : "";
  const until = data.validUntil ? formatJapaneseDate(data.validUntil) : "";
  const texts: Record<PostingMailEvent, { title: string; body: string }> = {
    accepted: { title: "求人が受理されました", body: `「${data.jobTitle}」の求人を受理しました${number}。紹介期限は${until}です。` },
    returned: {
      title: "求人に修正依頼があります",
      body: `「${data.jobTitle}」の求人について、ハローワークから修正依頼があります。内容を直して、もう一度申し込んでください。`,
    },
    changeAccepted: {
      title: "求人の内容変更が受理されました",
      body: `「${data.jobTitle}」${number}の内容変更を受理しました。変更後の内容が公開されています。`,
    },
    changeReturned: {
      title: "求人の内容変更に修正依頼があります",
      body: `「${data.jobTitle}」${number}の内容変更について、ハローワークから修正依頼があります。公開中の内容は変わっていません。`,
    },
    extended: { title: "求人の有効期間を延長しました", body: `「${data.jobTitle}」${number}の紹介期限を${until}まで延長しました。延長は1回限りです。` },
    extensionRefused: { title: "有効期間の延長は承認されませんでした", body: `「${data.jobTitle}」${number}の有効期間延長の申請は承認されませんでした。` },
    stopped: { title: "求人の募集を停止しました", body: `「${data.jobTitle}」${number}の募集を停止しました。求人無効日は${until}です。` },
    expired: {
      title: "求人の紹介期限が過ぎました",
      body: `「${data.jobTitle}」${number}は紹介期限を過ぎたため無効になりました。引き続き募集する場合は、転用して新しい求人を申し込んでください。`,
    },
  };
  const text = texts[event];
  const body = data.comment ? `${text.body}\nハローワークからのコメント：${data.comment}` : text.body;
  const statements: ReturnType<typeof noticeStatement | typeof enqueueMail>[] = [
    noticeStatement(db, clock, posting.establishmentId, { title: text.title, body, link }),
  ];
  const main = mail ? await mainAccount(db, posting.establishmentId) : undefined;
  if (mail && main) {
    statements.push(enqueueMail(db, clock, mail, main.email, "postingNotice", { establishmentName: main.name, title: text.title, body, link }));
  }
  return statements;
}

// ---------------------------------------------------------------------------------------------------------------
// Review by the officer (R-JOB-2, R-JOB-3)

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
export async function acceptPosting(db: Db, clock: Clock, scope: StaffScope, postingId: string, mail?: MailContext): Promise<Acceptance | null> {
  const posting = await db
    .select()
    .from(t)
    .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), eq(t.status, "submitted")))
    .get();
  if (!posting) return null;
  const office = await db.select({ prefix: schema.offices.jobNumberPrefix }).from(schema.offices).where(eq(schema.offices.code, scope.officeCode)).get();
  if (!office) return null;
  const content = parseContent(posting.content);
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
  const tell = await tellEstablishment(db, clock, mail, posting, "accepted", { jobTitle: content.jobTitle, ...acceptance });
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
          changeStatus: null,
          reviewedBy: scope.staffId,
          reviewComment: null,
          publication: content.category.publication ?? posting.publication,
          updatedAt: now,
          ...publicFacts(content),
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
        details: JSON.stringify({ jobNumber: acceptance.jobNumber, validUntil: acceptance.validUntil, renewalOf: posting.renewalOf }),
      }),
      ...tell,
    ]);
  } catch {
    return null; // another officer accepted it first
  }
  return acceptance;
}

/** 修正依頼 (R-JOB-2) of a new posting, or of a 内容変更 (R-JOB-3), with the officer's comment. */
export async function returnPosting(db: Db, clock: Clock, scope: StaffScope, postingId: string, comment: string, mail?: MailContext): Promise<boolean> {
  const posting = await getPostingOfOffice(db, scope.officeCode, postingId);
  if (!posting) return false;
  const isChange = posting.status === "accepted" && posting.changeStatus === "submitted";
  if (!isChange && posting.status !== "submitted") return false;
  const now = clock.now().getTime();
  const content = parseContent(posting.content);
  const tell = await tellEstablishment(db, clock, mail, posting, isChange ? "changeReturned" : "returned", {
    jobTitle: content.jobTitle,
    jobNumber: posting.jobNumber,
    comment,
  });
  const waiting = isChange ? and(eq(t.status, "accepted"), eq(t.changeStatus, "submitted")) : eq(t.status, "submitted");
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
      db.insert(schema.auditLog).values({
        at: now,
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(isChange ? "posting.change-return" : "posting.return", stillWaiting),
        subjectType: "job_posting",
        subjectId: postingId,
        officeCode: scope.officeCode,
        details: JSON.stringify({ comment }),
      }),
      ...tell,
    ]);
  } catch {
    return false;
  }
  return true;
}

/** 内容変更の受理 (R-JOB-3): the changed content becomes the published one; 求人番号 and 紹介期限 stay. */
export async function acceptChange(db: Db, clock: Clock, scope: StaffScope, postingId: string, mail?: MailContext): Promise<boolean> {
  const posting = await getPostingOfOffice(db, scope.officeCode, postingId);
  if (!posting || posting.status !== "accepted" || posting.changeStatus !== "submitted") return false;
  const content = parseContent(posting.content);
  const now = clock.now().getTime();
  const tell = await tellEstablishment(db, clock, mail, posting, "changeAccepted", { jobTitle: content.jobTitle, jobNumber: posting.jobNumber });
  const took = sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${postingId} AND ${t.changeStatus} IS NULL AND ${t.updatedAt} = ${now})`;
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
          publication: content.category.publication ?? posting.publication,
          updatedAt: now,
          ...publicFacts(content),
        })
        .where(and(eq(t.id, postingId), eq(t.officeCode, scope.officeCode), eq(t.status, "accepted"), eq(t.changeStatus, "submitted"))),
      db.insert(schema.auditLog).values({
        at: now,
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile("posting.change-accept", took),
        subjectType: "job_posting",
        subjectId: postingId,
        officeCode: scope.officeCode,
        details: "{}",
      }),
      ...tell,
    ]);
  } catch {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Extension (R-JOB-2), 募集停止 (R-JOB-4), expiry

/** The employer asks for the one-month extension of a valid posting. */
export async function requestExtension(db: Db, clock: Clock, scope: EmployerScope, id: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  if (!posting || posting.status !== "accepted" || !posting.acceptedOn || !posting.validUntil)
    return { ok: false, reason: "有効中の求人ではないため、有効期間を延長できません。" };
  const decision = canExtend(
    { acceptedOn: posting.acceptedOn, validUntil: posting.validUntil, invalidatedOn: posting.invalidatedOn, extended: posting.extended },
    todayJst(clock),
  );
  if (!decision.allowed) return { ok: false, reason: decision.reason! };
  if (posting.extensionStatus === "requested") return { ok: false, reason: "有効期間の延長はすでに申請中です。" };
  const now = clock.now().getTime();
  await db.batch([
    db
      .update(t)
      .set({ extensionStatus: "requested", extensionRequestedAt: now, updatedAt: now })
      .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "accepted"), eq(t.extended, false))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: scope.accountId,
      action: "posting.extension-request",
      subjectType: "job_posting",
      subjectId: id,
      officeCode: scope.officeCode,
    }),
  ]);
  return { ok: true };
}

/** The officer approves (紹介期限 → end of the following month, once) or refuses an extension request. */
export async function decideExtension(
  db: Db,
  clock: Clock,
  scope: StaffScope,
  id: string,
  approve: boolean,
  mail?: MailContext,
): Promise<{ ok: true; validUntil: string | null } | { ok: false; reason: string }> {
  const posting = await getPostingOfOffice(db, scope.officeCode, id);
  if (!posting || posting.extensionStatus !== "requested" || !posting.acceptedOn || !posting.validUntil)
    return { ok: false, reason: "延長の申請が見つかりません。" };
  const content = parseContent(posting.publishedContent ?? posting.content);
  if (approve) {
    const decision = canExtend(
      { acceptedOn: posting.acceptedOn, validUntil: posting.validUntil, invalidatedOn: posting.invalidatedOn, extended: posting.extended },
      todayJst(clock),
    );
    if (!decision.allowed) return { ok: false, reason: decision.reason! };
  }
  const next = approve ? extendedValidUntil(posting.validUntil) : null;
  const now = clock.now().getTime();
  const tell = await tellEstablishment(db, clock, mail, posting, approve ? "extended" : "extensionRefused", {
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
      db.insert(schema.auditLog).values({
        at: now,
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(approve ? "posting.extend" : "posting.extension-refuse", took),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: JSON.stringify({ from: posting.validUntil, to: next }),
      }),
      ...tell,
    ]);
  } catch {
    return { ok: false, reason: "延長の申請はすでに処理されています。" };
  }
  return { ok: true, validUntil: next };
}

export const STOP_REASONS = ["採用者が決まったため", "募集を取りやめたため", "その他"] as const;

/**
 * 募集停止 (R-JOB-4): the posting becomes invalid at once (today is its 求人無効日) and leaves the public search; a
 * 内容変更 or extension request in progress ends with it.
 */
export async function stopPosting(
  db: Db,
  clock: Clock,
  scope: EmployerScope,
  id: string,
  reason: string,
  mail?: MailContext,
): Promise<{ ok: true; invalidatedOn: string } | { ok: false; reason: string }> {
  const posting = await getPostingOfEstablishment(db, scope.establishmentId, id);
  const today = todayJst(clock);
  if (!posting || posting.status !== "accepted") return { ok: false, reason: "有効中の求人だけ募集を停止できます。" };
  const content = parseContent(posting.publishedContent ?? posting.content);
  const now = clock.now().getTime();
  const tell = await tellEstablishment(db, clock, mail, posting, "stopped", { jobTitle: content.jobTitle, jobNumber: posting.jobNumber, validUntil: today });
  const updated = await db
    .batch([
      db
        .update(t)
        .set({
          status: "stopped",
          invalidatedOn: today,
          stopReason: reason,
          content: posting.publishedContent ?? posting.content,
          changeStatus: null,
          extensionStatus: posting.extensionStatus === "requested" ? null : posting.extensionStatus,
          updatedAt: now,
        })
        .where(and(eq(t.id, id), eq(t.establishmentId, scope.establishmentId), eq(t.status, "accepted")))
        .returning({ id: t.id }),
      // The audit row exists only if this batch's update stopped the posting: when two requests race, the loser's
      // batch fails whole, so no second お知らせ or mail is written.
      db.insert(schema.auditLog).values({
        at: now,
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("posting.stop", sql`EXISTS (SELECT 1 FROM ${t} WHERE ${t.id} = ${id} AND ${t.status} = 'stopped' AND ${t.updatedAt} = ${now})`),
        subjectType: "job_posting",
        subjectId: id,
        officeCode: scope.officeCode,
        details: JSON.stringify({ reason, invalidatedOn: today }),
      }),
      ...tell,
    ])
    .catch(() => null);
  if (!updated || updated[0].length !== 1) return { ok: false, reason: "有効中の求人だけ募集を停止できます。" };
  return { ok: true, invalidatedOn: today };
}

/**
 * Daily (R-JOB-4): accepted postings whose 紹介期限 has passed become 無効 (expired); the 求人無効日 is the day after the
 * 紹介期限 — the first day on which the posting is no longer valid, as with 募集停止 (ADR 0011). Returns how many.
 */
export async function expirePostings(db: Db, clock: Clock, mail?: MailContext, limit = 40): Promise<number> {
  const today = todayJst(clock);
  const due = await db
    .select()
    .from(t)
    .where(and(eq(t.status, "accepted"), lt(t.validUntil, today)))
    .orderBy(t.validUntil, t.id)
    .limit(limit)
    .all();
  if (due.length === 0) return 0;
  const now = clock.now().getTime();
  const statements = [];
  for (const posting of due) {
    const content = parseContent(posting.publishedContent ?? posting.content);
    statements.push(
      db
        .update(t)
        .set({
          status: "expired",
          invalidatedOn: addDays(posting.validUntil!, 1),
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
      ...(await tellEstablishment(db, clock, mail, posting, "expired", { jobTitle: content.jobTitle, jobNumber: posting.jobNumber })),
    );
  }
  await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
  return due.length;
}
