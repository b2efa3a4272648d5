/**
 * One D1 round trip per request for what the guard and the page read (issue 8 §5). On Cloudflare every D1
 * call is a network hop to the database's primary, so the guard's statements and the reads that pages hand
 * in ride in one `db.batch()`.
 *
 * For a GET, Remix runs the loaders of every matched route (root, layout, page) in parallel, each starting
 * with a guard. The first guard of the request opens a batch and sends it on the next macrotask, after the
 * other loaders have started and added their statements; later guards of the same request get the same
 * answer without asking again, and reads handed in after the batch left go together in a second one. A
 * POST is never shared: its action changes the state, so each guard there reads afresh.
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { Column, getTableColumns, is, SQL, Table } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./db.server";

type Item = BatchItem<"sqlite">;
/** Statements a page reads, by name (drizzle query builders, not awaited): one, or a group of them. */
export type Reads = Record<string, Item | readonly Item[]>;
type ResultOf<T> = T extends readonly Item[] ? { -readonly [I in keyof T]: Awaited<T[I]> } : Awaited<T>;
/** What each read returned: a select's rows, a statement's result (a group: each one's, in order). */
export type ReadResults<R extends Reads> = { [K in keyof R]: ResultOf<R[K]> };

interface Waiting {
  items: BatchItem<"sqlite">[];
  resolve: (results: unknown[]) => void;
  reject: (error: unknown) => void;
}

interface Shared<T> {
  /** The guard's own statements (first in the batch) and how to read their results. */
  answer: Promise<T>;
  waiting: Waiting[];
  sent: boolean;
}

const perRequest = new WeakMap<AppLoadContext, Map<string, Shared<unknown>>>();

function isSharedRequest(request: Request): boolean {
  return request.method === "GET" || request.method === "HEAD";
}

/** The names a select's columns come back under (a column's name, an alias), nested selections flattened. */
function selectedNames(fields: unknown, names: string[] = []): string[] {
  if (is(fields, Column)) names.push(fields.name);
  else if (is(fields, SQL.Aliased)) names.push(fields.fieldAlias);
  else if (is(fields, SQL)) return names;
  else if (is(fields, Table)) for (const column of Object.values(getTableColumns(fields))) names.push(column.name);
  else if (fields && typeof fields === "object") for (const value of Object.values(fields)) selectedNames(value, names);
  return names;
}

/**
 * In a batch D1 returns each statement's rows as objects keyed by column name, so a select whose columns
 * share a name (a join of tables that both have `id`, `name`, `status`…) would silently lose values. Such a
 * select is refused here: alias the columns (`sql\`${t.name}\`.as("office_name")`) or read each table in its
 * own statement of the batch.
 */
export function assertBatchable(items: readonly BatchItem<"sqlite">[]): void {
  for (const item of items) {
    const fields = (item as { config?: { fields?: unknown } }).config?.fields;
    if (!fields) continue;
    const names = selectedNames(fields);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new Error(`a batched select returns two columns named "${duplicate}": alias them (D1 batches key rows by column name)`);
  }
}

/** What a batch (or a group of `reads`) of these statements returns: each one's rows, in order. */
export type BatchResults<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/** Reads in one round trip: the statements as one batch (checked by assertBatchable), results in order. */
export async function readBatch<T extends readonly BatchItem<"sqlite">[]>(db: Db, items: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  return (await runBatch(db, items)) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

async function runBatch(db: Db, items: readonly BatchItem<"sqlite">[]): Promise<unknown[]> {
  if (items.length === 0) return [];
  assertBatchable(items);
  const [first, ...rest] = items;
  return (await db.batch([first!, ...rest])) as unknown[];
}

/**
 * Runs `guard` (its statements and how to turn their results into the guard's answer) together with the
 * page's `reads`, sharing one batch among the guards of the same GET request under `key`.
 */
export async function guardedBatch<T, R extends Reads>(
  context: AppLoadContext,
  request: Request,
  db: Db,
  key: string,
  guard: { statements: BatchItem<"sqlite">[]; read: (results: unknown[]) => T },
  reads?: R,
): Promise<{ answer: T; results: ReadResults<R> }> {
  const names = reads ? Object.keys(reads) : [];
  const groups = names.map((n) => reads![n]!);
  const items = groups.flatMap((g) => (Array.isArray(g) ? (g as readonly Item[]) : [g as Item]));
  const toResults = (values: unknown[]) => {
    let at = 0;
    const entries = groups.map((g, i) => {
      const size = Array.isArray(g) ? g.length : 1;
      const value = Array.isArray(g) ? values.slice(at, at + size) : values[at];
      at += size;
      return [names[i], value];
    });
    return Object.fromEntries(entries) as ReadResults<R>;
  };

  if (!isSharedRequest(request)) {
    const values = await runBatch(db, [...guard.statements, ...items]);
    return { answer: guard.read(values.slice(0, guard.statements.length)), results: toResults(values.slice(guard.statements.length)) };
  }

  let shared = perRequest.get(context);
  if (!shared) perRequest.set(context, (shared = new Map()));
  const existing = shared.get(key) as Shared<T> | undefined;
  if (existing && !existing.sent) {
    const values = await new Promise<unknown[]>((resolve, reject) => existing.waiting.push({ items, resolve, reject }));
    return { answer: await existing.answer, results: toResults(values) };
  }
  if (existing) {
    const [answer, values] = await Promise.all([existing.answer, runBatch(db, items)]);
    return { answer, results: toResults(values) };
  }

  const state: Shared<T> = { answer: Promise.resolve(undefined as T), waiting: [], sent: false };
  const own = new Promise<unknown[]>((resolve, reject) => state.waiting.push({ items, resolve, reject }));
  state.answer = new Promise<T>((resolve, reject) => {
    setTimeout(() => {
      state.sent = true;
      const all = [...guard.statements, ...state.waiting.flatMap((w) => w.items)];
      runBatch(db, all).then(
        (values) => {
          let at = guard.statements.length;
          resolve(guard.read(values.slice(0, at)));
          for (const w of state.waiting) {
            w.resolve(values.slice(at, at + w.items.length));
            at += w.items.length;
          }
        },
        (error: unknown) => {
          reject(error);
          for (const w of state.waiting) w.reject(error);
        },
      );
    }, 0);
  });
  shared.set(key, state as Shared<unknown>);
  const [answer, values] = await Promise.all([state.answer, own]);
  return { answer, results: toResults(values) };
}
