/**
 * Every page of the opening / sign-in / images features is visited at least once by some test, so the
 * axe-core check of the fixture covers it: this tour visits the ones the journeys do not reach, as the
 * actor who may see them, including forms re-rendered with errors.
 */
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, staffSignIn } from "./support";

test("公開・手続きのページ（エラー表示を含む）はアクセシビリティ検査に合格する", async ({ page }) => {
  for (const path of ["/login", "/password-registration", "/password-registration/complete", "/password-reset", "/password-reset/complete", "/register", "/register/complete", "/staff/login"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Submit the form empty: the page comes back with messages beside the fields.
    await page.locator("main form[method='post'] button[type='submit']").first().click();
    await expect(page.locator("[data-field-error]").filter({ hasText: /\S/ }).first()).toBeVisible();
  }
});

test("事業主のマイページの各ページはアクセシビリティ検査に合格する", async ({ page }) => {
  await employerSignIn(page, "recruit@utsunomiya-gyoza.example.jp", DEMO.employerPassword);
  await expect(page).toHaveURL(/\/mypage\/?$/);
  for (const path of ["/mypage/accounts", "/mypage/images", "/mypage/settings/password", "/logout"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("仮登録のページはアクセシビリティ検査に合格する", async ({ page }) => {
  await employerSignIn(page, "owner@nikko-cafe.example.jp", DEMO.employerPassword);
  await expect(page).toHaveURL(/\/provisional/);
  await expect(field(page, "事業所名")).toHaveValue("カフェ日光珈琲");
  await expect(page.getByRole("main")).toContainText("ハローワーク日光");
});

test("職員の各ページはアクセシビリティ検査に合格する", async ({ page }) => {
  await staffSignIn(page, DEMO.utsunomiyaOfficer);
  for (const path of ["/staff/establishments", "/staff/establishments/new", "/staff/provisional", "/staff/images"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/staff/establishments");
  await page.getByRole("link", { name: "宇都宮ぎょうざ食品株式会社" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("宇都宮ぎょうざ食品株式会社");
  // 事業所登録 with errors beside the fields.
  await page.goto("/staff/establishments/new");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.locator("[data-field-error]").filter({ hasText: /\S/ }).first()).toBeVisible();
});
