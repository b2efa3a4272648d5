/**
 * Benchmark instrumentation (issue 14, `npm run bench`), off unless the Worker is started with its var:
 *
 * - `D1_COUNT=1` (`wrangler dev --var D1_COUNT:1`): each request gets its own counting wrapper of `env.DB`, and the
 *   response says what the request cost: `X-D1-Round-Trips` (every call that reaches the database — a statement's
 *   `first`, `all`, `run` or `raw`, a whole `batch`, an `exec` — counts one) and `X-D1-Statements` (a batch counts
 *   each of its statements), and `X-D1-Trips`, what each round trip was (`batch(8)`, `all select job_postings`) so that
 *   the bench can say why a page takes more than one.
 * - `BENCH=1`: two routes outside Remix for side-by-side measurements: `/bench/bare` (plain "ok": no database, no
 *   session — the floor a page is compared with) and `/bench/hash` (one argon2id hash with the Worker's engine at the
 *   current parameters; its cost is read from the client's wall clock against `/bench/bare`, since workerd does not
 *   advance timers during execution).
 *
 * Neither var is in wrangler.toml, so a deployed Worker pays one boolean check per request for each.
 */
import { hashPassword } from "../lib/password";

interface BenchVars {
  D1_COUNT?: string;
  BENCH?: string;
}

export function isD1CountOn(env: Env): boolean {
  return (env as Env & BenchVars).D1_COUNT === "1";
}

export function isBenchOn(env: Env): boolean {
  return (env as Env & BenchVars).BENCH === "1";
}

export interface D1Counter {
  /** The binding to hand the app in place of the real one. */
  readonly db: D1Database;
  roundTrips(): number;
  statements(): number;
  /** Each round trip in a few words — `batch(n)`, or the method, verb and first table of a lone statement — and its time. */
  trips(): string[];
}

/** `select job_postings`: a statement's verb and the first table it names (no literals, so no personal data). */
export function describeStatement(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "?";
  const table = /\b(?:from|into|update|join)\s+["`]?(\w+)/i.exec(sql)?.[1] ?? "";
  return table ? `${verb} ${table}` : verb;
}

const EXECUTING = new Set<PropertyKey>(["first", "all", "run", "raw"]);

type AnyFunction = (...args: unknown[]) => unknown;

/** A D1 binding that counts what reaches `real`; statements prepared through it unwrap themselves in a batch. */
export function countD1(real: D1Database): D1Counter {
  let roundTrips = 0;
  let statements = 0;
  const trips: string[] = [];
  const originals = new WeakMap<object, D1PreparedStatement>();
  /** Notes the trip and, once it answers, how long it took (the clock advances across I/O, even in workerd). */
  function timed<T>(what: string, answer: T): T {
    const at = trips.push(what) - 1;
    const started = Date.now();
    void Promise.resolve(answer).then(
      () => (trips[at] = `${what} ${Date.now() - started}ms`),
      () => (trips[at] = `${what} failed`),
    );
    return answer;
  }

  function wrap(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => wrap((value as AnyFunction).apply(target, args) as D1PreparedStatement, sql);
        if (EXECUTING.has(property)) {
          return (...args: unknown[]) => {
            roundTrips++;
            statements++;
            return timed(`${String(property)} ${describeStatement(sql)}`, (value as AnyFunction).apply(target, args));
          };
        }
        return (value as AnyFunction).bind(target);
      },
    });
    originals.set(proxy, statement);
    return proxy;
  }

  const db = new Proxy(real, {
    get(target, property) {
      if (property === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (property === "batch") {
        return (batch: D1PreparedStatement[]) => {
          roundTrips++;
          statements += batch.length;
          return timed(`batch(${batch.length})`, target.batch(batch.map((s) => originals.get(s) ?? s)));
        };
      }
      if (property === "exec") {
        return (sql: string) => {
          roundTrips++;
          statements++;
          return timed(`exec ${describeStatement(sql)}`, target.exec(sql));
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as AnyFunction).bind(target) : value;
    },
  });

  return { db, roundTrips: () => roundTrips, statements: () => statements, trips: () => [...trips] };
}

/** The response with the counter's figures in its headers (a copy: Remix's responses may have immutable headers). */
export function withD1CountHeaders(response: Response, counter: D1Counter): Response {
  const counted = new Response(response.body, response);
  counted.headers.set("X-D1-Round-Trips", String(counter.roundTrips()));
  counted.headers.set("X-D1-Statements", String(counter.statements()));
  counted.headers.set("X-D1-Trips", counter.trips().join(" | ").slice(0, 2000));
  return counted;
}

/** The answer of a `/bench/*` route, or null when the path is not one (the caller checks `isBenchOn` first). */
export async function benchRoute(request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  if (path === "/bench/bare") return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (path === "/bench/hash") {
    await hashPassword("correct horse battery staple");
    return new Response("hashed", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return null;
}
