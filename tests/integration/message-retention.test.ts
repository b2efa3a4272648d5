/**
 * R-MSG-3 (issue 12): the daily job messages.erase — a message is erased one year after it was sent (JST dates), the
 * younger ones and the threads stay, in bounded chunks, idempotent and resumable, with one audit row per run that holds
 * the count (no content, no ids of people).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runJob } from "../../app/jobs/dispatch.server";
import { messageErasureJob } from "../../app/jobs/message-retention.server";
import { ALL_JOBS, SCHEDULES } from "../../app/jobs/registry.server";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { eraseExpiredMessages } from "../../app/models/message-retention.server";
import { getDb, schema } from "../../app/utils/db.server";
import { createEstablishment } from "../helpers/factories";
import { createSeeker } from "../helpers/referrals";

const db = () => getDb(env);
const m = schema.messages;

/** A thread between an establishment and a seeker with one message per `sentOn` (JST date; sent at 12:00 JST). */
async function thread(sentOns: string[]) {
  const establishment = await createEstablishment({ name: "株式会社日光ゆば工房" });
  const seeker = await createSeeker();
  const threadId = newId();
  const at = (day: string) => Date.parse(`${day}T12:00:00+09:00`);
  await db()
    .insert(schema.messageThreads)
    .values({ id: threadId, establishmentId: establishment.id, seekerId: seeker.id, createdAt: at(sentOns[0]!), lastMessageAt: at(sentOns.at(-1)!) });
  const rows = sentOns.map((sentOn, i) => ({
    id: newId(),
    threadId,
    establishmentId: establishment.id,
    seekerId: seeker.id,
    senderType: i % 2 === 0 ? ("employer" as const) : ("seeker" as const),
    senderId: "account",
    body: `メッセージ${i + 1}：面接の日程について`,
    sentAt: at(sentOn),
    sentOn,
  }));
  for (let i = 0; i < rows.length; i += 8)
    await db()
      .insert(m)
      .values(rows.slice(i, i + 8));
  return { threadId };
}

const sentOns = async () => (await db().select({ sentOn: m.sentOn }).from(m).orderBy(m.sentOn)).map((r) => r.sentOn);
/** The job's audit rows (the append-only log outlives the per-test reset: a test reads the rows of its own clock's runs). */
const audits = async (from = 0) =>
  (await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "messages.erase")).orderBy(schema.auditLog.id)).filter((a) => a.at >= from);

describe("R-MSG-3 (issue 12): the daily erasure of messages", () => {
  it("R-MSG-3: messages.erase is a daily job of the 00:05 JST cron, listed for /dev", () => {
    expect(SCHEDULES["5 15 * * *"]).toContain(messageErasureJob);
    expect(ALL_JOBS.map((j) => j.name)).toContain("messages.erase");
    expect(messageErasureJob.frequency).toBe("daily");
  });

  it("R-MSG-3: sent 2025-11-30 (JST) — kept by the run at 2026-11-29T14:59Z (23:59 JST), erased by the run at 15:00Z (2026-11-30 00:00 JST); younger ones and the thread stay; one audit row with the count; a re-run erases nothing and writes no second row", async () => {
    const { threadId } = await thread(["2025-11-29", "2025-11-30", "2025-12-01", "2026-11-28"]);
    expect(await runJob(messageErasureJob, env, fixedClock("2026-11-29T14:59:59Z"))).toMatchObject({ error: null, processed: 1 });
    expect(await sentOns()).toEqual(["2025-11-30", "2025-12-01", "2026-11-28"]);
    expect(await runJob(messageErasureJob, env, fixedClock("2026-11-29T15:00:00Z"))).toMatchObject({ error: null, processed: 1 });
    expect(await sentOns()).toEqual(["2025-12-01", "2026-11-28"]);
    const rows = await audits(Date.parse("2026-11-29T14:59:59Z"));
    expect(rows.map((a) => [a.actorType, a.actorId, a.subjectType, a.subjectId, JSON.parse(a.details)])).toEqual([
      ["system", null, "message", null, { count: 1, sentBefore: "2025-11-30", runOn: "2026-11-29" }],
      ["system", null, "message", null, { count: 1, sentBefore: "2025-12-01", runOn: "2026-11-30" }],
    ]);
    expect(rows.some((a) => a.details.includes("面接"))).toBe(false);
    // The same day again: nothing to erase, no audit row.
    expect(await runJob(messageErasureJob, env, fixedClock("2026-11-30T09:00:00+09:00"))).toMatchObject({ error: null, processed: 0 });
    expect(await audits(Date.parse("2026-11-29T14:59:59Z"))).toHaveLength(2);
    expect(await db().select().from(schema.messageThreads).where(eq(schema.messageThreads.id, threadId))).toHaveLength(1);
  });

  it("R-MSG-3: chunked — of 23 expired messages in chunks of 5, a run cut at 2 chunks erases 10 (audit count 10) and the next run the other 13 in 3 chunks (audit count 13): resumable; then nothing", async () => {
    const old = Array.from({ length: 23 }, (_, i) => `2025-0${1 + (i % 9)}-1${i % 10}`);
    await thread([...old, "2026-01-15"]);
    const clock = fixedClock("2026-11-30T10:00:00+09:00");
    expect(await eraseExpiredMessages(db(), clock, { chunk: 5, maxChunks: 2 })).toBe(10);
    expect(await sentOns()).toHaveLength(14);
    expect(await eraseExpiredMessages(db(), clock, { chunk: 5 })).toBe(13);
    expect(await sentOns()).toEqual(["2026-01-15"]);
    const mine = async () => (await audits()).filter((a) => a.at === clock.now().getTime());
    expect((await mine()).map((a) => JSON.parse(a.details).count)).toEqual([10, 13]);
    expect(await eraseExpiredMessages(db(), clock, { chunk: 5 })).toBe(0);
    expect(await mine()).toHaveLength(2);
  });
});
