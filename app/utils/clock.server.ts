import { fixedClock, systemClock, type Clock } from "../lib/clock";
import { isProduction } from "./env.server";

/**
 * Where the operator's fixed "now" is kept outside production: a KV entry (not D1, so that the clock costs
 * no database round trip before the guard's one). Production never reads it.
 */
const FIXED_NOW_KEY = "dev:fixed-now";

/** The operator's fixed "now" (development and tests), or null. */
export async function getFixedNow(env: Env): Promise<Date | null> {
  if (isProduction(env)) return null;
  const value = await env.AUTH_KEYS.get(FIXED_NOW_KEY);
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The clock for a request or a job. In production it is always the system clock. In development and
 * tests an operator may fix "now" to demonstrate date rules.
 */
export async function resolveClock(env: Env): Promise<Clock> {
  const at = await getFixedNow(env);
  return at ? fixedClock(at) : systemClock;
}

/** Sets (or with `null` clears) the fixed "now". Refused in production. */
export async function setFixedNow(env: Env, at: Date | null): Promise<void> {
  if (isProduction(env)) throw new Error("the clock cannot be set in production");
  if (at === null) await env.AUTH_KEYS.delete(FIXED_NOW_KEY);
  else await env.AUTH_KEYS.put(FIXED_NOW_KEY, at.toISOString());
}
