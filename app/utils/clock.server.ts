import { eq } from "drizzle-orm";
import { fixedClock, systemClock, type Clock } from "../lib/clock";
import { getDb, schema } from "./db.server";
import { isProduction } from "./env.server";

export const FIXED_NOW_KEY = "clock.fixedNow";

/**
 * The clock for a request or a job. In production it is always the system clock. In development and
 * tests an operator may fix "now" (settings row `clock.fixedNow`, an ISO instant) to demonstrate date rules.
 */
export async function resolveClock(env: Env): Promise<Clock> {
  if (isProduction(env)) return systemClock;
  const row = await getDb(env).select({ value: schema.settings.value }).from(schema.settings).where(eq(schema.settings.key, FIXED_NOW_KEY)).get();
  if (!row) return systemClock;
  const at = new Date(row.value);
  return Number.isNaN(at.getTime()) ? systemClock : fixedClock(at);
}

/** Sets (or with `null` clears) the fixed "now". Refused in production. */
export async function setFixedNow(env: Env, at: Date | null): Promise<void> {
  if (isProduction(env)) throw new Error("the clock cannot be set in production");
  const db = getDb(env);
  if (at === null) {
    await db.delete(schema.settings).where(eq(schema.settings.key, FIXED_NOW_KEY));
    return;
  }
  await db
    .insert(schema.settings)
    .values({ key: FIXED_NOW_KEY, value: at.toISOString() })
    .onConflictDoUpdate({ target: schema.settings.key, set: { value: at.toISOString() } });
}
