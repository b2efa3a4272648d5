/**
 * 紹介 (R-REF-1): an officer refers a seeker of the officer's own office to a valid posting of any office in the
 * country — the one exception to office scoping, and only for this: the posting is found by its 求人番号, and the page
 * shows only what an officer confirms a referral with (事業所名, 職種, 就業場所, 紹介期限, 受理した安定所).
 *
 * createReferral writes one batch: the referral (選考中), its 'referred' history row, the お知らせ to the establishment
 * 「ハローワーク○○から求職者を紹介しました」, one mail per active login account of the establishment (office, 求人番号, 職種
 * and the sign-in address — nothing about the seeker, in the mail or the お知らせ) and the audit row. The referral's
 * status is written only while the posting is still valid (utils/facts.server.ts postingValidOn, not 公開保留) and the
 * seeker still the office's (valueWhile), so a posting stopped meanwhile fails the whole batch; the partial unique
 * index (one 選考中 referral per seeker and posting) refuses a second open referral, also under a race. Both come back
 * as Japanese messages, never as a 500.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { formatJapaneseDate, todayJst, type Clock } from "../lib/clock";
import { fullAddress } from "../lib/address";
import { newId } from "../lib/ids";
import { prefectureName } from "../lib/prefectures";
import { interviewAtOf, type ReferralInput } from "../lib/schemas/seeker";
import type { MailContext } from "../mail/templates";
import { referralRefusal } from "../rules/seeker";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { postingValidOn } from "../utils/facts.server";
import { enqueueMailToAccounts } from "../utils/mail.server";
import { isLostRace, valueWhile } from "../utils/sql.server";
import type { StaffScope } from "./establishment.server";
import { notSuspendedSql } from "./minimum-wage-alerts.server";
import { parseContent } from "./posting/content.server";

const t = schema.jobPostings;
const e = schema.establishments;
const r = schema.referrals;
const js = schema.jobSeekers;
const acceptingOffice = alias(schema.offices, "accepting_office");

/** Columns under names of their own (a batch returns rows keyed by column name). */
function named<T>(column: SQLiteColumn, name: string) {
  return sql<T>`${column}`.as(name);
}

/** A posting by its 求人番号, of any office, with what the referral page shows and decides on. Batchable. */
export function postingByJobNumberQuery(db: Db, jobNumber: string, today: string) {
  return db
    .select({
      id: t.id,
      jobNumber: t.jobNumber,
      status: t.status,
      acceptedOn: t.acceptedOn,
      validUntil: t.validUntil,
      invalidatedOn: t.invalidatedOn,
      establishmentId: t.establishmentId,
      publishedContent: t.publishedContent,
      suspended: sql<number>`NOT (${notSuspendedSql(today)})`.as("posting_suspended"),
      establishmentName: named<string>(e.name, "posting_establishment_name"),
      establishmentStatus: named<(typeof e.$inferSelect)["status"]>(e.status, "posting_establishment_status"),
      establishmentPostalCode: named<string>(e.postalCode, "posting_establishment_postal_code"),
      establishmentAddress: named<string>(e.address, "posting_establishment_address"),
      establishmentPrefecture: named<string | null>(schema.prefectures.name, "posting_establishment_prefecture"),
      establishmentMunicipality: named<string | null>(schema.municipalities.name, "posting_establishment_municipality"),
      officeName: named<string | null>(acceptingOffice.name, "posting_office_name"),
    })
    .from(t)
    .innerJoin(e, eq(e.id, t.establishmentId))
    .leftJoin(schema.prefectures, eq(schema.prefectures.code, e.prefectureCode))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, e.municipalityCode))
    .leftJoin(acceptingOffice, eq(acceptingOffice.code, t.officeCode))
    .where(eq(t.jobNumber, jobNumber))
    .limit(1);
}

type PostingRow = Awaited<ReturnType<typeof postingByJobNumberQuery>>[number];

export interface ReferralPostingSummary {
  id: string;
  jobNumber: string;
  establishmentName: string;
  jobTitle: string;
  workplace: string;
  validUntil: string | null;
  officeName: string;
  /** Why it cannot take a referral today (Japanese), or null. */
  refusal: string | null;
}

/** What the officer confirms before referring (the published 求人票's 職種 and 就業場所), and whether it may be referred to. */
export function referralPostingSummary(row: PostingRow, today: string): ReferralPostingSummary {
  const content = parseContent(row.publishedContent);
  const establishmentAddress = fullAddress(row.establishmentPrefecture ?? "", row.establishmentMunicipality, row.establishmentAddress);
  const prefecture = content.workplace.prefectureCode ? prefectureName(content.workplace.prefectureCode) : "";
  const address = content.workplaceDetail.address.trim();
  const workplace = content.workplaceDetail.sameAsEstablishment
    ? `${row.establishmentPostalCode ? `〒${row.establishmentPostalCode} ` : ""}${establishmentAddress}`
    : `${content.workplaceDetail.postalCode ? `〒${content.workplaceDetail.postalCode} ` : ""}${address && prefecture && !address.startsWith(prefecture) ? prefecture : ""}${address || prefecture}`;
  return {
    id: row.id,
    jobNumber: row.jobNumber ?? "",
    establishmentName: row.establishmentName,
    jobTitle: content.jobTitle || "（職種未入力）",
    workplace,
    validUntil: row.validUntil,
    officeName: row.officeName ?? "",
    refusal: referralRefusal(
      {
        status: row.status,
        acceptedOn: row.acceptedOn,
        validUntil: row.validUntil,
        invalidatedOn: row.invalidatedOn,
        suspended: Boolean(row.suspended),
        establishmentStatus: row.establishmentStatus,
      },
      today,
    ),
  };
}

export const POSTING_NOT_FOUND = "この求人番号の求人はありません。番号を確かめてください。";
export const ALREADY_REFERRED = "この求職者は、この求人に紹介済みで選考中です。同じ求人への紹介は、選考結果が出てからにしてください。";

/** The seeker's open (選考中) referral to the posting with this 求人番号, if any. Batchable. */
export function openReferralQuery(db: Db, seekerId: string, jobNumber: string) {
  return db
    .select({ id: r.id, referredOn: r.referredOn })
    .from(r)
    .where(and(eq(r.seekerId, seekerId), eq(r.status, "screening"), sql`${r.postingId} = (SELECT ${t.id} FROM ${t} WHERE ${t.jobNumber} = ${jobNumber})`))
    .limit(1);
}

export type ReferralOutcome =
  | { ok: true; referralId: string; posting: ReferralPostingSummary }
  | { ok: false; reason: "seeker-not-found" }
  | { ok: false; reason: "posting"; field: "jobNumber"; message: string; posting: ReferralPostingSummary | null };

/** The お知らせ's title and text: the office, 職種 and 求人番号 — nothing about the seeker. */
export function referralNoticeText(data: { officeName: string; jobTitle: string; jobNumber: string; referredOn: string }) {
  return {
    title: `${data.officeName}から求職者を紹介しました`,
    body: `「${data.jobTitle}」（求人番号 ${data.jobNumber}）に、${data.officeName}から求職者を紹介しました（紹介日 ${formatJapaneseDate(data.referredOn)}）。応募者の情報は応募者管理でご確認ください。選考の結果は、選考結果の登録からお知らせください。`,
  };
}

/** The posting takes a referral or an application today: valid, not 公開保留, of an establishment that has not left. */
export function postingReferableSql(postingId: string | SQL, today: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${t} INNER JOIN ${e} ON ${e.id} = ${t.establishmentId}
    WHERE ${t.id} = ${postingId} AND ${postingValidOn(today)} AND ${notSuspendedSql(today)} AND ${e.status} NOT IN ('withdrawn', 'closed'))`;
}

export interface NewReferral {
  id: string;
  seekerId: string;
  postingId: string;
  establishmentId: string;
  /** 'referral': an HW紹介 (officeCode the referring office); 'application': an オンライン自主応募 (officeCode NULL). */
  channel: "referral" | "application";
  officeCode: string | null;
  referredBy: string | null;
  referredOn: string;
  interviewAt: string | null;
  interviewPlace: string;
  note: string;
  /** The row is written only while this holds at the moment the batch runs; else the whole batch fails (valueWhile). */
  condition: SQL;
  /** Who starts the history: the referring officer, or the seeker who applied. */
  actor: { type: "staff" | "seeker"; id: string };
  /** The お知らせ to the establishment (nothing about the seeker), linking the applicant. */
  notice: { title: string; body: string };
}

/**
 * The statements of a new 選考中 referral for the caller's batch (紹介 and オンライン自主応募 alike): the row (its status
 * a compare-and-set on `condition`), its 'referred' history row and the お知らせ linking /mypage/applicants/:id. The
 * caller adds the mail to the establishment and its audit row.
 */
export function referralStatements(db: Db, clock: Clock, referral: NewReferral) {
  const now = clock.now().getTime();
  const { condition, actor, notice, ...row } = referral;
  return [
    db.insert(r).values({
      ...row,
      status: valueWhile("screening", condition) as unknown as "screening",
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(schema.referralEvents).values({
      referralId: row.id,
      at: now,
      actorType: actor.type,
      actorId: actor.id,
      action: "referred",
      before: null,
      after: JSON.stringify({ status: "screening", referredOn: row.referredOn, interviewAt: row.interviewAt }),
    }),
    db.insert(schema.notices).values({
      id: newId(),
      establishmentId: row.establishmentId,
      title: notice.title,
      body: notice.body,
      link: `/mypage/applicants/${row.id}`,
      createdAt: now,
    }),
  ] as const;
}

/**
 * What the reads before a 紹介 decide: the seeker not the office's, no posting with the number, a posting that cannot
 * take a referral today, or an open referral already — each as the outcome to return — else the posting to refer to.
 */
export function referralCheck(read: {
  seekerFound: boolean;
  row: PostingRow | undefined;
  openReferral: boolean;
  today: string;
}): { refusal: ReferralOutcome } | { row: PostingRow; posting: ReferralPostingSummary; refuse: (message: string) => ReferralOutcome } {
  if (!read.seekerFound) return { refusal: { ok: false, reason: "seeker-not-found" } };
  const row = read.row;
  if (!row) return { refusal: { ok: false, reason: "posting", field: "jobNumber", message: POSTING_NOT_FOUND, posting: null } };
  const posting = referralPostingSummary(row, read.today);
  const refuse = (message: string): ReferralOutcome => ({ ok: false, reason: "posting", field: "jobNumber", message, posting });
  if (posting.refusal) return { refusal: refuse(posting.refusal) };
  if (read.openReferral) return { refusal: refuse(ALREADY_REFERRED) };
  return { row, posting, refuse };
}

/** What an officer's 紹介 writes besides the referral's own row: see officerReferralStatements. */
export interface OfficerReferral {
  referralId: string;
  seekerId: string;
  posting: ReferralPostingSummary;
  row: Pick<PostingRow, "establishmentId" | "establishmentName">;
  /** The referring office's name (お知らせ and mail). */
  officeName: string | undefined;
  scope: StaffScope;
  input: ReferralInput;
  condition: SQL;
  /** More audit details (a cross-shard 紹介 names the seeker's shard). */
  details?: Record<string, unknown>;
}

/**
 * The statements of an officer's 紹介 for one batch: the referral (選考中 while `condition` holds), its history and the
 * お知らせ, one mail per active login account of the establishment (main and additional) and the audit row.
 */
export function officerReferralStatements(db: Db, clock: Clock, mail: MailContext, r: OfficerReferral) {
  const { referralId, seekerId, posting, row, scope, input } = r;
  const officeName = r.officeName ?? "ハローワーク";
  const { title, body } = referralNoticeText({ officeName, jobTitle: posting.jobTitle, jobNumber: posting.jobNumber, referredOn: input.referredOn });
  return [
    ...referralStatements(db, clock, {
      id: referralId,
      seekerId,
      postingId: posting.id,
      establishmentId: row.establishmentId,
      channel: "referral",
      officeCode: scope.officeCode,
      referredBy: scope.staffId,
      referredOn: input.referredOn,
      interviewAt: interviewAtOf(input),
      interviewPlace: input.interviewPlace,
      note: input.note,
      condition: r.condition,
      actor: { type: "staff", id: scope.staffId },
      notice: { title, body },
    }),
    enqueueMailToAccounts(db, clock, mail, row.establishmentId, "referralNotice", {
      establishmentName: row.establishmentName,
      officeName,
      jobNumber: posting.jobNumber,
      jobTitle: posting.jobTitle,
      referredOn: formatJapaneseDate(input.referredOn),
    }),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: "referral.create",
      subjectType: "referral",
      subjectId: referralId,
      officeCode: scope.officeCode,
      details: { seekerId, postingId: posting.id, establishmentId: row.establishmentId, referredOn: input.referredOn, ...r.details },
    }),
  ] as const;
}

/**
 * 紹介 (R-REF-1) of a seeker of the officer's office to the posting with `input.jobNumber` (any office's): refused with a
 * Japanese message for a posting that is not valid today or a second open referral; see the module's comment.
 */
export async function createReferral({
  db,
  clock,
  mail,
  scope,
  seekerId,
  input,
}: {
  db: Db;
  clock: Clock;
  mail: MailContext;
  scope: StaffScope;
  seekerId: string;
  input: ReferralInput;
}): Promise<ReferralOutcome> {
  const today = todayJst(clock);
  const o = schema.offices;
  const [seekers, postings, open, offices] = await db.batch([
    db
      .select({ id: js.id })
      .from(js)
      .where(and(eq(js.id, seekerId), eq(js.officeCode, scope.officeCode)))
      .limit(1),
    postingByJobNumberQuery(db, input.jobNumber, today),
    openReferralQuery(db, seekerId, input.jobNumber),
    db.select({ name: o.name }).from(o).where(eq(o.code, scope.officeCode)).limit(1),
  ]);
  const checked = referralCheck({ seekerFound: Boolean(seekers[0]), row: postings[0], openReferral: Boolean(open[0]), today });
  if ("refusal" in checked) return checked.refusal;
  const { row, posting, refuse } = checked;

  const referralId = newId();
  // Still valid, not 公開保留, of an establishment that has not left, and the seeker still the office's: else NULL → the
  // batch fails whole (utils/sql.server.ts valueWhile).
  const stillReferable = sql`${postingReferableSql(posting.id, today)}
    AND EXISTS (SELECT 1 FROM ${js} WHERE ${js.id} = ${seekerId} AND ${js.officeCode} = ${scope.officeCode})`;
  try {
    await db.batch(
      officerReferralStatements(db, clock, mail, { referralId, seekerId, posting, row, officeName: offices[0]?.name, scope, input, condition: stillReferable }),
    );
  } catch (error) {
    if (isLostRace(error)) {
      // The posting stopped or expired (or the seeker left the office) between the read and the write: read again for why.
      const again = await createReferralRecheck(db, clock, scope, seekerId, input.jobNumber);
      return again ?? refuse("この求人には、いま紹介できません。求人の状態を確かめてください。");
    }
    if (isUniqueViolation(error)) return refuse(ALREADY_REFERRED);
    throw error;
  }
  return { ok: true, referralId, posting };
}

/** After a lost race: the refusal as of now (the posting's state, or the seeker no longer the office's). */
async function createReferralRecheck(db: Db, clock: Clock, scope: StaffScope, seekerId: string, jobNumber: string): Promise<ReferralOutcome | null> {
  const today = todayJst(clock);
  const [seekers, postings] = await db.batch([
    db
      .select({ id: js.id })
      .from(js)
      .where(and(eq(js.id, seekerId), eq(js.officeCode, scope.officeCode)))
      .limit(1),
    postingByJobNumberQuery(db, jobNumber, today),
  ]);
  if (!seekers[0]) return { ok: false, reason: "seeker-not-found" };
  const row = postings[0];
  if (!row) return { ok: false, reason: "posting", field: "jobNumber", message: POSTING_NOT_FOUND, posting: null };
  const posting = referralPostingSummary(row, today);
  return posting.refusal ? { ok: false, reason: "posting", field: "jobNumber", message: posting.refusal, posting } : null;
}

/** The partial unique index `referrals_open_uq` (one 選考中 referral per seeker and posting) refused the insert. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, i = 0; e instanceof Error && i < 5; e = e.cause, i++) if (/UNIQUE constraint failed/i.test(e.message)) return true;
  return false;
}
