/**
 * Leftovers of sign-in and images are cleaned daily (issue 9 #14, app/jobs/leftovers.server.ts): old auth_throttle and
 * auth_key_attempts rows, expired trusted browsers, and R2 objects whose image row is gone. For each: old rows gone,
 * current rows kept, a second run does nothing; both jobs run with the daily cron.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { AUTH_LEFTOVER_RETENTION_MS, authLeftoversJob, imageOrphansJob, ORPHAN_GRACE_MS, purgeImageOrphans } from "../../app/jobs/leftovers.server";
import { SCHEDULES } from "../../app/jobs/registry.server";
import { DAY_MS, fixedClock, MINUTE_MS } from "../../app/lib/clock";
import { imageObjectKey } from "../../app/models/images.server";
import { getDb, schema } from "../../app/utils/db.server";
import { LIMITS } from "../../app/utils/throttle.server";
import { NOW } from "../helpers/clock";
import { createEstablishment } from "../helpers/factories";
import { imagesOf, insertImages } from "../helpers/images";
import { TINY_PNG } from "../fixtures/images";

const db = () => getDb(env);
const clock = fixedClock(NOW);
const now = clock.now().getTime();

describe("daily clean-up of leftovers (issue 9 #14)", () => {
  it("issue 9 #14: both clean-up jobs run with the daily cron", () => {
    expect(SCHEDULES["5 15 * * *"]).toEqual(expect.arrayContaining([authLeftoversJob, imageOrphansJob]));
  });

  it("issue 9 #14, R-AUTH-3: auth_throttle rows past every window and lock are deleted; counting and locked rows stay; a second run does nothing", async () => {
    // Whatever the throttle counts, a row older than the retention is past every window and lock it can have.
    for (const limit of Object.values(LIMITS)) expect(limit.windowMs + limit.lockMs).toBeLessThan(AUTH_LEFTOVER_RETENTION_MS);
    const old = now - AUTH_LEFTOVER_RETENTION_MS - MINUTE_MS;
    await db()
      .insert(schema.authThrottle)
      .values([
        { scope: "employer:old@example.jp", windowStart: old, failures: 3, lockedUntil: null },
        { scope: "client:192.0.2.1", windowStart: old, failures: 0, lockedUntil: old + 15 * MINUTE_MS },
        { scope: "employer:counting@example.jp", windowStart: now - 5 * MINUTE_MS, failures: 2, lockedUntil: null },
        { scope: "employer:locked@example.jp", windowStart: old, failures: 0, lockedUntil: now + 10 * MINUTE_MS },
      ]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 2 });
    const scopes = (await db().select({ scope: schema.authThrottle.scope }).from(schema.authThrottle).all()).map((r) => r.scope).sort();
    expect(scopes).toEqual(["employer:counting@example.jp", "employer:locked@example.jp"]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 0 });
  });

  it("issue 9 #14, R-OPEN-5: auth_key_attempts rows of keys long expired are deleted; a current key's row stays; a second run does nothing", async () => {
    await db()
      .insert(schema.authKeyAttempts)
      .values([
        { keyId: "old-used", attempts: 0, consumedAt: now - 3 * DAY_MS, updatedAt: now - 3 * DAY_MS },
        { keyId: "old-wrong", attempts: 5, consumedAt: null, updatedAt: now - AUTH_LEFTOVER_RETENTION_MS - MINUTE_MS },
        { keyId: "current", attempts: 1, consumedAt: null, updatedAt: now - 5 * MINUTE_MS },
      ]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 2 });
    expect((await db().select().from(schema.authKeyAttempts).all()).map((r) => r.keyId)).toEqual(["current"]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 0 });
  });

  it("issue 9 #14, R-AUTH-1: expired trusted browsers are deleted in chunks; trusted ones stay; a second run does nothing", async () => {
    const expired = Array.from({ length: 120 }, (_, i) => ({ id: `tb${i}`, accountId: "a", createdAt: now - 31 * DAY_MS, expiresAt: now - DAY_MS + i }));
    for (let i = 0; i < expired.length; i += 20)
      await db()
        .insert(schema.trustedBrowsers)
        .values(expired.slice(i, i + 20));
    await db()
      .insert(schema.trustedBrowsers)
      .values({ id: "trusted", accountId: "a", createdAt: now - DAY_MS, expiresAt: now + 29 * DAY_MS });
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 120 });
    expect((await db().select().from(schema.trustedBrowsers).all()).map((r) => r.id)).toEqual(["trusted"]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 0 });
  });

  it("issue 9 #14, R-AUTH-3: expired known devices (device cookies, issue 9 #6) are deleted; current ones stay; a second run does nothing", async () => {
    await db()
      .insert(schema.knownDevices)
      .values([
        { id: "old", accountId: "a", createdAt: now - 200 * DAY_MS, expiresAt: now - DAY_MS },
        { id: "old2", accountId: "b", createdAt: now - 181 * DAY_MS, expiresAt: now - 1 },
        { id: "current", accountId: "a", createdAt: now - DAY_MS, expiresAt: now + 179 * DAY_MS },
      ]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 2 });
    expect((await db().select().from(schema.knownDevices).all()).map((r) => r.id)).toEqual(["current"]);
    expect(await runJob(authLeftoversJob, env, clock)).toMatchObject({ error: null, processed: 0 });
  });

  it("issue 9 #14, R-IMG-1: R2 objects whose image row is gone are deleted once they are older than an upload; images and fresh uploads stay; a second run does nothing", async () => {
    const establishment = await createEstablishment();
    await insertImages(establishment.id, ["approved"]);
    const [image] = await imagesOf(establishment.id);
    await env.IMAGES.put(image!.r2Key, TINY_PNG);
    const orphan = imageObjectKey(establishment.id, "deleted-image");
    await env.IMAGES.put(orphan, TINY_PNG);
    // R2 is shared by the test files (D1 is reset per test): the assertions look at this establishment's objects only.
    const prefix = `establishments/${establishment.id}/`;
    const keys = async () => (await env.IMAGES.list({ prefix })).objects.map((o) => o.key).sort();

    // Just uploaded (its row may be on its way): the daily job keeps it.
    expect(await runJob(imageOrphansJob, env, fixedClock(new Date(Date.now())))).toMatchObject({ error: null });
    expect(await keys()).toEqual([image!.r2Key, orphan].sort());

    // Once older than the grace period, the orphan goes and the image stays.
    const later = { env, db: db(), clock: fixedClock(new Date(Date.now() + ORPHAN_GRACE_MS + MINUTE_MS)) };
    expect(await purgeImageOrphans(later, prefix)).toBe(1);
    expect(await keys()).toEqual([image!.r2Key]);
    expect(await purgeImageOrphans(later, prefix)).toBe(0);
    expect(await keys()).toEqual([image!.r2Key]);
  });
});
