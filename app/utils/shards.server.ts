/**
 * The shard routing layer (issue 14, docs/scale.md §3, ADR 0028): the shard map of SHARDS (rules/shards.ts) bound to
 * this Worker's D1 bindings. `shardFor(env, key)` answers which database holds an office, a number or a session; with
 * no SHARDS configured it is always the one `DB` binding, so nothing changes for the app as it runs today.
 */
import { parseShardMap, shardOf, type ShardId, type ShardKey, type ShardMap, ShardConfigError, memoryDirectory, type Directory } from "../rules/shards";
import { drizzle } from "drizzle-orm/d1";
import { schema, type Db } from "./db.server";
import { sessionIdFromToken, sessionTokenFromRequest, type AccountType } from "./session.server";

export interface Shard {
  id: ShardId;
  db: Db;
}

export interface Shards {
  map: ShardMap;
  directory: Directory;
  /** The drizzle database of a shard (throws for an id not in the map: a caller's bug, never user input). */
  db(id: ShardId): Db;
  /** The default shard: the `DB` binding, where sessions without a prefix and the sign-in pages' reads live. */
  defaultShard: ShardId;
}

/** Parsed maps by their SHARDS text: parsing and validating once per isolate, not per request. */
const parsed = new Map<string, ShardMap>();

function mapOf(env: Env): ShardMap {
  const raw = env.SHARDS ?? "";
  let map = parsed.get(raw);
  if (!map) {
    map = parseShardMap(raw);
    parsed.set(raw, map);
  }
  return map;
}

function bindingOf(env: Env, name: string): D1Database | null {
  const value = (env as unknown as Record<string, unknown>)[name];
  return value && typeof (value as D1Database).prepare === "function" && typeof (value as D1Database).batch === "function" ? (value as D1Database) : null;
}

/**
 * The shards of this deployment. Throws ShardConfigError when SHARDS is malformed or names a binding the Worker does
 * not have: the Worker calls it before anything else (workers/app.ts), so a bad configuration fails at start-up,
 * loudly, and never routes a request to a wrong database.
 */
export function shardsOf(env: Env): Shards {
  const map = mapOf(env);
  const missing = Object.entries(map.shards)
    .filter(([, spec]) => !bindingOf(env, spec.binding))
    .map(([id, spec]) => `${id}: the Worker has no D1 binding ${spec.binding}`);
  if (missing.length > 0) throw new ShardConfigError(missing);
  return {
    map,
    directory: memoryDirectory(map),
    defaultShard: map.defaultShard,
    db(id) {
      const spec = map.shards[id];
      if (!spec) throw new Error(`no shard ${id}`);
      // The default shard is exactly getDb(env): the same binding object (a test's instrumented one included).
      return drizzle(bindingOf(env, spec.binding)!, { schema });
    },
  };
}

/** The shard holding the key, with its database, or null when no shard does (a malformed key or an unknown prefix). */
export function shardFor(env: Env, key: ShardKey): Shard | null {
  const shards = shardsOf(env);
  const id = shardOf(shards.map, key);
  return id === null ? null : { id, db: shards.db(id) };
}

/**
 * The database of the request's session (the token's shard prefix; none = the default shard) and the session's id.
 * A token whose prefix names no shard is no session: the guard then answers as for a signed-out request.
 */
export function sessionShard(env: Env, request: Request, accountType: AccountType): { db: Db; sessionId: string | null } {
  const shards = shardsOf(env);
  const token = sessionTokenFromRequest(request, accountType);
  const id = token === null ? null : shardOf(shards.map, { kind: "sessionToken", value: token });
  if (token === null || id === null) return { db: shards.db(shards.defaultShard), sessionId: null };
  return { db: shards.db(id), sessionId: sessionIdFromToken(token) };
}
