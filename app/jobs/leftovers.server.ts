/**
 * Daily clean-up of leftovers (issue 9 #14): sign-in counters and key attempts nobody reads any more, expired trusted
 * browsers and known devices (device cookies), and R2 objects whose image row is gone (an upload whose batch failed, a delete whose R2 call failed).
 * Chunked and idempotent: a second run finds nothing. Only old rows are deleted; how the throttle counts is its own.
 */
import { and, inArray, isNull, lt, or } from "drizzle-orm";
import { DAY_MS, HOUR_MS } from "../lib/clock";
import { AUTH_LEFTOVER_RETENTION_DAYS } from "../rules/retention";
import { schema } from "../utils/db.server";
import { deleteInChunks, type Job, type JobContext } from "./job.server";

/**
 * A throttle row whose window started this long ago and holds no lock still in force, and a key's attempt row not
 * touched for this long (keys live 30 minutes, codes 10), are read by nobody. Longer than every throttle window + lock
 * (the test checks it against LIMITS).
 */
export const AUTH_LEFTOVER_RETENTION_MS = AUTH_LEFTOVER_RETENTION_DAYS * DAY_MS;

export const authLeftoversJob: Job = {
  name: "auth.cleanup",
  frequency: "daily",
  description: "使われなくなったログイン失敗の記録・認証キーの入力記録と、期限切れの「このブラウザを信頼する」・ログイン済みブラウザの記録を削除する",
  async run({ db, clock }) {
    const now = clock.now().getTime();
    const cutoff = now - AUTH_LEFTOVER_RETENTION_MS;
    const th = schema.authThrottle;
    const ka = schema.authKeyAttempts;
    const tb = schema.trustedBrowsers;
    const staleThrottle = and(lt(th.windowStart, cutoff), or(isNull(th.lockedUntil), lt(th.lockedUntil, now)));
    const throttle = await deleteInChunks(
      async (limit) => (await db.select({ id: th.scope }).from(th).where(staleThrottle).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(th).where(and(inArray(th.scope, ids), staleThrottle)),
    );
    const keys = await deleteInChunks(
      async (limit) => (await db.select({ id: ka.keyId }).from(ka).where(lt(ka.updatedAt, cutoff)).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(ka).where(and(inArray(ka.keyId, ids), lt(ka.updatedAt, cutoff))),
    );
    const browsers = await deleteInChunks(
      async (limit) => (await db.select({ id: tb.id }).from(tb).where(lt(tb.expiresAt, now)).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(tb).where(and(inArray(tb.id, ids), lt(tb.expiresAt, now))),
    );
    const kd = schema.knownDevices;
    const devices = await deleteInChunks(
      async (limit) => (await db.select({ id: kd.id }).from(kd).where(lt(kd.expiresAt, now)).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(kd).where(and(inArray(kd.id, ids), lt(kd.expiresAt, now))),
    );
    return throttle + keys + browsers + devices;
  },
};

/** The bytes go to R2 before the row is written: an object younger than this may be an upload under way. */
export const ORPHAN_GRACE_MS = 24 * HOUR_MS;
/** R2 lists up to 1000 keys a page; D1 binds at most 100 parameters per statement. */
const LIST_PAGE = 500;
const LOOKUP_CHUNK = 90;
const MAX_PAGES = 20;

/** Deletes the R2 objects under `prefix` that have no image row and are older than the grace period. */
export async function purgeImageOrphans({ env, db, clock }: JobContext, prefix = "establishments/"): Promise<number> {
  const cutoff = clock.now().getTime() - ORPHAN_GRACE_MS;
  const img = schema.establishmentImages;
  let deleted = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const listing = await env.IMAGES.list({ prefix, limit: LIST_PAGE, cursor });
    const old = listing.objects.filter((o) => o.uploaded.getTime() < cutoff).map((o) => o.key);
    for (let i = 0; i < old.length; i += LOOKUP_CHUNK) {
      const chunk = old.slice(i, i + LOOKUP_CHUNK);
      const known = new Set((await db.select({ key: img.r2Key }).from(img).where(inArray(img.r2Key, chunk)).all()).map((r) => r.key));
      const orphans = chunk.filter((key) => !known.has(key));
      if (orphans.length > 0) await env.IMAGES.delete(orphans);
      deleted += orphans.length;
    }
    if (!listing.truncated) break;
    cursor = listing.cursor;
  }
  return deleted;
}

export const imageOrphansJob: Job = {
  name: "images.purgeOrphans",
  frequency: "daily",
  description: "画像情報の記録がなくなった画像ファイル（R2）を削除する",
  run: (ctx) => purgeImageOrphans(ctx),
};
