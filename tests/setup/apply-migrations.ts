import { applyD1Migrations, env, type D1Migration } from "cloudflare:test";
import { beforeEach } from "vitest";
import { setFixedNow } from "../../app/utils/clock.server";
import { resetDatabase } from "../helpers/db";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

// Once per workerd (applied migrations are recorded in d1_migrations), then every test starts from empty tables and
// the system clock (the fixed "now" lives in KV).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

beforeEach(async () => {
  await Promise.all([resetDatabase(), setFixedNow(env, null)]);
});
