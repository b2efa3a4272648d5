/**
 * 地域別最低賃金 as data: one row per prefecture and effective date (JST `YYYY-MM-DD`). The operator's
 * import (`npm run import:reference`, data/reference/minimum_wage_jp.tsv) is the initial load and the way to
 * correct past rows; a supervisor of the prefecture adds future revisions on /staff/minimum-wages, and corrects or
 * withdraws them while they are not yet in force (recordRevision, issue 9 #9). The amount in force on a date is the
 * row with the greatest effective date on or before it; "0000-01-01" (UNDATED) is a row whose source gave no date, in
 * force until the next dated revision.
 *
 * A withdrawn revision is deleted, not marked: every reader of this table (the postings' minimum-wage check, the
 * overview, the import's upsert, and the re-check of postings: minimum-wage-alerts.server.ts) then sees only the revisions that
 * stand, without a filter any of them could forget. What was withdrawn, by whom and why is in the append-only audit
 * log (the same batch), which the history page shows (revisionLogQuery).
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import type { MailContext } from "../mail/templates";
import { checkRevisionChange, type RevisionChange, type RevisionRefusalReason } from "../rules/minimum-wage-revision";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { valueWhile } from "../utils/sql.server";
import { recheckMinimumWageAlerts } from "./minimum-wage-alerts.server";

export type MinimumWage = typeof schema.minimumWages.$inferSelect;

/** effective_from of a row whose source gives no date. */
export const UNDATED = "0000-01-01";

const columns = {
  prefectureCode: schema.minimumWages.prefectureCode,
  amountYen: schema.minimumWages.amountYen,
  effectiveFrom: schema.minimumWages.effectiveFrom,
  source: schema.minimumWages.source,
  createdAt: schema.minimumWages.createdAt,
};

/** The history of one prefecture, newest first. */
export async function listMinimumWagesOfPrefecture(db: Db, prefectureCode: string): Promise<MinimumWage[]> {
  return db
    .select(columns)
    .from(schema.minimumWages)
    .where(eq(schema.minimumWages.prefectureCode, prefectureCode))
    .orderBy(desc(schema.minimumWages.effectiveFrom))
    .all();
}

/** The minimum wage in force in a prefecture on a JST date (R-JOB-1), or undefined when none is known. */
export async function minimumWageInForce(db: Db, prefectureCode: string, date: string): Promise<MinimumWage | undefined> {
  return db
    .select(columns)
    .from(schema.minimumWages)
    .where(and(eq(schema.minimumWages.prefectureCode, prefectureCode), lte(schema.minimumWages.effectiveFrom, date)))
    .orderBy(desc(schema.minimumWages.effectiveFrom))
    .limit(1)
    .get();
}

/** The next revision after a JST date (the first row dated later), or undefined. */
export async function upcomingRevision(db: Db, prefectureCode: string, date: string): Promise<MinimumWage | undefined> {
  return db
    .select(columns)
    .from(schema.minimumWages)
    .where(and(eq(schema.minimumWages.prefectureCode, prefectureCode), gt(schema.minimumWages.effectiveFrom, date)))
    .orderBy(asc(schema.minimumWages.effectiveFrom))
    .limit(1)
    .get();
}

export interface PrefectureWageSummary {
  code: string;
  name: string;
  inForce: MinimumWage | undefined;
  upcoming: MinimumWage | undefined;
}

/** The statements of the overview (every prefecture, every row by prefecture and date): for the page's batch. */
export function minimumWageOverviewQueries(db: Db) {
  return [
    db.select().from(schema.prefectures).orderBy(asc(schema.prefectures.code)),
    db.select(columns).from(schema.minimumWages).orderBy(asc(schema.minimumWages.prefectureCode), asc(schema.minimumWages.effectiveFrom)),
  ] as const;
}

/**
 * Every prefecture with the amount in force on `date` and the next revision after it (the same rule as
 * minimumWageInForce / upcomingRevision, applied to the rows of minimumWageOverviewQueries, ascending by date).
 */
export function minimumWageOverview([prefectures, rows]: readonly [{ code: string; name: string }[], MinimumWage[]], date: string): PrefectureWageSummary[] {
  return prefectures.map((p) => {
    const own = rows.filter((r) => r.prefectureCode === p.code);
    return {
      code: p.code,
      name: p.name,
      inForce: own.filter((r) => r.effectiveFrom <= date).at(-1),
      upcoming: own.find((r) => r.effectiveFrom > date),
    };
  });
}

export interface SupervisorScope {
  staffId: string;
  role: "officer" | "supervisor";
  officeCode: string;
  /** The prefecture of the office: the only one whose minimum wages the supervisor may change. */
  prefectureCode: string;
}

/** A change as the form gives it: the rule's change, with the source of an addition and the reason of a correction or withdrawal. */
export type RevisionRequest =
  | (Extract<RevisionChange, { kind: "add" }> & { source: string })
  | (Extract<RevisionChange, { kind: "correct" }> & { reason: string })
  | (Extract<RevisionChange, { kind: "withdraw" }> & { reason: string });

export type RecordRevisionResult =
  | { ok: true; kind: RevisionChange["kind"] }
  | {
      ok: false;
      reason: RevisionRefusalReason | "race";
      field: "prefectureCode" | "amountYen" | "effectiveFrom" | "";
      message: string;
      confirmation?: string;
    };

const RACE = "ほかの職員が同時にこの都道府県の最低賃金を変更しました。最新の履歴を確認してから、もう一度操作してください。";
const AUDIT_ACTIONS = { add: "minimumWage.add", correct: "minimumWage.correct", withdraw: "minimumWage.withdraw" } as const;

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /UNIQUE constraint failed/i.test(text);
}

/** The actor, in SQL: an active supervisor of an office in the prefecture (the batch checks it again, R-AUTH-4). */
function supervisorOf(scope: SupervisorScope, prefectureCode: string) {
  const st = schema.staffAccounts;
  const o = schema.offices;
  return sql`EXISTS (SELECT 1 FROM ${st} JOIN ${o} ON ${o.code} = ${st.officeCode} WHERE ${st.id} = ${scope.staffId} AND ${st.active} = 1 AND ${st.role} = 'supervisor' AND ${o.prefectureCode} = ${prefectureCode})`;
}

/**
 * Records a supervisor's change to the minimum wages of a prefecture — an addition, a correction (amount / 発効日) or
 * a withdrawal (取消) — after the rules (rules/minimum-wage-revision.ts: the office's prefecture only, ±20 % needs
 * `confirmation`, only a revision not yet in force changes), with its audit row in the same batch (R-AUDIT-1: who,
 * what, before / after, why). The one place a revision is written: a re-check of the postings it affects belongs
 * in this batch.
 *
 * The batch checks its own precondition (valueWhile on the audit row, written first): the actor is still a
 * supervisor in the prefecture and, for a correction or withdrawal, the revision is still as read and not yet in
 * force; a second supervisor's racing change then fails whole. A second row on the same date is refused by the
 * unique index. After it, the postings of the prefecture are re-checked (models/minimum-wage-alerts.server.ts,
 * issue 10 #3): those below a revision get an alert, those a withdrawn or corrected revision no longer affects lose it.
 */
export async function recordRevision(
  db: Db,
  clock: Clock,
  scope: SupervisorScope,
  request: RevisionRequest,
  confirmation: string | null,
  mail: MailContext,
): Promise<RecordRevisionResult> {
  const mw = schema.minimumWages;
  const rows = await db
    .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
    .from(mw)
    .where(eq(mw.prefectureCode, request.prefectureCode))
    .all();
  const today = todayJst(clock);
  const verdict = checkRevisionChange({ actor: { role: scope.role, prefectureCode: scope.prefectureCode }, change: request, rows, today, confirmation });
  if (!verdict.ok) return verdict;
  const { before } = verdict;
  const after = request.kind === "withdraw" ? null : { amountYen: request.amountYen, effectiveFrom: request.effectiveFrom };
  // The row the change is about: the revision corrected or withdrawn, or the date an addition takes.
  const target = request.kind === "add" ? request.effectiveFrom : request.revision;
  const key = and(eq(mw.prefectureCode, request.prefectureCode), eq(mw.effectiveFrom, target));
  const unchanged = before
    ? sql`EXISTS (SELECT 1 FROM ${mw} WHERE ${key} AND ${mw.amountYen} = ${before.amountYen} AND ${mw.effectiveFrom} > ${today})`
    : sql`NOT EXISTS (SELECT 1 FROM ${mw} WHERE ${key})`;
  const audit = auditStatement(db, clock, {
    actorType: "staff",
    actorId: scope.staffId,
    action: valueWhile(AUDIT_ACTIONS[request.kind], sql`${supervisorOf(scope, request.prefectureCode)} AND ${unchanged}`),
    subjectType: "minimumWage",
    subjectId: `${request.prefectureCode}:${target}`,
    officeCode: scope.officeCode,
    details: {
      prefectureCode: request.prefectureCode,
      before: before && { amountYen: before.amountYen, effectiveFrom: before.effectiveFrom },
      after,
      inForce: verdict.inForce && { amountYen: verdict.inForce.amountYen, effectiveFrom: verdict.inForce.effectiveFrom },
      changePercent: verdict.changePercent,
      confirmed: verdict.confirmed,
      ...(request.kind === "add" ? { source: request.source } : { reason: request.reason }),
    },
  });
  const write =
    request.kind === "add"
      ? db.insert(mw).values({
          prefectureCode: request.prefectureCode,
          amountYen: request.amountYen,
          effectiveFrom: request.effectiveFrom,
          source: request.source,
          createdAt: clock.now().getTime(),
        })
      : request.kind === "correct"
        ? db.update(mw).set({ amountYen: request.amountYen, effectiveFrom: request.effectiveFrom }).where(key)
        : db.delete(mw).where(key);
  try {
    await db.batch([audit, write]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        reason: "duplicate",
        field: "effectiveFrom",
        message: "この都道府県には、同じ発効日の最低賃金が既に登録されています。発効日を確認してください。",
      };
    }
    if (/NOT NULL constraint failed: audit_log\.action/i.test(`${String(error)} ${String((error as { cause?: unknown }).cause ?? "")}`)) {
      return { ok: false, reason: "race", field: "", message: RACE };
    }
    throw error;
  }
  // Issue 10 #3: the prefecture's postings re-checked against the revisions as they now stand (ADR 0015). Not in the
  // batch above — the rule is code, not SQL — but idempotent, and the daily job re-runs it should this step fail.
  await recheckMinimumWageAlerts(db, clock, mail, request.prefectureCode);
  return { ok: true, kind: request.kind };
}

export interface RevisionLogEntry {
  id: number;
  at: number;
  action: string;
  details: string;
  staffName: string | null;
  officeName: string | null;
}

/** The audit rows of a prefecture's minimum-wage changes (who, when, what, why), newest first: for the page's batch. */
export function revisionLogQuery(db: Db, prefectureCode: string, limit = 50) {
  const a = schema.auditLog;
  const st = schema.staffAccounts;
  const o = schema.offices;
  return db
    .select({
      id: a.id,
      at: a.at,
      action: a.action,
      details: a.details,
      // Aliased: D1 batches key rows by column name, and both tables call theirs "name".
      staffName: sql<string | null>`${st.name}`.as("staff_name"),
      officeName: sql<string | null>`${o.name}`.as("office_name"),
    })
    .from(a)
    .leftJoin(st, eq(st.id, a.actorId))
    .leftJoin(o, eq(o.code, a.officeCode))
    .where(
      and(
        eq(a.subjectType, "minimumWage"),
        gte(a.subjectId, `${prefectureCode}:`),
        lt(a.subjectId, `${prefectureCode};`),
        inArray(a.action, Object.values(AUDIT_ACTIONS)),
      ),
    )
    .orderBy(desc(a.id))
    .limit(limit);
}
