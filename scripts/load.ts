/**
 * `npm run load` (issue 14): N simulated users (half employers, three tenths officers, the rest seekers) for D seconds
 * against the production build under `wrangler dev` on a fresh local state with the demo data, then the check that no
 * acknowledged write was lost. Writes bench/LOAD.md with the run's figures and exits 1 on an error or a lost write.
 *
 *   node scripts/load.ts [--users 50] [--seconds 60] [--port 8830] [--no-build]
 *
 * Steps: `remix vite:build` (the production build: no /dev pages; `--no-build` serves whatever build/ holds), a fresh
 * state in .wrangler/load-state (scripts/lib/e2e-state.ts: migrations, reference and demo data), the users' sessions
 * written into it (scripts/lib/load-users.ts) and the rows counted, `wrangler dev` on 127.0.0.1:PORT with APP_ENV
 * development (mail stays in the local outbox: nothing leaves the machine), the run (scripts/lib/load.ts, Node's fetch),
 * wrangler stopped, the rows counted again. The tests need the development build afterwards: `npm run build:dev`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { wranglerDevArgs } from "./lib/e2e-servers.ts";
import { prepareE2eState } from "./lib/e2e-state.ts";
import { checkWrites, countWrites, prepareLoadUsers, splitUsers, type WriteKind } from "./lib/load-users.ts";
import { errorsOf, formatReport, runLoad } from "./lib/load.ts";
import { BIN, ROOT, run, startDetached, toolEnv } from "./lib/run.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "8830" },
    "no-build": { type: "boolean", default: false },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const port = values.port;
const persistTo = join(".wrangler", "load-state");
const baseUrl = `http://127.0.0.1:${port}`;

/** The state's D1, through wrangler's own local binding (wrangler dev must not be running on it). */
async function withDb<T>(work: (db: D1Database) => Promise<T>): Promise<T> {
  Object.assign(process.env, toolEnv());
  const { env, dispose } = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(ROOT, "wrangler.toml"),
    persist: { path: join(ROOT, persistTo, "v3") },
  });
  try {
    return await work(env.DB);
  } finally {
    await dispose();
  }
}

async function waitUntilServing(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/jobs`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev did not answer on ${baseUrl}`);
}

if (!values["no-build"]) {
  console.log("▶ production build (remix vite:build)");
  run(join(BIN, "remix"), ["vite:build"]);
}
console.log(`▶ fresh state with the demo data in ${persistTo} (${(await prepareE2eState(persistTo)).toFixed(1)} s)`);
const { loadUsers, before } = await withDb(async (db) => ({ loadUsers: await prepareLoadUsers(db, splitUsers(users)), before: await countWrites(db) }));

console.log(`▶ wrangler dev on ${baseUrl}`);
const server = startDetached(join(BIN, "wrangler"), [...wranglerDevArgs(port, persistTo), "--log-level", "warn"]);
const stopServer = async () => {
  if (!server.pid || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
};
const loadBefore = loadavg()[0]!;
let report;
try {
  await waitUntilServing(Date.now() + 120_000);
  const split = splitUsers(users);
  console.log(`▶ ${users} users (${split.employers} employers, ${split.officers} officers, ${split.seekers} seekers) for ${seconds} s`);
  report = await runLoad({ fetch: (request) => fetch(request), baseUrl, users: loadUsers, seconds, tag: "負荷試験" });
} finally {
  await stopServer();
}
const loadAfter = loadavg()[0]!;
const after = await withDb(countWrites);
const checks = checkWrites(report.writes, before, after);
const body = formatReport(report, checks);
const lost = checks.filter((c) => c.stored !== c.acknowledged).map((c) => c.kind as WriteKind);
const page = `# Load test (issue 14)

\`node scripts/load.ts --users ${users} --seconds ${seconds}\` (\`npm run load\`), run ${new Date().toISOString()}: the production build under
\`wrangler dev\` (local workerd, local D1 in SQLite) on a fresh state with the demo data, on this ${cpus().length}-core machine shared with other
work, the load generator in the same machine (Node's fetch). Each simulated user has its own session and goes round its pages, two
at a time, then one write: employers — My Page, 応募者管理, 求人一覧, 求職情報検索; a new draft and its screen 1 一時保存, a
選考結果 (registered, then corrected) on a referral of its own, a message — officers — staff home, 事業所一覧, 求職者一覧, a
referral's page; a 紹介 of a seeker of the office to a valid posting — seekers — /jobs searches, the seeker home, the messages
list; a reply. A write is acknowledged by the app's 303; "rows in the database" is what the state gained, counted after
wrangler stopped. An error is a 5xx, a network error or any status the step does not expect.

The users form a closed loop without think time: each sends its next request when the last one answered, so the latency is
about users ÷ throughput (Little's law) — the queue in front of one local workerd on a shared machine (1-minute load
average ${loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} after), not what a user waits on Cloudflare's edge. What the run
proves is the count of errors and the write check; the latencies compare kinds with each other within the run.

${body}
`;
mkdirSync(join(ROOT, "bench"), { recursive: true });
writeFileSync(join(ROOT, "bench", "LOAD.md"), page);
console.log(
  `\n${body}\n\n✓ written to bench/LOAD.md${values["no-build"] ? "" : "\n(build/ now holds the production build: `npm run build:dev` before the tests)"}`,
);
if (errorsOf(report).length > 0 || lost.length > 0) {
  console.error(`✗ ${errorsOf(report).length} errors; lost writes: ${lost.join(", ") || "none"}`);
  process.exit(1);
}
