/**
 * `npm run dev`: build, apply migrations to the embedded local D1, load reference and demo data,
 * and serve the built Worker with `wrangler dev` at http://localhost:8787 (APP_ENV=development:
 * mail goes to the local outbox page /dev/mail, and the clock can be fixed at /dev).
 */
import { join } from "node:path";
import { importReference } from "./import-reference.ts";
import { applyMigrations, executeSqlFile } from "./lib/d1.ts";
import { BIN, run, startDetached } from "./lib/run.ts";
import { putDemoImages } from "./lib/demo-images.ts";
import { seedSql } from "./seed.ts";

const port = process.env.PORT ?? "8787";
// With the development pages (/dev, /dev/mail): the production build leaves them out (app/routes.ts).
run(join(BIN, "remix"), ["vite:build"], { extraEnv: { DEV_ROUTES: "1" } });
applyMigrations({ remote: false });
importReference([]);
executeSqlFile({ remote: false }, "seed.sql", await seedSql(Date.now()));
putDemoImages({ remote: false });
console.log(`\n▶ 求人者マイページ: http://localhost:${port}/  (development; mail: /dev/mail)\n`);
const child = startDetached(join(BIN, "wrangler"), [
  "dev",
  "--port",
  port,
  "--ip",
  "127.0.0.1",
  "--var",
  "APP_ENV:development",
  "--var",
  `APP_ORIGIN:http://localhost:${port}`,
  "--show-interactive-dev-session=false",
]);
const stop = () => {
  if (child.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => process.exit(code ?? 0));
