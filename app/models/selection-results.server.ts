/**
 * 選考結果 (R-REF-3): the employer registers 採用 / 不採用 with the 相違 (and corrects it later); an officer records a
 * result reported by phone or a 辞退. One function for all of them, one batch each: a compare-and-set on the referral's
 * state and update time as the form showed them (a stale form loses with a Japanese message), the referral row, its
 * history row (referral_events, before → after) and the audit row — the last two exist only if the update took effect.
 *
 * - The employer is bound by the online window (rules/referral isSelectionWindowOpen; checked in the read and again in
 *   the update's WHERE); an officer is not.
 * - Never back to 選考中. A 辞退 recorded by an officer is not overwritten by the employer (the seeker's own decision,
 *   reported to Hello Work): the employer's page says to contact the office; an officer may correct it.
 * - Registering results never lifts a backlog restriction (R-GATE-4): establishments.restricted_at is not touched.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import { todayJst, type Clock } from "../lib/clock";
import type { ResultValues } from "../lib/schemas/selection-result";
import type { ResultSnapshot } from "../rules/selection-history";
import { isSelectionWindowOpen, selectionWindowClosedMessage, invalidOn, type ReferralStatus } from "../rules/referral";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { selectionWindowOpenSql } from "../utils/facts.server";
import { isLostRace, valueWhile } from "../utils/sql.server";
import { referralScopeSql, versionOf, type ReferralScope } from "./applicants.server";

const r = schema.referrals;
const p = schema.jobPostings;
const o = schema.offices;

export type ResultActor =
  { type: "employer"; accountId: string; establishmentId: string; officeCode: string } | { type: "staff"; staffId: string; officeCode: string };

export type ResultChange =
  { kind: "result"; values: ResultValues } | { kind: "phone"; values: ResultValues } | { kind: "declined"; declinedOn: string; note: string };

export type RegisterOutcome =
  | { ok: true; action: EventAction; status: ReferralStatus }
  | { ok: false; reason: "not-found" | "stale" | "closed" | "declined" | "unchanged" | "actor"; message: string };

export type EventAction = "result" | "correction" | "declined" | "phone";

export const STALE_MESSAGE = "この応募者の選考結果は、画面を開いた後に変更されています。最新の内容と履歴を確認してから、もう一度登録してください。";
export const DECLINED_MESSAGE = "この応募者はハローワークが辞退として記録しています。内容が違う場合は、紹介したハローワークへ連絡してください。";
export const UNCHANGED_MESSAGE = "登録済みの選考結果と同じ内容です。訂正する場合は、変更する項目を選び直してください。";

/** The referral's current result fields, as a history entry keeps them. */
export function snapshotOf(
  referral: Pick<typeof r.$inferSelect, "status" | "hireDate" | "conditionsDiffer" | "differences" | "differenceNote">,
): ResultSnapshot {
  if (referral.status === "screening") return { status: "screening" };
  if (referral.status === "declined") return { status: "declined" };
  return {
    status: referral.status,
    hireDate: referral.hireDate,
    conditionsDiffer: referral.conditionsDiffer,
    differences: JSON.parse(referral.differences) as string[],
    differenceNote: referral.differenceNote,
  };
}

function scopeOf(actor: ResultActor): ReferralScope {
  return actor.type === "employer" ? { kind: "employer", establishmentId: actor.establishmentId } : { kind: "staff", officeCode: actor.officeCode };
}

function sameResult(before: ResultSnapshot, after: ResultSnapshot): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}

/**
 * Registers (or corrects) a referral's result. `version` is what the form carried (applicants.server versionOf): the
 * write happens only while the referral is still in that state.
 */
export async function registerResult(input: {
  db: Db;
  clock: Clock;
  actor: ResultActor;
  referralId: string;
  version: string;
  change: ResultChange;
}): Promise<RegisterOutcome> {
  const { db, clock, actor, referralId, version, change } = input;
  const today = todayJst(clock);
  const scope = referralScopeSql(scopeOf(actor));
  const [rows, postings, offices] = await db.batch([
    db
      .select()
      .from(r)
      .where(and(eq(r.id, referralId), scope)),
    db
      .select({ status: p.status, acceptedOn: p.acceptedOn, validUntil: p.validUntil, invalidatedOn: p.invalidatedOn })
      .from(p)
      .where(eq(p.id, sql`(SELECT ${r.postingId} FROM ${r} WHERE ${r.id} = ${referralId} AND ${scope})`)),
    db
      .select({ name: o.name, phone: o.phone })
      .from(o)
      .where(eq(o.code, sql`(SELECT ${r.officeCode} FROM ${r} WHERE ${r.id} = ${referralId} AND ${scope})`)),
  ]);
  const referral = rows[0];
  const posting = postings[0];
  if (!referral || !posting) return { ok: false, reason: "not-found", message: "応募者が見つかりません。" };
  if (versionOf(referral) !== version) return { ok: false, reason: "stale", message: STALE_MESSAGE };
  if (actor.type === "employer") {
    if (change.kind !== "result") return { ok: false, reason: "actor", message: "事業所からは採用・不採用だけを登録できます。" };
    if (!isSelectionWindowOpen(posting, today)) {
      return { ok: false, reason: "closed", message: selectionWindowClosedMessage(invalidOn(posting, today) ?? today, offices[0] ?? null) };
    }
    if (referral.status === "declined") return { ok: false, reason: "declined", message: DECLINED_MESSAGE };
  } else if (change.kind === "result") {
    return { ok: false, reason: "actor", message: "職員は電話で連絡を受けた結果か辞退を記録してください。" };
  }

  const before = snapshotOf(referral);
  const after: ResultSnapshot = change.kind === "declined" ? { status: "declined", declinedOn: change.declinedOn, note: change.note } : { ...change.values };
  if (change.kind !== "declined" && sameResult(before, after)) return { ok: false, reason: "unchanged", message: UNCHANGED_MESSAGE };
  const action: EventAction = change.kind === "result" ? (referral.status === "screening" ? "result" : "correction") : change.kind;

  const now = clock.now().getTime();
  const result =
    change.kind === "declined"
      ? { status: "declined" as const, hireDate: null, conditionsDiffer: null, differences: "[]", differenceNote: "" }
      : {
          status: change.values.status,
          hireDate: change.values.hireDate,
          conditionsDiffer: change.values.conditionsDiffer,
          differences: JSON.stringify(change.values.differences),
          differenceNote: change.values.differenceNote,
        };
  // The employer's write also re-checks the window in SQL (the day may have turned since the read).
  const windowStillOpen: SQL | undefined =
    actor.type === "employer" ? sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${r.postingId} AND ${selectionWindowOpenSql(today)})` : undefined;
  const tookEffect = sql`EXISTS (SELECT 1 FROM ${r} WHERE ${r.id} = ${referralId} AND ${r.updatedAt} = ${now} AND ${r.status} = ${result.status})`;
  const actorId = actor.type === "employer" ? actor.accountId : actor.staffId;
  try {
    const [updated] = await db.batch([
      db
        .update(r)
        .set({ ...result, resultAt: now, resultByType: actor.type, resultBy: actorId, updatedAt: now })
        .where(and(eq(r.id, referralId), scope, eq(r.status, referral.status), eq(r.updatedAt, referral.updatedAt), windowStillOpen))
        .returning({ id: r.id }),
      db.insert(schema.referralEvents).values({
        referralId,
        at: now,
        actorType: actor.type,
        actorId,
        action: valueWhile(action, tookEffect),
        before: JSON.stringify(before),
        after: JSON.stringify(after),
      }),
      auditStatement(db, clock, {
        actorType: actor.type,
        actorId,
        action: valueWhile(`referral.${action}`, tookEffect),
        subjectType: "referral",
        subjectId: referralId,
        officeCode: actor.officeCode,
        details: { before, after },
      }),
    ]);
    if (updated.length !== 1) return { ok: false, reason: "stale", message: STALE_MESSAGE };
  } catch (error) {
    if (isLostRace(error)) return { ok: false, reason: "stale", message: STALE_MESSAGE };
    throw error;
  }
  return { ok: true, action, status: result.status };
}
