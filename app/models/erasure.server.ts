/**
 * R-DEL-1…4 (issue 13): the erasure of a My Page and everything registered through it — 31 days after 退会 (status
 * withdrawn) or after closing on relocation (status closed), and after 5 years of dormancy (R-DEL-2) — run by the daily
 * job establishments.erase (jobs/establishment-erasure.server.ts).
 *
 * ERASURE_PLAN names, for every table that can hold the establishment's rows, how to find them (directly by
 * establishment_id, or through its accounts, postings, referrals, registrations), children before parents. Each chunk
 * is ONE db.batch: it opens the erasure_progress row (INSERT … ON CONFLICT DO NOTHING), adds the chunk's row count to
 * erasure_progress.counts and deletes those rows (at most ERASURE_CHUNK, chosen by the same `ORDER BY rowid LIMIT` in
 * both statements, so the count is exact even when an overlapping run took some first) — and only while the
 * establishment is still due (a restore that raced the job wins). Images: the R2 objects first (R2 delete is
 * idempotent), then their rows. The last batch deletes the establishment and its progress row and writes the erasure
 * report (action establishment.erase: reason, counts per table, the end date or the dormancy anchor — nothing
 * personal) on the same condition, and only if the counts it read are still those in the table. A run stops after
 * ERASURE_MAX_CHUNKS chunks; the next run continues. A run cut anywhere and run again ends as one clean run.
 */
import { getTableName, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { jstDate, startOfJstDay, todayJst, addDays, type Clock } from "../lib/clock";
import { dormancyErasureCutoff, withdrawalErasureCutoff, type DormancyFacts } from "../rules/retention";
import { auditStatement } from "../utils/audit.server";
import { authKeyIdsOf, voidAllAuthKeys } from "../utils/auth-keys.server";
import { schema, type Db } from "../utils/db.server";
import { postingInvalidOnSql, postingValidOn } from "../utils/facts.server";
import { insertWhere, isLostRace, valueWhile } from "../utils/sql.server";

export type ErasureReason = "withdrawn" | "closed" | "dormant";

/** Rows per chunk (D1 binds at most 100 parameters per statement: the image chunk binds its ids). */
export const ERASURE_CHUNK = 90;
/** Images per chunk: their ids are bound, beside the parameters of the due condition (≤ 10 per establishment anyway). */
const IMAGE_CHUNK = 50;
/** Chunks per run at most; a larger erasure continues the next day. */
export const ERASURE_MAX_CHUNKS = 200;
/** Establishments looked at per run at most. */
const ESTABLISHMENTS_PER_RUN = 50;

/** SQL of "owned by the establishment `e`" for one table (rows of that table, unaliased). */
type Owned = (e: string) => SQL;

const accountsOf = (e: string) => sql`(SELECT id FROM employer_accounts WHERE establishment_id = ${e})`;
const postingsOf = (e: string) => sql`(SELECT id FROM job_postings WHERE establishment_id = ${e})`;
const referralsOf = (e: string) => sql`(SELECT id FROM referrals WHERE establishment_id = ${e} OR posting_id IN ${postingsOf(e)})`;
const registrationsOf = (e: string) => sql`(SELECT id FROM provisional_registrations WHERE establishment_id = ${e} OR account_id IN ${accountsOf(e)})`;
/** Throttle scopes of the accounts' addresses (utils/throttle accountScope, reset-issue) and of their ids. */
const THROTTLE_KINDS = sql.raw(`(VALUES ('employer'), ('open'), ('reset'), ('signup'), ('reset-issue'))`);

/**
 * Every table that can hold rows of an establishment, in deletion order (children before parents), with how to find
 * them. The establishment row itself goes last, in the final batch. A table with an establishment_id column, or a
 * column that references employer_accounts or job_postings, must be here (tests/integration/erasure.test.ts checks it).
 */
export const ERASURE_PLAN: readonly { table: SQLiteTable; owned: Owned }[] = [
  { table: schema.sessions, owned: (e) => sql`account_type = 'employer' AND account_id IN ${accountsOf(e)}` },
  { table: schema.consents, owned: (e) => sql`account_id IN ${accountsOf(e)}` },
  { table: schema.knownDevices, owned: (e) => sql`account_id IN ${accountsOf(e)}` },
  { table: schema.trustedBrowsers, owned: (e) => sql`account_id IN ${accountsOf(e)}` },
  {
    table: schema.authThrottle,
    owned: (e) =>
      sql`(scope IN (SELECT k.column1 || ':' || a.email_normalized FROM employer_accounts a, ${THROTTLE_KINDS} k WHERE a.establishment_id = ${e})
        OR scope IN (SELECT 'account:' || id FROM employer_accounts WHERE establishment_id = ${e}))`,
  },
  { table: schema.keptForms, owned: (e) => sql`(establishment_id = ${e} OR account_id IN ${accountsOf(e)})` },
  {
    table: schema.mailOutbox,
    owned: (e) =>
      sql`to_address IN (SELECT email FROM employer_accounts WHERE establishment_id = ${e} UNION SELECT email_normalized FROM employer_accounts WHERE establishment_id = ${e})`,
  },
  { table: schema.establishmentImages, owned: (e) => sql`establishment_id = ${e}` },
  { table: schema.establishmentChangeRequests, owned: (e) => sql`establishment_id = ${e}` },
  { table: schema.minimumWageAlerts, owned: (e) => sql`posting_id IN ${postingsOf(e)}` },
  { table: schema.messages, owned: (e) => sql`(establishment_id = ${e} OR referral_id IN ${referralsOf(e)})` },
  { table: schema.messageThreads, owned: (e) => sql`(establishment_id = ${e} OR posting_id IN ${postingsOf(e)})` },
  { table: schema.referralEvents, owned: (e) => sql`referral_id IN ${referralsOf(e)}` },
  {
    table: schema.directRequests,
    owned: (e) => sql`(establishment_id = ${e} OR posting_id IN ${postingsOf(e)} OR requested_by IN ${accountsOf(e)})`,
  },
  { table: schema.referrals, owned: (e) => sql`(establishment_id = ${e} OR posting_id IN ${postingsOf(e)})` },
  { table: schema.notices, owned: (e) => sql`establishment_id = ${e}` },
  { table: schema.provisionalPostings, owned: (e) => sql`registration_id IN ${registrationsOf(e)}` },
  { table: schema.provisionalRegistrations, owned: (e) => sql`(establishment_id = ${e} OR account_id IN ${accountsOf(e)})` },
  // Their FTS rows (job_postings_fts) go with them by trigger (migration 0019).
  { table: schema.jobPostings, owned: (e) => sql`establishment_id = ${e}` },
  { table: schema.employerAccounts, owned: (e) => sql`establishment_id = ${e}` },
];

// ---------------------------------------------------------------------------------------------------------------
// Which establishments are due (the SQL of rules/retention.ts)

/** `ms` (an instant) falls on or before the JST date `day`. */
const onOrBefore = (ms: SQL, day: string) => sql`${ms} < ${startOfJstDay(addDays(day, 1)).getTime()}`;

/** The R-DEL-2 facts of the establishment `e.id` (outer alias `e`), as SQL columns. */
const dormancySql = {
  mainActivatedAt: sql<number | null>`(SELECT MAX(activated_at) FROM employer_accounts WHERE establishment_id = e.id AND is_main = 1)`,
  latestInvalidatedOn: (today: string) => sql<string | null>`(SELECT MAX(${postingInvalidOnSql(today)}) FROM job_postings WHERE establishment_id = e.id)`,
  latestSubmittedAt: sql<number | null>`(SELECT MAX(submitted_at) FROM job_postings WHERE establishment_id = e.id)`,
  hasLivePosting: (today: string) =>
    sql<number>`EXISTS (SELECT 1 FROM job_postings WHERE establishment_id = e.id AND (status IN ('submitted', 'returned') OR ${postingValidOn(today)}))`,
};

/** The erasure condition of each reason over the establishments row aliased `e`, on `today`. */
function dueWhere(reason: ErasureReason, today: string): SQL {
  switch (reason) {
    case "withdrawn":
      return sql`(e.status = 'withdrawn' AND e.withdrawn_at IS NOT NULL AND ${onOrBefore(sql`e.withdrawn_at`, withdrawalErasureCutoff(today))})`;
    case "closed":
      return sql`(e.status = 'closed' AND e.closed_at IS NOT NULL AND ${onOrBefore(sql`e.closed_at`, withdrawalErasureCutoff(today))})`;
    case "dormant": {
      const cutoff = dormancyErasureCutoff(today);
      return sql`(e.status IN ('open', 'unusable') AND NOT ${dormancySql.hasLivePosting(today)}
        AND ${onOrBefore(sql`COALESCE(${dormancySql.mainActivatedAt}, e.created_at)`, cutoff)}
        AND COALESCE(${dormancySql.latestInvalidatedOn(today)}, '') <= ${cutoff}
        AND ${onOrBefore(sql`COALESCE(${dormancySql.latestSubmittedAt}, 0)`, cutoff)})`;
    }
  }
}

const REASONS: readonly ErasureReason[] = ["withdrawn", "closed", "dormant"];

/** The establishment `id` is still due for erasure for `reason` on `today` (the guard of every chunk). */
function stillDue(id: string, reason: ErasureReason, today: string): SQL {
  return sql`EXISTS (SELECT 1 FROM establishments e WHERE e.id = ${id} AND ${dueWhere(reason, today)})`;
}

export interface DueErasure {
  id: string;
  officeCode: string;
  reason: ErasureReason;
  /** JST date of 退会 or closing; for a dormant page the date its five years are counted from (as of now). */
  since: string;
}

/** The establishments due for erasure on `today`, by id. */
export async function dueErasures(db: Db, today: string, limit = ESTABLISHMENTS_PER_RUN): Promise<DueErasure[]> {
  const found: DueErasure[] = [];
  for (const reason of REASONS) {
    const rows = await db.all<{ id: string; officeCode: string; withdrawnAt: number | null; closedAt: number | null }>(
      sql`SELECT e.id AS id, e.office_code AS officeCode, e.withdrawn_at AS withdrawnAt, e.closed_at AS closedAt
        FROM establishments e WHERE ${dueWhere(reason, today)} ORDER BY e.id LIMIT ${limit}`,
    );
    for (const r of rows) {
      const since =
        reason === "withdrawn" ? jstDate(r.withdrawnAt!) : reason === "closed" ? jstDate(r.closedAt!) : dormancyAnchor((await dormancyFacts(db, r.id, today))!);
      found.push({ id: r.id, officeCode: r.officeCode, reason, since });
    }
  }
  return found.slice(0, limit);
}

/** R-DEL-2's facts of one establishment as the job's SQL reads them (rules/retention DormancyFacts), or null. */
export async function dormancyFacts(db: Db, establishmentId: string, today: string): Promise<DormancyFacts | null> {
  const [row] = await db.all<{
    createdAt: number;
    mainActivatedAt: number | null;
    latestInvalidatedOn: string | null;
    latestSubmittedAt: number | null;
    hasLivePosting: number;
  }>(
    sql`SELECT e.created_at AS createdAt, ${dormancySql.mainActivatedAt} AS mainActivatedAt,
      ${dormancySql.latestInvalidatedOn(today)} AS latestInvalidatedOn, ${dormancySql.latestSubmittedAt} AS latestSubmittedAt,
      ${dormancySql.hasLivePosting(today)} AS hasLivePosting
      FROM establishments e WHERE e.id = ${establishmentId}`,
  );
  if (!row) return null;
  return {
    openedOn: jstDate(row.mainActivatedAt ?? row.createdAt),
    latestInvalidatedOn: row.latestInvalidatedOn,
    latestApplicationOn: row.latestSubmittedAt === null ? null : jstDate(row.latestSubmittedAt),
    hasLivePosting: row.hasLivePosting === 1,
  };
}

/** The date a dormant page's five years are counted from: the latest of its anchors. */
function dormancyAnchor(facts: DormancyFacts): string {
  return [facts.latestInvalidatedOn, facts.latestApplicationOn, facts.openedOn].filter((d): d is string => d !== null).reduce((a, b) => (a > b ? a : b));
}

// ---------------------------------------------------------------------------------------------------------------
// The erasure

export interface ErasureContext {
  env: Env;
  db: Db;
  clock: Clock;
}

interface Budget {
  chunksLeft: number;
  deleted: number;
}

/** The statements that open the progress row and add `count` (SQL) to `keys` of its counts, while the establishment is due. */
function progressStatements(db: Db, clock: Clock, due: DueErasure, today: string, keys: readonly string[], count: SQL) {
  const guard = stillDue(due.id, due.reason, today);
  const pairs = sql.join(
    keys.map((key) => sql`${`$.${key}`}, COALESCE(json_extract(counts, ${`$.${key}`}), 0) + ${count}`),
    sql`, `,
  );
  const p = schema.erasureProgress;
  return [
    insertWhere(
      db,
      p,
      { establishmentId: due.id, officeCode: due.officeCode, reason: due.reason, startedAt: clock.now().getTime(), since: due.since, counts: "{}" },
      sql`WHERE ${guard}`,
    ).onConflictDoNothing(),
    db
      .update(p)
      .set({ counts: sql`json_set(${p.counts}, ${pairs})` })
      .where(sql`${p.establishmentId} = ${due.id}`),
  ] as const;
}

/** Erases one table's rows of the establishment, chunk by chunk, within the run's budget; false when the budget ran out. */
async function eraseTable(ctx: ErasureContext, due: DueErasure, today: string, step: (typeof ERASURE_PLAN)[number], budget: Budget): Promise<boolean> {
  const { db, env, clock } = ctx;
  const owned = sql`(${step.owned(due.id)}) AND ${stillDue(due.id, due.reason, today)}`;
  const name = getTableName(step.table);
  const table = sql.identifier(name);
  for (;;) {
    if (budget.chunksLeft <= 0) return false;
    budget.chunksLeft--;
    const images = step.table === schema.establishmentImages;
    const limit = images ? IMAGE_CHUNK : ERASURE_CHUNK;
    let chosen = sql`SELECT rowid FROM ${table} WHERE ${owned} ORDER BY rowid LIMIT ${limit}`;
    let keys = [name];
    if (images) {
      // The objects first (idempotent), then the rows of exactly those objects.
      const rows = await db.all<{ id: string; r2Key: string }>(
        sql`SELECT id, r2_key AS r2Key FROM establishment_images WHERE ${owned} ORDER BY rowid LIMIT ${limit}`,
      );
      if (rows.length === 0) return true;
      await env.IMAGES.delete(rows.map((i) => i.r2Key));
      const ids = inArray(
        schema.establishmentImages.id,
        rows.map((i) => i.id),
      );
      chosen = sql`SELECT rowid FROM establishment_images WHERE ${ids} AND ${owned}`;
      keys = [name, "r2"];
    }
    const [open, count] = progressStatements(db, clock, due, today, keys, sql`(SELECT count(*) FROM (${chosen}))`);
    const [, , deleted] = await db.batch([open, count, db.delete(step.table).where(sql`rowid IN (${chosen})`)]);
    const changes = Number(deleted.meta.changes ?? 0);
    budget.deleted += changes;
    if (changes < limit) return true;
  }
}

/** The accounts' 認証キー in KV: their attempt rows (counted) in one batch, then the keys themselves. */
async function eraseAuthKeys(ctx: ErasureContext, due: DueErasure, today: string, budget: Budget): Promise<void> {
  const { db, env, clock } = ctx;
  const accounts = await db.all<{ id: string; emailNormalized: string }>(
    sql`SELECT id, email_normalized AS emailNormalized FROM employer_accounts WHERE establishment_id = ${due.id}`,
  );
  if (accounts.length === 0) return;
  const subjects = accounts.flatMap((a) => [a.id, a.emailNormalized]);
  const keyIds = await authKeyIdsOf(env.AUTH_KEYS, subjects);
  if (keyIds.length > 0) {
    budget.chunksLeft--;
    const ids = inArray(schema.authKeyAttempts.keyId, keyIds);
    const chosen = sql`SELECT rowid FROM auth_key_attempts WHERE ${ids} AND ${stillDue(due.id, due.reason, today)}`;
    const [open, count] = progressStatements(db, clock, due, today, ["auth_key_attempts"], sql`(SELECT count(*) FROM (${chosen}))`);
    const [, , deleted] = await db.batch([open, count, db.delete(schema.authKeyAttempts).where(sql`rowid IN (${chosen})`)]);
    budget.deleted += Number(deleted.meta.changes ?? 0);
  }
  await voidAllAuthKeys(env.AUTH_KEYS, subjects);
}

/** The last batch: the establishment, its progress row and the report, while it is due and the counts are those read. */
async function finishErasure(ctx: ErasureContext, due: DueErasure, today: string): Promise<boolean> {
  const { db, clock } = ctx;
  const [progress] = await db.all<{ counts: string; since: string | null }>(sql`SELECT counts, since FROM erasure_progress WHERE establishment_id = ${due.id}`);
  const counts = progress?.counts ?? "{}";
  // The date fixed when the erasure started: a dormant page's anchor moves as its postings go.
  const since = progress?.since ?? due.since;
  const condition = sql`${stillDue(due.id, due.reason, today)} AND COALESCE((SELECT counts FROM erasure_progress WHERE establishment_id = ${due.id}), '{}') = ${counts}`;
  try {
    await db.batch([
      auditStatement(db, clock, {
        actorType: "system",
        action: valueWhile("establishment.erase", condition),
        subjectType: "establishment",
        subjectId: due.id,
        officeCode: due.officeCode,
        details: {
          reason: due.reason,
          counts: { ...Object.fromEntries(Object.entries(JSON.parse(counts) as Record<string, number>).filter(([, n]) => n > 0)), establishments: 1 },
          ...(due.reason === "dormant" ? { dormantSince: since } : { endedOn: since }),
        },
      }),
      db.delete(schema.erasureProgress).where(sql`establishment_id = ${due.id}`),
      db.delete(schema.establishments).where(sql`id = ${due.id}`),
    ]);
    return true;
  } catch (error) {
    // Restored meanwhile, or an overlapping run finished it (or added to its counts): nothing was written here.
    if (isLostRace(error)) return false;
    throw error;
  }
}

/**
 * Which steps of the plan hold rows of the establishment, in one statement (issue 14: most tables of a page to erase are
 * empty, and a chunk per empty table cost a round trip and a chunk of the run's budget each). A row added after this
 * read is erased by the next run: the establishment's own row goes last, and the foreign keys refuse it while children
 * remain.
 */
async function stepsWithRows(db: Db, establishmentId: string): Promise<(typeof ERASURE_PLAN)[number][]> {
  const columns = sql.join(
    ERASURE_PLAN.map(
      (step, i) => sql`EXISTS (SELECT 1 FROM ${sql.identifier(getTableName(step.table))} WHERE ${step.owned(establishmentId)}) AS ${sql.identifier(`s${i}`)}`,
    ),
    sql`, `,
  );
  const found = (await db.get<Record<string, number>>(sql`SELECT ${columns}`)) ?? {};
  return ERASURE_PLAN.filter((_, i) => found[`s${i}`] === 1);
}

/**
 * Erases the establishments due on today's JST date (R-DEL-1 day 31, R-DEL-3, R-DEL-2), at most `maxChunks` chunks
 * this run; returns how many rows it deleted.
 */
export async function eraseDueEstablishments(ctx: ErasureContext, options: { maxChunks?: number } = {}): Promise<number> {
  const today = todayJst(ctx.clock);
  const budget: Budget = { chunksLeft: options.maxChunks ?? ERASURE_MAX_CHUNKS, deleted: 0 };
  for (const due of await dueErasures(ctx.db, today)) {
    await eraseAuthKeys(ctx, due, today, budget);
    if (budget.chunksLeft <= 0) break;
    budget.chunksLeft--;
    let complete = true;
    for (const step of await stepsWithRows(ctx.db, due.id)) {
      if (!(await eraseTable(ctx, due, today, step, budget))) {
        complete = false;
        break;
      }
    }
    if (!complete) break;
    if (await finishErasure(ctx, due, today)) budget.deleted++;
  }
  return budget.deleted;
}
