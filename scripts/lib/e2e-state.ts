/**
 * The end-to-end server's local state (.wrangler/e2e-state): migrations, reference data, demo data and demo images,
 * written in one process through wrangler's own local bindings (getPlatformProxy over the directory `wrangler dev
 * --persist-to` reads). It does what `wrangler d1 migrations apply`, `wrangler d1 execute --file` and `wrangler r2
 * object put` do (each SQL file split by wrangler's splitter and run as one db.batch; migrations recorded in
 * d1_migrations) without starting wrangler and workerd ten times (~3 s each, far more on a loaded machine).
 *
 * It does not need the build, so `npm test` prepares it while the static checks and the build run
 * (scripts/test-all.ts), and scripts/e2e-server.ts only serves it (E2E_STATE_READY=1); run alone, the server prepares
 * it itself.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { getPlatformProxy, unstable_splitSqlQuery as splitSqlQuery } from "wrangler";
import { importReferenceSql } from "../import-reference.ts";
import { seedSql } from "../seed.ts";
import { DEMO_IMAGES, demoPng, imageKey } from "./demo-images.ts";
import { E2E_PERSIST_TO, E2E_WORKERS, e2eStateDir } from "./e2e-servers.ts";
import { ROOT, toolEnv } from "./run.ts";

export { E2E_PERSIST_TO } from "./e2e-servers.ts";

interface Env {
  DB: D1Database;
  IMAGES: R2Bucket;
}

async function execute(db: D1Database, sql: string): Promise<void> {
  await db.batch(splitSqlQuery(sql).map((query) => db.prepare(query)));
}

/** Recreates the state directory and fills it; returns the seconds it took. */
export async function prepareE2eState(persistTo = E2E_PERSIST_TO): Promise<number> {
  const started = Date.now();
  Object.assign(process.env, toolEnv());
  rmSync(join(ROOT, persistTo), { recursive: true, force: true });
  // wrangler dev --persist-to DIR keeps its data in DIR/v3; getPlatformProxy takes that path itself.
  const { env, dispose } = await getPlatformProxy<Env>({
    configPath: join(ROOT, "wrangler.toml"),
    persist: { path: join(ROOT, persistTo, "v3") },
  });
  try {
    const db = env.DB;
    await applyMigrationsAndReference(db);
    await execute(db, await seedSql(Date.now()));
    for (const image of DEMO_IMAGES) {
      await env.IMAGES.put(imageKey(image), demoPng(image), { httpMetadata: { contentType: "image/png" } });
    }
  } finally {
    await dispose();
  }
  return (Date.now() - started) / 1000;
}

/**
 * As `wrangler d1 migrations apply` and `npm run import:reference`: the table of applied migrations, each migration file
 * with its row, then the reference data (also the start of the synthetic data, scripts/lib/synthetic.ts).
 */
export async function applyMigrationsAndReference(db: D1Database): Promise<void> {
  await execute(
    db,
    `CREATE TABLE IF NOT EXISTS d1_migrations(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`,
  );
  const migrations = join(ROOT, "migrations");
  for (const name of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    await execute(db, `${readFileSync(join(migrations, name), "utf8")}\nINSERT INTO d1_migrations (name)\nvalues ('${name.replace(/'/g, "''")}');`);
  }
  await execute(db, importReferenceSql([]));
}

// `node scripts/lib/e2e-state.ts`: npm test's step that prepares the state while the build runs.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`✓ e2e state ready in ${E2E_PERSIST_TO} (${(await prepareE2eState()).toFixed(1)} s)`);
  // The other workers' servers start from a copy (the same seeding instant, so the same demo data).
  for (let index = 1; index < E2E_WORKERS; index++) {
    const dir = join(ROOT, e2eStateDir(index));
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, E2E_PERSIST_TO), dir, { recursive: true });
    console.log(`✓ copied to ${e2eStateDir(index)}`);
  }
}
