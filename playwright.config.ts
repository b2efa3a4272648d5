/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium; never `playwright install`).
 * `npm run build` first; Playwright then starts scripts/e2e-server.ts, which serves the built Worker
 * with `wrangler dev` on 127.0.0.1:8788 over a freshly created local state (.wrangler/e2e-state).
 * Specs import `test`/`expect` from tests/e2e/fixtures.ts, which runs axe-core on every page visited.
 */
import { defineConfig, devices } from "@playwright/test";

const PORT = process.env.E2E_PORT ?? "8788";
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Quiet, offline-safe environment (stack notes §12); scripts/lib/run.ts's toolEnv adds XDG_CONFIG_HOME.
process.env.CI ??= "true";
process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

export default defineConfig({
  testDir: "./tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
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
  webServer: {
    command: "node scripts/e2e-server.ts",
    url: `${BASE_URL}/`,
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
      E2E_PORT: PORT,
      CI: "true",
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
    },
  },
});
