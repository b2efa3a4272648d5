/**
 * Benchmarks (`npm run bench`, vitest 5's `bench` fixture on Tinybench). Each comparison runs its
 * candidates in one run and prints their ratios: argon2id in WebAssembly against pure JS, the cost of
 * raising the argon2id parameters relative to the current ones, and the JST calendar helpers every date rule calls.
 */
import { test } from "vitest";
import { addDays, endOfMonth, jstDate } from "../../app/lib/clock";
import { isValidCorporateNumber } from "../../app/lib/identifiers";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { argon2idFromModule } from "../../app/lib/argon2-wasm";
import { CURRENT_PARAMS, hashPasswordWith, nobleArgon2id, type Argon2Params } from "../../app/lib/password-phc";

/** The Worker's engine (ADR 0025), compiled here from the same file wrangler uploads. */
const wasmArgon2id = argon2idFromModule(new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve("@phi-ag/argon2/argon2.wasm"))));
const hashPassword = (password: string, params: Argon2Params) => hashPasswordWith(wasmArgon2id, password, params);

test("argon2id per hash at the current parameters: WebAssembly (the Worker's) vs pure JS (before ADR 0025); target ≤ 100 ms", async ({ bench }) => {
  await bench.compare(
    bench("WebAssembly m=19 MiB t=2", async () => {
      await hashPassword("correct horse battery staple", CURRENT_PARAMS);
    }),
    bench("pure JS (@noble/hashes) m=19 MiB t=2", async () => {
      await hashPasswordWith(nobleArgon2id, "correct horse battery staple", CURRENT_PARAMS);
    }),
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
}, 120_000);

test("argon2id cost per hash: current parameters vs raised ones", async ({ bench }) => {
  await bench.compare(
    bench("current m=19 MiB t=2", async () => {
      await hashPassword("correct horse battery staple", CURRENT_PARAMS);
    }),
    bench("raised t=3", async () => {
      await hashPassword("correct horse battery staple", { ...CURRENT_PARAMS, t: 3 });
    }),
    bench("raised m=38 MiB", async () => {
      await hashPassword("correct horse battery staple", { ...CURRENT_PARAMS, m: 2 * CURRENT_PARAMS.m });
    }),
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
}, 120_000);

test("JST calendar helpers", async ({ bench }) => {
  const instant = new Date("2026-11-26T00:00:00Z");
  await bench.compare(
    bench("jstDate", () => {
      jstDate(instant);
    }),
    bench("addDays(21)", () => {
      addDays("2026-11-26", 21);
    }),
    bench("endOfMonth(+2)", () => {
      endOfMonth("2026-11-26", 2);
    }),
    bench("法人番号 check digit", () => {
      isValidCorporateNumber("5835678256246");
    }),
    { time: 300 },
  );
});
