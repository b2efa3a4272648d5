/**
 * Web server for the end-to-end tests (started by Playwright's `webServer`, see playwright.config.ts).
 * Recreates a dedicated local state directory (E2E_STATE_DIR, default .wrangler/e2e-state) with the migrations, the reference and demo data
 * and the demo images (scripts/lib/e2e-state.ts) — unless E2E_STATE_READY=1 says that `npm test` has just done so
 * while the build ran (and copied for the other workers) — then serves the already-built Worker with `wrangler dev` on
 * 127.0.0.1:E2E_PORT (8788 by default; one server per Playwright worker)
 * (APP_ENV=development: mail stays in the outbox at /dev/mail and the clock can be fixed at /dev).
 *
 * It does not build: `npm run build:dev` (a build with the /dev pages) comes first. SIGTERM/SIGINT stop the whole wrangler process
 * group (stopping only wrangler would leave workerd running).
 */
import { spawn } from "node:child_process";
import { existsSync, fstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_PERSIST_TO, prepareE2eState } from "./lib/e2e-state.ts";
import { wranglerDevArgs } from "./lib/e2e-servers.ts";
import { BIN, ROOT, startDetached } from "./lib/run.ts";

const E2E_PORT = process.env.E2E_PORT ?? "8788";
/** This server's state directory: each Playwright worker's server has its own (playwright.config.ts). */
const persistTo = process.env.E2E_STATE_DIR ?? E2E_PERSIST_TO;

const serverBuild = join(ROOT, "build", "server", "index.js");
if (!existsSync(serverBuild)) {
  console.error("✗ build/server/index.js is missing: run `npm run build:dev` before the end-to-end tests.");
  process.exit(1);
}
if (!readFileSync(serverBuild, "utf8").includes("routes/dev._index")) {
  console.error("✗ build/ is a production build without the /dev pages the journeys use: run `npm run build:dev` first.");
  process.exit(1);
}

if (process.env.E2E_STATE_READY === "1" && existsSync(join(ROOT, persistTo, "v3", "d1"))) {
  console.log(`▶ e2e state: prepared by npm test (${persistTo})`);
} else {
  console.log(`▶ e2e state: migrations, reference and demo data, demo images (${(await prepareE2eState(persistTo)).toFixed(1)} s)`);
}

console.log(`\n▶ e2e server: http://127.0.0.1:${E2E_PORT}/  (state: ${persistTo})\n`);
const child = startDetached(join(BIN, "wrangler"), wranglerDevArgs(E2E_PORT, persistTo));

/*
 * Watchdog: if this script dies without a chance to forward a signal (Playwright kills its web
 * server's process group with SIGKILL when it is itself interrupted), a separate tiny process notices
 * and stops wrangler's process group, so no workerd is left holding the port.
 */
if (child.pid) {
  const watchdog = `
    const [parent, group] = process.argv.slice(1).map(Number);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    const timer = setInterval(() => {
      if (!alive(-group)) process.exit(0);
      if (alive(parent)) return;
      clearInterval(timer);
      try { process.kill(-group, "SIGTERM"); } catch {}
      setTimeout(() => { try { process.kill(-group, "SIGKILL"); } catch {} process.exit(0); }, 5000);
    }, 500);`;
  spawn(process.execPath, ["-e", watchdog, String(process.pid), String(child.pid)], { detached: true, stdio: "ignore" }).unref();
}

let stopping = false;
/** Signals wrangler's whole process group (wrangler and workerd); false when nothing is left. */
function signalGroup(signal: NodeJS.Signals): boolean {
  if (!child.pid) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  if (!signalGroup(signal)) process.exit(0);
  // If something in the group ignores the polite signal, force it down.
  setTimeout(() => {
    signalGroup("SIGKILL");
    process.exit(0);
  }, 5000).unref();
}
/** Stops the server when stdin (a pipe from Playwright) closes: Playwright has gone, even if killed. */
function stopWhenStdinCloses() {
  try {
    const stdin = fstatSync(0);
    if (!stdin.isFIFO() && !stdin.isSocket()) return;
  } catch {
    return;
  }
  process.stdin.on("end", () => stop("SIGTERM"));
  process.stdin.on("error", () => stop("SIGTERM"));
  process.stdin.resume();
}
stopWhenStdinCloses();
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
child.on("exit", (code) => {
  // wrangler is gone; make sure no workerd of its group outlives it.
  signalGroup("SIGKILL");
  process.exit(stopping ? 0 : (code ?? 1));
});
