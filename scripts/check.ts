/**
 * `npm run check`: build, then `wrangler deploy --dry-run` (no account needed), and print the size of
 * the Worker bundle gzipped. Fails if it is 1 MB or more (the free plan's limit is 3 MB; we keep far below).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BIN, ROOT, run } from "./lib/run.ts";

const outdir = join(ROOT, ".wrangler", "dry-run");
run(join(BIN, "remix"), ["vite:build"]);
run(join(BIN, "wrangler"), ["deploy", "--dry-run", "--outdir", outdir]);

let raw = 0;
let gz = 0;
for (const name of readdirSync(outdir)) {
  const file = join(outdir, name);
  if (!statSync(file).isFile() || !/\.(m?js|wasm)$/.test(name)) continue;
  const bytes = readFileSync(file);
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`\nWorker bundle: ${kib(raw)} raw, ${kib(gz)} gzip`);
if (gz >= 1024 * 1024) {
  console.error("✗ the Worker's gzip size must stay under 1 MB");
  process.exit(1);
}
console.log("✓ under 1 MB gzip");
