/**
 * Values in KV that expire by the clock. KV's own expiry is only a clean-up (it is not exact, and the
 * local simulator refuses TTLs under 60 s), so the expiry instant is kept inside the value and checked
 * against the clock on every read. The 認証キー of R-OPEN-5 is built on this.
 */
import type { Clock } from "../lib/clock";

interface Envelope<T> {
  value: T;
  expiresAt: number;
}

export async function putExpiring<T>(kv: KVNamespace, key: string, value: T, clock: Clock, ttlSeconds: number): Promise<number> {
  const expiresAt = clock.now().getTime() + ttlSeconds * 1000;
  const envelope: Envelope<T> = { value, expiresAt };
  // KV clean-up a little after the logical expiry; never below KV's 60-second minimum.
  await kv.put(key, JSON.stringify(envelope), { expirationTtl: Math.max(60, ttlSeconds + 60) });
  return expiresAt;
}

/** The value, or null when absent or expired by the clock (an expired value is deleted). */
export async function getUnexpired<T>(kv: KVNamespace, key: string, clock: Clock): Promise<{ value: T; expiresAt: number } | null> {
  const raw = await kv.get(key);
  if (raw === null) return null;
  let envelope: Envelope<T>;
  try {
    envelope = JSON.parse(raw) as Envelope<T>;
  } catch {
    await kv.delete(key);
    return null;
  }
  if (typeof envelope.expiresAt !== "number" || clock.now().getTime() >= envelope.expiresAt) {
    await kv.delete(key);
    return null;
  }
  return envelope;
}
