import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { manualClock, MINUTE_MS } from "../../app/lib/clock";
import { getDb, schema } from "../../app/utils/db.server";
import { deliverDueMail, enqueueMail, resendSender, retryDelayMs } from "../../app/utils/mail.server";
import worker from "../../workers/app";
import { setWorkerNow } from "../helpers/clock";

const ctx = { origin: "https://mypage.example.jp", fromAddress: "system@mail.example.jp" };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("mail outbox", () => {
  it("R-OPEN-9: templates are Japanese text + HTML and name the sender address to allow", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    await db.batch([enqueueMail(db, clock, ctx, "a@example.jp", "test", { note: "<b>太字</b> & 記号" })]);
    const [mail] = await db.select().from(schema.mailOutbox).all();
    expect(mail!.subject).toContain("テストメール");
    expect(mail!.textBody).toContain("system@mail.example.jp");
    expect(mail!.textBody).toContain("<b>太字</b> & 記号");
    expect(mail!.htmlBody).toContain("&lt;b&gt;太字&lt;/b&gt; &amp; 記号");
    expect(mail!.htmlBody).not.toContain("<b>太字</b>");
    expect(mail!.status).toBe("pending");
  });

  it("keeps the mail when Resend answers 500 and delivers it with the next mail job", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    await db.batch([enqueueMail(db, clock, ctx, "saiyo@example.jp", "test", { note: "再送の確認" })]);
    const sender = resendSender({ apiKey: "re_test", from: "求人者マイページ <system@mail.example.jp>" });

    const fetchSpy = vi.spyOn(globalThis, "fetch").mockResolvedValueOnce(new Response('{"message":"internal"}', { status: 500 }));
    expect(await deliverDueMail(db, clock, sender)).toEqual({ sent: 0, failed: 1, dead: 0, expired: 0 });
    const [afterFailure] = await db.select().from(schema.mailOutbox).all();
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(afterFailure!.lastError).toContain("Resend 500");
    expect(afterFailure!.nextAttemptAt).toBe(clock.now().getTime() + retryDelayMs(1)!);

    // Not due yet: the next run half a minute later leaves it alone.
    clock.advance(30_000);
    expect(await deliverDueMail(db, clock, sender)).toEqual({ sent: 0, failed: 0, dead: 0, expired: 0 });

    // The next mail job after the backoff delivers it.
    clock.advance(MINUTE_MS);
    fetchSpy.mockResolvedValueOnce(Response.json({ id: "resend-id-1" }));
    expect(await deliverDueMail(db, clock, sender)).toEqual({ sent: 1, failed: 0, dead: 0, expired: 0 });
    const [delivered] = await db.select().from(schema.mailOutbox).all();
    expect(delivered).toMatchObject({ status: "sent", attempts: 2, providerId: "resend-id-1", lastError: null });

    // The request to Resend was well formed, with an idempotency key so a retry is never sent twice.
    const [url, init] = fetchSpy.mock.calls[1]!;
    expect(String(url)).toBe("https://api.resend.com/emails");
    const headers = new Headers((init as RequestInit).headers);
    expect(headers.get("Authorization")).toBe("Bearer re_test");
    expect(headers.get("Idempotency-Key")).toBe(delivered!.id);
    expect(JSON.parse(String((init as RequestInit).body))).toMatchObject({ to: ["saiyo@example.jp"], subject: delivered!.subject });
  });

  it("retries on a bounded schedule (1, 5, 15, 60, 240 minutes), then gives up (issue 9 #11)", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1, 5, 15, 60, 240].map((m) => m * MINUTE_MS));
    expect(retryDelayMs(6)).toBeNull();
  });

  it("a row claimed by one run is not sent again by a concurrent run (lease)", async () => {
    const db = getDb(env);
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    await db.batch([enqueueMail(db, clock, ctx, "x@example.jp", "test", { note: "1" })]);
    let sends = 0;
    const slow = { name: "slow", send: async () => (sends++, "ok") };
    const [a, b] = await Promise.all([deliverDueMail(db, clock, slow), deliverDueMail(db, clock, slow)]);
    expect(a.sent + b.sent).toBe(1);
    expect(sends).toBe(1);
  });
});

describe("scheduled()", () => {
  it("the every-minute cron delivers due mail through the local sender and records the run", async () => {
    const db = getDb(env);
    await setWorkerNow("2026-11-26T09:00:00+09:00");
    const clock = manualClock("2026-11-26T09:00:00+09:00");
    await db.batch([enqueueMail(db, clock, ctx, "cron@example.jp", "test", { note: "cron" })]);
    const fetchSpy = vi.spyOn(globalThis, "fetch");

    const controller = createScheduledController({ scheduledTime: clock.now(), cron: "* * * * *" });
    const ec = createExecutionContext();
    await worker.scheduled(controller, env, ec);
    await waitOnExecutionContext(ec);

    const [mail] = await db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, "cron@example.jp")).all();
    expect(mail).toMatchObject({ status: "sent", providerId: "local" });
    expect(fetchSpy).not.toHaveBeenCalled(); // development and tests never reach the network
    const runs = await db.select().from(schema.jobRuns).where(eq(schema.jobRuns.job, "mail.deliver")).all();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ processed: 1, error: null, runKey: "2026-11-26 09:00" });
    expect(runs[0]!.finishedAt).not.toBeNull();
  });

  it("the daily cron (00:05 JST) deletes expired sessions and sent mail older than 30 days, and is idempotent", async () => {
    const db = getDb(env);
    await setWorkerNow("2026-11-26T00:05:00+09:00");
    const now = new Date("2026-11-26T00:05:00+09:00").getTime();
    await db.insert(schema.sessions).values([
      {
        id: "expired",
        accountType: "employer",
        accountId: "a",
        createdAt: now - 20 * 3600e3,
        lastSeenAt: now - 19 * 3600e3,
        expiresAt: now - 8 * 3600e3,
        twoFactorVerified: true,
      },
      {
        id: "live",
        accountType: "employer",
        accountId: "a",
        createdAt: now - 3600e3,
        lastSeenAt: now - 60e3,
        expiresAt: now + 11 * 3600e3,
        twoFactorVerified: true,
      },
      {
        id: "idle",
        accountType: "employer",
        accountId: "a",
        createdAt: now - 3600e3,
        lastSeenAt: now - 31 * 60e3,
        expiresAt: now + 11 * 3600e3,
        twoFactorVerified: true,
      },
    ]);
    await db.insert(schema.mailOutbox).values([
      {
        id: "old",
        toAddress: "o@example.jp",
        subject: "s",
        textBody: "t",
        htmlBody: "h",
        template: "test",
        status: "sent",
        attempts: 1,
        nextAttemptAt: 0,
        createdAt: 0,
        sentAt: now - 31 * 86400e3,
      },
      {
        id: "recent",
        toAddress: "r@example.jp",
        subject: "s",
        textBody: "t",
        htmlBody: "h",
        template: "test",
        status: "sent",
        attempts: 1,
        nextAttemptAt: 0,
        createdAt: 0,
        sentAt: now - 29 * 86400e3,
      },
      {
        id: "waiting",
        toAddress: "w@example.jp",
        subject: "s",
        textBody: "t",
        htmlBody: "h",
        template: "test",
        status: "pending",
        attempts: 3,
        nextAttemptAt: now + 1e6,
        createdAt: 0,
        sentAt: null,
      },
    ]);
    for (let run = 0; run < 2; run++) {
      const ec = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "5 15 * * *" }), env, ec);
      await waitOnExecutionContext(ec);
    }
    expect((await db.select({ id: schema.sessions.id }).from(schema.sessions).all()).map((r) => r.id)).toEqual(["live"]);
    expect((await db.select({ id: schema.mailOutbox.id }).from(schema.mailOutbox).all()).map((r) => r.id).sort()).toEqual(["recent", "waiting"]);
    const runs = await db.select().from(schema.jobRuns).all();
    expect(runs.map((r) => r.job).sort()).toEqual([
      "auth.cleanup",
      "auth.cleanup",
      "establishments.backlogRestriction",
      "establishments.backlogRestriction",
      "establishments.erase",
      "establishments.erase",
      "images.purgeOrphans",
      "images.purgeOrphans",
      "jobRuns.purge",
      "jobRuns.purge",
      "mail.purgeSent",
      "mail.purgeSent",
      "messages.erase",
      "messages.erase",
      "postings.expire",
      "postings.expire",
      "postings.minimumWageAlerts",
      "postings.minimumWageAlerts",
      "postings.searchText",
      "postings.searchText",
      "provisional.expire",
      "provisional.expire",
      "sessions.cleanup",
      "sessions.cleanup",
    ]);
    expect(runs.every((r) => r.runKey === "2026-11-26")).toBe(true);
    expect(runs.every((r) => r.error === null)).toBe(true);
  });
});
