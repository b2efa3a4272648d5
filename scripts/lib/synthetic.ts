/**
 * The synthetic data generator (issue 14): a local D1 state for `wrangler dev --persist-to <persistTo>` filled with
 * realistic data at a chosen scale (scale 1 = 100 000 establishments, 300 000 postings, 200 000 seekers, 2 000 000
 * referrals, 1 000 000 messages), reproducible from the seed and `now`.
 *
 * The migrations and reference data are applied the way scripts/lib/e2e-state.ts does (wrangler's own local D1 through
 * getPlatformProxy over the directory); then the SQLite file that D1 keeps is filled directly with node:sqlite —
 * prepared statements, one transaction per 10 000 rows — which is some hundred times faster than SQL through the binding.
 * The FTS5 triggers of migration 0019 and the 公開番号 trigger of 0020 fire as for any writer (the 公開番号 is given, so
 * the trigger leaves it). The rows themselves are pure functions of the inputs: scripts/lib/synthetic/rows.ts.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { getPlatformProxy } from "wrangler";
import { hashPasswordWith, nobleArgon2id } from "../../app/lib/password-phc.ts";
import { applyMigrationsAndReference } from "./e2e-state.ts";
import { ROOT, toolEnv } from "./run.ts";
import { stderrProgress } from "./synthetic/progress.ts";
import { allTables, buildWorld, type Reference } from "./synthetic/rows.ts";

export { employerAccountId, employerEmail, estId, seekerAccountId, volumesAt } from "./synthetic/rows.ts";

/** Every synthetic login account (employers and seekers) has this password. */
export const SYNTHETIC_PASSWORD = "synthetic-Passw0rd!";

export interface GenerateOptions {
  /** 1 = the default volumes. */
  scale: number;
  seed: number;
  /** Like .wrangler/bench-state: the --persist-to directory of wrangler dev (relative to the project, or absolute). */
  persistTo: string;
  now: Date;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface Generated {
  /** The D1 SQLite file wrangler dev will serve. */
  sqlitePath: string;
  /** Rows per table. */
  counts: Record<string, number>;
  seconds: number;
}

const ROWS_PER_TRANSACTION = 10_000;

/** The SQLite file of the (only) D1 database under a --persist-to directory. */
export function d1SqlitePath(persistTo: string): string {
  const dir = join(resolvePersist(persistTo), "v3", "d1", "miniflare-D1DatabaseObject");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite") : [];
  if (files.length !== 1) throw new Error(`expected one D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}

function resolvePersist(persistTo: string): string {
  return persistTo.startsWith("/") ? persistTo : join(ROOT, persistTo);
}

/** A fresh state with the migrations and the reference data, written through wrangler's local D1. */
async function prepareEmptyState(persistTo: string): Promise<void> {
  Object.assign(process.env, toolEnv());
  rmSync(resolvePersist(persistTo), { recursive: true, force: true });
  const { env, dispose } = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, "wrangler.toml"),
    persist: { path: join(resolvePersist(persistTo), "v3") },
  });
  try {
    await applyMigrationsAndReference(env.DB);
  } finally {
    await dispose();
  }
}

/** The offices, municipalities and prefecture names the reference import wrote (the world is built on them). */
export function readReference(db: DatabaseSync): Reference {
  const prefectureNames: Record<string, string> = {};
  for (const row of db.prepare("SELECT code, name FROM prefectures").all() as { code: string; name: string }[]) prefectureNames[row.code] = row.name;
  const offices = db.prepare("SELECT code, job_number_prefix AS jobNumberPrefix FROM offices ORDER BY code").all() as {
    code: string;
    jobNumberPrefix: string;
  }[];
  const municipalities = db
    .prepare(
      "SELECT m.code AS code, m.name AS name, m.prefecture_code AS prefectureCode, j.office_code AS officeCode FROM municipalities m JOIN jurisdictions j ON j.municipality_code = m.code ORDER BY m.code",
    )
    .all() as { code: string; name: string; prefectureCode: string; officeCode: string }[];
  if (offices.length === 0 || municipalities.length === 0) throw new Error("the reference data has no offices or municipalities");
  return { prefectureNames, offices, municipalities };
}

export async function generateData(options: GenerateOptions): Promise<Generated> {
  const started = Date.now();
  const progress = options.onProgress ?? stderrProgress();
  const finish = options.onProgress ? () => {} : (progress as ReturnType<typeof stderrProgress>).finish;
  await prepareEmptyState(options.persistTo);
  const sqlitePath = d1SqlitePath(options.persistTo);
  // The rows are consistent by construction: checking every foreign key on insert would only slow the load down.
  const db = new DatabaseSync(sqlitePath, { enableForeignKeyConstraints: false });
  try {
    const world = buildWorld({ scale: options.scale, seed: options.seed, now: options.now, reference: readReference(db) });
    // One hash for every synthetic account (argon2id costs ~0.3 s: not per row).
    const passwordHash = await hashPasswordWith(nobleArgon2id, SYNTHETIC_PASSWORD);
    const counts: Record<string, number> = {};
    for (const table of allTables(world, passwordHash)) {
      const tableStarted = Date.now();
      const insert = db.prepare(`INSERT INTO ${table.table} (${table.columns.join(", ")}) VALUES (${table.columns.map(() => "?").join(", ")})`);
      let done = 0;
      db.exec("BEGIN");
      for (const row of table.rows()) {
        insert.run(...(row as (string | number | null)[]));
        done++;
        if (done % ROWS_PER_TRANSACTION === 0) {
          db.exec("COMMIT");
          progress(done, Math.max(done, table.total), table.table);
          db.exec("BEGIN");
        }
      }
      db.exec("COMMIT");
      progress(done, done, table.table);
      finish(table.table, done, (Date.now() - tableStarted) / 1000);
    }
    // The offices' next serials follow the numbers issued here, so the app goes on issuing fresh ones.
    db.exec(`UPDATE offices SET
      next_establishment_serial = 1 + COALESCE((SELECT MAX(CAST(substr(establishment_number, 6, 6) AS INTEGER)) FROM establishments e WHERE e.office_code = offices.code), 0),
      next_job_serial = 1 + COALESCE((SELECT MAX(CAST(substr(job_number, 7) AS INTEGER)) FROM job_postings p WHERE substr(p.job_number, 1, 5) = offices.job_number_prefix), 0),
      next_seeker_serial = 1 + COALESCE((SELECT MAX(CAST(substr(seeker_number, 7) AS INTEGER)) FROM job_seekers s WHERE substr(s.seeker_number, 1, 5) = offices.job_number_prefix), 0)`);
    for (const table of [
      "establishments",
      "employer_accounts",
      "job_postings",
      "job_seekers",
      "seeker_accounts",
      "referrals",
      "referral_events",
      "message_threads",
      "messages",
      "direct_requests",
      "job_postings_fts",
      "job_seekers_fts",
    ]) {
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return { sqlitePath, counts, seconds: (Date.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
