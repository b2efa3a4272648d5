import type { SQLWrapper } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema";

export type Db = ReturnType<typeof getDb>;

export function getDb(env: Env) {
  return drizzle(env.DB, { schema });
}

export { schema };

/**
 * An actor's scope as models take it: a literal id, or SQL that yields it (the guard's read scope: a
 * subquery on the session, so that a page's reads ride in the guard's batch).
 */
export type ScopeValue = string | SQLWrapper;
