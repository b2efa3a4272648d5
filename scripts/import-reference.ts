/**
 * Loads reference data (offices, municipalities and 管轄, prefectures, minimum wages, 産業分類, 郵便番号) into D1.
 * Usage: npm run import:reference -- [--remote] [--persist-to DIR]
 *          [--offices FILE.csv] [--municipalities FILE.csv] [--minimum-wages FILE.tsv] [--industries FILE.csv]
 *          [--postal-codes all|none|09,13] (郵便番号: by default the prefectures of the offices; ADR 0018)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { executeSqlFile, parseTargetArgs } from "./lib/d1.ts";
import { postalCodeRows, postalCodesSql, postalPrefectures } from "./lib/postal-codes.ts";
import { referenceSql } from "./lib/reference.ts";
import { industrySql } from "./lib/reference-industries.ts";
import { parseDelimited, ROOT } from "./lib/run.ts";

export function importReference(argv: string[]): void {
  const target = parseTargetArgs(argv);
  const { sql, summary } = importReferenceData(target.rest);
  executeSqlFile(target, "reference.sql", sql);
  console.log(`✓ reference data loaded, with ${summary}`);
}

/** The reference data's SQL, from the repository's files or those named by the options. */
export function importReferenceSql(rest: string[]): string {
  return importReferenceData(rest).sql;
}

function importReferenceData(rest: string[]): { sql: string; summary: string } {
  const files = {
    offices: join(ROOT, "data/reference/offices.csv"),
    municipalities: join(ROOT, "data/reference/municipalities.csv"),
    minimumWages: join(ROOT, "data/reference/minimum_wage_jp.tsv"),
    industries: join(ROOT, "data/reference/industries.csv"),
  };
  let postal: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[++i];
    if (!value) throw new Error(`missing value for ${flag}`);
    if (flag === "--offices") files.offices = value;
    else if (flag === "--municipalities") files.municipalities = value;
    else if (flag === "--minimum-wages") files.minimumWages = value;
    else if (flag === "--postal-codes") postal = value;
    else if (flag === "--industries") files.industries = value;
    else throw new Error(`unknown option ${flag}`);
  }
  const offices = readFileSync(files.offices, "utf8");
  const sql = referenceSql(
    {
      offices,
      municipalities: readFileSync(files.municipalities, "utf8"),
      minimumWages: readFileSync(files.minimumWages, "utf8"),
    },
    Date.now(),
  );
  // 郵便番号 (issue 10, 住所の自動入力; ADR 0018): in the same SQL, so the import stays one wrangler run.
  const prefectures = postalPrefectures(
    postal,
    parseDelimited(offices, ",").map((o) => need(o.prefecture_code).padStart(2, "0")),
  );
  const postalRows = postalCodeRows(prefectures);
  return {
    sql: sql + industrySql(readFileSync(files.industries, "utf8")) + postalCodesSql(postalRows, prefectures),
    summary: `${postalRows.length} 郵便番号 (${prefectures === "all" ? "all prefectures" : prefectures.join(", ") || "none"})`,
  };
}

function need(value: string | undefined): string {
  if (!value) throw new Error("offices: prefecture_code is empty");
  return value;
}

if (import.meta.url === `file://${process.argv[1]}`) importReference(process.argv.slice(2));
