/**
 * 求人 end to end (R-JOB-1…4): an employer fills the whole 8-screen wizard (leaving and resuming the draft, meeting an
 * orange warning), submits; the officer returns it with a comment; the employer fixes and resubmits; the officer
 * accepts; the posting is on the public search; the employer stops it; it disappears and its 求人無効日 is set.
 * The wizard is also walked without JavaScript.
 *
 * The screens are filled from a complete, lawful 求人票 (the demo's) through the wizard's own form values, so every
 * field of every screen is typed into the browser.
 */
import type { PostingContent } from "../../app/rules/posting/types";
import { jstDate } from "../../app/lib/clock";
import { demoContent } from "../../scripts/lib/demo-postings";
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, fillScreen, nextScreen as next, staffSignIn } from "./support";

const GYOZA = "recruit@utsunomiya-gyoza.example.jp";

function journeyContent(): PostingContent {
  const c = demoContent();
  return {
    ...c,
    jobTitle: "倉庫内作業スタッフ（ピッキング）",
    jobDescription: "冷凍倉庫での商品のピッキングと出荷準備です。\n・ハンディ端末で商品を集めます\n・フォークリフト資格は不要です",
    company: { ...c.company, businessDescription: "冷凍ぎょうざの製造・販売", homepage: "https://utsunomiya-gyoza.example.jp" },
    // 月平均50時間の時間外労働（特別条項なし）: an orange warning on screen 5.
    hours: { ...c.hours, overtime: { present: true, monthlyAverageMinutes: 50 * 60, specialClause: false } },
    selection: { ...c.selection, contact: { ...c.selection.contact, name: "餃子 包", nameKana: "ギョウザ ツツム", phone: "028-000-1006", email: GYOZA } },
  };
}

test("R-JOB-1, R-JOB-2, R-JOB-4: 求人を申し込み、修正依頼を受けて直し、受理されて公開され、募集停止で消える", async ({ browser }) => {
  test.setTimeout(240_000);
  const content = journeyContent();
  const employer = await (await browser.newContext()).newPage();
  await employerSignIn(employer, GYOZA, DEMO.employerPassword);
  await employer.getByRole("link", { name: "求人の申込み" }).first().click();
  await expect(employer).toHaveURL(/\/mypage\/postings\/new$/);
  await employer.getByRole("button", { name: "新しい求人を入力する" }).click();
  await expect(employer).toHaveURL(/\/mypage\/postings\/[^/]+\/step\/1$/);
  const postingUrl = employer.url().replace(/\/step\/1$/, "");

  // Screens 1–3, then screen 4 saved with 一時保存 and left.
  for (const step of [1, 2, 3] as const) {
    await expect(employer.getByRole("heading", { level: 1 })).toBeVisible();
    await fillScreen(employer, step, content);
    await next(employer, step);
    await expect(employer).toHaveURL(new RegExp(`/step/${step + 1}$`));
  }
  await fillScreen(employer, 4, content);
  await employer.getByRole("button", { name: "一時保存" }).click();
  await expect(employer.getByRole("status").filter({ hasText: "一時保存しました" })).toBeVisible();
  await employer.goto("/mypage");

  // Resume: the list shows the draft; its page continues where it was left.
  await employer.getByRole("link", { name: "求人の一覧" }).first().click();
  await employer.getByRole("link", { name: content.jobTitle }).click();
  await employer.getByRole("button", { name: "入力を続ける" }).click();
  await expect(employer).toHaveURL(/\/step\/4$/);
  await expect(employer.locator('[name="wage.baseMin"]')).toHaveValue(String(content.wage.baseMin));

  await next(employer, 4);
  await expect(employer).toHaveURL(/\/step\/5$/);
  await fillScreen(employer, 5, content);
  await next(employer, 5);
  // The orange warning stops once, beside its field; pressing 次へ進む again goes on.
  await expect(employer).toHaveURL(/\/step\/5$/);
  await expect(employer.locator('[data-field-warning="hours.overtime.monthlyAverageMinutes"]')).toContainText("確認：");
  await next(employer, 5);
  await expect(employer).toHaveURL(/\/step\/6$/);
  for (const step of [6, 7, 8] as const) {
    await fillScreen(employer, step, content);
    await next(employer, step);
    if (step < 8) await expect(employer).toHaveURL(new RegExp(`/step/${step + 1}$`));
  }
  await expect(employer).toHaveURL(new RegExp(`${postingUrl}$`));
  await expect(employer.getByRole("article", { name: "求人票" })).toContainText(content.jobTitle);
  await employer.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(employer.getByRole("status").first()).toContainText("申し込みました");

  // The officer of ハローワーク宇都宮 returns it with a comment.
  const officer = await (await browser.newContext()).newPage();
  await staffSignIn(officer, DEMO.utsunomiyaOfficer);
  await officer.getByRole("link", { name: "求人の確認" }).first().click();
  await officer.getByRole("link", { name: content.jobTitle }).first().click();
  const comment = "仕事内容に、冷凍倉庫内の温度（マイナス20度程度）と防寒着の貸与について記載してください。";
  await field(officer, "修正依頼の内容（コメント）").fill(comment);
  await officer.getByRole("button", { name: "修正依頼をする" }).click();
  await expect(officer.getByRole("status").first()).toContainText("修正依頼");

  // The employer sees the comment, fixes 仕事内容 on screen 3 and submits again.
  await employer.goto(postingUrl);
  await expect(employer.getByRole("alert").filter({ hasText: comment })).toBeVisible();
  await employer.getByRole("button", { name: "入力画面で修正する" }).click();
  await expect(employer).toHaveURL(/\/step\/1$/);
  await employer.goto(`${postingUrl}/step/3`);
  await field(employer, "仕事内容").fill(`${content.jobDescription}\n・倉庫内はマイナス20度程度です。防寒着を貸与します`);
  await employer.getByRole("button", { name: "一時保存" }).click();
  await expect(employer.getByRole("status").filter({ hasText: "一時保存しました" })).toBeVisible();
  await employer.goto(postingUrl);
  await employer.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(employer.getByRole("status").first()).toContainText("申し込みました");

  // The officer accepts: a 求人番号 of the office (09010-…).
  await officer.reload();
  await officer.getByRole("button", { name: "受理する" }).click();
  const accepted = officer.getByRole("status").first();
  await expect(accepted).toContainText(/09010-\d{8}/);
  const jobNumber = /09010-\d{8}/.exec((await accepted.textContent()) ?? "")![0];

  // Public search: anyone finds it by a word of its 仕事内容, with full-width input.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/jobs");
  await field(visitor, "キーワード").fill("ピッキング　防寒着");
  await visitor.getByRole("button", { name: /検索/ }).click();
  await visitor.getByRole("link", { name: content.jobTitle }).click();
  await expect(visitor.getByRole("main")).toContainText(jobNumber);
  await expect(visitor.getByRole("main")).toContainText("防寒着を貸与します");

  // The employer stops it: invalid at once, 求人無効日 = today (JST).
  await employer.goto(postingUrl);
  await expect(employer.getByRole("main")).toContainText(jobNumber);
  await field(employer, "募集を停止する理由").selectOption({ index: 1 });
  await employer.getByLabel(/募集を停止すると/).check();
  await employer.getByRole("button", { name: "募集を停止する" }).click();
  const today = jstDate(Date.now());
  const [y, m, d] = today.split("-").map(Number);
  await expect(employer.getByRole("main")).toContainText(`${y}年${m}月${d}日`);
  await expect(employer.getByRole("main")).toContainText("求人無効日");

  await visitor.goto(`/jobs?q=${encodeURIComponent("ピッキング")}`);
  await expect(visitor.getByRole("link", { name: content.jobTitle })).toHaveCount(0);
  const gone = await visitor.goto(`/jobs/${jobNumber}`);
  expect(gone?.status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("R-JOB-1: the wizard saves, stops on a red message and goes on without JavaScript", async ({ page }) => {
    // Three wizard screens typed field by field: ~40 s beside vitest, more on a loaded machine.
    test.setTimeout(120_000);
    await employerSignIn(page, "saiyo@nikko-yuba.example.jp", DEMO.employerPassword);
    await page.goto("/mypage/postings/new");
    await page.getByRole("button", { name: "新しい求人を入力する" }).click();
    await expect(page).toHaveURL(/\/step\/1$/);
    const content = demoContent();
    await fillScreen(page, 1, content);
    await next(page, 1);
    await expect(page).toHaveURL(/\/step\/2$/);
    await fillScreen(page, 2, content);
    await next(page, 2);
    await expect(page).toHaveURL(/\/step\/3$/);
    // Screen 3 without 職種: the red message stands beside the field and what was typed stays.
    await fillScreen(page, 3, { ...content, jobTitle: "" });
    await next(page, 3);
    await expect(page.locator('[data-field-error="jobTitle"]')).toContainText("職種を入力してください");
    await expect(field(page, "仕事内容")).toHaveValue(content.jobDescription);
    await field(page, "職種").fill("販売スタッフ（土産物店）");
    await next(page, 3);
    await expect(page).toHaveURL(/\/step\/4$/);
  });
});
