/**
 * An instrumented D1 binding: every call that reaches the database — a statement's `first`, `all`,
 * `run` or `raw`, a whole `batch`, an `exec` — counts as one round trip. The Worker is called with it in
 * place of `env.DB` (callWorker's overrides), so a test can count what one request costs.
 */
import { env } from "cloudflare:test";

export interface RoundTrips {
  readonly db: D1Database;
  /** Round trips so far. */
  count(): number;
  /** What each round trip ran (the first 120 characters of its SQL; a batch lists its statements). */
  log(): string[];
  reset(): void;
}

const EXECUTING = new Set(["first", "all", "run", "raw"]);

export function countingD1(real: D1Database = env.DB): RoundTrips {
  const entries: string[] = [];
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>();
  const short = (sql: string) => sql.replace(/\s+/g, " ").slice(0, 120);

  function wrapStatement(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args), sql);
        if (EXECUTING.has(String(property))) {
          return (...args: unknown[]) => {
            entries.push(short(sql));
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
      if (property === "prepare") return (sql: string) => wrapStatement(target.prepare(sql), sql);
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          entries.push(`batch[${statements.map((s) => short(sqlOf.get(s) ?? "?")).join(" | ")}]`);
          return target.batch(statements.map((s) => unwrap.get(s) ?? s));
        };
      }
      if (property === "exec") {
        return (sql: string) => {
          entries.push(`exec ${short(sql)}`);
          return target.exec(sql);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  return {
    db,
    count: () => entries.length,
    log: () => [...entries],
    reset: () => {
      entries.length = 0;
    },
  };
}
