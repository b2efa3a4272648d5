/**
 * Fault injection into D1 (issue 14): a D1 binding, passed to the Worker in place of `env.DB` (callWorker's overrides)
 * or to a job, whose k-th writing round trip fails — a batch or a single statement that inserts, updates or deletes.
 * A failing batch reaches the real database with one more statement that cannot run appended, so that D1 itself
 * executes the batch's writes and then rolls them back (the batch's atomicity is what is under test, not a mock); a
 * single failing statement throws before it runs. Round trips that only read pass, and are not counted. With `kill`,
 * every round trip after the failing one fails too, reads included: the isolate running a job was killed there.
 *
 * `snapshotTables` reads every table a request could leave half-written, to compare before and after.
 */
import { env } from "cloudflare:test";

export const INJECTED = "fault_injected_by_test";
const WRITE = /^\s*(insert|update|delete|replace)\b/i;
const EXECUTING = new Set(["first", "all", "run", "raw"]);

export interface FaultyD1 {
  readonly db: D1Database;
  /** Writing round trips seen so far (the failing one included). */
  writes(): number;
  /** Whether the fault was injected (the k-th writing round trip happened). */
  fired(): boolean;
}

/** A D1 whose `failAt`-th writing round trip (1-based) fails; `Infinity` never fails (counts only). */
export function failingD1(failAt: number, options: { kill?: boolean } = {}, real: D1Database = env.DB): FaultyD1 {
  let writes = 0;
  const dead = () => options.kill === true && writes >= failAt;
  const killed = () => Promise.reject(new Error(`${INJECTED}: killed`));
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>();
  const nextWriteFails = () => ++writes === failAt;

  function wrap(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => wrap(target.bind(...args), sql);
        if (EXECUTING.has(String(property)) && (WRITE.test(sql) || options.kill)) {
          return (...args: unknown[]) => {
            if (dead()) return killed();
            if (WRITE.test(sql) && nextWriteFails()) return Promise.reject(new Error(`${INJECTED}: ${sql.slice(0, 60)}`));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    unwrap.set(proxy, statement);
    sqlOf.set(proxy, sql);
    return proxy;
  }

  const db = new Proxy(real, {
    get(target, property) {
      if (property === "exec" && options.kill) return (sql: string) => (dead() ? killed() : target.exec(sql));
      if (property === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          if (dead()) return killed();
          const inner = statements.map((s) => unwrap.get(s) ?? s);
          if (statements.some((s) => WRITE.test(sqlOf.get(s) ?? "")) && nextWriteFails()) {
            return target.batch([...inner, target.prepare(`SELECT * FROM ${INJECTED}`)]);
          }
          return target.batch(inner);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db, writes: () => writes, fired: () => writes >= failAt };
}

/** Tables whose changes are bookkeeping of the request itself, not of the write under test (a session's last use, throttles, keys). */
const BOOKKEEPING = new Set(["sessions", "auth_key_attempts", "auth_throttle", "kept_forms", "known_devices", "trusted_browsers", "d1_migrations"]);

/** Every row of every table (the audit log by its count: it holds every test file's rows), as comparable text. */
export async function snapshotTables(): Promise<Record<string, string>> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' ORDER BY name",
  ).all<{ name: string }>();
  const tables = results.map((r) => r.name).filter((name) => !BOOKKEEPING.has(name));
  const reads = await env.DB.batch(
    tables.map((name) => env.DB.prepare(name === "audit_log" ? "SELECT count(*) AS n FROM audit_log" : `SELECT * FROM "${name}" ORDER BY 1`)),
  );
  return Object.fromEntries(tables.map((name, i) => [name, JSON.stringify(reads[i]!.results)]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((name) => before[name] !== after[name]);
}
