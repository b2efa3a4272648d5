/**
 * 産業分類 (issue 10): the 日本標準産業分類 中分類 with their 大分類, read from the reference tables (loaded by
 * `npm run import:reference`). `industryCatalogQuery` rides in a page's batch (the establishment forms: options and
 * validation); `industryLabelSql` names a stored value inside another query (the 求人票 and the officer's views).
 */
import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { IndustryCatalog } from "../lib/industry";
import { schema, type Db } from "../utils/db.server";

const groups = schema.industryGroups;
const divisions = schema.industryDivisions;

/** Every 中分類 with its 大分類, in code order (column names of their own, for a batch). Batchable. */
export function industryCatalogQuery(db: Db) {
  return db
    .select({
      code: sql<string>`${groups.code}`.as("industry_group_code"),
      name: sql<string>`${groups.name}`.as("industry_group_name"),
      divisionCode: sql<string>`${groups.divisionCode}`.as("industry_division_code"),
      divisionName: sql<string>`${divisions.name}`.as("industry_division_name"),
    })
    .from(groups)
    .innerJoin(divisions, eq(divisions.code, groups.divisionCode))
    .orderBy(asc(groups.code));
}

export type IndustryCatalogRow = Awaited<ReturnType<typeof industryCatalogQuery>>[number];

export function industryCatalog(rows: readonly IndustryCatalogRow[]): IndustryCatalog {
  return rows.map((r) => ({ code: r.code, name: r.name, divisionCode: r.divisionCode, divisionName: r.divisionName }));
}

export async function getIndustryCatalog(db: Db): Promise<IndustryCatalog> {
  return industryCatalog(await industryCatalogQuery(db));
}

/**
 * A stored 産業分類 (column or value) as it is shown, in SQL (same wording as lib/industry industryLabel):
 * 「食料品製造業（製造業）」 for a 中分類 code, 「製造業（中分類未登録）」 for a 大分類 letter, otherwise the value.
 */
export function industryLabelSql(value: SQLiteColumn | SQL): SQL<string> {
  return sql<string>`coalesce(
    (select g.name || '（' || d.name || '）' from industry_groups g join industry_divisions d on d.code = g.division_code where g.code = ${value}),
    (select d.name || '（中分類未登録）' from industry_divisions d where d.code = ${value}),
    ${value})`;
}
