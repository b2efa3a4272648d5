/**
 * Loads reference data (offices, municipalities and 管轄, prefectures, minimum wages) into D1.
 * Usage: npm run import:reference -- [--remote] [--persist-to DIR]
 *          [--offices FILE.csv] [--municipalities FILE.csv] [--minimum-wages FILE.tsv]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { executeSqlFile, parseTargetArgs } from "./lib/d1.ts";
import { referenceSql } from "./lib/reference.ts";
import { ROOT } from "./lib/run.ts";

export function importReference(argv: string[]): void {
  const target = parseTargetArgs(argv);
  executeSqlFile(target, "reference.sql", importReferenceSql(target.rest));
  console.log("✓ reference data loaded");
}

/** The reference data's SQL, from the repository's files or those named by --offices/--municipalities/--minimum-wages. */
export function importReferenceSql(rest: string[]): string {
  const files = {
    offices: join(ROOT, "data/reference/offices.csv"),
    municipalities: join(ROOT, "data/reference/municipalities.csv"),
    minimumWages: join(ROOT, "data/reference/minimum_wage_jp.tsv"),
  };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[++i];
    if (!value) throw new Error(`missing value for ${flag}`);
    if (flag === "--offices") files.offices = value;
    else if (flag === "--municipalities") files.municipalities = value;
    else if (flag === "--minimum-wages") files.minimumWages = value;
    else throw new Error(`unknown option ${flag}`);
  }
  return referenceSql(
    {
      offices: readFileSync(files.offices, "utf8"),
      municipalities: readFileSync(files.municipalities, "utf8"),
      minimumWages: readFileSync(files.minimumWages, "utf8"),
    },
    Date.now(),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) importReference(process.argv.slice(2));
