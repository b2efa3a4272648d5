/**
 * Helpers for the project's scripts (run by `npm run …`, so under the pinned Node 22).
 * Every wrangler/vitest/Playwright call gets a quiet, offline-safe environment (stack notes §12).
 */
import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "node_modules", ".bin");

export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const xdg = join(ROOT, ".wrangler", "xdg");
  mkdirSync(xdg, { recursive: true });
  return {
    ...process.env,
    CI: process.env.CI ?? "true",
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    XDG_CONFIG_HOME: xdg,
    // Node 22 from node_modules first, whatever the machine has.
    PATH: `${BIN}:${process.env.PATH ?? ""}`,
    ...extra,
  };
}

/** Runs a command to completion, inheriting stdio; exits the script if it fails. */
export function run(command: string, args: string[], options: SpawnOptions & { extraEnv?: Record<string, string> } = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: ROOT, env: toolEnv(options.extraEnv), ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function wrangler(args: string[], extraEnv: Record<string, string> = {}): void {
  run(join(BIN, "wrangler"), args, { extraEnv });
}

/** Starts a long-running command in its own process group (so stopping it stops workerd too). */
export function startDetached(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  return spawn(command, args, { stdio: "inherit", cwd: ROOT, env: toolEnv(extraEnv), detached: true });
}

export function sqlString(value: string | null | undefined): string {
  if (value === null || value === undefined) return "NULL";
  return `'${value.replaceAll("'", "''")}'`;
}

export function sqlValue(value: string | number | boolean | null | undefined): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("non-finite number in SQL");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "1" : "0";
  return sqlString(value);
}

/** Parses CSV/TSV (RFC 4180 quoting) into objects keyed by the header row. */
export function parseDelimited(text: string, delimiter: "," | "\t"): Record<string, string>[] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== "")) rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? "").trim()])));
}
