/**
 * Loads reference data (offices, municipalities and 管轄, prefectures, minimum wages, 産業分類) into D1.
 * Usage: npm run import:reference -- [--remote] [--persist-to DIR]
 *          [--offices FILE.csv] [--municipalities FILE.csv] [--minimum-wages FILE.tsv] [--industries FILE.csv]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { executeSqlFile, parseTargetArgs } from "./lib/d1.ts";
import { referenceSql } from "./lib/reference.ts";
import { industrySql } from "./lib/reference-industries.ts";
import { ROOT } from "./lib/run.ts";

export function importReference(argv: string[]): void {
  const target = parseTargetArgs(argv);
  const files = {
    offices: join(ROOT, "data/reference/offices.csv"),
    municipalities: join(ROOT, "data/reference/municipalities.csv"),
    minimumWages: join(ROOT, "data/reference/minimum_wage_jp.tsv"),
    industries: join(ROOT, "data/reference/industries.csv"),
  };
  for (let i = 0; i < target.rest.length; i++) {
    const flag = target.rest[i];
    const value = target.rest[++i];
    if (!value) throw new Error(`missing value for ${flag}`);
    if (flag === "--offices") files.offices = value;
    else if (flag === "--municipalities") files.municipalities = value;
    else if (flag === "--minimum-wages") files.minimumWages = value;
    else if (flag === "--industries") files.industries = value;
    else throw new Error(`unknown option ${flag}`);
  }
  const sql = referenceSql(
    {
      offices: readFileSync(files.offices, "utf8"),
      municipalities: readFileSync(files.municipalities, "utf8"),
      minimumWages: readFileSync(files.minimumWages, "utf8"),
    },
    Date.now(),
  );
  executeSqlFile(target, "reference.sql", sql + industrySql(readFileSync(files.industries, "utf8")));
  console.log("✓ reference data loaded");
}

if (import.meta.url === `file://${process.argv[1]}`) importReference(process.argv.slice(2));
