/**
 * 直接リクエスト (R-SEARCH-2, issue 12): who reaches /mypage/requests. The list answers every employer with its own
 * establishment's requests and postings only; sending for another establishment's posting is a 404 and stores nothing;
 * anonymous visitors go to sign-in. The page shows the remaining count per posting and each request's state, and while
 * the employer is restricted (R-GATE-3) the reason instead of the form.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, setWorkerNow } from "../helpers/clock";
import { columnHeaders, formsTo, parse, rowCells, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("R-SEARCH-2 (issue 12): /mypage/requests — authorisation and the page", () => {
  it("R-SEARCH-2: an employer sends and lists for its own postings only — another establishment's posting is a 404, anonymous visitors sign in", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const posting = await acceptedPosting(yuba);
    await acceptedPosting(hotel);
    const seeker = await createSeeker({ publishProfile: true, hasMypage: true, email: "seeker@example.jp" });
    const other = await createSeeker({ publishProfile: true, hasMypage: true });
    const sent = await postForm("/mypage/requests", { postingId: posting.id, seekerId: seeker.id, message: "お待ちしています" }, yuba.cookie);
    expect(sent.status).toBe(303);
    const count = async () => (await db().select().from(schema.directRequests).where(eq(schema.directRequests.postingId, posting.id))).length;
    const actors = [{ name: "anonymous" }, { name: "yuba", cookie: yuba.cookie }, { name: "hotel", cookie: hotel.cookie }];
    const failures = await checkAuthorisationMatrix(
      actors.filter((a) => a.name !== "yuba"),
      [
        {
          name: "send",
          method: "POST",
          path: "/mypage/requests",
          body: { postingId: posting.id, seekerId: other.id },
          owners: [],
          secret: posting.jobNumber!,
          changed: async () => (await count()) !== 1,
        },
      ],
    );
    expect(describeMatrixFailures(failures)).toBe("");
    // The list: the owner sees its request and the remaining count; the other establishment neither.
    const own = parse(await (await workerFetch("/mypage/requests", { cookie: yuba.cookie })).text());
    expect(columnHeaders(own)).toEqual(["求人番号・職種", "送信済み", "残り", "求人番号・職種", "求職者ID", "送った日時", "状態"]);
    const title = `${posting.jobNumber} 製造スタッフ（食品の製造・包装）`;
    expect(rowCells(own, title)).toEqual([title, "1件", "このリクエストはあと9件送れます。"]);
    expect(textOf(own.querySelector(`[data-request-id]`))).toContain("回答待ち");
    expect(formsTo(own, "/mypage/requests")).toHaveLength(1);
    const foreign = await (await workerFetch("/mypage/requests", { cookie: hotel.cookie })).text();
    expect(foreign).not.toContain(seeker.id);
    expect(foreign).not.toContain(posting.jobNumber!);
    const anonymous = await workerFetch("/mypage/requests");
    expect(anonymous.status).toBe(302);
  });

  it("R-SEARCH-2, R-GATE-3: a restricted employer's page says why instead of the form", async () => {
    const yuba = await openMyPage({ restrictedAt: Date.parse(NOW) });
    await acceptedPosting(yuba);
    const page = parse(await (await workerFetch("/mypage/requests", { cookie: yuba.cookie })).text());
    expect(textOf(page.querySelector("[data-refused-reason]"))).toContain("利用が制限されています");
    expect(formsTo(page, "/mypage/requests")).toHaveLength(0);
  });
});
