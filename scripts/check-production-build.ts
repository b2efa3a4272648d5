/**
 * Issue 9 #17: the development pages (/dev: clock, job runner, outbox) are not in the production build at all.
 * Builds the app as `npm run build` does (no DEV_ROUTES) into a temporary directory and looks through what would be
 * deployed — the server build the Worker bundles and the browser assets — for any trace of app/routes/dev.*: their
 * route ids, their modules, their page titles. The same search is run on a development build (`build/`, made with
 * DEV_ROUTES=1 by `npm test`'s build step, or built here when it is not one) and must find them there, so that the
 * check cannot pass by looking for the wrong thing. Run by `npm test` after the build.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, ROOT, run } from "./lib/run.ts";

/** What the development routes leave in a build: route ids, client chunks named after them, their pages' titles. */
const TRACES: [string, RegExp][] = [
  ["a route id routes/dev.*", /routes\/dev[./]/],
  ["a /dev page title (開発用：…)", /開発用：|\\u958b\\u767a\\u7528\\uff1a/i],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every trace of the dev routes in a build directory, as "file: what". */
function tracesIn(buildDir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(buildDir)) {
    const name = file.slice(buildDir.length + 1);
    if (/(^|\/)dev\.[^/]*\.js$/.test(name)) found.push(`${name}: a chunk of a dev route`);
    if (!/\.(m?js|json|html)$/.test(name)) continue;
    const text = readFileSync(file, "utf8");
    for (const [what, pattern] of TRACES) if (pattern.test(text)) found.push(`${name}: ${what}`);
  }
  return found;
}

function build(buildDir: string, devRoutes: boolean): void {
  run(join(BIN, "remix"), ["vite:build", "--logLevel", "warn"], { extraEnv: { BUILD_DIR: buildDir, DEV_ROUTES: devRoutes ? "1" : "" } });
}

const temp = mkdtempSync(join(tmpdir(), "kyujinsha-build-"));
try {
  const production = join(temp, "production");
  build(production, false);

  let development = join(ROOT, "build");
  const isDevBuild = existsSync(join(development, "server", "index.js")) && tracesIn(join(development, "server")).length > 0;
  if (!isDevBuild) {
    development = join(temp, "development");
    build(development, true);
  }

  const inDevelopment = tracesIn(development);
  for (const [what] of TRACES) {
    if (!inDevelopment.some((t) => t.endsWith(what))) {
      console.error(`✗ the check is broken: the development build has no ${what} — it would not see them in production either`);
      process.exit(1);
    }
  }
  const inProduction = tracesIn(production);
  if (inProduction.length > 0) {
    console.error(`✗ the production build contains the development routes:\n  ${inProduction.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`✓ the production build has no /dev route (the development build has ${inDevelopment.length} traces of them)`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
