/**
 * The seeker's 直接リクエスト (R-SEARCH-2, issue 12) through the Worker: the list on /seeker (未回答 first), one request on
 * /seeker/requests/:id, 応募する (one batch: the オンライン自主応募 row, its history row, the お知らせ, the mail to the
 * establishment's accounts, the audit row) and 辞退する, each after a confirmation step; refusals in Japanese; the
 * application in the employer's 応募者管理 marked オンライン自主応募, and its 選考結果 registered like a referral's;
 * authorisation (another seeker's request is a 404; employers and officers never reach the seeker's pages).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { versionOf } from "../../app/models/applicants.server";
import { answerDirectRequest } from "../../app/models/seeker-requests.server";
import { REQUEST_ANSWER_MESSAGES } from "../../app/rules/request-answer";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, setWorkerNow } from "../helpers/clock";
import { flashMessage } from "../helpers/flash";
import { bodyText, formsTo, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting, testMail } from "../helpers/postings";
import { createReferral } from "../helpers/referrals";
import { signedInSeeker } from "../helpers/seeker-auth";
import { directRequest } from "../helpers/seeker-requests";
import { signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";
import { completePosting } from "../unit/posting-fixture";

const db = () => getDb(env);
const d = schema.directRequests;
const r = schema.referrals;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

const requestRow = async (id: string) => db().select().from(d).where(eq(d.id, id)).get();
const applications = async (seekerId: string) => db().select().from(r).where(eq(r.seekerId, seekerId));
const audits = async (action: string) => db().select().from(schema.auditLog).where(eq(schema.auditLog.action, action));

/** An employer with a valid posting (オンライン自主応募 可, 公開希望 1) and a signed-in seeker it sent a request to. */
async function world() {
  const yuba = await openMyPage();
  const posting = await acceptedPosting(yuba);
  const seeker = await signedInSeeker({ name: "架空 応募子" });
  const request = await directRequest(yuba, posting.id, seeker.seeker.id);
  return { yuba, posting, seeker, request };
}

describe("R-SEARCH-2 (issue 12): the seeker answers a 直接リクエスト", () => {
  it("R-SEARCH-2: 応募する after the confirmation creates exactly one オンライン自主応募 with its history, お知らせ, mail and audit; a second answer is refused; the employer sees it as オンライン自主応募 and registers its 選考結果", async () => {
    const { yuba, posting, seeker, request } = await world();
    // An older answered request is listed after the waiting one.
    const older = await acceptedPosting(yuba, NOW, { ...completePosting(), jobTitle: "包装スタッフ" });
    await directRequest(yuba, older.id, seeker.seeker.id, { status: "declined", createdAt: Date.parse(NOW) - 60_000, answeredAt: Date.parse(NOW) - 30_000 });
    const home = parse(await (await workerFetch("/seeker", { cookie: seeker.cookie })).text());
    const rows = [...home.querySelectorAll("tr[data-request-id]")];
    expect(rows.map((row) => row.getAttribute("data-request-id"))[0]).toBe(request.id);
    expect(textOf(rows[0])).toContain("株式会社日光ゆば工房");
    expect(textOf(rows[0])).toContain(posting.jobNumber!);
    expect(textOf(rows[0])).toContain("ぜひご応募ください");
    expect(textOf(rows[0])).toContain("未回答");
    expect(textOf(rows[1])).toContain("辞退済み");
    expect(textOf(home.querySelector("[data-waiting-count]"))).toBe("未回答の直接リクエストが1件あります。内容を見て、応募するか辞退するかを選んでください。");

    const path = `/seeker/requests/${request.id}`;
    const page = parse(await (await workerFetch(path, { cookie: seeker.cookie })).text());
    expect(bodyText(page)).toContain("製造スタッフ（食品の製造・包装）");
    expect(bodyText(page)).toContain("賃金");
    expect(formsTo(page, path)).toHaveLength(2);
    // The first press only asks to confirm.
    const confirm = await postForm(path, { intent: "accept" }, seeker.cookie);
    expect(confirm.status).toBe(200);
    expect(textOf(parse(await confirm.text()).querySelector("[data-confirm='accept'] h2"))).toBe("この求人に応募しますか");
    expect(await applications(seeker.seeker.id)).toHaveLength(0);

    const accepted = await postForm(path, { intent: "accept", confirmed: "1" }, seeker.cookie);
    expect(accepted.status).toBe(303);
    expect(flashMessage(accepted)).toContain("オンライン自主応募で応募しました。");
    const [application, ...more] = await applications(seeker.seeker.id);
    expect(more).toHaveLength(0);
    expect(application).toMatchObject({
      channel: "application",
      officeCode: null,
      postingId: posting.id,
      establishmentId: yuba.establishment.id,
      referredOn: "2026-11-26",
      status: "screening",
    });
    expect(await requestRow(request.id)).toMatchObject({ status: "accepted", answeredAt: Date.parse(NOW) });
    const events = await db().select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, application!.id));
    expect(events.map((e) => [e.action, e.actorType, e.actorId])).toEqual([["referred", "seeker", seeker.account.id]]);
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, yuba.establishment.id));
    const notice = notices.find((n) => n.title === "求職者からオンライン自主応募がありました");
    expect(notice?.link).toBe(`/mypage/applicants/${application!.id}`);
    expect(notice?.body).not.toContain("架空 応募子");
    const mails = await db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.template, "applicationNotice"));
    expect(mails.map((m) => m.toAddress)).toEqual([yuba.main.email]);
    expect(mails[0]!.textBody).toContain(posting.jobNumber!);
    expect(mails[0]!.textBody).not.toContain("架空 応募子");
    expect(await audits("directRequest.accept")).toMatchObject([{ actorType: "seeker", actorId: seeker.account.id, subjectId: request.id }]);

    // A second answer (a replayed form) is refused in Japanese and changes nothing.
    const again = await postForm(path, { intent: "accept", confirmed: "1" }, seeker.cookie);
    expect(again.status).toBe(409);
    expect(textOf(parse(await again.text()).querySelector("[data-answer-error]"))).toBe(REQUEST_ANSWER_MESSAGES.answered);
    expect(await applications(seeker.seeker.id)).toHaveLength(1);
    expect(await audits("directRequest.accept")).toHaveLength(1);

    // The employer's 応募者管理: 応募経路 オンライン自主応募, and its 選考結果 registers like a referral's (R-REF-3).
    const list = parse(await (await workerFetch("/mypage/applicants", { cookie: yuba.cookie })).text());
    expect(textOf(list.querySelector(`tr[data-referral-id="${application!.id}"] [data-channel]`))).toBe("オンライン自主応募");
    const detail = await (await workerFetch(`/mypage/applicants/${application!.id}`, { cookie: yuba.cookie })).text();
    expect(bodyText(detail)).toContain("オンライン自主応募");
    const result = await postForm(
      `/mypage/applicants/${application!.id}`,
      { version: versionOf(application!), result: "hired", hireDate: "2026-12-01", conditionsDiffer: "false" },
      yuba.cookie,
    );
    expect(result.status).toBe(303);
    expect((await db().select().from(r).where(eq(r.id, application!.id)).get())?.status).toBe("hired");
  });

  it("R-SEARCH-2: 辞退する closes the request with an お知らせ to the employer (no mail); a posting that ended or an open referral refuses 応募する in Japanese", async () => {
    const { yuba, posting, seeker, request } = await world();
    const path = `/seeker/requests/${request.id}`;
    const confirm = await postForm(path, { intent: "decline" }, seeker.cookie);
    expect(textOf(parse(await confirm.text()).querySelector("[data-confirm='decline'] h2"))).toBe("このリクエストを辞退しますか");
    const declined = await postForm(path, { intent: "decline", confirmed: "1" }, seeker.cookie);
    expect(declined.status).toBe(303);
    expect(flashMessage(declined)).toBe("直接リクエストを辞退しました。");
    expect(await requestRow(request.id)).toMatchObject({ status: "declined" });
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, yuba.establishment.id));
    expect(notices.map((n) => n.title)).toContain("直接リクエストが辞退されました");
    expect(await db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.template, "applicationNotice"))).toHaveLength(0);
    expect(await audits("directRequest.decline")).toHaveLength(1);
    expect(await applications(seeker.seeker.id)).toHaveLength(0);
    const answered = parse(await (await workerFetch(path, { cookie: seeker.cookie })).text());
    expect(textOf(answered.querySelector("[data-answered]"))).toContain("辞退済み");
    expect(formsTo(answered, path)).toHaveLength(0);

    // 募集停止 (求人無効日 today, 2026-11-26): the page says why, and a forged 応募する is refused.
    const second = await directRequest(yuba, posting.id, (await signedInSeeker()).seeker.id);
    const other = await db().select().from(schema.seekerAccounts).where(eq(schema.seekerAccounts.seekerId, second.seekerId)).get();
    const stopped = { db: db(), clock: fixedClock(NOW), mail: testMail(), actor: { seekerId: second.seekerId, accountId: other!.id }, requestId: second.id };
    await db().update(schema.jobPostings).set({ status: "stopped", invalidatedOn: "2026-11-26" }).where(eq(schema.jobPostings.id, posting.id));
    expect(await answerDirectRequest({ ...stopped, answer: "accept" })).toEqual({
      ok: false,
      reason: "posting-closed",
      message: REQUEST_ANSWER_MESSAGES["posting-closed"],
    });
    expect(await applications(second.seekerId)).toHaveLength(0);

    // An open 紹介 to the same valid posting: 応募する is refused (one 選考中 row per seeker and posting).
    const valid = await acceptedPosting(yuba, NOW, { ...completePosting(), jobTitle: "検品スタッフ" });
    const third = await directRequest(yuba, valid.id, second.seekerId);
    await createReferral({ seekerId: second.seekerId, posting: valid, referredOn: "2026-11-20" });
    const refused = await answerDirectRequest({ ...stopped, requestId: third.id, answer: "accept" });
    expect(refused).toMatchObject({ ok: false, reason: "already-screening" });
    expect(await requestRow(third.id)).toMatchObject({ status: "requested" });
    expect(
      await db()
        .select()
        .from(r)
        .where(and(eq(r.seekerId, second.seekerId), eq(r.channel, "application"))),
    ).toHaveLength(0);
  });

  it("R-SEARCH-2: another seeker's request is a 404 (GET and POST, nothing changes); anonymous visitors sign in; employers and officers never reach the seeker's pages", async () => {
    const { yuba, request } = await world();
    const stranger = await signedInSeeker({ name: "架空 他人" });
    const officer = await signedInOfficer("0910", fixedClock(NOW));
    const path = `/seeker/requests/${request.id}`;
    const unchanged = async () => (await requestRow(request.id))?.status !== "requested";
    const failures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }, { name: "stranger", cookie: stranger.cookie }],
      [
        { name: "page", path, owners: [], secret: "ぜひご応募ください" },
        { name: "accept", method: "POST", path, body: { intent: "accept", confirmed: "1" }, owners: [], secret: "ぜひご応募ください", changed: unchanged },
        { name: "decline", method: "POST", path, body: { intent: "decline", confirmed: "1" }, owners: [], secret: "ぜひご応募ください", changed: unchanged },
      ],
    );
    expect(describeMatrixFailures(failures)).toBe("");
    expect(bodyText(await (await workerFetch("/seeker", { cookie: stranger.cookie })).text())).not.toContain("ぜひご応募ください");
    // An employer's or an officer's session is not a seeker's: the seeker's sign-in, never the data.
    for (const cookie of [yuba.cookie, officer.cookie]) {
      for (const target of ["/seeker", path]) {
        const res = await workerFetch(target, { cookie });
        expect(res.status).toBe(302);
        expect(new URL(res.headers.get("Location")!, "http://x").pathname).toBe("/seeker/login");
      }
      const post = await postForm(path, { intent: "accept", confirmed: "1" }, cookie);
      expect(post.status).toBe(302);
    }
    expect(await unchanged()).toBe(false);
  });
});
