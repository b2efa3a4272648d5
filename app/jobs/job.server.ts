/** The shape of a scheduled job and the chunked-deletion helper jobs share. */
import type { Clock } from "../lib/clock";
import type { Db } from "../utils/db.server";

/**
 * D1's queries per Worker invocation on Workers Paid (developers.cloudflare.com/d1/platform/limits: 1 000; 50 on Free).
 * Jobs that loop over chunks stay within it, counting every statement of a batch as one query (the strict reading).
 */
export const D1_QUERIES_PER_INVOCATION = 1000;

export interface JobContext {
  env: Env;
  db: Db;
  clock: Clock;
}

export interface Job {
  name: string;
  /** Daily jobs record the JST date of their run; frequent ones the minute. */
  frequency: "daily" | "frequent";
  description: string;
  /** Runs the job; returns how many records it processed. */
  run(ctx: JobContext): Promise<number>;
}

/**
 * Deletes rows chosen by `select` in chunks of `chunk`, at most `maxChunks` rounds per run. `deleteIds` may return how
 * many it deleted: fewer than chosen (an overlapping run took them first) means "look again" rather than "done".
 */
export async function deleteInChunks(
  selectIds: (limit: number) => Promise<string[]>,
  deleteIds: (ids: string[]) => Promise<unknown>,
  chunk = 90, // D1 allows at most 100 bound parameters per statement
  maxChunks = 50,
): Promise<number> {
  let total = 0;
  for (let round = 0; round < maxChunks; round++) {
    const ids = await selectIds(chunk);
    if (ids.length === 0) break;
    const done = await deleteIds(ids);
    const deleted = typeof done === "number" ? done : ids.length;
    total += deleted;
    if (ids.length < chunk && deleted === ids.length) break;
  }
  return total;
}
