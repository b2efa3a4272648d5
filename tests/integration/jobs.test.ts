import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { sessionCleanupJob } from "../../app/jobs/registry.server";
import { manualClock } from "../../app/lib/clock";
import { getDb, schema } from "../../app/utils/db.server";

describe("daily jobs work in chunks within D1's limits", () => {
  it("R-DEL-4: sessions.cleanup deletes 250 expired sessions in chunks below D1's 100-parameter limit, and can re-run", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T00:05:00+09:00");
    const now = clock.now().getTime();
    const rows = Array.from({ length: 250 }, (_, i) => ({
      id: `s${i}`,
      accountType: "employer" as const,
      accountId: "a",
      createdAt: now - 20 * 3600e3,
      lastSeenAt: now - 19 * 3600e3,
      expiresAt: now - 8 * 3600e3,
      twoFactorVerified: true,
    }));
    for (let i = 0; i < rows.length; i += 10) await db.insert(schema.sessions).values(rows.slice(i, i + 10));
    const first = await runJob(sessionCleanupJob, env, clock);
    expect(first).toEqual({ job: "sessions.cleanup", processed: 250, error: null });
    expect(await db.select().from(schema.sessions).all()).toEqual([]);
    const again = await runJob(sessionCleanupJob, env, clock);
    expect(again).toEqual({ job: "sessions.cleanup", processed: 0, error: null });
  });
});
