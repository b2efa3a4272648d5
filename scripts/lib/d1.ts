import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, wrangler } from "./run.ts";

export interface D1Target {
  remote: boolean;
  /** wrangler's --persist-to directory for local state (default .wrangler/state). */
  persistTo?: string;
}

export function parseTargetArgs(argv: string[]): D1Target & { rest: string[] } {
  const rest: string[] = [];
  let remote = false;
  let persistTo: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--remote") remote = true;
    else if (a === "--persist-to") persistTo = argv[++i];
    else rest.push(a);
  }
  return { remote, persistTo, rest };
}

function targetFlags(t: D1Target): string[] {
  if (t.remote) return ["--remote"];
  return ["--local", ...(t.persistTo ? ["--persist-to", t.persistTo] : [])];
}

export function applyMigrations(t: D1Target): void {
  wrangler(["d1", "migrations", "apply", "DB", ...targetFlags(t)]);
}

export function executeSqlFile(t: D1Target, name: string, sql: string): void {
  const dir = join(ROOT, ".wrangler", "tmp-sql");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, sql);
  wrangler(["d1", "execute", "DB", ...targetFlags(t), "--file", file, "--yes"]);
}
