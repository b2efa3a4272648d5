/**
 * 地域別最低賃金 as data: one row per prefecture and effective date (JST `YYYY-MM-DD`). The operator's
 * import (`npm run import:reference`, data/reference/minimum_wage_jp.tsv) is the initial load and the way to
 * correct past rows; a supervisor adds future revisions on /staff/minimum-wages. The amount in force on a
 * date is the row with the greatest effective date on or before it; "0000-01-01" (UNDATED) is a row whose
 * source gave no date, in force until the next dated revision.
 */
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";

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

export interface MinimumWageInput {
  prefectureCode: string;
  amountYen: number;
  effectiveFrom: string;
  source: string;
}

export interface SupervisorScope {
  staffId: string;
  officeCode: string;
}

export type AddMinimumWageResult = { ok: true } | { ok: false; reason: "duplicate" };

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /UNIQUE constraint failed/i.test(text);
}

/**
 * Adds a revision (a supervisor's decision; the route checks the role and that the date is not in the
 * past) with its audit row in the same batch (R-AUDIT-1). A row for the same prefecture and date is
 * refused, also when two supervisors add it at the same moment (the unique index decides).
 */
export async function addMinimumWage(db: Db, clock: Clock, scope: SupervisorScope, input: MinimumWageInput): Promise<AddMinimumWageResult> {
  const existing = await db
    .select({ amountYen: schema.minimumWages.amountYen })
    .from(schema.minimumWages)
    .where(and(eq(schema.minimumWages.prefectureCode, input.prefectureCode), eq(schema.minimumWages.effectiveFrom, input.effectiveFrom)))
    .get();
  if (existing) return { ok: false, reason: "duplicate" };
  try {
    await db.batch([
      db.insert(schema.minimumWages).values({ ...input, createdAt: clock.now().getTime() }),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: scope.staffId,
        action: "minimumWage.add",
        subjectType: "minimumWage",
        subjectId: `${input.prefectureCode}:${input.effectiveFrom}`,
        officeCode: scope.officeCode,
        details: { prefectureCode: input.prefectureCode, amountYen: input.amountYen, effectiveFrom: input.effectiveFrom },
      }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
  return { ok: true };
}
