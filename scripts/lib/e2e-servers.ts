/**
 * The end-to-end servers: one per Playwright worker (playwright.config.ts; one worker unless E2E_WORKERS says more). Worker `index` (testInfo.parallelIndex)
 * talks only to 127.0.0.1:(E2E_PORT + index), which serves its own copy of the state, so that the journeys of one worker
 * never see another's changes (the clock at /dev, the outbox, the demo data they alter). A light module: the
 * Playwright config, the fixtures and the scripts all read it.
 */
import { join } from "node:path";

export const E2E_PERSIST_TO = join(".wrangler", "e2e-state");

/**
 * How many workers (and servers): E2E_WORKERS, default 1. With vitest beside Playwright in `npm test`, a second worker
 * made both far slower on this 2-core machine (vitest 356 s → 694 s, the journeys past 726 s against 617 s with one);
 * `E2E_WORKERS=2 npx playwright test` helps when the journeys run alone.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1) || 1);

const BASE_PORT = Number(process.env.E2E_PORT ?? 8788);

/** The state directory of worker `index` (0: E2E_PERSIST_TO; the others beside it). */
export function e2eStateDir(index: number): string {
  return index === 0 ? E2E_PERSIST_TO : `${E2E_PERSIST_TO}-${index}`;
}

export function e2ePort(index: number): number {
  return BASE_PORT + index;
}

export function e2eBaseUrl(index: number): string {
  return `http://127.0.0.1:${e2ePort(index)}`;
}

/**
 * `wrangler dev`'s arguments for a local server of the built Worker on 127.0.0.1:`port` over the state in `persistTo`,
 * with APP_ENV development (mail stays in the local outbox) — the end-to-end servers' and `npm run load`'s.
 */
export function wranglerDevArgs(port: string | number, persistTo: string): string[] {
  return [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persistTo,
    "--var",
    "APP_ENV:development",
    "--var",
    `APP_ORIGIN:http://127.0.0.1:${port}`,
    "--show-interactive-dev-session=false",
  ];
}
