/**
 * Issue 12's demo 直接リクエスト and conversations (scripts/lib/demo-requests-messages.ts) keep their promises, computed with
 * the rules the pages and the daily job use, on the tests' day (NOW) and on every seeding day of 2026-2027: every
 * request state, each request to a published demo seeker with a 求職者マイページ for a posting that takes オンライン自主応募
 * on the seeding day, the waiting ones answerable (no open referral), the accepted one with its application; the
 * journey's posting (日光ゆば工房 製造スタッフ) valid, taking applications and with all 10 requests left; conversations
 * unread by the employer, unread by the seeker, answered, and one whose messages messages.erase removes (R-MSG-3).
 */
import { describe, expect, it } from "vitest";
import { addDays, jstDate } from "../../app/lib/clock";
import { acceptsOnlineApplications } from "../../app/rules/direct-request";
import { isMessageExpired } from "../../app/rules/message-retention";
import { ALL_DEMO_POSTINGS, demoReferralRows } from "../../scripts/lib/demo-referrals";
import { seededPostingDates } from "../../scripts/lib/demo-postings";
import { demoRequestMessageRows, JOURNEY_POSTING } from "../../scripts/lib/demo-requests-messages";
import { DEMO_SEEKERS } from "../../scripts/lib/demo-seekers";
import { NOW } from "../helpers/clock";

const DAY_MS = 86_400_000;
const SEEDING_DAYS = [Date.parse(NOW), ...Array.from({ length: 25 }, (_, i) => Date.parse("2026-01-01T10:00:00+09:00") + i * 29 * DAY_MS)];
const postings = new Map(ALL_DEMO_POSTINGS.map((p) => [p.id, p]));
const seekers = new Map(DEMO_SEEKERS.map((s) => [s.id, s]));

function takesApplications(postingId: string, today: string): boolean {
  const p = postings.get(postingId)!;
  const { status, acceptedOn, validUntil } = seededPostingDates(p, today);
  return (
    status === "accepted" &&
    acceptedOn! <= today &&
    validUntil! >= today &&
    acceptsOnlineApplications(p.content.category.onlineApplication, p.content.category.publication ?? 1)
  );
}

describe("issue 12: the demo requests and conversations keep their promises", () => {
  it("R-SEARCH-2 (issue 12): every request state; requests to published seekers with a マイページ for postings taking applications; the waiting ones answerable; the accepted one applied; the journey's posting untouched", () => {
    for (const nowMs of SEEDING_DAYS) {
      const today = jstDate(nowMs);
      const rows = demoRequestMessageRows(nowMs, new Map());
      expect(new Set(rows.requests.map((r) => r.status))).toEqual(new Set(["requested", "accepted", "declined"]));
      const referrals = demoReferralRows(nowMs).referrals;
      for (const r of rows.requests) {
        const seeker = seekers.get(r.seekerId)!;
        expect([seeker.publishProfile, seeker.hasMypage]).toEqual([true, true]);
        expect(takesApplications(r.postingId, today)).toBe(true);
        expect(postings.get(r.postingId)!.establishmentId).toBe(r.establishmentId);
        if (r.status === "requested")
          expect(referrals.filter((x) => x.seekerId === r.seekerId && x.postingId === r.postingId && x.status === "screening")).toEqual([]);
      }
      const accepted = rows.requests.filter((r) => r.status === "accepted");
      expect(rows.referrals.map((x) => [x.seekerId, x.postingId, x.channel, x.officeCode, x.status])).toEqual(
        accepted.map((r) => [r.seekerId, r.postingId, "application", null, "screening"]),
      );
      expect(rows.referrals.every((x) => x.referredOn! > addDays(today, -21))).toBe(true);
      expect(rows.requests.filter((r) => r.postingId === JOURNEY_POSTING.id)).toEqual([]);
      expect(takesApplications(JOURNEY_POSTING.id, today)).toBe(true);
    }
  });

  it("R-MSG-1, R-MSG-3 (issue 12): conversations unread by the employer, unread by the seeker, answered, and one erased by messages.erase on the seeding day; one thread per establishment and seeker", () => {
    for (const nowMs of SEEDING_DAYS) {
      const today = jstDate(nowMs);
      const { threads, messages } = demoRequestMessageRows(nowMs, new Map());
      expect(new Set(threads.map((t) => `${t.establishmentId}|${t.seekerId}`)).size).toBe(threads.length);
      const of = (id: string) => messages.filter((m) => m.threadId === id);
      const last = (id: string) => of(id).at(-1)!;
      const states = threads.map((t) => {
        const all = of(t.id);
        expect(all.every((m) => m.sentOn === jstDate(m.sentAt!) && m.sentAt! <= nowMs)).toBe(true);
        expect(t.lastMessageAt).toBe(last(t.id).sentAt);
        if (all.every((m) => isMessageExpired(m.sentOn!, today))) return "erased";
        expect(all.some((m) => isMessageExpired(m.sentOn!, today))).toBe(false);
        if (last(t.id).readAt !== null) return "answered";
        return last(t.id).senderType === "employer" ? "unread by the seeker" : "unread by the employer";
      });
      expect(new Set(states)).toEqual(new Set(["erased", "answered", "unread by the seeker", "unread by the employer"]));
    }
  });
});
