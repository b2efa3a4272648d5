/**
 * 求職情報検索 and 直接リクエスト (R-SEARCH-1, R-SEARCH-2, issue 12): who reaches /mypage/search, /mypage/search/:公開番号
 * and /mypage/requests. The search is national: every employer allowed by R-GATE searches every published seeker, but
 * the request form offers only the establishment's own postings, and a forged id of another establishment's posting is
 * a 404 that stores nothing. Anonymous visitors sign in; an officer's or a seeker's session is not an employer's (sent
 * to the employer's sign-in, never the data). /mypage/requests lists the establishment's own requests only.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatPublicNumber } from "../../app/rules/seeker-search";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, nowClock, setWorkerNow } from "../helpers/clock";
import { columnHeaders, formsTo, links, parse, rowCells, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { publishedSeeker, seekerPath } from "../helpers/search";
import { signedInSeeker } from "../helpers/seeker-auth";
import { signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const d = schema.directRequests;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-SEARCH-1, R-SEARCH-2 (issue 12): authorisation of the search and the requests", () => {
  it("R-SEARCH-1, R-SEARCH-2: another establishment searches too but requests only for its own postings (a forged posting is a 404); officers, seekers and anonymous visitors never reach the pages", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const posting = await acceptedPosting(yuba);
    const hotelPosting = await acceptedPosting(hotel);
    const seeker = await publishedSeeker({ selfPr: "介護福祉士の資格があります。", email: "seeker@example.jp" });
    const other = await publishedSeeker({ selfPr: "フォークリフトに乗れます。" });
    expect((await postForm(seekerPath(seeker), { postingId: posting.id, message: "お待ちしています" }, yuba.cookie)).status).toBe(303);
    const count = async () => (await db().select().from(d)).length;

    // The search and the detail are national: both employers get them; the hotel's form offers only its posting.
    const failures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }, { name: "yuba", cookie: yuba.cookie }, { name: "hotel", cookie: hotel.cookie }],
      [
        { name: "search", path: `/mypage/search?q=${encodeURIComponent("介護")}`, owners: ["yuba", "hotel"], secret: formatPublicNumber(seeker.publicNumber) },
        { name: "detail", path: seekerPath(seeker), owners: ["yuba", "hotel"], secret: "介護福祉士の資格があります。" },
      ],
    );
    expect(describeMatrixFailures(failures)).toBe("");
    const hotelForm = parse(await (await workerFetch(seekerPath(other), { cookie: hotel.cookie })).text());
    expect([...hotelForm.querySelectorAll("select[name=postingId] option")].map((o) => o.getAttribute("value"))).toEqual(["", hotelPosting.id]);
    // A forged posting id of another establishment: 404, nothing stored.
    const sendFailures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }, { name: "hotel", cookie: hotel.cookie }],
      [
        {
          name: "request with yuba's posting",
          method: "POST",
          path: seekerPath(other),
          body: { postingId: posting.id, message: "" },
          owners: [],
          secret: posting.jobNumber!,
          changed: async () => (await count()) !== 1,
        },
      ],
    );
    expect(describeMatrixFailures(sendFailures)).toBe("");

    // An officer's and a seeker's sessions are not employers': sent to the employer's sign-in, never the data.
    const officer = await signedInOfficer("0910", nowClock());
    const asSeeker = await signedInSeeker({ email: "signed-in@example.jp" });
    for (const cookie of [officer.cookie, asSeeker.cookie]) {
      for (const path of [`/mypage/search?q=${encodeURIComponent("介護")}`, seekerPath(seeker), "/mypage/requests"]) {
        const res = await workerFetch(path, { cookie });
        expect([302, 303], path).toContain(res.status);
        expect(res.headers.get("Location"), path).toMatch(/^\/login(\?|$)/);
        expect(await res.text()).not.toContain(seeker.publicNumber);
      }
      const res = await postForm(seekerPath(other), { postingId: posting.id }, cookie);
      expect([302, 303]).toContain(res.status);
    }
    expect(await count()).toBe(1);
    const anonymous = await workerFetch("/mypage/requests");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?/);
  });

  it("R-SEARCH-2: /mypage/requests lists the establishment's own requests by 公開番号 with the remaining count, a link to the detail and 「メッセージを送る」; never an internal id", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const posting = await acceptedPosting(yuba);
    await acceptedPosting(hotel);
    const seeker = await publishedSeeker({ email: "seeker@example.jp" });
    expect((await postForm(seekerPath(seeker), { postingId: posting.id }, yuba.cookie)).status).toBe(303);
    const [request] = await db().select().from(d).where(eq(d.postingId, posting.id));
    const html = await (await workerFetch("/mypage/requests", { cookie: yuba.cookie })).text();
    const own = parse(html);
    expect(columnHeaders(own)).toEqual(["求人番号・職種", "送信済み", "残り", "求人番号・職種", "公開番号", "送った日時", "状態", "メッセージ"]);
    const title = `${posting.jobNumber} 製造スタッフ（食品の製造・包装）`;
    expect(rowCells(own, title)).toEqual([title, "1件", "このリクエストはあと9件送れます。"]);
    const label = formatPublicNumber(seeker.publicNumber);
    expect(links(own, label)).toEqual([[label, seekerPath(seeker)]]);
    expect(links(own, "メッセージを送る")).toEqual([["メッセージを送る", `/mypage/messages/new?request=${request!.id}`]]);
    expect(formsTo(own, "/mypage/requests")).toHaveLength(0);
    expect(html).not.toContain(seeker.id);
    // The detail: the remaining count per posting, the posting already requested, and the request sent.
    const detail = parse(await (await workerFetch(seekerPath(seeker), { cookie: yuba.cookie })).text());
    expect(textOf(detail.querySelector(`[data-posting-id="${posting.id}"]`))).toBe(`${title}：残り 9 件`);
    expect(textOf(detail.querySelector(`select[name=postingId] option[value="${posting.id}"]`))).toBe(`${title}（残り 9 件・リクエスト済み）`);
    expect(rowCells(detail, title)?.slice(-1)).toEqual(["回答待ち"]);
    const foreign = await (await workerFetch("/mypage/requests", { cookie: hotel.cookie })).text();
    expect(foreign).not.toContain(label);
    expect(foreign).not.toContain(posting.jobNumber!);
  });
});
