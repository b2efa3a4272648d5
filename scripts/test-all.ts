/**
 * `npm test` — the README's test command: typecheck, lint, build, unit + integration tests inside
 * workerd (vitest), then end-to-end journeys in Debian Chromium (Playwright) against `wrangler dev`
 * on the built Worker. Stops at the first failing step.
 */
import { join } from "node:path";
import { ensureBrowser } from "./lib/chromium.ts";
import { BIN, run } from "./lib/run.ts";

const steps: [string, string, string[]][] = [
  ["typecheck", join(BIN, "tsc"), []],
  ["lint", join(BIN, "eslint"), ["."]],
  ["build", join(BIN, "remix"), ["vite:build"]],
  ["unit + integration (workerd)", join(BIN, "vitest"), ["run"]],
  ["end-to-end (Chromium)", join(BIN, "playwright"), ["test"]],
];

ensureBrowser();

const started = Date.now();
for (const [name, command, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const t = Date.now();
  run(command, args);
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\n✓ all tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
