import { randomInt } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Three projects, all inside workerd (@cloudflare/vitest-plugin) on the built Worker:
 *  - unit: pure code, including the schema-level fuzzer (every form field × every naughty string, in seconds);
 *  - integration: the Worker against real local D1/KV/R2 with the migrations applied;
 *  - fuzz: the Worker-level fuzzers (tests/fuzz): the core naughty strings and a sample of blns drawn with FUZZ_SEED.
 * `npm run test:unit` runs unit + integration, `npm run test:fuzz` the fuzz project, `npm test` everything.
 *
 * FUZZ_SEED (a fresh one each run, printed here) picks the blns sample; `FUZZ_SEED=<seed>` replays a run and `FUZZ=full`
 * posts every blns string into every field.
 */
export default defineConfig(async () => {
  // The tests run the built Worker and use its development pages (/dev, /dev/mail), which only `npm run build:dev` has.
  const server = existsSync("build/server/index.js") ? readFileSync("build/server/index.js", "utf8") : "";
  if (!server.includes("routes/dev._index")) {
    throw new Error("The tests need the development build of the Worker (with the /dev pages): run `npm run build:dev` first.");
  }
  const migrations = await readD1Migrations("migrations");
  const fuzzSeed = process.env.FUZZ_SEED || String(randomInt(2 ** 31));
  const fuzz = process.env.FUZZ ?? "";
  console.log(`fuzz: FUZZ_SEED=${fuzzSeed}${fuzz === "full" ? " FUZZ=full" : ""} (replay: FUZZ_SEED=${fuzzSeed} npm run test:fuzz)`);
  const database = ["./tests/setup/console-error.ts", "./tests/setup/apply-migrations.ts"];
  return {
    plugins: [
      cloudflareTest({
        main: "./workers/app.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, APP_ENV: "test", FUZZ_SEED: fuzzSeed, FUZZ: fuzz },
          // A second local D1 for the shard routing tests only (issue 14, tests/helpers/shards.ts); migrated by them.
          d1Databases: { DB_SHARD_B: "kyujinsha-mypage-shard-b" },
        },
      }),
    ],
    test: {
      deps: {
        optimizer: {
          ssr: { enabled: true, include: ["@remix-run/cloudflare", "@remix-run/server-runtime"] },
        },
      },
      // One workerd per project and worker, reused across test files (a fresh one per file costs ~3 s on this machine):
      // every test starts from empty tables anyway (tests/setup/apply-migrations.ts).
      isolate: false,
      // The machine is shared: a test of ~30 requests has taken 6 s under load, past vitest's default 5 s.
      testTimeout: 30_000,
      projects: [
        { test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], setupFiles: ["./tests/setup/console-error.ts"] } },
        { test: { name: "integration", include: ["tests/integration/**/*.test.{ts,tsx}"], setupFiles: database } },
        // FUZZ=full posts ~25 times as many strings: the tests get the time for it.
        { test: { name: "fuzz", include: ["tests/fuzz/**/*.test.{ts,tsx}"], setupFiles: database, testTimeout: fuzz === "full" ? 7_200_000 : 300_000 } },
      ],
      benchmark: { include: ["tests/bench/**/*.bench.ts"] },
    },
  };
});
