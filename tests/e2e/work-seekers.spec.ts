/**
 * Issue 12 end to end (R-SEARCH-1, R-SEARCH-2, R-MSG-1…3), on the demo data (scripts/lib/demo-published-seekers.ts,
 * demo-requests-messages.ts): 株式会社日光ゆば工房 searches the published seekers (a two-character word, then 手話),
 * opens 公開番号 of 架空 花子 — no name on the page — and sends a 直接リクエスト for its 製造スタッフ; 花子 signs in to the
 * 求職者マイページ, applies (オンライン自主応募) and writes first; the employer gets the お知らせ, sees the application
 * in 応募者管理 and replies in the conversation (花子's message shows 既読 to her); once the employer stops the
 * 製造スタッフ, no valid posting concerns 花子 and both sides are refused with the reason; messages.erase at /dev keeps
 * the fresh messages and, with the clock a year and a day ahead, erases them.
 * This file runs last (its name sorts after tour.spec.ts): it stops the 製造スタッフ that the tour expects valid.
 */
import type { Browser, Page } from "@playwright/test";
import { jstDate } from "../../app/lib/clock";
import { expect, test } from "./fixtures";
import { clearServerClock, DEMO, employerSignIn, field, seekerSignIn, setServerClock } from "./support";

const YUBA = "saiyo@nikko-yuba.example.jp";
const HANAKO = { email: "seeker-09100-1@example.jp", name: "架空 花子" };
const POSTING = "demo-job-yuba-seizo";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function flash(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text }).first()).toBeVisible();
}

async function runJob(page: Page, job: string) {
  await page.goto("/dev");
  await page.getByRole("button", { name: `${job} を実行` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${job}:` })).toBeVisible();
}

test("R-SEARCH-1, R-SEARCH-2, R-MSG-1, R-MSG-2, R-MSG-3 (issue 12): 事業所が求職情報を検索して直接リクエストし、求職者が応募してメッセージを書き、事業所が返信する。求人を停止すると送信は理由とともに断られ、1年を過ぎたメッセージは日次処理で消える", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const employer = await newPage(browser);
  await employerSignIn(employer, YUBA, DEMO.employerPassword);
  await employer.getByRole("link", { name: "求職情報検索" }).click();

  // R-SEARCH-1: a two-character word finds seekers; 手話 finds 花子 alone, by 公開番号 only.
  await field(employer, "キーワード").fill("介護");
  await employer.getByRole("button", { name: "検索する" }).click();
  await expect(employer.locator("[data-result-count]")).toContainText("人の求職者が見つかりました");
  await field(employer, "キーワード").fill("手話");
  await employer.getByRole("button", { name: "検索する" }).click();
  await expect(employer.locator("[data-result-count]")).toContainText("1人の求職者が見つかりました");
  await expect(employer.getByRole("main")).not.toContainText(HANAKO.name);
  await employer.getByRole("link", { name: /^公開番号 .* の詳細$/ }).click();
  await expect(employer.getByRole("heading", { level: 1 })).toContainText("求職者");
  await expect(employer.getByRole("main")).toContainText("手話");
  await expect(employer.getByRole("main")).not.toContainText(HANAKO.name);

  // R-SEARCH-2: the request, with the remaining count.
  await expect(employer.locator(`[data-posting-id="${POSTING}"]`)).toContainText("残り 10 件");
  await field(employer, "リクエストする求人").selectOption(POSTING);
  await field(employer, "メッセージ").fill("湯波の製造に興味はありませんか。見学もできます。");
  await employer.getByRole("button", { name: "リクエストを送る" }).click();
  await flash(employer, /直接リクエストを送りました。このリクエストはあと ?9 ?件送れます。/);

  // The seeker: the request on the home page, 応募する (confirmed), then the first message.
  const seeker = await newPage(browser);
  await seekerSignIn(seeker, HANAKO.email, DEMO.seekerPassword);
  await expect(seeker.getByRole("heading", { level: 1 })).toContainText("求職者マイページ");
  await seeker.getByRole("row").filter({ hasText: "株式会社日光ゆば工房" }).getByRole("link").first().click();
  await expect(seeker.getByRole("main")).toContainText("湯波の製造に興味はありませんか。");
  await seeker.getByRole("button", { name: "応募する" }).click();
  await seeker.getByRole("button", { name: "応募を確定する" }).click();
  await flash(seeker, "オンライン自主応募で応募しました。");
  const request = seeker.getByRole("row").filter({ hasText: "株式会社日光ゆば工房" });
  await expect(request).toContainText("応募済み");
  await request.getByRole("link").first().click();
  await seeker.getByRole("link", { name: "この事業所にメッセージを送る" }).click();
  await field(seeker, "メッセージ").fill("応募しました。見学を希望します。");
  await seeker.getByRole("button", { name: "送信する" }).click();
  await flash(seeker, "メッセージを送りました。");
  const seekerThread = seeker.url();

  // R-MSG-2: the employer's お知らせ (one list, unread first); the application in 応募者管理.
  await employer.goto("/mypage");
  await expect(employer.getByRole("main")).toContainText("求職者からオンライン自主応募がありました");
  await employer.getByRole("link", { name: "すべてのお知らせ" }).click();
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText("お知らせ一覧");
  await employer.getByRole("link", { name: "求職者からオンライン自主応募がありました" }).first().click();
  await expect(employer.getByRole("main")).toContainText("オンライン自主応募");
  await employer.goto("/mypage/applicants");
  await expect(employer.getByRole("main")).toContainText("オンライン自主応募");

  // R-MSG-1: the conversation — 未読 1, then the reply; the seeker sees 既読 on her message and the reply.
  await employer.goto("/mypage");
  await employer.getByRole("link", { name: "メッセージ", exact: true }).click();
  const row = employer.getByRole("row").filter({ hasText: HANAKO.name });
  await expect(row).toContainText("未読 1件");
  await row.getByRole("link", { name: HANAKO.name }).click();
  await expect(employer.getByRole("main")).toContainText("応募しました。見学を希望します。");
  await field(employer, "メッセージ").fill("ご応募ありがとうございます。12月の平日でご都合のよい日をお知らせください。");
  await employer.getByRole("button", { name: "送信する" }).click();
  await flash(employer, "メッセージを送りました。");
  await seeker.goto("/seeker");
  await expect(seeker.getByRole("main")).toContainText(/未読のメッセージが[1-9]\d*件あります。/);
  await seeker.goto(seekerThread);
  await expect(seeker.getByRole("main")).toContainText("12月の平日でご都合のよい日");
  await expect(seeker.locator("[data-message-id]").filter({ hasText: "見学を希望します" })).toContainText("既読");

  // The employer stops the 製造スタッフ: no valid posting concerns 花子 any more — both sides are told why.
  await employer.goto(`/mypage/postings/${POSTING}`);
  await field(employer, "募集を停止する理由").selectOption({ index: 1 });
  await employer.getByLabel(/募集を停止すると/).check();
  await employer.getByRole("button", { name: "募集を停止する" }).click();
  await expect(employer.getByRole("main")).toContainText("求人無効日");
  await employer.goto("/mypage/messages");
  await employer.getByRole("row").filter({ hasText: HANAKO.name }).getByRole("link", { name: HANAKO.name }).click();
  await expect(employer.locator("[data-refused-reason]")).toBeVisible();
  await expect(employer.getByRole("button", { name: "送信する" })).toHaveCount(0);
  await seeker.reload();
  await expect(seeker.locator("[data-refused-reason]")).toBeVisible();

  // R-MSG-3: today's run keeps the fresh messages; a run a year and a day later erases them (the thread stays).
  await runJob(employer, "messages.erase");
  await seeker.reload();
  await expect(seeker.locator("[data-message-id]")).toHaveCount(2);
  const today = jstDate(Date.now());
  const later = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  try {
    await setServerClock(employer.request, `${later}T09:00`);
    await runJob(employer, "messages.erase");
  } finally {
    await clearServerClock(employer.request);
  }
  await seeker.reload();
  await expect(seeker.locator("[data-message-id]")).toHaveCount(0);
});
