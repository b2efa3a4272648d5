/**
 * R-GATE-4 on the officers' side: the office's establishments by backlog (/staff/backlog: every one with at least
 * BACKLOG_WATCH_FROM overdue referrals, or restricted), one establishment's restriction (its overdue count and the
 * overdue referrals), and the lift by an officer of the jurisdictional office: one batch with the compare-and-set
 * (restricted → not), the last lift's time and officer, the audit row with the count at the lift, and an お知らせ + mail.
 * Another office's establishment is not found (404). Registering results never lifts a restriction: only this does; the
 * next daily check restricts again while the count is over the limit (models/gates/backlog.server.ts).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { liftNotice, type OfficeContact } from "../../rules/gates";
import { BACKLOG_WATCH_FROM } from "../../rules/referral";
import { auditStatement } from "../../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { referralOverdueSql } from "../../utils/facts.server";
import { onPage, pageColumns } from "../../utils/paging.server";
import { isLostRace, qualified, valueWhile } from "../../utils/sql.server";
import type { StaffScope } from "../establishment.server";
import { refused, type Outcome } from "../posting/outcome";
import { overdueCountSql } from "./backlog.server";
import { tellEstablishment } from "./tell.server";

const e = schema.establishments;
const r = schema.referrals;
const p = schema.jobPostings;
const seeker = schema.jobSeekers;
const st = schema.staffAccounts;

/** The statuses whose backlog an officer follows (a My Page in use, or set to 利用不可). */
const FOLLOWED = ["open", "unusable"] as const;

/**
 * A page of the office's establishments by overdue count (most first), those with at least BACKLOG_WATCH_FROM or
 * restricted: one grouped statement (count and oldest 紹介日 per establishment, the page by window functions). Batchable.
 */
export function backlogPageQuery(db: Db, officeCode: ScopeValue, today: string, page: number) {
  const overdue = sql<number>`count(${r.id})`;
  const rows = db.$with("backlog").as(
    db
      .select({
        id: e.id,
        name: e.name,
        establishmentNumber: e.establishmentNumber,
        status: e.status,
        restrictedAt: e.restrictedAt,
        overdue: overdue.as("overdue"),
        oldest: sql<string | null>`min(${r.referredOn})`.as("oldest"),
        ...pageColumns(sql`count(${r.id}) DESC, ${e.id}`),
      })
      .from(e)
      .leftJoin(r, and(eq(r.establishmentId, e.id), referralOverdueSql(today)))
      .where(and(eq(e.officeCode, officeCode), inArray(e.status, [...FOLLOWED])))
      .groupBy(e.id)
      .having(sql`count(${r.id}) >= ${BACKLOG_WATCH_FROM} OR ${e.restrictedAt} IS NOT NULL`),
  );
  return db
    .with(rows)
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(sql`${rows.position}`);
}

/** One establishment of the office with its restriction, the last lift (and who) and today's overdue count. Batchable. */
export function restrictionQuery(db: Db, officeCode: ScopeValue, id: string, today: string) {
  return db
    .select({
      id: e.id,
      name: e.name,
      establishmentNumber: e.establishmentNumber,
      status: e.status,
      restrictedAt: e.restrictedAt,
      restrictionLiftedAt: e.restrictionLiftedAt,
      liftedByName: sql<string | null>`(SELECT ${qualified(st.name)} FROM ${st} WHERE ${qualified(st.id)} = ${qualified(e.restrictionLiftedBy)})`.as(
        "lifted_by_name",
      ),
      overdue: overdueCountSql(today).as("overdue"),
    })
    .from(e)
    .where(and(eq(e.id, id), eq(e.officeCode, officeCode)))
    .limit(1);
}

/** How many overdue referrals the restriction page lists (the count above it is exact). */
export const OVERDUE_LIST_LIMIT = 200;

/** The overdue referrals of an establishment of the office, oldest 紹介日 first (none for another office's). Batchable. */
export function overdueReferralsQuery(db: Db, officeCode: ScopeValue, establishmentId: string, today: string) {
  return db
    .select({
      id: r.id,
      referredOn: r.referredOn,
      jobNumber: p.jobNumber,
      jobTitle: sql<string | null>`json_extract(coalesce(${p.publishedContent}, ${p.content}), '$.jobTitle')`.as("job_title"),
      seekerName: seeker.name,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.postingId))
    .innerJoin(seeker, eq(seeker.id, r.seekerId))
    .where(
      and(
        eq(r.establishmentId, establishmentId),
        sql`EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${establishmentId} AND ${e.officeCode} = ${officeCode})`,
        referralOverdueSql(today),
      ),
    )
    .orderBy(asc(r.referredOn), desc(r.createdAt), asc(r.id))
    .limit(OVERDUE_LIST_LIMIT);
}

export const LIFT_ACTION = "establishment.restriction-lift";
const TAKEN = "この事業所の利用制限は、すでに解除されています。画面を開き直して確認してください。";

/** R-GATE-4: lifts the restriction (restricted → not) with the audit row (the count at the lift), お知らせ and mail. */
export async function liftRestriction(
  db: Db,
  clock: Clock,
  mail: MailContext,
  change: { scope: StaffScope; establishment: { id: string; name: string; restrictedAt: number | null }; office: OfficeContact; overdue: number; note: string },
): Promise<Outcome> {
  const { scope, establishment } = change;
  const now = clock.now().getTime();
  const lifted = sql`EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${establishment.id} AND ${e.restrictedAt} IS NULL AND ${e.restrictionLiftedAt} = ${now} AND ${e.restrictionLiftedBy} = ${scope.staffId})`;
  try {
    await db.batch([
      db
        .update(e)
        .set({ restrictedAt: null, restrictionLiftedAt: now, restrictionLiftedBy: scope.staffId, updatedAt: now })
        .where(and(eq(e.id, establishment.id), eq(e.officeCode, scope.officeCode), sql`${e.restrictedAt} IS NOT NULL`)),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: valueWhile(LIFT_ACTION, lifted),
        subjectType: "establishment",
        subjectId: establishment.id,
        officeCode: scope.officeCode,
        details: { overdue: change.overdue, restrictedAt: establishment.restrictedAt, ...(change.note ? { note: change.note } : {}) },
      }),
      ...tellEstablishment(db, clock, mail, establishment, liftNotice(change.office), { link: "/mypage", notice: true }),
    ]);
    return { ok: true };
  } catch (error) {
    if (isLostRace(error)) return refused("race", TAKEN);
    throw error;
  }
}
