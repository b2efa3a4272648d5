import { defineConfig } from "vitest/config";

/**
 * Benchmarks run in Node, not workerd: workerd freezes timers during execution (a Spectre mitigation),
 * so timings taken inside it are not meaningful. They measure our pure code; read ratios within a run.
 */
export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
