/**
 * Who reaches a conversation (R-MSG-1, issue 12): an establishment's threads are its own — another establishment gets a
 * 404 for the page and for a POST into it (a forged thread id stores nothing); a seeker's threads are the seeker's own
 * — another seeker gets a 404; anonymous visitors go to sign-in; an officer's or the other kind's session is not
 * a session of these pages (sign-in, no data). The lists show each actor its own threads only.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures, type MatrixActor } from "../helpers/authz";
import { NOW, setWorkerNow } from "../helpers/clock";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral } from "../helpers/referrals";
import { signedInSeeker } from "../helpers/seeker-auth";
import { signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const SECRET = "秘密の面接日程は12月3日です";

/** A thread with one message from the employer, written as sendMessage leaves it. */
async function thread(establishmentId: string, seekerId: string, postingId: string, body: string) {
  const id = newId();
  const now = Date.parse(NOW);
  await db().insert(schema.messageThreads).values({ id, establishmentId, seekerId, postingId, createdAt: now, lastMessageAt: now });
  await db()
    .insert(schema.messages)
    .values({ id: newId(), threadId: id, establishmentId, seekerId, senderType: "employer", senderId: "x", body, sentAt: now, sentOn: "2026-11-26" });
  return id;
}

const count = async () => (await db().select().from(schema.messages)).length;

describe("R-MSG-1 (issue 12): authorisation of the message pages", () => {
  it("R-MSG-1: employer ↔ other establishments' threads and seeker ↔ other seekers' threads are 404s; officers and anonymous visitors are refused", async () => {
    await setWorkerNow(NOW);
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const yubaPosting = await acceptedPosting(yuba);
    const hotelPosting = await acceptedPosting(hotel);
    const hanako = await signedInSeeker({ name: "架空 花子" });
    const taro = await signedInSeeker({ name: "架空 太郎" });
    const referral = await createReferral({ seekerId: hanako.seeker.id, posting: yubaPosting, referredOn: "2026-11-20" });
    await createReferral({ seekerId: taro.seeker.id, posting: hotelPosting, referredOn: "2026-11-20" });
    const own = await thread(yuba.establishment.id, hanako.seeker.id, yubaPosting.id, SECRET);
    const foreign = await thread(hotel.establishment.id, taro.seeker.id, hotelPosting.id, "ホテルの連絡");
    const officer = await signedInOfficer("0910", fixedClock(NOW));
    const before = await count();
    const changed = async () => (await count()) !== before;

    const employers: MatrixActor[] = [{ name: "anonymous" }, { name: "yuba", cookie: yuba.cookie }, { name: "hotel", cookie: hotel.cookie }];
    const seekers: MatrixActor[] = [{ name: "anonymous" }, { name: "hanako", cookie: hanako.cookie }, { name: "taro", cookie: taro.cookie }];
    const failures = [
      ...(await checkAuthorisationMatrix(employers, [{ name: "employer thread", path: `/mypage/messages/${own}`, owners: ["yuba"], secret: SECRET }])),
      // Starting from another establishment's referral (yuba's own goes to the existing thread).
      ...(await checkAuthorisationMatrix(
        employers.filter((a) => a.name !== "yuba"),
        [{ name: "start from a referral", path: `/mypage/messages/new?referral=${referral.id}`, owners: [], secret: "架空 花子" }],
      )),
      ...(await checkAuthorisationMatrix(
        employers.filter((a) => a.name !== "yuba"),
        [{ name: "employer reply", method: "POST", path: `/mypage/messages/${own}`, body: { body: "なりすまし" }, owners: [], secret: SECRET, changed }],
      )),
      ...(await checkAuthorisationMatrix(seekers, [{ name: "seeker thread", path: `/seeker/messages/${own}`, owners: ["hanako"], secret: SECRET }])),
      // The seeker's own start page from a referral (hanako's own goes to the existing thread).
      ...(await checkAuthorisationMatrix(
        seekers.filter((a) => a.name !== "hanako"),
        [{ name: "seeker start from a referral", path: `/seeker/messages/new?referral=${referral.id}`, owners: [], secret: "株式会社日光ゆば工房" }],
      )),
      ...(await checkAuthorisationMatrix(
        seekers.filter((a) => a.name !== "hanako"),
        [{ name: "seeker reply", method: "POST", path: `/seeker/messages/${own}`, body: { body: "なりすまし" }, owners: [], secret: SECRET, changed }],
      )),
    ];
    expect(describeMatrixFailures(failures)).toBe("");

    // A forged thread id: the owner of one thread posts into another's — 404, nothing stored.
    expect((await postForm(`/mypage/messages/${foreign}`, { body: "なりすまし" }, yuba.cookie)).status).toBe(404);
    expect((await postForm(`/seeker/messages/${foreign}`, { body: "なりすまし" }, hanako.cookie)).status).toBe(404);
    expect(await changed()).toBe(false);

    // The lists: each actor's own threads only.
    expect(await (await workerFetch("/mypage/messages", { cookie: hotel.cookie })).text()).not.toContain("架空 花子");
    expect(await (await workerFetch("/seeker/messages", { cookie: taro.cookie })).text()).not.toContain("株式会社日光ゆば工房");

    // An officer's session, and the other kind of actor, reach the sign-in page of the side, never the data.
    for (const [path, cookie, signIn] of [
      [`/mypage/messages/${own}`, officer.cookie, "/login?"],
      [`/seeker/messages/${own}`, officer.cookie, "/seeker/login?"],
      [`/seeker/messages/${own}`, yuba.cookie, "/seeker/login?"],
      [`/mypage/messages/${own}`, hanako.cookie, "/login?"],
      ["/mypage/messages", officer.cookie, "/login?"],
    ] as const) {
      const res = await workerFetch(path, { cookie });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location")?.startsWith(signIn), path).toBe(true);
      expect(await res.text()).not.toContain(SECRET);
    }
    expect(await count()).toBe(before);
    expect(await db().select().from(schema.messages).where(eq(schema.messages.body, "なりすまし"))).toHaveLength(0);
  });
});
