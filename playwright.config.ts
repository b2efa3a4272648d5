/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium; never `playwright install`).
 * `npm run build` first; Playwright then starts scripts/e2e-server.ts once per worker, each serving the built Worker
 * with `wrangler dev` on its own port (8788, 8789, …) over its own freshly created local state (.wrangler/e2e-state,
 * .wrangler/e2e-state-1, …).
 * Specs import `test`/`expect` from tests/e2e/fixtures.ts, which runs axe-core on every page visited.
 */
import { defineConfig, devices } from "@playwright/test";
import { E2E_WORKERS, e2eBaseUrl, e2ePort, e2eStateDir } from "./scripts/lib/e2e-servers.ts";

// Quiet, offline-safe environment (stack notes §12); scripts/lib/run.ts's toolEnv adds XDG_CONFIG_HOME.
process.env.CI ??= "true";
process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

export default defineConfig({
  testDir: "./tests/e2e",
  testMatch: "**/*.spec.ts",
  // Whole files per worker, each worker against its own server and state (E2E_WORKERS, default 1; scripts/lib/e2e-servers.ts).
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    // Worker 0's server; tests/e2e/fixtures.ts points each worker at its own.
    baseURL: e2eBaseUrl(0),
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: Array.from({ length: E2E_WORKERS }, (_, index) => ({
    command: "node scripts/e2e-server.ts",
    url: `${e2eBaseUrl(index)}/`,
    reuseExistingServer: false,
    // Only `wrangler dev` starting when `npm test` prepared the state; with the state prepared here, ~20 s more. A
    // loaded machine takes several times as long.
    timeout: 180_000,
    // wrangler's request log is noise in the list reporter; E2E_SERVER_LOG=1 shows it.
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    // SIGTERM lets the script stop wrangler's own process group (workerd included).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      E2E_PORT: String(e2ePort(index)),
      E2E_STATE_DIR: e2eStateDir(index),
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
    },
  })),
});
