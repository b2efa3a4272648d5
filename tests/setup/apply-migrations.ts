import { applyD1Migrations, env, type D1Migration } from "cloudflare:test";
import { afterEach, beforeEach, vi } from "vitest";
import { setFixedNow } from "../../app/utils/clock.server";
import { resetDatabase } from "../helpers/db";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// A test that logs console.error fails (STYLE: Epic Stack habit): unexpected errors are never silent.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  // Every test starts from empty tables and the system clock (the fixed "now" lives in KV).
  await Promise.all([resetDatabase(), setFixedNow(env, null)]);
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  if (calls.length > 0 && !(globalThis as { __allowConsoleError?: boolean }).__allowConsoleError) {
    throw new Error(`console.error was called: ${calls.map((c: unknown[]) => c.map(String).join(" ")).join("\n")}`);
  }
});
