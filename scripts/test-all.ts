/**
 * `npm test` — the README's test command: typecheck, lint, build, the vitest projects inside workerd (unit,
 * integration, fuzz; vitest.config.ts), then end-to-end journeys in Debian Chromium (Playwright) against `wrangler dev`
 * on the built Worker. Prints each step's time and, at the end, the slowest test files (from the runners' JSON reports
 * in .cache/test-report/).
 *
 * The steps run as soon as what they need is there, side by side (the machine's cores are otherwise idle while
 * Playwright waits for the browser and the server):
 *   typecheck ‖ lint ‖ prettier ‖ layers ‖ build (with /dev) ‖ e2e state (.wrangler/e2e-state)
 *   after the build: vitest ‖ Playwright (once the e2e state is ready too) ‖ the production-build check.
 * (Measured: starting typecheck, lint and prettier after the build let Playwright start at 20 s instead of 54 s, but beside
 * the journeys they made Playwright 677 → 730 s: they stay at the start.)
 * Nothing two steps share is written by both: the production-build check builds into a temporary directory and only
 * reads build/; vitest's workerd instances keep their state in memory, the e2e server in .wrangler/e2e-state on its own
 * port. The checks that nothing waits on (typecheck, lint, prettier, layers, the production build) run at a lower CPU
 * priority (nice 10), and so does vitest, below the build and the browser journeys, whose waits are the
 * shortest. vitest runs beside Playwright (measured on this 2-core machine, quiet: 9 min 40 s side by side against about
 * 13 min one after the other, all green). SIDE_BY_SIDE=0 starts vitest beside Playwright only when the machine has idle
 * cores (the load average, less this run's own steps, below the number of cores) — for a machine that other users
 * already keep busy, where the overlap gains nothing and only brings Playwright's 10 s waits closer.
 * Each step's output is kept and printed in one piece when it ends, with its time; the first failing step stops the
 * others and the run (its output is printed at once). SERIAL=1 runs the steps one after another, as before.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join, relative } from "node:path";
import { ensureBrowser } from "./lib/chromium.ts";
import { BIN, ROOT, toolEnv } from "./lib/run.ts";

const REPORTS = join(ROOT, ".cache", "test-report");
const VITEST_JSON = join(REPORTS, "vitest.json");
const PLAYWRIGHT_JSON = join(REPORTS, "playwright.json");

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Steps that must have passed before this one starts. */
  after?: string[];
  /** Runs at a lower CPU priority (`nice -n <value>`), so that what has time limits goes first. */
  nice?: number;
  /** Starts beside this step only while the machine has idle cores; otherwise after it. */
  besideIfIdle?: string;
}

const BUILD = "build (with the /dev pages)";
const E2E_STATE = "e2e state (migrations, reference and demo data)";
const E2E = "end-to-end (Chromium)";
const steps: Step[] = [
  { name: "typecheck", command: join(BIN, "tsc"), args: [], nice: 10 },
  { name: "lint", command: join(BIN, "eslint"), args: ["."], nice: 10 },
  { name: "format (prettier --check)", command: join(BIN, "prettier"), args: ["--check", "."], nice: 10 },
  { name: "layers (eslint rules proven)", command: process.execPath, args: [join(ROOT, "scripts", "check-layers.ts")], nice: 10 },
  // The tests and the end-to-end server use the development pages (/dev clock, /dev/mail): a build with them.
  { name: BUILD, command: join(BIN, "remix"), args: ["vite:build"], env: { DEV_ROUTES: "1" } },
  { name: E2E_STATE, command: process.execPath, args: [join(ROOT, "scripts", "lib", "e2e-state.ts")] },
  {
    name: "production build has no /dev pages",
    command: process.execPath,
    args: [join(ROOT, "scripts", "check-production-build.ts")],
    after: [BUILD],
    nice: 10,
  },
  {
    name: "unit + integration + fuzz (workerd)",
    command: join(BIN, "vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
    after: [BUILD],
    // Beside Playwright (vitest uses one worker on 2 cores already): when both want the CPU, the browser journeys, whose
    // waits are shorter (10 s per expect, 60 s per test) than vitest's 30 s per test of a few requests, go first.
    // Measured (issue 14, quiet machine): at nice 10 vitest 431 s, Playwright 596 s, the run 659 s, all green.
    nice: 10,
    besideIfIdle: E2E,
  },
  {
    name: E2E,
    command: join(BIN, "playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON, E2E_STATE_READY: "1" },
    after: [BUILD, E2E_STATE],
  },
];

const SERIAL = process.env.SERIAL === "1";
const HEARTBEAT_MS = 60_000;

ensureBrowser();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const started = Date.now();
const elapsed = (since = started) => (Date.now() - since) / 1000;
const done = new Map<string, { start: number; seconds: number }>();
const running = new Map<string, { child: ChildProcess; start: number }>();
const deferred = new Set<string>();
let failed = false;

function ready(step: Step, index: number): boolean {
  if (done.has(step.name) || running.has(step.name)) return false;
  if (SERIAL) return running.size === 0 && steps.slice(0, index).every((s) => done.has(s.name));
  if (!(step.after ?? []).every((name) => done.has(name))) return false;
  if (step.besideIfIdle && !done.has(step.besideIfIdle) && process.env.SIDE_BY_SIDE === "0") {
    // The 1-minute load average less this run's own running steps: what the other users of the machine keep busy.
    const others = loadavg()[0]! - running.size;
    if (others >= availableParallelism()) {
      if (!deferred.has(step.name))
        console.log(`  ${step.name} waits for ${step.besideIfIdle}: the machine is busy (load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
      deferred.add(step.name);
      return false;
    }
  }
  return true;
}

function startReady(): void {
  steps.forEach((step, index) => {
    if (!failed && ready(step, index)) start(step);
  });
}

function start(step: Step): void {
  const at = Date.now();
  // Its own process group, so that stopping it stops what it started (workerd, Chromium, the e2e server).
  const [command, args] = step.nice && !SERIAL ? ["nice", ["-n", String(step.nice), step.command, ...step.args]] : [step.command, step.args];
  const child = spawn(command, args, { cwd: ROOT, env: toolEnv(step.env), stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.set(step.name, { child, start: at });
  console.log(`▶ ${step.name}  (at ${elapsed().toFixed(0)} s)`);
  const output: Buffer[] = [];
  child.stdout!.on("data", (b: Buffer) => output.push(b));
  child.stderr!.on("data", (b: Buffer) => output.push(b));
  child.on("error", (error) => output.push(Buffer.from(`${error.message}\n`)));
  // 'close' comes once its output has ended too; should something it left behind hold the pipes open, 'exit' is enough.
  let ended = false;
  const end = (code: number | null, signal: NodeJS.Signals | null) => {
    if (ended) return;
    ended = true;
    running.delete(step.name);
    if (failed) return; // stopped because another step failed
    const seconds = elapsed(at);
    console.log(`\n━━ ${step.name} ━━`);
    process.stdout.write(Buffer.concat(output));
    if (code !== 0) {
      failed = true;
      console.error(`\n✗ ${step.name} failed (exit ${code ?? signal}) after ${seconds.toFixed(1)} s: ${step.command} ${step.args.join(" ")}`);
      const others = [...running.keys()];
      if (others.length) console.error(`  stopping: ${others.join(", ")}`);
      for (const { child: other } of running.values()) stop(other);
      process.exitCode = code || 1;
      return;
    }
    done.set(step.name, { start: (at - started) / 1000, seconds });
    console.log(`✓ ${step.name} (${seconds.toFixed(1)} s)`);
    if (done.size === steps.length) finish();
    else startReady();
  };
  child.on("close", end);
  child.on("exit", (code, signal) => setTimeout(() => end(code, signal), 5_000).unref());
}

function stop(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }, 10_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    failed = true;
    for (const { child } of running.values()) stop(child);
    process.exitCode = 130;
  });
}

const heartbeat = setInterval(() => {
  if (running.size === 0) return;
  const list = [...running.entries()].map(([name, r]) => `${name} ${elapsed(r.start).toFixed(0)} s`).join(", ");
  console.log(`… ${elapsed().toFixed(0)} s: running ${list}`);
}, HEARTBEAT_MS);
heartbeat.unref();

startReady();

function finish(): void {
  clearInterval(heartbeat);
  const wall = elapsed();
  console.log("\n━━ times ━━  (start → time; the steps overlap)");
  for (const step of steps) {
    const t = done.get(step.name)!;
    console.log(`${t.seconds.toFixed(1).padStart(7)} s  from ${t.start.toFixed(0).padStart(4)} s  ${step.name}`);
  }
  printSlowest("vitest", vitestFiles());
  printSlowest("Playwright", playwrightFiles());
  console.log(`\n✓ all tests passed in ${wall.toFixed(0)} s`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** vitest's JSON reporter: one entry per test file with its start and end. */
function vitestFiles(): [string, number][] {
  const report = readJson(VITEST_JSON) as { testResults?: { name: string; startTime: number; endTime: number }[] } | undefined;
  return (report?.testResults ?? []).map((f) => [relative(ROOT, f.name), (f.endTime - f.startTime) / 1000]);
}

interface PlaywrightSuite {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { tests: { results: { duration: number }[] }[] }[];
}

/** Playwright's JSON reporter: suites per file; a file's time is the sum of its tests' results. */
function playwrightFiles(): [string, number][] {
  const report = readJson(PLAYWRIGHT_JSON) as { config?: { rootDir?: string }; suites?: PlaywrightSuite[] } | undefined;
  const dir = relative(ROOT, report?.config?.rootDir ?? ROOT);
  const duration = (s: PlaywrightSuite): number =>
    (s.specs ?? []).reduce((sum, spec) => sum + spec.tests.reduce((a, t) => a + t.results.reduce((b, r) => b + r.duration, 0), 0), 0) +
    (s.suites ?? []).reduce((sum, child) => sum + duration(child), 0);
  return (report?.suites ?? []).map((s) => [join(dir, s.file ?? "?"), duration(s) / 1000]);
}

function printSlowest(runner: string, files: [string, number][]): void {
  if (files.length === 0) return;
  console.log(`\n━━ slowest ${runner} files ━━`);
  for (const [file, seconds] of files.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${seconds.toFixed(1).padStart(7)} s  ${file}`);
}
