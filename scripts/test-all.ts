/**
 * `npm test` — the README's test command: typecheck, lint, build, the vitest projects inside workerd (unit,
 * integration, fuzz; vitest.config.ts), then end-to-end journeys in Debian Chromium (Playwright) against `wrangler dev`
 * on the built Worker. Stops at the first failing step; prints each step's time and, at the end, the slowest test files
 * (from the runners' JSON reports in .cache/test-report/).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { ensureBrowser } from "./lib/chromium.ts";
import { BIN, ROOT, run } from "./lib/run.ts";

const REPORTS = join(ROOT, ".cache", "test-report");
const VITEST_JSON = join(REPORTS, "vitest.json");
const PLAYWRIGHT_JSON = join(REPORTS, "playwright.json");

const steps: [string, string, string[], Record<string, string>?][] = [
  ["typecheck", join(BIN, "tsc"), []],
  ["lint", join(BIN, "eslint"), ["."]],
  ["format (prettier --check)", join(BIN, "prettier"), ["--check", "."]],
  ["layers (eslint rules proven)", process.execPath, [join(ROOT, "scripts", "check-layers.ts")]],
  // The tests and the end-to-end server use the development pages (/dev clock, /dev/mail): a build with them.
  ["build (with the /dev pages)", join(BIN, "remix"), ["vite:build"], { DEV_ROUTES: "1" }],
  ["production build has no /dev pages", process.execPath, [join(ROOT, "scripts", "check-production-build.ts")]],
  ["unit + integration + fuzz (workerd)", join(BIN, "vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]],
  ["end-to-end (Chromium)", join(BIN, "playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON }],
];

ensureBrowser();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const started = Date.now();
const times: [string, number][] = [];
for (const [name, command, args, extraEnv] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const t = Date.now();
  run(command, args, { extraEnv });
  const seconds = (Date.now() - t) / 1000;
  times.push([name, seconds]);
  console.log(`✓ ${name} (${seconds.toFixed(1)} s)`);
}

console.log("\n━━ times ━━");
for (const [name, seconds] of times) console.log(`${seconds.toFixed(1).padStart(7)} s  ${name}`);
printSlowest("vitest", vitestFiles());
printSlowest("Playwright", playwrightFiles());
console.log(`\n✓ all tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);

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
