/**
 * R-GATE-3, the daily backlog check (app/jobs/backlog-restriction.server.ts runs it): per chunk of open, unrestricted
 * establishments, the overdue referrals (utils/facts referralOverdueSql: 選考中 and 紹介日 ≤ today − 21) are counted and
 * those with more than BACKLOG_LIMIT are restricted by one grouped UPDATE. In the same batch, the audit row, the お知らせ
 * and the mail to the establishment's active accounts are written only for the establishments whose state this batch
 * changed: the audit row exists only where `restricted_at` is this run's instant and no restriction audit row of that
 * instant exists yet, and it carries the run's id; the お知らせ and the mail ride on "an audit row of this run exists".
 * A re-run, or an overlapping run, finds the establishment restricted (or already audited) and writes nothing: one mail.
 *
 * Chunk size: D1 binds at most 100 parameters per statement. The grouped UPDATE binds the chunk's candidates (one
 * each) plus four values (the overdue cutoff date, BACKLOG_LIMIT and the instant twice); 90 candidates keep it at 94.
 * The chunk's read binds no list at all (keyset paging: `id > last`, LIMIT), so 90 is also the chunk of the read.
 */
import { and, asc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import { todayJst, type Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { MailContext } from "../../mail/templates";
import { restrictionNotice } from "../../rules/gates";
import { BACKLOG_LIMIT, exceedsBacklog } from "../../rules/referral";
import { schema, type Db } from "../../utils/db.server";
import { referralOverdueSql } from "../../utils/facts.server";
import { insertWhere, qualified } from "../../utils/sql.server";
import { tellEstablishment } from "./tell.server";

const e = schema.establishments;
const r = schema.referrals;
const o = schema.offices;
const log = schema.auditLog;

/** Establishments per chunk (see above: 90 + 4 bound parameters ≤ D1's 100). */
export const RESTRICTION_CHUNK = 90;
/** The audit action of a restriction by the daily check (its details: run, overdue, today). */
export const RESTRICT_ACTION = "establishment.restrict";

/** The overdue count of the establishment row in scope (correlated: `e` is the outer establishments row). */
export function overdueCountSql(today: string): SQL<number> {
  return sql<number>`(SELECT count(*) FROM ${r} WHERE ${qualified(r.establishmentId)} = ${qualified(e.id)} AND ${referralOverdueSql(today)})`;
}

/** One chunk of open, unrestricted establishments after `after` (keyset), each with its overdue count and its office. */
function chunkQuery(db: Db, today: string, after: string, limit: number) {
  return db
    .select({ id: e.id, name: e.name, officeCode: e.officeCode, officeName: o.name, officePhone: o.phone, overdue: overdueCountSql(today).as("overdue") })
    .from(e)
    .leftJoin(o, eq(o.code, e.officeCode))
    .where(and(eq(e.status, "open"), isNull(e.restrictedAt), gt(e.id, after)))
    .orderBy(asc(e.id))
    .limit(limit);
}

/**
 * The grouped statement: restricts, among `ids`, those with more than BACKLOG_LIMIT overdue referrals that are still open
 * and unrestricted; returns the ids it restricted.
 */
export function restrictStatement(db: Db, today: string, now: number, ids: readonly string[]) {
  const overLimit = db
    .select({ id: r.establishmentId })
    .from(r)
    .where(and(sql`${r.establishmentId} IN ${ids}`, referralOverdueSql(today)))
    .groupBy(r.establishmentId)
    .having(sql`count(*) > ${BACKLOG_LIMIT}`);
  return db
    .update(e)
    .set({ restrictedAt: now, updatedAt: now })
    .where(and(sql`${e.id} IN ${overLimit}`, isNull(e.restrictedAt), eq(e.status, "open")))
    .returning({ id: e.id });
}

/** "This run restricted it": the audit row of this instant with this run's id (what the お知らせ and the mail ride on). */
function restrictedByRun(id: string, now: number, runId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${log} WHERE ${log.subjectType} = 'establishment' AND ${log.subjectId} = ${id} AND ${log.action} = ${RESTRICT_ACTION} AND ${log.at} = ${now} AND json_extract(${log.details}, '$.run') = ${runId})`;
}

/** The audit row, only where the restriction is this batch's (restricted at this instant, not yet audited). */
function auditRestriction(db: Db, today: string, now: number, runId: string, establishment: { id: string; officeCode: string }) {
  const { id } = establishment;
  return insertWhere(
    db,
    log,
    {
      at: now,
      actorType: "system",
      action: RESTRICT_ACTION,
      subjectType: "establishment",
      subjectId: id,
      officeCode: establishment.officeCode,
      establishmentId: id,
      details: sql`json_object('run', ${runId}, 'today', ${today}, 'overdue', (SELECT count(*) FROM ${r} WHERE ${r.establishmentId} = ${id} AND ${referralOverdueSql(today)}))`,
    },
    sql`WHERE EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${id} AND ${e.restrictedAt} = ${now})
      AND NOT EXISTS (SELECT 1 FROM ${log} WHERE ${log.subjectType} = 'establishment' AND ${log.subjectId} = ${id} AND ${log.action} = ${RESTRICT_ACTION} AND ${log.at} = ${now})`,
  );
}

export interface RestrictionRound {
  /** Establishments read in this chunk (a full chunk means there may be more). */
  scanned: number;
  /** The chunk's last id: the next chunk starts after it. */
  last: string | null;
  /** Establishments this run restricted. */
  restricted: number;
}

/** One chunk of the daily check (R-GATE-3). `runId` identifies the run: its side effects are keyed on it. */
export async function restrictChunk(
  db: Db,
  clock: Clock,
  mail: MailContext,
  options: { after: string; runId: string; chunk?: number },
): Promise<RestrictionRound> {
  const today = todayJst(clock);
  const now = clock.now().getTime();
  const rows = await chunkQuery(db, today, options.after, options.chunk ?? RESTRICTION_CHUNK).all();
  const last = rows.at(-1)?.id ?? null;
  // The chunk's counts pick the candidates and give the お知らせ its number; the grouped UPDATE counts again as it writes.
  const candidates = rows.filter((row) => exceedsBacklog(row.overdue));
  if (candidates.length === 0) return { scanned: rows.length, last, restricted: 0 };
  const sideEffects = candidates.flatMap((row) => [
    auditRestriction(db, today, now, options.runId, row),
    ...tellEstablishment(db, clock, mail, row, restrictionNotice(row.overdue, { name: row.officeName, phone: row.officePhone }, today), {
      link: "/mypage/applicants?status=screening",
      notice: true,
      when: restrictedByRun(row.id, now, options.runId),
    }),
  ]);
  const [restricted] = await db.batch([
    restrictStatement(
      db,
      today,
      now,
      candidates.map((c) => c.id),
    ),
    ...sideEffects,
  ]);
  return { scanned: rows.length, last, restricted: restricted.length };
}

/** Chunks a run reads at most (RESTRICTION_CHUNK × this = 180 000 establishments): bounded, and a re-run goes on. */
export const RESTRICTION_MAX_CHUNKS = 2000;

/**
 * The whole daily check: chunk after chunk (keyset on the id) until a chunk is not full. Returns how many
 * establishments this run restricted. A new run id per call: a re-run or an overlapping run tells nobody twice.
 */
export async function restrictOverdueEstablishments(
  db: Db,
  clock: Clock,
  mail: MailContext,
  options: { chunk?: number; maxChunks?: number } = {},
): Promise<number> {
  const chunk = options.chunk ?? RESTRICTION_CHUNK;
  const runId = newId();
  let after = "";
  let total = 0;
  for (let round = 0; round < (options.maxChunks ?? RESTRICTION_MAX_CHUNKS); round++) {
    const { scanned, last, restricted } = await restrictChunk(db, clock, mail, { after, runId, chunk });
    total += restricted;
    if (scanned < chunk || last === null) break;
    after = last;
  }
  return total;
}
