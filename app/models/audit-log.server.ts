/**
 * The officers' audit log (R-AUDIT-1, issue 13): the entries of the officer's office only (office_code in the SQL),
 * newest first, filtered by 事業所, 職員, 操作 and a JST date range. An establishment is found by its 事業所番号 or name
 * among the office's establishments, or by the id an erasure report names (the row is gone then); an entry concerns it
 * when its establishment_id is it (rows since issue 13) or, for older rows, when it is the entry's subject. One
 * statement per page (rows, position and total: utils/paging), batchable in the guard's batch; the CSV export reads the
 * same rows, at most AUDIT_CSV_MAX_ROWS.
 */
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { startOfJstDay, addDays } from "../lib/clock";
import type { AuditFilters } from "../lib/schemas/audit-filter";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { onPage, pageColumns } from "../utils/paging.server";
import { establishmentSearchSql } from "./establishment.server";

const log = schema.auditLog;
const st = schema.staffAccounts;
const concerned = alias(schema.establishments, "audit_establishment");

/** Rows of one CSV export, newest first; the page says so beside the button. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** The WHERE of the office's entries that match `filters`. */
function auditWhere(officeCode: ScopeValue, filters: AuditFilters): SQL | undefined {
  const e = schema.establishments;
  let establishment: SQL | undefined;
  if (filters.establishment) {
    // The office's establishments the text names, and the text itself as an id (an erased establishment's).
    const ids = sql`(SELECT ${e.id} FROM ${e} WHERE ${e.officeCode} = ${officeCode} AND ${establishmentSearchSql(filters.establishment)} UNION ALL SELECT ${filters.establishment})`;
    establishment = or(sql`${log.establishmentId} IN ${ids}`, and(eq(log.subjectType, "establishment"), sql`${log.subjectId} IN ${ids}`));
  }
  return and(
    eq(log.officeCode, officeCode),
    establishment,
    filters.staffId ? and(eq(log.actorType, "staff"), eq(log.actorId, filters.staffId)) : undefined,
    filters.action ? eq(log.action, filters.action) : undefined,
    filters.from ? sql`${log.at} >= ${startOfJstDay(filters.from).getTime()}` : undefined,
    filters.to ? sql`${log.at} < ${startOfJstDay(addDays(filters.to, 1)).getTime()}` : undefined,
  );
}

const order = sql`${log.at} DESC, ${log.id} DESC`;
const concernedId = sql`coalesce(${log.establishmentId}, CASE WHEN ${log.subjectType} = 'establishment' THEN ${log.subjectId} END)`;

/** The office's entries matching `filters`, as the list and the CSV show them, with their position (newest first) and the total. */
function matchingEntries(db: Db, officeCode: ScopeValue, filters: AuditFilters) {
  return db
    .select({
      id: log.id,
      at: log.at,
      actorType: log.actorType,
      actorId: log.actorId,
      // D1 keys a batched select's rows by column name: the two names are aliased.
      staffName: sql<string | null>`${st.name}`.as("staff_name"),
      action: log.action,
      subjectType: log.subjectType,
      subjectId: log.subjectId,
      establishmentId: sql<string | null>`${concernedId}`.as("concerned_id"),
      establishmentName: sql<string | null>`${concerned.name}`.as("establishment_name"),
      establishmentNumber: sql<string | null>`${concerned.establishmentNumber}`.as("establishment_number"),
      details: log.details,
      ...pageColumns(order),
    })
    .from(log)
    .leftJoin(st, and(eq(log.actorType, "staff"), eq(st.id, log.actorId)))
    .leftJoin(concerned, eq(concerned.id, concernedId))
    .where(auditWhere(officeCode, filters));
}

/** One page (50) of the office's entries matching `filters`, newest first, with the total. Batchable. */
export function auditPageQuery(db: Db, officeCode: ScopeValue, filters: AuditFilters, page: number) {
  const matching = db.$with("matching_audit").as(matchingEntries(db, officeCode, filters));
  return db
    .with(matching)
    .select()
    .from(matching)
    .where(onPage(matching.position, matching.total, page))
    .orderBy(sql`${matching.position}`);
}

export type AuditRow = Awaited<ReturnType<typeof auditPageQuery>>[number];

/** The CSV's rows: the same entries, newest first, at most AUDIT_CSV_MAX_ROWS + 1 (the extra one says "cut"). Batchable. */
export function auditCsvQuery(db: Db, officeCode: ScopeValue, filters: AuditFilters) {
  return matchingEntries(db, officeCode, filters)
    .orderBy(order)
    .limit(AUDIT_CSV_MAX_ROWS + 1);
}

/** The office's officers (the 職員 filter's choices), by name. Batchable. */
export function officeStaffQuery(db: Db, officeCode: ScopeValue) {
  return db.select({ id: st.id, name: st.name }).from(st).where(eq(st.officeCode, officeCode)).orderBy(st.name, st.id);
}
