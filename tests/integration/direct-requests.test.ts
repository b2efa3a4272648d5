/**
 * 直接リクエスト (R-SEARCH-2, issue 12) through the model and the Worker (the form of the search detail,
 * /mypage/search/:公開番号): the 11th request for a posting and a second one
 * to the same seeker are refused with Japanese messages — also when sent concurrently (the limits hold in the insert's
 * SQL); a posting that does not accept オンライン自主応募, is not valid or is another establishment's, an unpublished
 * seeker or one without 求職者マイページ are refused; a restricted (R-GATE-3) employer is refused with the reason.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { remainingRequests, sendDirectRequest, sentRequestsQuery, type DirectRequestScope } from "../../app/models/direct-requests.server";
import type { CapabilityFacts } from "../../app/rules/capabilities";
import { DIRECT_REQUEST_MESSAGES } from "../../app/rules/direct-request";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { flashMessage } from "../helpers/flash";
import { fieldError, parse, textOf } from "../helpers/html";
import { openMyPage, type MyPage } from "../helpers/mypage";
import { acceptedPosting, testMail } from "../helpers/postings";
import { publishedSeeker, seekerPath } from "../helpers/search";
import { postForm } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const clock = fixedClock(NOW);
const ALLOWED: CapabilityFacts = { hasValidPosting: true, hasOpenSelectionWindow: false, restricted: false, isMainAccount: true };

let seekerCount = 0;
/** A seeker who published the profile and opened a 求職者マイページ, with an e-mail for the notice. */
function requestableSeeker(overrides: Partial<typeof schema.jobSeekers.$inferInsert> = {}) {
  seekerCount += 1;
  return publishedSeeker({ email: `seeker${seekerCount}@example.jp`, ...overrides });
}

/** A complete 求人票 of its own 職種 (two postings alike would be refused as duplicates at 申込み). */
function posted(jobTitle: string, edit: (c: ReturnType<typeof completePosting>) => void = () => {}) {
  const content = completePosting();
  content.jobTitle = jobTitle;
  edit(content);
  return content;
}

function scopeOf(page: MyPage): DirectRequestScope {
  return page.scope;
}

function send(page: MyPage, postingId: string, seekerId: string, facts: CapabilityFacts = ALLOWED) {
  return sendDirectRequest({ db: db(), clock, mail: testMail(), scope: scopeOf(page), facts, postingId, seekerId, message: "ぜひご応募ください。" });
}

async function stored(postingId: string) {
  return db().select().from(schema.directRequests).where(eq(schema.directRequests.postingId, postingId));
}

async function noticeMails() {
  return db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.template, "directRequestNotice"));
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-SEARCH-2 (issue 12): 直接リクエスト — limits", () => {
  it("R-SEARCH-2: the 10th request leaves 0, the 11th is refused with the Japanese message; each sent one wrote an audit row and one mail", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seekers = await Promise.all(Array.from({ length: 11 }, () => requestableSeeker()));
    for (const [i, seeker] of seekers.slice(0, 9).entries()) expect(await send(yuba, posting.id, seeker.id)).toMatchObject({ ok: true, remaining: 9 - i });
    expect(await remainingRequests(db(), posting.id)).toBe(1);
    expect(await send(yuba, posting.id, seekers[9]!.id)).toMatchObject({ ok: true, remaining: 0 });
    expect(await send(yuba, posting.id, seekers[10]!.id)).toEqual({ ok: false, reason: "limit", message: DIRECT_REQUEST_MESSAGES.limit });
    expect(await stored(posting.id)).toHaveLength(10);
    const mails = await noticeMails();
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      seekers
        .slice(0, 10)
        .map((s) => s.email)
        .sort(),
    );
    expect(mails[0]!.textBody).not.toContain("日光ゆば工房");
    const audits = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "directRequest.send"), eq(schema.auditLog.actorId, yuba.main.id)));
    expect(audits).toHaveLength(10);
  });

  it("R-SEARCH-2: 12 concurrent POSTs for one posting store exactly 10 — two get the limit message, none a 500; one mail each", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seekers = await Promise.all(Array.from({ length: 12 }, () => requestableSeeker()));
    const responses = await Promise.all(seekers.map((s) => postForm(seekerPath(s), { postingId: posting.id, message: "" }, yuba.cookie)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(303), 400, 400]);
    for (const res of responses.filter((r) => r.status === 400))
      expect(fieldError(await res.text(), "postingId")).toBe(`エラー：${DIRECT_REQUEST_MESSAGES.limit}`);
    const flashes = responses.filter((r) => r.status === 303).map((r) => flashMessage(r));
    expect(flashes).toContain("直接リクエストを送りました。このリクエストはあと9件送れます。");
    expect(flashes).toContain("直接リクエストを送りました。この求人のリクエストは上限の10件に達しました。");
    expect(await stored(posting.id)).toHaveLength(10);
    expect(await noticeMails()).toHaveLength(10);
  });

  it("R-SEARCH-2: one per seeker per posting — a second request is refused, and of two concurrent ones one is stored", async () => {
    const yuba = await openMyPage();
    const first = await acceptedPosting(yuba);
    const second = await acceptedPosting(yuba, NOW, posted("包装スタッフ"));
    const seeker = await requestableSeeker();
    expect(await send(yuba, first.id, seeker.id)).toMatchObject({ ok: true });
    expect(await send(yuba, first.id, seeker.id)).toEqual({ ok: false, reason: "duplicate", message: DIRECT_REQUEST_MESSAGES.duplicate });
    const responses = await Promise.all([1, 2].map(() => postForm(seekerPath(seeker), { postingId: second.id }, yuba.cookie)));
    expect(responses.map((r) => r.status).sort()).toEqual([303, 400]);
    const refused = responses.find((r) => r.status === 400)!;
    expect(fieldError(await refused.text(), "postingId")).toBe(`エラー：${DIRECT_REQUEST_MESSAGES.duplicate}`);
    expect(await stored(second.id)).toHaveLength(1);
    expect(await stored(first.id)).toHaveLength(1);
    // The establishment's list, all of them or one posting's.
    expect(await sentRequestsQuery(db(), yuba.establishment.id)).toHaveLength(2);
    expect((await sentRequestsQuery(db(), yuba.establishment.id, { postingId: second.id })).map((r) => [r.postingId, r.status])).toEqual([
      [second.id, "requested"],
    ]);
    expect(await noticeMails()).toHaveLength(2);
  });
});

describe("R-SEARCH-2 (issue 12): 直接リクエスト — which postings and seekers", () => {
  it("R-SEARCH-2: a posting without オンライン自主応募, with 公開希望 3, not valid on the day, or of another establishment is refused", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const seeker = await requestableSeeker();
    const offline = posted("包装スタッフ", (c) => (c.category.onlineApplication = false));
    const hidden = posted("検品スタッフ", (c) => (c.category.publication = 3));
    const offlinePosting = await acceptedPosting(yuba, NOW, offline);
    expect(await send(yuba, offlinePosting.id, seeker.id)).toEqual({
      ok: false,
      reason: "posting-offline",
      message: DIRECT_REQUEST_MESSAGES["posting-offline"],
    });
    expect(await send(yuba, (await acceptedPosting(yuba, NOW, hidden)).id, seeker.id)).toMatchObject({ ok: false, reason: "posting-offline" });
    // Accepted on 2026-11-26: valid to 2027-01-31 (翌々月末), invalid on 2027-02-01.
    const valid = await acceptedPosting(yuba);
    expect(valid.validUntil).toBe("2027-01-31");
    const later = (at: string) =>
      sendDirectRequest({
        db: db(),
        clock: fixedClock(at),
        mail: testMail(),
        scope: yuba.scope,
        facts: ALLOWED,
        postingId: valid.id,
        seekerId: seeker.id,
        message: "",
      });
    expect(await later("2027-02-01T09:00:00+09:00")).toEqual({ ok: false, reason: "posting-invalid", message: DIRECT_REQUEST_MESSAGES["posting-invalid"] });
    expect(await later("2027-01-31T23:00:00+09:00")).toMatchObject({ ok: true });
    // Another establishment's posting: not found in the model, a 404 through the Worker.
    const hotelPosting = await acceptedPosting(hotel);
    expect(await send(yuba, hotelPosting.id, seeker.id)).toMatchObject({ ok: false, reason: "posting-not-found" });
    const res = await postForm(seekerPath(seeker), { postingId: hotelPosting.id }, yuba.cookie);
    expect(res.status).toBe(404);
    const offlineRes = await postForm(seekerPath(seeker), { postingId: offlinePosting.id, message: "よろしく" }, yuba.cookie);
    expect(offlineRes.status).toBe(400);
    const html = await offlineRes.text();
    expect(fieldError(html, "postingId")).toBe(`エラー：${DIRECT_REQUEST_MESSAGES["posting-offline"]}`);
    expect(html).toContain("よろしく");
    expect(await stored(hotelPosting.id)).toHaveLength(0);
    expect(await noticeMails()).toHaveLength(1);
  });

  it("R-SEARCH-2: an unpublished seeker, an unknown one (same answer) and one without 求職者マイページ are refused", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const unpublished = await requestableSeeker({ publishProfile: false });
    const noMypage = await requestableSeeker({ hasMypage: false });
    const refusal = { ok: false, reason: "seeker-unpublished", message: DIRECT_REQUEST_MESSAGES["seeker-unpublished"] };
    expect(await send(yuba, posting.id, unpublished.id)).toEqual(refusal);
    expect(await send(yuba, posting.id, "00000000-0000-4000-8000-000000000000")).toEqual(refusal);
    expect(await send(yuba, posting.id, noMypage.id)).toEqual({ ok: false, reason: "seeker-no-mypage", message: DIRECT_REQUEST_MESSAGES["seeker-no-mypage"] });
    // The page offers no form for such a seeker and says why; a forged POST gets the same answer.
    const res = await postForm(seekerPath(noMypage), { postingId: posting.id, message: "ご検討ください" }, yuba.cookie);
    expect(res.status).toBe(400);
    expect(textOf(parse(await res.text()).querySelector("[data-no-request]"))).toBe(DIRECT_REQUEST_MESSAGES["seeker-no-mypage"]);
    // Unpublished (or unknown): the detail and its form are a 404.
    expect((await postForm(seekerPath(unpublished), { postingId: posting.id }, yuba.cookie)).status).toBe(404);
    expect(await stored(posting.id)).toHaveLength(0);
    expect(await noticeMails()).toHaveLength(0);
  });

  it("R-SEARCH-2, R-GATE-3: a restricted employer is refused with the reason (403), on the page and in the model", async () => {
    const yuba = await openMyPage({ restrictedAt: Date.parse(NOW) - 86_400_000 });
    const posting = await acceptedPosting(yuba);
    const seeker = await requestableSeeker();
    const res = await postForm(seekerPath(seeker), { postingId: posting.id }, yuba.cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("利用が制限されています");
    expect(await send(yuba, posting.id, seeker.id, { ...ALLOWED, restricted: true })).toMatchObject({ ok: false, reason: "capability" });
    expect(await stored(posting.id)).toHaveLength(0);
  });
});
