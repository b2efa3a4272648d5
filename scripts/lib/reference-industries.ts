/**
 * Idempotent upsert SQL for 日本標準産業分類 大分類 / 中分類 (issue 10), from data/reference/industries.csv.
 * Separate from reference.ts (offices, 管轄, minimum wages) so that each kind of reference data has its own loader.
 */
import { parseIndustryCsv } from "../../app/lib/industry.ts";
import { sqlValue } from "./run.ts";

export function industrySql(csv: string): string {
  const groups = parseIndustryCsv(csv);
  const divisions = new Map(groups.map((g) => [g.divisionCode, g.divisionName]));
  if (divisions.size !== 20) throw new Error(`industries: expected the 20 大分類 A–T, found ${divisions.size}`);
  const out: string[] = [];
  for (const [code, name] of divisions) {
    out.push(`INSERT INTO industry_divisions (code, name) VALUES (${sqlValue(code)}, ${sqlValue(name)}) ON CONFLICT(code) DO UPDATE SET name = excluded.name;`);
  }
  for (const g of groups) {
    out.push(
      `INSERT INTO industry_groups (code, division_code, name) VALUES (${sqlValue(g.code)}, ${sqlValue(g.divisionCode)}, ${sqlValue(
        g.name,
      )}) ON CONFLICT(code) DO UPDATE SET division_code = excluded.division_code, name = excluded.name;`,
    );
  }
  return out.join("\n") + "\n";
}
