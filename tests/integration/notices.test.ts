/**
 * R-MSG-2 (issue 12): the one list of お知らせ, /mypage/notices — all of the establishment's notices, unread first then
 * newest, 50 a page, 「未読」 marked; opening one marks it read; the home page's box links 「すべてのお知らせ」; another
 * establishment's notices are never listed. And every gate change writes an お知らせ, 利用不可 included (read after the
 * 利用再開).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { approveChangeRequest, returnChangeRequest } from "../../app/models/establishment-change.server";
import { restoreUsable, setUnusable } from "../../app/models/gates/usability.server";
import { reviewImage } from "../../app/models/images.server";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { pendingRequest } from "../helpers/establishment-change";
import { createStaffAccount, signIn } from "../helpers/factories";
import { imagesOf, insertImages } from "../helpers/images";
import { links, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { testMail } from "../helpers/postings";
import { workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const HOUR = 3_600_000;

beforeEach(async () => {
  await setWorkerNow(NOW);
});

/** The listed notices of a page, in order: [title, unread?]. */
function listed(html: string): [string, boolean][] {
  return [...parse(html).querySelectorAll("li[data-notice-id]")].map((li) => [textOf(li.querySelector("a")), li.getAttribute("data-unread") === "true"]);
}

describe("R-MSG-2 (issue 12): the one list of お知らせ", () => {
  it("R-MSG-2: /mypage/notices lists all of the establishment's notices, unread first then newest, 50 a page with 「未読」; opening one marks it read; the home box links it", async () => {
    const yuba = await openMyPage();
    const hotel = await openMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    const base = Date.parse(NOW) - 100 * HOUR;
    // 51 read notices (お知らせ1 oldest … お知らせ51 newest), then two unread older than all of them, and another establishment's.
    const rows: { title: string; createdAt: number; readAt: number | null }[] = Array.from({ length: 51 }, (_, i) => ({
      title: `お知らせ${i + 1}`,
      createdAt: base + i * HOUR,
      readAt: base + 60 * HOUR,
    }));
    rows.push({ title: "未読の古いお知らせ", createdAt: base - 2 * HOUR, readAt: null });
    rows.push({ title: "未読のお知らせ", createdAt: base - HOUR, readAt: null });
    const values: (typeof schema.notices.$inferInsert)[] = rows.map((r) => ({
      id: newId(),
      establishmentId: yuba.establishment.id,
      body: "本文",
      link: "/mypage/postings",
      ...r,
    }));
    values.push({ id: newId(), establishmentId: hotel.establishment.id, title: "ホテルのお知らせ", body: "本文", link: null, createdAt: base, readAt: null });
    for (let i = 0; i < values.length; i += 12)
      await db()
        .insert(schema.notices)
        .values(values.slice(i, i + 12));

    const first = await (await workerFetch("/mypage/notices", { cookie: yuba.cookie })).text();
    const page1 = listed(first);
    expect(page1).toHaveLength(50);
    expect(page1.slice(0, 3)).toEqual([
      ["未読のお知らせ", true],
      ["未読の古いお知らせ", true],
      ["お知らせ51", false],
    ]);
    expect(page1.at(-1)).toEqual(["お知らせ4", false]);
    expect(textOf(parse(first).querySelector("[data-notice-count]"))).toBe(
      "お知らせは53件です（1〜50件目を表示）。未読のお知らせが2件あります（未読を先に表示しています）。",
    );
    expect(first).not.toContain("ホテルのお知らせ");
    const second = await (await workerFetch("/mypage/notices?page=2", { cookie: yuba.cookie })).text();
    expect(listed(second)).toEqual([
      ["お知らせ3", false],
      ["お知らせ2", false],
      ["お知らせ1", false],
    ]);

    // Opening one marks it read: it moves among the read ones, by its date (older than お知らせ1: last).
    const unreadId = values.find((v) => v.title === "未読のお知らせ")!.id!;
    expect((await workerFetch(`/mypage/notices/${unreadId}`, { cookie: yuba.cookie })).status).toBe(200);
    expect(listed(await (await workerFetch("/mypage/notices", { cookie: yuba.cookie })).text())[0]).toEqual(["未読の古いお知らせ", true]);
    expect(listed(await (await workerFetch("/mypage/notices?page=2", { cookie: yuba.cookie })).text()).slice(-2)).toEqual([
      ["お知らせ1", false],
      ["未読のお知らせ", false],
    ]);
    // The home page's box links the list.
    expect(links(await (await workerFetch("/mypage", { cookie: yuba.cookie })).text(), "すべてのお知らせ")).toEqual([["すべてのお知らせ", "/mypage/notices"]]);
    // Another establishment's notice cannot be opened, and anonymous visitors sign in.
    const hotelNotice = values.at(-1)!.id!;
    expect((await workerFetch(`/mypage/notices/${hotelNotice}`, { cookie: yuba.cookie })).status).toBe(404);
    expect((await workerFetch("/mypage/notices")).status).toBe(302);
  });

  it("R-MSG-2, R-GATE-2: 利用不可 writes an お知らせ too (no link); after 利用再開 the list shows both, newest first", async () => {
    const yuba = await openMyPage();
    const officer = await createStaffAccount("0910");
    const change = {
      scope: { staffId: officer.id, officeCode: "0910" },
      establishment: { id: yuba.establishment.id, name: yuba.establishment.name },
      office: { name: "ハローワーク日光", phone: "0288-22-0353" },
      reason: "不正利用の疑い",
    };
    expect(await setUnusable(db(), fixedClock(NOW), testMail(), change)).toEqual({ ok: true });
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, yuba.establishment.id));
    expect(notices.map((n) => [n.title, n.link])).toEqual([["求人者マイページが利用不可になりました", null]]);
    expect(notices[0]!.body).not.toContain("不正利用の疑い");
    expect(await restoreUsable(db(), fixedClock(Date.parse(NOW) + HOUR), testMail(), change)).toEqual({ ok: true });
    const cookie = await signIn("employer", yuba.main.id, fixedClock(NOW));
    expect(listed(await (await workerFetch("/mypage/notices", { cookie })).text())).toEqual([
      ["求人者マイページを再び利用できるようになりました", true],
      ["求人者マイページが利用不可になりました", true],
    ]);
  });

  it("R-MSG-2: the review results of 画像 (承認・差戻し) and 事業所情報の変更 (承認・差戻し) are お知らせ too", async () => {
    const yuba = await openMyPage();
    const officer = await createStaffAccount("0910");
    const scope = { staffId: officer.id, officeCode: "0910" };
    const clock = fixedClock(NOW);
    await insertImages(yuba.establishment.id, ["pending", "pending"]);
    const [first, second] = await imagesOf(yuba.establishment.id);
    expect(await reviewImage(db(), clock, testMail(), scope, first!.id, { decision: "approve" })).toBe(true);
    expect(await reviewImage(db(), clock, testMail(), scope, second!.id, { decision: "reject", reason: "人物が写っています" })).toBe(true);
    const change = await pendingRequest(yuba);
    expect(await returnChangeRequest(db(), clock, testMail(), scope, change.id, "電話番号をご確認ください")).toEqual({ ok: true });
    const again = await pendingRequest(yuba);
    expect(await approveChangeRequest(db(), clock, testMail(), scope, again.id)).toEqual({ ok: true });
    const notices = await db().select().from(schema.notices).where(eq(schema.notices.establishmentId, yuba.establishment.id));
    expect(notices.map((n) => [n.title, n.link]).sort()).toEqual(
      [
        ["画像が承認されました", "/mypage/images"],
        ["画像が差し戻されました", "/mypage/images"],
        ["事業所情報の変更が差し戻されました", "/mypage/establishment"],
        ["事業所情報の変更が承認されました", "/mypage/establishment"],
      ].sort(),
    );
    expect(notices.find((n) => n.title === "画像が差し戻されました")?.body).toContain("差戻しの理由：人物が写っています");
  });
});
