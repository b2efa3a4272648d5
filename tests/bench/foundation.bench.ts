/**
 * Benchmarks (`npm run bench`, vitest 5's `bench` fixture on Tinybench). Each comparison runs its
 * candidates in one run and prints their ratios: the cost of raising the argon2id parameters relative
 * to the current ones, and the JST calendar helpers every date rule calls.
 */
import { test } from "vitest";
import { addDays, endOfMonth, jstDate } from "../../app/lib/clock";
import { isValidCorporateNumber } from "../../app/lib/identifiers";
import { CURRENT_PARAMS, hashPassword } from "../../app/lib/password";

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
