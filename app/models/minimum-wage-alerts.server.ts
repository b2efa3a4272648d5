/**
 * Minimum-wage revisions after 受理 (R-JOB-1, issue 10 #3; ADR 0015): the table minimum_wage_alerts kept in step with
 * the revisions and the postings, the employer told once per posting and revision, the officer's list, and the public
 * search's 公開保留. The decision — which postings a revision affects, and from when — is rules/posting/
 * minimum-wage-alerts.ts; this module reads the rows it needs and writes what it decides.
 *
 * - recheckMinimumWageAlerts (a prefecture): after a supervisor records, corrects or withdraws a revision
 *   (recordRevision), and every day (jobs/minimum-wage-alerts.server.ts). Adds the alerts that are missing, deletes
 *   the ones that no longer hold (a withdrawn or corrected revision, a wage raised, a posting that ended), then tells
 *   the employers whose alerts are due (発効日 − 7 days or later) and not told yet.
 * - recheckPostingAlerts (one posting): after a 内容変更 is accepted or a posting is submitted again, so that an alert
 *   the new wage answers disappears at once.
 * Every step is idempotent; the お知らせ and mail of an alert ride on a compare-and-set of its notified_at, so two
 * overlapping runs tell once.
 */
import { and, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { formatJapaneseDate, todayJst, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { prefectureName } from "../lib/prefectures";
import type { MailContext } from "../mail/templates";
import { alertKey, alertPhase, minimumWageAlertsOf, type AlertCandidate, type MinimumWageAlert } from "../rules/posting/minimum-wage-alerts";
import { yen } from "../rules/posting/findings";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { isLostRace, valueWhile } from "../utils/sql.server";
import { parseContent } from "./posting/content.server";
import { recipientsOf } from "./posting/notify.server";

const a = schema.minimumWageAlerts;
const t = schema.jobPostings;
const mw = schema.minimumWages;

/** Postings read per round (D1 allows at most 100 bound parameters in a statement). */
const CHUNK = 80;

/** A posting valid today or pending review (the postings an alert can stand for). */
export function livePostingSql(today: string): SQL {
  return or(eq(t.status, "submitted"), and(eq(t.status, "accepted"), gte(t.validUntil, today)))!;
}

const prefectureOf = (column: typeof t.content | typeof t.publishedContent) =>
  sql`CASE WHEN json_valid(${column}) THEN json_extract(${column}, '$.workplace.prefectureCode') END`;

const candidateColumns = {
  id: t.id,
  establishmentId: t.establishmentId,
  officeCode: t.officeCode,
  status: t.status,
  changeStatus: t.changeStatus,
  validUntil: t.validUntil,
  universityGraduate: t.universityGraduate,
  content: t.content,
  publishedContent: t.publishedContent,
};

type CandidateRow = { [K in keyof typeof candidateColumns]: (typeof t.$inferSelect)[K] };

/** A job_postings row as the alert rule reads it (its documents parsed). */
export function alertCandidateOf(row: CandidateRow): AlertCandidate {
  return {
    status: row.status,
    changeStatus: row.changeStatus,
    validUntil: row.validUntil,
    universityGraduate: row.universityGraduate,
    published: row.publishedContent ? parseContent(row.publishedContent) : null,
    working: parseContent(row.content),
  };
}

type StoredAlert = { postingId: string; prefectureCode: string; effectiveFrom: string; amountYen: number };

/** The statements that make a posting's stored alerts (of the prefectures in scope) what the rule says. */
function reconcileStatements(db: Db, clock: Clock, postingId: string, stored: readonly StoredAlert[], wanted: readonly MinimumWageAlert[]) {
  const wantedKeys = new Set(wanted.map(alertKey));
  const storedKeys = new Set(stored.map(alertKey));
  const now = clock.now().getTime();
  return [
    ...stored
      .filter((s) => !wantedKeys.has(alertKey(s)))
      .map((s) =>
        db
          .delete(a)
          .where(and(eq(a.postingId, postingId), eq(a.prefectureCode, s.prefectureCode), eq(a.effectiveFrom, s.effectiveFrom), eq(a.amountYen, s.amountYen))),
      ),
    ...wanted
      .filter((w) => !storedKeys.has(alertKey(w)))
      .map((w) =>
        db
          .insert(a)
          .values({
            postingId,
            prefectureCode: w.prefectureCode,
            effectiveFrom: w.effectiveFrom,
            amountYen: w.amountYen,
            alertFrom: w.alertFrom,
            createdAt: now,
          })
          .onConflictDoNothing(),
      ),
  ];
}

type Statement = ReturnType<typeof reconcileStatements>[number];

async function runBatch(db: Db, statements: readonly Statement[]): Promise<void> {
  if (statements.length > 0) await db.batch(statements as [Statement, ...Statement[]]);
}

export interface RecheckReport {
  /** Alerts added or deleted. */
  changed: number;
  /** Employers told (お知らせ + mail). */
  notified: number;
}

/**
 * Brings the alerts of one prefecture in step with its revisions and postings, then tells the employers whose alerts
 * are due. Bounded: postings in rounds of CHUNK by id.
 */
export async function recheckMinimumWageAlerts(db: Db, clock: Clock, mail: MailContext, prefectureCode: string): Promise<RecheckReport> {
  const today = todayJst(clock);
  // Alerts of postings that are no longer valid or pending (stopped, expired, returned) go first.
  await db.delete(a).where(and(eq(a.prefectureCode, prefectureCode), notInArray(a.postingId, db.select({ id: t.id }).from(t).where(livePostingSql(today)))));
  const rows = await db
    .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
    .from(mw)
    .where(eq(mw.prefectureCode, prefectureCode))
    .all();
  let changed = 0;
  let after = "";
  for (let round = 0; round < 500; round++) {
    const postings = await db
      .select(candidateColumns)
      .from(t)
      .where(
        and(
          livePostingSql(today),
          sql`${t.id} > ${after}`,
          or(sql`${prefectureOf(t.content)} = ${prefectureCode}`, sql`${prefectureOf(t.publishedContent)} = ${prefectureCode}`),
        ),
      )
      .orderBy(t.id)
      .limit(CHUNK)
      .all();
    if (postings.length === 0) break;
    after = postings.at(-1)!.id;
    const ids = postings.map((p) => p.id);
    const stored = await db
      .select({ postingId: a.postingId, prefectureCode: a.prefectureCode, effectiveFrom: a.effectiveFrom, amountYen: a.amountYen })
      .from(a)
      .where(and(eq(a.prefectureCode, prefectureCode), inArray(a.postingId, ids)))
      .all();
    const statements = postings.flatMap((p) =>
      reconcileStatements(
        db,
        clock,
        p.id,
        stored.filter((s) => s.postingId === p.id),
        minimumWageAlertsOf(alertCandidateOf(p), rows, prefectureCode, today),
      ),
    );
    await runBatch(db, statements);
    changed += statements.length;
    if (postings.length < CHUNK) break;
  }
  // Alerts of postings whose 就業場所 left the prefecture (a 内容変更) were not among the candidates.
  const moved = await db
    .delete(a)
    .where(
      and(
        eq(a.prefectureCode, prefectureCode),
        sql`${a.postingId} NOT IN (SELECT ${t.id} FROM ${t} WHERE ${prefectureOf(t.content)} = ${prefectureCode} OR ${prefectureOf(t.publishedContent)} = ${prefectureCode})`,
      ),
    )
    .returning({ postingId: a.postingId });
  changed += moved.length;
  const notified = await notifyDueAlerts(db, clock, mail, prefectureCode);
  return { changed, notified };
}

/** Brings one posting's alerts in step (every prefecture it has alerts in or works in); it tells nobody (the daily job does). */
export async function recheckPostingAlerts(db: Db, clock: Clock, postingId: string): Promise<void> {
  const today = todayJst(clock);
  const [postings, stored] = await db.batch([
    db.select(candidateColumns).from(t).where(eq(t.id, postingId)).limit(1),
    db
      .select({ postingId: a.postingId, prefectureCode: a.prefectureCode, effectiveFrom: a.effectiveFrom, amountYen: a.amountYen })
      .from(a)
      .where(eq(a.postingId, postingId)),
  ]);
  const posting = postings[0];
  if (!posting) return;
  const candidate = alertCandidateOf(posting);
  const prefectures = [
    ...new Set([candidate.working.workplace.prefectureCode, candidate.published?.workplace.prefectureCode, ...stored.map((s) => s.prefectureCode)]),
  ].filter((p): p is string => typeof p === "string" && p !== "");
  const rows =
    prefectures.length === 0
      ? []
      : await db
          .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
          .from(mw)
          .where(inArray(mw.prefectureCode, prefectures))
          .all();
  const wanted = prefectures.flatMap((p) => minimumWageAlertsOf(candidate, rows, p, today));
  await runBatch(db, reconcileStatements(db, clock, postingId, stored, wanted));
}

interface DueAlert extends StoredAlert {
  establishmentId: string;
  officeCode: string;
  status: string;
  jobNumber: string | null;
  content: string;
  publishedContent: string | null;
}

/** The お知らせ (and mail) asking for a 内容変更: what the revision is, by when, and what happens on its 発効日. */
export function alertNoticeText(alert: DueAlert, today: string): { title: string; body: string } {
  const content = parseContent(alert.publishedContent ?? alert.content);
  const title = content.jobTitle || "職種未入力の求人";
  const number = alert.jobNumber ? `（求人番号 ${alert.jobNumber}）` : "";
  const from = formatJapaneseDate(alert.effectiveFrom);
  const wage = `${prefectureName(alert.prefectureCode)}の最低賃金（時間額${yen(alert.amountYen)}、${from}から）`;
  if (alert.status === "submitted") {
    return {
      title: "最低賃金の改定に伴う求人の賃金の見直しのお願い",
      body: `申込み中の「${title}」の賃金は、${wage}を下回ります。ハローワークから修正依頼がありますので、賃金を最低賃金以上に引き上げて、もう一度申し込んでください。`,
    };
  }
  const suspended = alertPhase(alert, today) === "suspended";
  return {
    title: "最低賃金の改定に伴う求人の内容変更のお願い",
    body: suspended
      ? `「${title}」${number}の賃金が${wage}を下回っているため、求人の公開と紹介を停止しています。賃金を最低賃金以上に引き上げる内容変更を申し込んでください。内容変更が受理されると公開と紹介を再開します。`
      : `「${title}」${number}の賃金は、${wage}を下回ります。${from}の前日までに、賃金を最低賃金以上に引き上げる内容変更を申し込んでください。${from}以降も下回ったままの場合、内容変更が受理されるまで求人の公開と紹介を停止します。`,
  };
}

/** Tells the employers of the prefecture's due alerts not told yet: one お知らせ and one mail per alert, in rounds. */
async function notifyDueAlerts(db: Db, clock: Clock, mail: MailContext, prefectureCode: string): Promise<number> {
  const today = todayJst(clock);
  let notified = 0;
  for (let round = 0; round < 50; round++) {
    const due: DueAlert[] = await db
      .select({
        postingId: a.postingId,
        prefectureCode: a.prefectureCode,
        effectiveFrom: a.effectiveFrom,
        amountYen: a.amountYen,
        establishmentId: t.establishmentId,
        officeCode: t.officeCode,
        status: t.status,
        jobNumber: t.jobNumber,
        content: t.content,
        publishedContent: t.publishedContent,
      })
      .from(a)
      .innerJoin(t, eq(t.id, a.postingId))
      .where(and(eq(a.prefectureCode, prefectureCode), isNull(a.notifiedAt), lte(a.alertFrom, today), livePostingSql(today)))
      .orderBy(a.alertFrom, a.postingId)
      .limit(40)
      .all();
    if (due.length === 0) break;
    const recipients = new Map((await recipientsOf(db, [...new Set(due.map((d) => d.establishmentId))])).map((r) => [r.establishmentId, r]));
    for (const alert of due) {
      const key = and(
        eq(a.postingId, alert.postingId),
        eq(a.prefectureCode, alert.prefectureCode),
        eq(a.effectiveFrom, alert.effectiveFrom),
        eq(a.amountYen, alert.amountYen),
      );
      const { title, body } = alertNoticeText(alert, today);
      const link = `/mypage/postings/${alert.postingId}`;
      const recipient = recipients.get(alert.establishmentId);
      try {
        await db.batch([
          auditStatement(db, clock, {
            actorType: "system",
            action: valueWhile("posting.minimumWageAlert", sql`EXISTS (SELECT 1 FROM ${a} WHERE ${key} AND ${a.notifiedAt} IS NULL)`),
            subjectType: "job_posting",
            subjectId: alert.postingId,
            officeCode: alert.officeCode,
            details: { prefectureCode: alert.prefectureCode, effectiveFrom: alert.effectiveFrom, amountYen: alert.amountYen },
          }),
          db
            .update(a)
            .set({ notifiedAt: clock.now().getTime() })
            .where(and(key, isNull(a.notifiedAt))),
          db.insert(schema.notices).values({ id: newId(), establishmentId: alert.establishmentId, title, body, link, createdAt: clock.now().getTime() }),
          ...(recipient ? [enqueueMail(db, clock, mail, recipient.email, "postingNotice", { establishmentName: recipient.name, title, body, link })] : []),
        ]);
        notified++;
      } catch (error) {
        if (!isLostRace(error)) throw error;
      }
    }
    if (due.length < 40) break;
  }
  return notified;
}

/** The prefectures the daily job rechecks: those with a revision taking effect today or later, or with alerts. */
export async function prefecturesToRecheck(db: Db, today: string): Promise<string[]> {
  const [revisions, alerts] = await db.batch([
    db.selectDistinct({ code: mw.prefectureCode }).from(mw).where(gte(mw.effectiveFrom, today)),
    db.selectDistinct({ code: a.prefectureCode }).from(a),
  ]);
  return [...new Set([...revisions, ...alerts].map((r) => r.code))].sort();
}

/**
 * The office's postings with a due alert (発効日 − 7 or later), for the officer's 求人の確認 page (a statement for its
 * batch): one row per posting and revision, 発効日 first (at most 100).
 */
export function officeAlertsQuery(db: Db, officeCode: ScopeValue, today: string) {
  const e = schema.establishments;
  return db
    .select({
      postingId: a.postingId,
      prefectureCode: a.prefectureCode,
      effectiveFrom: a.effectiveFrom,
      amountYen: a.amountYen,
      notifiedAt: a.notifiedAt,
      status: t.status,
      changeStatus: t.changeStatus,
      jobNumber: t.jobNumber,
      content: sql<string>`coalesce(${t.publishedContent}, ${t.content})`.as("alert_content"),
      establishmentName: sql<string>`${e.name}`.as("alert_establishment_name"),
      establishmentNumber: sql<string | null>`${e.establishmentNumber}`.as("alert_establishment_number"),
    })
    .from(a)
    .innerJoin(t, eq(t.id, a.postingId))
    .innerJoin(e, eq(e.id, t.establishmentId))
    .where(and(eq(t.officeCode, officeCode), lte(a.alertFrom, today), livePostingSql(today)))
    .orderBy(a.effectiveFrom, a.postingId, a.amountYen)
    .limit(100);
}

/** 公開保留 (ADR 0015): a posting with an alert whose 発効日 has come is left out of the public search and pages. */
export function notSuspendedSql(today: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM ${a} WHERE ${a.postingId} = ${t.id} AND ${a.effectiveFrom} <= ${today})`;
}
