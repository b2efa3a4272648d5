/**
 * Fills a local D1 state with synthetic data (issue 14; scripts/lib/synthetic.ts).
 * Usage: node scripts/generate-data.ts [--scale 1] [--seed 14] [--persist-to .wrangler/bench-state] [--now 2026-11-30T15:05:00Z]
 * Then serve it: `wrangler dev --persist-to <dir>` (every synthetic account's password: SYNTHETIC_PASSWORD).
 */
import { parseArgs } from "node:util";
import { generateData, SYNTHETIC_PASSWORD } from "./lib/synthetic.ts";

const USAGE = "usage: node scripts/generate-data.ts [--scale 0.1] [--seed 14] [--persist-to DIR] [--now ISO-instant]";
function parse() {
  return parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "14" },
      "persist-to": { type: "string", default: ".wrangler/bench-state" },
      now: { type: "string" },
    },
  });
}
function argsOrExit(): ReturnType<typeof parse> {
  try {
    return parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return process.exit(2) as never;
  }
}
const { values } = argsOrExit();
const scale = Number(values.scale);
const seed = Number(values.seed);
const now = values.now ? new Date(values.now) : new Date();
if (!(scale > 0) || !Number.isInteger(seed) || Number.isNaN(now.getTime())) {
  console.error(USAGE);
  process.exit(2);
}
const result = await generateData({ scale, seed, persistTo: values["persist-to"]!, now });
console.log(`✓ synthetic data (scale ${scale}, seed ${seed}, now ${now.toISOString()}) in ${result.seconds.toFixed(1)} s: ${result.sqlitePath}`);
for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(18)} ${n.toLocaleString("en-US")}`);
console.log(`  sign in as saiyo@est<N>.example.jp / seeker<N>@example.jp with "${SYNTHETIC_PASSWORD}"`);
