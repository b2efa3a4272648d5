/**
 * Daily jobs against bare SQL (issue 14, `npm run bench` §3). The app's real job code (app/jobs/*.server.ts) runs
 * inside workerd over a copy of the generated state — `wrangler dev scripts/bench/jobs-worker.ts`, the runtime and local
 * D1 of the app's own wrangler dev — one Cron invocation per request, again until one finds nothing: the jobs' own
 * chunk caps decide how many invocations the work takes. (getPlatformProxy from Node was tried first: its binding makes
 * a synchronous round trip to workerd for every prepare and bind, ~10 ms each here, which measured the proxy, not the
 * jobs.) The same work as set-based SQL runs with node:sqlite on another copy of the same file, in the same run. The
 * ratio (target ≤ 2×) and how the time grows with the data (2.5 %, 5 %, 10 %, and 100 % at --scale 1) are reported,
 * with each invocation's D1 statements and round trips counted on the binding and its wall time against Cron's limits.
 *
 * Alone: node scripts/bench/jobs.ts [--scale 0.1] [--seed 14] [--persist-to .wrangler/bench-state] (generates when absent)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseArgs } from "node:util";
import { addDays, addMonths, jstDate } from "../../app/lib/clock.ts";
import { BIN, ROOT, toolEnv } from "../lib/run.ts";
import { d1SqlitePath, generateData } from "../lib/synthetic.ts";
import type { BenchRow, BenchSection } from "./types.ts";

/** Limits of one Cron invocation on Workers Paid (developers.cloudflare.com/workers/platform/limits, 2026-11). */
export const CRON_LIMITS = { cpuMs: 30_000, cpuMsConfigurable: 300_000, subrequests: 10_000, d1QueriesPerInvocation: 1_000 } as const;
/** At most this many invocations of one job are run here (a job still busy after that is reported as such). */
const MAX_INVOCATIONS = 60;
/** National scale (docs/scale.md): about 1.5 M establishments, 15 × the generator's scale 1. */
const NATIONAL_SCALE = 15;

/** What the jobs are called here, in the daily order (00:05 JST: messages before erasure). */
export const BENCH_JOBS = [
  { key: "backlog", module: "/app/jobs/backlog-restriction.server.ts", exportName: "backlogRestrictionJob", label: "利用制限（backlog check, R-GATE-3）" },
  { key: "expiry", module: "/app/jobs/posting-expiry.server.ts", exportName: "postingExpiryJob", label: "求人の期限切れ（posting expiry, R-JOB-4）" },
  { key: "messages", module: "/app/jobs/message-retention.server.ts", exportName: "messageErasureJob", label: "メッセージ消去（messages.erase, R-MSG-3）" },
  {
    key: "erasure",
    module: "/app/jobs/establishment-erasure.server.ts",
    exportName: "establishmentErasureJob",
    label: "マイページ消去（establishments.erase, R-DEL-1…3）",
  },
] as const;
type JobKey = (typeof BENCH_JOBS)[number]["key"];

export interface AppRun {
  processed: number;
  invocations: number;
  ms: number;
  /** The heaviest invocation. */
  maxMs: number;
  maxStatements: number;
  maxTrips: number;
  finished: boolean;
}

/** The port of the job Worker (part A's ports: 8800–8809). */
const JOBS_PORT = Number(process.env.BENCH_JOBS_PORT ?? 8801);

async function waitUntilReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("wrangler dev (jobs worker) exited");
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("wrangler dev (jobs worker) did not start within 2 minutes");
}

/**
 * The app's job code over a persist directory, inside workerd: `wrangler dev scripts/bench/jobs-worker.ts` (the same
 * runtime and local D1 as the app's wrangler dev), each job requested until an invocation finds nothing. The wall time
 * is taken here, around each request (workerd's own clock stands still between I/O).
 */
export async function runAppJobs(persistDir: string, now: Date, only?: readonly JobKey[]): Promise<Record<JobKey, AppRun>> {
  mkdirSync(join(ROOT, "build", "client"), { recursive: true }); // wrangler.toml's [assets] directory must exist
  const child = spawn(
    join(BIN, "wrangler"),
    [
      "dev",
      "scripts/bench/jobs-worker.ts",
      "--port",
      String(JOBS_PORT),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      persistDir,
      "--show-interactive-dev-session=false",
      "--log-level",
      "error",
    ],
    { cwd: ROOT, env: toolEnv(), detached: true, stdio: ["ignore", "ignore", "inherit"] },
  );
  const base = `http://127.0.0.1:${JOBS_PORT}/`;
  try {
    await waitUntilReady(base, child);
    const results = {} as Record<JobKey, AppRun>;
    for (const job of BENCH_JOBS.filter((j) => !only || only.includes(j.key))) {
      const run: AppRun = { processed: 0, invocations: 0, ms: 0, maxMs: 0, maxStatements: 0, maxTrips: 0, finished: false };
      for (let i = 0; i < MAX_INVOCATIONS; i++) {
        const started = performance.now();
        const response = await fetch(`${base}?job=${job.key}&now=${encodeURIComponent(now.toISOString())}`);
        if (!response.ok) throw new Error(`${job.key}: HTTP ${response.status} ${await response.text()}`);
        const result = (await response.json()) as { processed: number; statements: number; trips: number };
        const ms = performance.now() - started;
        if (result.processed === 0) {
          run.finished = true;
          break;
        }
        run.processed += result.processed;
        run.invocations++;
        run.ms += ms;
        run.maxMs = Math.max(run.maxMs, ms);
        run.maxStatements = Math.max(run.maxStatements, result.statements);
        run.maxTrips = Math.max(run.maxTrips, result.trips);
      }
      results[job.key] = run;
    }
    return results;
  } finally {
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // stopped
      }
    }
  }
}

/**
 * The same work as set-based SQL in one transaction per job (node:sqlite, in process): the floor the job code is measured
 * against. Writes the same rows: the state change, and the audit row, お知らせ and mail per establishment or posting.
 */
export function bareJobs(db: DatabaseSync, now: Date): Record<JobKey, { ms: number; processed: number }> {
  const today = jstDate(now);
  const at = now.getTime();
  const timed = (work: () => number) => {
    const started = performance.now();
    db.exec("BEGIN");
    const processed = work();
    db.exec("COMMIT");
    return { ms: performance.now() - started, processed };
  };
  const overdue = addDays(today, -21);
  const backlog = timed(() => {
    const restricted = db
      .prepare(
        `UPDATE establishments SET restricted_at = ?, updated_at = ? WHERE status = 'open' AND restricted_at IS NULL AND id IN
          (SELECT establishment_id FROM referrals WHERE channel = 'referral' AND status = 'screening' AND referred_on <= ? GROUP BY establishment_id HAVING count(*) > 50)`,
      )
      .run(at, at, overdue).changes;
    db.prepare(
      `INSERT INTO audit_log (at, actor_type, action, subject_type, subject_id, office_code, establishment_id, details)
        SELECT ?, 'system', 'establishment.restrict', 'establishment', id, office_code, id, '{}' FROM establishments WHERE restricted_at = ?`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO notices (id, establishment_id, title, body, link, created_at) SELECT 'bare-n-' || id, id, '利用制限', '選考結果の未登録', '/mypage/applicants', ? FROM establishments WHERE restricted_at = ?`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, template, next_attempt_at, created_at)
        SELECT 'bare-m-' || a.id, a.email, '利用制限', '…', '…', 'restriction', ?, ? FROM employer_accounts a JOIN establishments e ON e.id = a.establishment_id
        WHERE e.restricted_at = ? AND a.status = 'active'`,
    ).run(at, at, at);
    return Number(restricted);
  });
  const expiry = timed(() => {
    db.prepare(
      `INSERT INTO audit_log (at, actor_type, action, subject_type, subject_id, office_code, details)
        SELECT ?, 'system', 'posting.expire', 'job_posting', id, office_code, json_object('validUntil', valid_until) FROM job_postings WHERE status = 'accepted' AND valid_until < ?`,
    ).run(at, today);
    db.prepare(
      `INSERT INTO notices (id, establishment_id, title, body, link, created_at) SELECT 'bare-x-' || id, establishment_id, '期限切れ', job_number, '/mypage/postings/' || id, ? FROM job_postings WHERE status = 'accepted' AND valid_until < ?`,
    ).run(at, today);
    db.prepare(
      `INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body, template, next_attempt_at, created_at)
        SELECT 'bare-x-' || p.id || a.id, a.email, '期限切れ', '…', '…', 'postingExpired', ?, ? FROM job_postings p JOIN employer_accounts a ON a.establishment_id = p.establishment_id
        WHERE p.status = 'accepted' AND p.valid_until < ? AND a.status = 'active'`,
    ).run(at, at, today);
    return Number(
      db
        .prepare(
          `UPDATE job_postings SET status = 'expired', invalidated_on = date(valid_until, '+1 day'), content = COALESCE(published_content, content), change_status = NULL, updated_at = ?
            WHERE status = 'accepted' AND valid_until < ?`,
        )
        .run(at, today).changes,
    );
  });
  // rules/message-retention messageErasureCutoff: the day after the same day a year earlier.
  const cutoff = addDays(addMonths(today, -12), 1);
  const messages = timed(() => {
    const n = Number(db.prepare(`DELETE FROM messages WHERE sent_on < ?`).run(cutoff).changes);
    db.prepare(
      `INSERT INTO audit_log (at, actor_type, action, subject_type, details) VALUES (?, 'system', 'messages.erase', 'message', json_object('count', ?))`,
    ).run(at, n);
    return n;
  });
  const erasure = timed(() => {
    const grace = addDays(today, -31);
    const fiveYears = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`;
    const cutMs = Date.parse(`${grace}T00:00:00+09:00`);
    const dormantMs = Date.parse(`${fiveYears}T00:00:00+09:00`);
    db.exec(`CREATE TEMP TABLE due AS SELECT id FROM establishments e WHERE
      (e.status = 'withdrawn' AND e.withdrawn_at < ${cutMs}) OR (e.status = 'closed' AND e.closed_at < ${cutMs}) OR
      (e.status IN ('open', 'unusable') AND NOT EXISTS (SELECT 1 FROM job_postings p WHERE p.establishment_id = e.id AND (p.status IN ('submitted', 'returned') OR (p.status = 'accepted' AND p.valid_until >= '${today}')))
        AND COALESCE((SELECT MAX(activated_at) FROM employer_accounts a WHERE a.establishment_id = e.id AND a.is_main = 1), e.created_at) < ${dormantMs}
        AND COALESCE((SELECT MAX(invalidated_on) FROM job_postings p WHERE p.establishment_id = e.id), '') <= '${fiveYears}'
        AND COALESCE((SELECT MAX(submitted_at) FROM job_postings p WHERE p.establishment_id = e.id), 0) < ${dormantMs})`);
    let n = 0;
    const del = (sql: string) => (n += Number(db.prepare(sql).run().changes));
    del(`DELETE FROM messages WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM message_threads WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM direct_requests WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM referral_events WHERE referral_id IN (SELECT id FROM referrals WHERE establishment_id IN (SELECT id FROM due))`);
    del(`DELETE FROM referrals WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM notices WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM job_postings WHERE establishment_id IN (SELECT id FROM due)`);
    del(`DELETE FROM employer_accounts WHERE establishment_id IN (SELECT id FROM due)`);
    db.exec(`INSERT INTO audit_log (at, actor_type, action, subject_type, subject_id, office_code, details)
      SELECT ${at}, 'system', 'establishment.erase', 'establishment', e.id, e.office_code, '{}' FROM establishments e WHERE e.id IN (SELECT id FROM due)`);
    del(`DELETE FROM establishments WHERE id IN (SELECT id FROM due)`);
    db.exec(`DROP TABLE due`);
    return n;
  });
  return { backlog, expiry, messages, erasure };
}

export interface ScalePoint {
  scale: number;
  app: Record<JobKey, AppRun>;
  bare: Record<JobKey, { ms: number; processed: number }>;
}

/** One scale: the app's jobs over a copy of the state, the bare SQL over another copy. */
async function measureScale(persistTo: string, scale: number, now: Date): Promise<ScalePoint> {
  const source = persistTo.startsWith("/") ? persistTo : join(ROOT, persistTo);
  const appDir = join(ROOT, ".wrangler", "bench-jobs-app");
  rmSync(appDir, { recursive: true, force: true });
  cpSync(source, appDir, { recursive: true });
  const barePath = join(ROOT, ".wrangler", "bench-jobs-bare.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(barePath + suffix, { force: true });
  const sqlite = d1SqlitePath(source);
  copyFileSync(sqlite, barePath);
  if (existsSync(`${sqlite}-wal`)) copyFileSync(`${sqlite}-wal`, `${barePath}-wal`);
  const bareDb = new DatabaseSync(barePath);
  let bare: ScalePoint["bare"];
  try {
    bare = bareJobs(bareDb, now);
  } finally {
    bareDb.close();
  }
  const app = await runAppJobs(appDir, now);
  rmSync(appDir, { recursive: true, force: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(barePath + suffix, { force: true });
  return { scale, app, bare };
}

/** The exponent k of time ∝ rows^k between two points (1 = linear). */
export function growthExponent(rows1: number, ms1: number, rows2: number, ms2: number): number | null {
  if (rows1 <= 0 || rows2 <= rows1 || ms1 <= 0 || ms2 <= 0) return null;
  return Math.log(ms2 / ms1) / Math.log(rows2 / rows1);
}

const f1 = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 1 });
const pct = (s: number) => `${f1(s * 100)} %`;

export function jobsSection(points: ScalePoint[]): BenchSection {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const top = points.at(-1)!;
  const first = points[0]!;
  for (const job of BENCH_JOBS) {
    const app = top.app[job.key];
    const bare = top.bare[job.key];
    const ratio = bare.ms > 0 ? app.ms / bare.ms : Infinity;
    rows.push({
      figure: `${job.label}: job code / bare SQL at ${pct(top.scale)}`,
      value: `${f1(app.ms)} ms / ${f1(bare.ms)} ms = ${f1(ratio)}× (${app.processed.toLocaleString("en-US")} vs ${bare.processed.toLocaleString("en-US")} rows, ${app.invocations} invocation${app.invocations === 1 ? "" : "s"}${app.finished ? "" : ", unfinished"})`,
      target: "≤ 2×",
      pass: app.processed === 0 && bare.processed === 0 ? null : ratio <= 2,
    });
    const perRow = points.map(
      (p) => `${pct(p.scale)}: ${p.app[job.key].processed > 0 ? f1((p.app[job.key].ms * 1000) / p.app[job.key].processed) : "–"} µs/row`,
    );
    const k = growthExponent(first.app[job.key].processed, first.app[job.key].ms, app.processed, app.ms);
    rows.push({
      figure: `${job.label}: growth ${pct(first.scale)} → ${pct(top.scale)}`,
      value: `${perRow.join(", ")}; time ∝ rows^${k === null ? "?" : k.toFixed(2)}`,
      target: "linear or better (exponent ≤ 1.15)",
      pass: k === null ? null : k <= 1.15,
    });
    // Per invocation, extrapolated: the rows one invocation handles are capped by the job, so the heaviest invocation is
    // what one Cron run costs; the number of invocations grows with the data.
    const perInvocationRows = app.invocations > 0 ? app.processed / app.invocations : 0;
    const nationalRows = (app.processed / top.scale) * NATIONAL_SCALE;
    const invocationsNational = perInvocationRows > 0 ? Math.ceil(nationalRows / perInvocationRows) : 0;
    // Wall time bounds the CPU time from above (the Worker waits on D1 most of it).
    const fits = app.maxMs <= CRON_LIMITS.cpuMs && app.maxStatements <= CRON_LIMITS.d1QueriesPerInvocation;
    rows.push({
      figure: `${job.label}: one Cron invocation`,
      value: `heaviest: ${f1(app.maxMs)} ms wall (an upper bound of its CPU time), ${app.maxStatements} D1 statements in ${app.maxTrips} round trips; national scale ≈ ${Math.round(nationalRows).toLocaleString("en-US")} rows → ${invocationsNational} daily invocation${invocationsNational === 1 ? "" : "s"} at the job's cap`,
      target: `CPU ≤ ${CRON_LIMITS.cpuMs / 1000} s (≤ ${CRON_LIMITS.cpuMsConfigurable / 60_000} min configurable), ≤ ${CRON_LIMITS.d1QueriesPerInvocation} D1 queries`,
      pass: app.invocations === 0 ? null : fits,
    });
  }
  notes.push(
    "Job code: app/jobs/*.server.ts in workerd over wrangler's local D1 (wrangler dev scripts/bench/jobs-worker.ts), each request one Cron invocation, repeated until a call finds nothing. Bare SQL: the same state change and the same audit/お知らせ/mail rows as set-based statements in one transaction, node:sqlite in process, on a copy of the same file in the same run.",
    "The bare SQL has no D1 round trips, no 100-parameter limit and no chunking: a ratio far above 2× there is the price of D1's protocol and of the jobs' bounded, idempotent chunks (STYLE 8), not of the SQL itself.",
    `Limits used: Workers Paid, CPU ${CRON_LIMITS.cpuMs / 1000} s per invocation by default, configurable to ${CRON_LIMITS.cpuMsConfigurable / 60_000} min; ${CRON_LIMITS.subrequests.toLocaleString("en-US")} subrequests; ${CRON_LIMITS.d1QueriesPerInvocation.toLocaleString("en-US")} D1 queries per invocation (a batch's statements counted one by one). Wall time waiting on D1 is not CPU time.`,
  );
  return { title: "Daily jobs", rows, notes };
}

export async function benchJobs(ctx: { sqlitePath: string; scale: number; seed: number; persistTo: string; now: Date }): Promise<BenchSection> {
  const scales = [...new Set([0.025, 0.05, 0.1, ...(ctx.scale >= 1 ? [1] : [])].filter((s) => s < ctx.scale))].sort((a, b) => a - b);
  const points: ScalePoint[] = [];
  for (const scale of scales) {
    const dir = `.wrangler/bench-jobs-${scale}`;
    await generateData({ scale, seed: ctx.seed, persistTo: dir, now: ctx.now, onProgress: () => {} });
    points.push(await measureScale(dir, scale, ctx.now));
    rmSync(join(ROOT, dir), { recursive: true, force: true });
  }
  points.push(await measureScale(ctx.persistTo, ctx.scale, ctx.now));
  return jobsSection(points);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "0.1" },
      seed: { type: "string", default: "14" },
      "persist-to": { type: "string", default: ".wrangler/bench-state" },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const persistTo = values["persist-to"]!;
  const now = new Date("2026-11-30T15:05:00Z");
  const generated = await generateData({ scale, seed, persistTo, now });
  const section = await benchJobs({ sqlitePath: generated.sqlitePath, scale, seed, persistTo, now });
  console.log(`\n## ${section.title}\n`);
  for (const row of section.rows) console.log(`- ${row.pass === null ? "·" : row.pass ? "✓" : "✗"} ${row.figure}: ${row.value} (target ${row.target})`);
  for (const note of section.notes) console.log(`\n${note}`);
}
