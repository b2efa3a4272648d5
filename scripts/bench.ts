/**
 * `npm run bench` (issue 14): the built Worker under `wrangler dev` on generated data, measured, written to
 * bench/RESULTS.md and printed.
 *
 *   node scripts/bench.ts [--scale 0.1] [--seed 1] [--full]      (--full = scale 1; BENCH_PORT, default 8790)
 *
 * Steps: the production build (`remix vite:build`) and its dry-run upload size; the data (scripts/lib/synthetic.ts's
 * generateData into .wrangler/bench-state, reused when the same scale, seed, migrations and generator made it before — a
 * manifest beside it says what is there); the signed-in actors (scripts/bench/world.ts); `wrangler dev` with
 * D1_COUNT=1 and BENCH=1; the sections (D1 round trips and weight per page, throughput, search, password hashing);
 * the server stopped; the daily jobs over the SQLite file; the pure-function benchmarks; the report.
 *
 * It leaves a production build in build/: run `npm run build:dev` before the tests again.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { prepareE2eState } from "./lib/e2e-state.ts";
import { BIN, ROOT, run, toolEnv } from "./lib/run.ts";
import { benchPages, isAuthenticated, openPage, openPages, type PageResult } from "./bench/pages.ts";
import { renderResults } from "./bench/report.ts";
import {
  d1Milliseconds,
  hashingSection,
  pageScripts,
  pureSection,
  roundTripSection,
  throughputSection,
  weightSection,
  type ThroughputRun,
} from "./bench/sections.ts";
import type { BenchSection } from "./bench/types.ts";
import { pickBenchWorld } from "./bench/world.ts";

const started = Date.now();
const { values: args } = parseArgs({
  options: { scale: { type: "string", default: "0.1" }, seed: { type: "string", default: "1" }, full: { type: "boolean", default: false } },
});
const scale = args.full ? 1 : Number(args.scale);
const seed = Number(args.seed);
if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed)) {
  console.error("usage: node scripts/bench.ts [--scale 0 < s ≤ 1] [--seed integer] [--full]");
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT ?? 8790);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const STATE = join(".wrangler", "bench-state");
const MANIFEST = join(ROOT, STATE, "bench-manifest.json");
const CONNECTIONS = 10;
const SECONDS = 10;

function step(label: string): void {
  console.log(`\n▶ ${label}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// ── The contract of part A (scripts/lib/synthetic.ts, scripts/bench/jobs.ts, search.ts), loaded when present. ──
interface GenerateOptions {
  scale: number;
  seed: number;
  persistTo: string;
  now: Date;
  onProgress?: (done: number, total: number, label: string) => void;
}
interface Generated {
  sqlitePath: string;
  counts: Record<string, number>;
  seconds: number;
}
type GenerateData = (options: GenerateOptions) => Promise<Generated>;
type BenchJobs = (ctx: { sqlitePath: string; scale: number; seed: number; persistTo: string; now: Date }) => Promise<BenchSection>;
type BenchSearch = (ctx: { baseUrl: string; sqlitePath: string; cookies: { employer: string; seeker?: string } }) => Promise<BenchSection>;

async function optional<T>(path: string, name: string): Promise<T | null> {
  if (!existsSync(join(ROOT, "scripts", path))) return null;
  const module = (await import(`./${path}`)) as Record<string, unknown>;
  return (module[name] as T | undefined) ?? null;
}

// ── 1. The production build and what wrangler would upload. ──
step("production build (remix vite:build)");
run(join(BIN, "remix"), ["vite:build"]);
step("Worker upload size (wrangler deploy --dry-run)");
const dryRun = spawnSync(join(BIN, "wrangler"), ["deploy", "--dry-run", "--outdir", join(".wrangler", "bench-dist")], {
  cwd: ROOT,
  env: toolEnv(),
  encoding: "utf8",
});
const upload = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(`${dryRun.stdout}${dryRun.stderr}`);
const worker = upload ? { totalBytes: Number(upload[1]) * 1024, gzipBytes: Number(upload[2]) * 1024 } : null;
console.log(upload ? upload[0] : `✗ no upload size in wrangler's output:\n${dryRun.stdout}${dryRun.stderr}`);

// ── 2. The data. ──
// The data is reused only while the migrations and the generator's code are what made it.
const sourcesHash = createHash("sha256");
function hashFiles(dir: string, files: string[]): void {
  for (const name of files.filter((f) => f.endsWith(".sql") || f.endsWith(".ts")).sort()) {
    sourcesHash.update(name).update(readFileSync(join(ROOT, dir, name)));
  }
}
hashFiles("migrations", readdirSync(join(ROOT, "migrations")));
if (existsSync(join(ROOT, "scripts/lib/synthetic.ts"))) hashFiles("scripts/lib", ["synthetic.ts"]);
if (existsSync(join(ROOT, "scripts/lib/synthetic"))) hashFiles("scripts/lib/synthetic", readdirSync(join(ROOT, "scripts/lib/synthetic")));
const generateData = await optional<GenerateData>("lib/synthetic.ts", "generateData");
const wanted = { scale, seed, sources: sourcesHash.digest("hex"), generator: generateData ? "synthetic" : "demo" };
interface Manifest {
  scale: number;
  seed: number;
  sources: string;
  generator: string;
  sqlitePath: string;
  counts: Record<string, number>;
  seconds: number;
  now: string;
}
const previous = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest) : null;
let data: Manifest;
if (
  previous &&
  previous.scale === wanted.scale &&
  previous.seed === wanted.seed &&
  previous.sources === wanted.sources &&
  previous.generator === wanted.generator &&
  existsSync(previous.sqlitePath)
) {
  step(`data: reusing ${STATE} (generated ${previous.now}, ${previous.seconds.toFixed(0)} s)`);
  data = previous;
} else if (generateData) {
  step(`data: generating at scale ${scale}, seed ${seed} into ${STATE}`);
  rmSync(join(ROOT, STATE), { recursive: true, force: true });
  const now = new Date();
  let shown = "";
  const generated = await generateData({
    scale,
    seed,
    persistTo: STATE,
    now,
    onProgress: (done, total, label) => {
      const line = `  ${label}: ${Math.floor((4 * done) / Math.max(1, total)) * 25} %`;
      if (line !== shown) console.log((shown = line));
    },
  });
  data = { ...wanted, sqlitePath: generated.sqlitePath, counts: generated.counts, seconds: generated.seconds, now: now.toISOString() };
} else {
  step(`data: scripts/lib/synthetic.ts is not here yet — the demo data instead (${STATE})`);
  const seconds = await prepareE2eState(STATE);
  const sqlitePath = findSqlite(join(ROOT, STATE));
  data = { ...wanted, sqlitePath, counts: countRows(sqlitePath), seconds, now: new Date().toISOString() };
}
writeFileSync(MANIFEST, JSON.stringify(data, null, 2));

function findSqlite(dir: string): string {
  const d1 = join(dir, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(d1).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database in ${d1}`);
  return join(d1, file);
}

function countRows(sqlitePath: string): Record<string, number> {
  const db = new DatabaseSync(sqlitePath, { readOnly: true });
  try {
    const tables = ["establishments", "job_postings", "job_seekers", "referrals", "messages"];
    return Object.fromEntries(tables.map((t) => [t, Number((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)]));
  } finally {
    db.close();
  }
}

// ── 3. The signed-in actors. ──
step("sessions: employer with the most 紹介, an officer and a supervisor of its office, a seeker");
const bench = pickBenchWorld(data.sqlitePath, new Date());
console.log(`  establishment ${bench.chosen.establishmentId} (office ${bench.chosen.officeCode}, ${bench.chosen.referrals} 紹介)`);
if (bench.missing.length > 0) console.log(`  no record in the data for: ${bench.missing.join(", ")}`);

// ── 4. The server. ──
step(`wrangler dev on ${BASE_URL} (D1_COUNT=1, BENCH=1)`);
const logPath = join(ROOT, ".wrangler", "bench-wrangler.log");
mkdirSync(join(ROOT, ".wrangler"), { recursive: true });
const log = openSync(logPath, "w");
const server = spawn(
  join(BIN, "wrangler"),
  [
    "dev",
    "--port",
    String(PORT),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    STATE,
    "--var",
    "D1_COUNT:1",
    "--var",
    "BENCH:1",
    "--var",
    `APP_ORIGIN:${BASE_URL}`,
    "--log-level",
    "warn",
    "--show-interactive-dev-session=false",
  ],
  { cwd: ROOT, env: toolEnv(), detached: true, stdio: ["ignore", log, log] },
);
function stopServer(): Promise<void> {
  return new Promise((resolve) => {
    if (!server.pid || server.exitCode !== null) return resolve();
    const kill = setTimeout(() => {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000);
    server.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stopServer().then(() => process.exit(130));
  });
}

const sections: BenchSection[] = [];
let workerdHashing: { hashMs: number[]; bareMs: number[] } | null = null;
try {
  await waitForServer();

  // ── 5. D1 round trips and weight, page by page. ──
  step("D1 round trips: every page of the catalogue, once");
  const { pages, skipped } = benchPages(bench.world);
  await openPages(BASE_URL, bench.world, pages); // warm-up: the first answer of each route compiles its module
  const results = await openPages(BASE_URL, bench.world, pages);
  for (const r of results) if (isAuthenticated(r.entry.actor) && r.roundTrips > 1) console.log(`  ${r.roundTrips} ${r.entry.path}: ${r.trips.join(", ")}`);
  sections.push(roundTripSection(results, skipped));
  const weights = pageWeights(results);
  sections.push(weightSection(worker, weights.pages, weights.largest));

  // ── 6. Throughput. ──
  step(`throughput: ${CONNECTIONS} connections, ${SECONDS} s each, each page after its own bare run`);
  const cookies = bench.world.cookies;
  const targets = [
    { label: "My Page home /mypage", path: "/mypage", cookie: cookies.employer },
    { label: "応募者管理 /mypage/applicants", path: "/mypage/applicants", cookie: cookies.employer },
    { label: "求職情報検索 /mypage/search?q=介護", path: `/mypage/search?q=${encodeURIComponent("介護")}`, cookie: cookies.employer },
    { label: "求人検索 /jobs?q=製造", path: `/jobs?q=${encodeURIComponent("製造")}`, cookie: undefined },
  ];
  const runs: ThroughputRun[] = [];
  for (const target of targets) {
    const alone = await openPage(BASE_URL, { route: "", path: target.path, actor: "anonymous" }, target.cookie);
    const bare = await load("/bench/bare", undefined);
    const page = await load(target.path, target.cookie);
    runs.push({
      label: target.label,
      page: page.rps,
      bare: bare.rps,
      non2xx: page.non2xx,
      errors: page.errors,
      p50Ms: page.p50,
      p99Ms: page.p99,
      d1Ms: d1Milliseconds(alone.trips),
    });
    console.log(`  ${target.label}: ${page.rps.toFixed(0)} vs ${bare.rps.toFixed(0)} req/s`);
  }
  sections.push(throughputSection(runs, { connections: CONNECTIONS, seconds: SECONDS }));

  // ── 7. Search (part A's section). ──
  const benchSearch = await optional<BenchSearch>("bench/search.ts", "benchSearch");
  if (benchSearch && cookies.employer) {
    step("search: 求職情報検索 and /jobs against the bare FTS query");
    sections.push(await benchSearch({ baseUrl: BASE_URL, sqlitePath: data.sqlitePath, cookies: { employer: cookies.employer, seeker: cookies.seeker } }));
  } else sections.push(missingSection("Search", "scripts/bench/search.ts"));

  // ── 8. Hashing in workerd. ──
  step("password hashing: /bench/hash against /bench/bare, one at a time");
  const hashMs: number[] = [];
  const bareMs: number[] = [];
  await timed("/bench/hash");
  for (let i = 0; i < 15; i++) {
    bareMs.push(await timed("/bench/bare"));
    hashMs.push(await timed("/bench/hash"));
  }
  workerdHashing = { hashMs, bareMs };
} finally {
  step("stopping wrangler dev");
  await stopServer();
}

// ── 9. Daily jobs (part A's section), over the SQLite file with the server stopped. ──
const benchJobs = await optional<BenchJobs>("bench/jobs.ts", "benchJobs");
if (benchJobs) {
  step("daily jobs over the generated data");
  sections.splice(3, 0, await benchJobs({ sqlitePath: data.sqlitePath, scale, seed, persistTo: STATE, now: new Date(data.now) }));
} else sections.splice(3, 0, missingSection("Daily jobs", "scripts/bench/jobs.ts"));

// ── 10. The pure-function benchmarks (argon2 in Node among them). ──
step("pure functions: vitest bench (tests/bench)");
const pureJson = join(ROOT, ".wrangler", "bench-pure.json");
run(join(BIN, "vitest"), ["bench", "--run", "--config", "vitest.bench.config.ts", "--reporter=json", `--outputFile=${pureJson}`]);
const pure = pureSection(JSON.parse(readFileSync(pureJson, "utf8")) as Parameters<typeof pureSection>[0]);
sections.push(hashingSection(workerdHashing, pure.argon2), pure.section);

// ── 11. The report. ──
const wranglerVersion = (JSON.parse(readFileSync(join(ROOT, "node_modules", "wrangler", "package.json"), "utf8")) as { version: string }).version;
const markdown = renderResults(
  {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    minutes: (Date.now() - started) / 60_000,
    cpus: availableParallelism(),
    node: process.version,
    wrangler: wranglerVersion,
    scale,
    seed,
    data: `${data.generator === "synthetic" ? "synthetic data (scripts/lib/synthetic.ts)" : "the demo data (scripts/lib/e2e-state.ts): the generator was not available"}, generated ${data.now} in ${data.seconds.toFixed(0)} s${previous === data ? ", reused" : ""}`,
    counts: data.counts,
  },
  sections,
);
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(join(ROOT, "bench", "RESULTS.md"), markdown);
console.log(`\n${markdown}`);
console.log("✓ bench/RESULTS.md written. build/ now holds the production build: `npm run build:dev` before the tests.");

// ── Helpers. ──
async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited (${server.exitCode}); see ${logPath}`);
    try {
      if ((await fetch(`${BASE_URL}/bench/bare`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer within 120 s; see ${logPath}`);
}

async function load(path: string, cookie: string | undefined) {
  const result = await autocannon({ url: `${BASE_URL}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {} });
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors + result.timeouts, p50: result.latency.p50, p99: result.latency.p99 };
}

async function timed(path: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${BASE_URL}${path}`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return performance.now() - t0;
}

function pageWeights(results: readonly PageResult[]) {
  const gzipped = new Map<string, number>();
  const gz = (asset: string) => {
    let size = gzipped.get(asset);
    if (size === undefined) {
      const file = join(ROOT, "build", "client", asset);
      size = existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).byteLength : 0;
      gzipped.set(asset, size);
    }
    return size;
  };
  const pages = results
    .filter((r) => r.status === 200 && /^<!doctype html>/i.test(r.html))
    .map((r) => {
      const scripts = pageScripts(r.html);
      return { entry: r.entry, htmlBytes: Buffer.byteLength(r.html), jsGzipBytes: scripts.reduce((sum, s) => sum + gz(s), 0), jsFiles: scripts.length };
    });
  const largest = [...gzipped]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([asset, gzipBytes]) => ({ asset, gzipBytes }));
  return { pages, largest };
}

function missingSection(title: string, file: string): BenchSection {
  return { title, rows: [{ figure: title, value: `not measured: ${file} (part A) is not on this branch`, target: "—", pass: null }], notes: [] };
}
