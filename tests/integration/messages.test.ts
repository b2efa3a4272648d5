/**
 * Messages through the Worker (R-MSG-1, R-REF-3, issue 12): the employer starts a conversation from a referral and
 * writes; the seeker sees 未読 1, opens it (read_at set, the employer sees 既読) and replies; each side is told by a mail
 * that holds no message text. Sending is refused with the reason while the employer is restricted (R-GATE-3; the
 * seeker still replies), once the last concerning posting is stopped (both sides; reading stays), and to a seeker
 * without a 求職者マイページ. A registered 選考結果 is sent as a message (kind 'result'), once.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { flashMessage } from "../helpers/flash";
import { bodyText, formsTo, links, parse, textOf } from "../helpers/html";
import { MAIN_EMAIL, openMyPage } from "../helpers/mypage";
import { acceptedPosting } from "../helpers/postings";
import { createReferral, createSeeker } from "../helpers/referrals";
import { signedInSeeker } from "../helpers/seeker-auth";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const m = schema.messages;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

const page = async (path: string, cookie: string) => {
  const res = await workerFetch(path, { cookie });
  expect(res.status, path).toBe(200);
  return parse(await res.text());
};
const refusal = (doc: Document) => textOf(doc.querySelector("[data-refused-reason]"));
const threadRow = (doc: Document, threadId: string) => textOf(doc.querySelector(`[data-thread-id="${threadId}"]`));

describe("R-MSG-1 (issue 12): a conversation between an establishment and a seeker", () => {
  it("R-MSG-1, R-GATE-3, R-REF-3: employer writes from a referral, seeker reads (既読) and replies, mails without text; restriction and a stopped posting refuse", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker({ email: "hanako@example.jp" });
    const referral = await createReferral({ seekerId: seeker.seeker.id, posting, referredOn: "2026-11-20" });

    // The employer starts from the referral (the seeker's 氏名 is disclosed through it).
    const start = await page(`/mypage/messages/new?referral=${referral.id}`, yuba.cookie);
    expect(formsTo(start, `/mypage/messages/new?referral=${referral.id}`)).toHaveLength(1);
    const first = "面接の日程についてご相談させてください。\n11月30日はいかがでしょうか。";
    const sent = await postForm(`/mypage/messages/new?referral=${referral.id}`, { body: first }, yuba.cookie);
    expect(sent.status).toBe(303);
    expect(flashMessage(sent)).toBe("メッセージを送りました。");
    const threadId = sent.headers.get("Location")!.split("/").pop()!;
    // Another visit of the start page goes to the thread.
    const again = await workerFetch(`/mypage/messages/new?referral=${referral.id}`, { cookie: yuba.cookie });
    expect(again.headers.get("Location")).toBe(`/mypage/messages/${threadId}`);

    // The seeker: 未読 1 on the home page and in the list; opening the thread marks it read.
    const home = await page("/seeker", seeker.cookie);
    expect(bodyText(home)).toContain("未読のメッセージが1件あります。");
    expect(links(home, "メッセージ一覧")).toEqual([["メッセージ一覧", "/seeker/messages"]]);
    expect(threadRow(await page("/seeker/messages", seeker.cookie), threadId)).toContain("未読 1件");
    const seekerThread = await page(`/seeker/messages/${threadId}`, seeker.cookie);
    expect(textOf(seekerThread.querySelector("[data-message-id]"))).toContain("11月30日はいかがでしょうか。");
    expect(textOf(seekerThread.querySelector("h1"))).toBe("株式会社日光ゆば工房とのメッセージ");
    // The site header names the seeker's service on /seeker pages (and the employer's elsewhere).
    expect(textOf(seekerThread.querySelector("header a"))).toBe("ハローワークインターネットサービス求職者マイページ");
    expect(textOf(start.querySelector("header a"))).toBe("ハローワークインターネットサービス求人者マイページ");
    const stored = await db().select().from(m).where(eq(m.threadId, threadId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.readAt).not.toBeNull();
    expect(threadRow(await page("/seeker/messages", seeker.cookie), threadId)).toContain("なし");

    // The employer sees 既読 on its message and the seeker by name.
    const employerThread = await page(`/mypage/messages/${threadId}`, yuba.cookie);
    expect(employerThread.querySelector('[data-mine="true"] [data-read]')?.getAttribute("data-read")).toBe("true");
    expect(textOf(employerThread.querySelector("h1"))).toBe("架空 花子とのメッセージ");

    // The seeker replies; the employer's list shows it unread.
    const reply = "ありがとうございます。30日で大丈夫です。";
    expect((await postForm(`/seeker/messages/${threadId}`, { body: reply }, seeker.cookie)).status).toBe(303);
    const list = await page("/mypage/messages", yuba.cookie);
    expect(threadRow(list, threadId)).toContain("架空 花子");
    expect(threadRow(list, threadId)).toContain("未読 1件");

    // One mail each way, naming no text; the audit rows hold no text either.
    const mails = await db().select().from(schema.mailOutbox);
    const toSeeker = mails.filter((mail) => mail.template === "messageToSeeker");
    const toEmployer = mails.filter((mail) => mail.template === "messageToEmployer");
    expect(toSeeker.map((mail) => [mail.toAddress, mail.subject])).toEqual([["hanako@example.jp", "【求職者マイページ】事業所からメッセージが届きました"]]);
    expect(toEmployer.map((mail) => [mail.toAddress, mail.subject])).toEqual([[MAIN_EMAIL, "【求人者マイページ】求職者からメッセージが届きました"]]);
    const audit = await db().select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, threadId));
    expect(audit.map((row) => row.action)).toEqual(["message.send", "message.send"]);
    for (const text of [...toSeeker, ...toEmployer].flatMap((mail) => [mail.subject, mail.textBody, mail.htmlBody ?? ""]).concat(audit.map((a) => a.details))) {
      expect(text).not.toContain("11月30日");
      expect(text).not.toContain("30日で大丈夫");
    }

    // R-REF-3: a registered 不採用 sent as a message, once.
    await db().update(schema.referrals).set({ status: "rejected", conditionsDiffer: false, resultAt: Date.now() }).where(eq(schema.referrals.id, referral.id));
    const applicant = await page(`/mypage/applicants/${referral.id}`, yuba.cookie);
    expect(links(applicant, "メッセージ").map(([, href]) => href)).toContain(`/mypage/messages/${threadId}`);
    expect(textOf(applicant.querySelector('input[name="intent"][value="sendResult"]')?.closest("form"))).toBe("選考結果をメッセージで送る");
    const resultSent = await postForm(`/mypage/applicants/${referral.id}`, { intent: "sendResult" }, yuba.cookie);
    expect(flashMessage(resultSent)).toBe("選考結果をメッセージで送りました。");
    const result = await db()
      .select()
      .from(m)
      .where(and(eq(m.threadId, threadId), eq(m.kind, "result")));
    expect(result.map((row) => [row.referralId, row.senderType])).toEqual([[referral.id, "employer"]]);
    expect(result[0]!.body).toContain("採用を見送らせていただく");
    expect(flashMessage(await postForm(`/mypage/applicants/${referral.id}`, { intent: "sendResult" }, yuba.cookie))).toBe(
      "この選考結果は、すでにメッセージで送っています。",
    );

    // R-GATE-3: restricted, the employer cannot send (the page says why), the seeker still can.
    await db().update(schema.establishments).set({ restrictedAt: Date.now() }).where(eq(schema.establishments.id, yuba.establishment.id));
    expect(refusal(await page(`/mypage/messages/${threadId}`, yuba.cookie))).toContain("利用が制限されています");
    const refused = await postForm(`/mypage/messages/${threadId}`, { body: "制限中の送信" }, yuba.cookie);
    expect(refused.status).toBe(403);
    expect((await postForm(`/seeker/messages/${threadId}`, { body: "制限中でも返信できます" }, seeker.cookie)).status).toBe(303);
    // R-GATE-2: a 利用不可 My Page receives nothing either (the employer cannot sign in at all then).
    await db()
      .update(schema.establishments)
      .set({ restrictedAt: null, status: "unusable", unusableAt: Date.now() })
      .where(eq(schema.establishments.id, yuba.establishment.id));
    expect(refusal(await page(`/seeker/messages/${threadId}`, seeker.cookie))).toBe(
      "この事業所には、現在メッセージを送れません。ご登録のハローワークにお問い合わせください。",
    );
    expect((await postForm(`/seeker/messages/${threadId}`, { body: "利用不可への返信" }, seeker.cookie)).status).toBe(403);
    await db().update(schema.establishments).set({ status: "open", unusableAt: null }).where(eq(schema.establishments.id, yuba.establishment.id));

    // The last concerning posting stopped today: both sides refused with the reason; the messages stay readable.
    await db().update(schema.jobPostings).set({ status: "stopped", invalidatedOn: "2026-11-26" }).where(eq(schema.jobPostings.id, posting.id));
    const stopped = await page(`/mypage/messages/${threadId}`, yuba.cookie);
    // (its only valid posting: R-GATE-1's reason; with another valid posting it would be R-MSG-1's, tests/unit/message.test.ts)
    expect(refusal(stopped)).toContain("有効中の求人がないため利用できません");
    expect(formsTo(stopped, `/mypage/messages/${threadId}`)).toHaveLength(0);
    expect(stopped.querySelectorAll("[data-message-id]")).toHaveLength(4);
    expect((await postForm(`/mypage/messages/${threadId}`, { body: "停止後の送信" }, yuba.cookie)).status).toBe(403);
    expect(refusal(await page(`/seeker/messages/${threadId}`, seeker.cookie))).toContain("有効中でないため");
    expect((await postForm(`/seeker/messages/${threadId}`, { body: "停止後の返信" }, seeker.cookie)).status).toBe(403);
    expect(await db().select().from(m).where(eq(m.threadId, threadId))).toHaveLength(4);
  });

  it("R-MSG-1: a seeker without a 求職者マイページ cannot be written to — the page says why and the POST stores nothing", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await createSeeker({ name: "架空 太郎" });
    const referral = await createReferral({ seekerId: seeker.id, posting, referredOn: "2026-11-20" });
    const start = await page(`/mypage/messages/new?referral=${referral.id}`, yuba.cookie);
    expect(refusal(start)).toBe("この求職者は求職者マイページを開設していないため、メッセージを送れません。");
    const res = await postForm(`/mypage/messages/new?referral=${referral.id}`, { body: "こんにちは" }, yuba.cookie);
    expect(res.status).toBe(403);
    expect(await db().select().from(schema.messageThreads)).toHaveLength(0);
    expect(await db().select().from(m)).toHaveLength(0);
  });

  it("R-MSG-1: from a 直接リクエスト the seeker is named by the 公開番号 only (no referral: the name is not disclosed)", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker({ name: "架空 秘密子" });
    const requestId = newId();
    await db()
      .insert(schema.directRequests)
      .values({
        id: requestId,
        postingId: posting.id,
        establishmentId: yuba.establishment.id,
        seekerId: seeker.seeker.id,
        requestedBy: yuba.main.id,
        message: "",
        createdAt: Date.parse(NOW),
      });
    const start = await page(`/mypage/messages/new?request=${requestId}`, yuba.cookie);
    expect(textOf(start.querySelector("h1"))).toMatch(/^公開番号 [0-9A-Z-]+へのメッセージ$/);
    const sent = await postForm(`/mypage/messages/new?request=${requestId}`, { body: "ご検討ください。" }, yuba.cookie);
    expect(sent.status).toBe(303);
    const list = await (await workerFetch("/mypage/messages", { cookie: yuba.cookie })).text();
    expect(list).toContain("公開番号 ");
    expect(list).not.toContain("架空 秘密子");
  });

  it("R-MSG-1: the seeker writes first from a 直接リクエスト; the employer sees 未読 1; another seeker's request is a 404", async () => {
    const yuba = await openMyPage();
    const posting = await acceptedPosting(yuba);
    const seeker = await signedInSeeker({ name: "架空 先手" });
    const other = await signedInSeeker({ name: "架空 他人" });
    const requestId = newId();
    await db()
      .insert(schema.directRequests)
      .values({
        id: requestId,
        postingId: posting.id,
        establishmentId: yuba.establishment.id,
        seekerId: seeker.seeker.id,
        requestedBy: yuba.main.id,
        message: "ぜひご応募ください。",
        createdAt: Date.parse(NOW),
      });
    const path = `/seeker/messages/new?request=${requestId}`;
    expect(links(await page(`/seeker/requests/${requestId}`, seeker.cookie), "この事業所にメッセージを送る")).toEqual([["この事業所にメッセージを送る", path]]);
    const start = await page(path, seeker.cookie);
    expect(textOf(start.querySelector("h1"))).toBe("株式会社日光ゆば工房へのメッセージ");
    expect((await workerFetch(path, { cookie: other.cookie })).status).toBe(404);
    expect((await postForm(path, { body: "なりすまし" }, other.cookie)).status).toBe(404);
    const sent = await postForm(path, { body: "見学は可能でしょうか。" }, seeker.cookie);
    expect(flashMessage(sent)).toBe("メッセージを送りました。");
    const threadId = sent.headers.get("Location")!.split("/").pop()!;
    expect(threadRow(await page("/mypage/messages", yuba.cookie), threadId)).toContain("未読 1件");
    // Another visit goes to the thread; nothing of the other seeker was stored.
    expect((await workerFetch(path, { cookie: seeker.cookie })).headers.get("Location")).toBe(`/seeker/messages/${threadId}`);
    expect(await db().select().from(m).where(eq(m.body, "なりすまし"))).toHaveLength(0);
  });
});
