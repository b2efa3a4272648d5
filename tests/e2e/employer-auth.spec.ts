/**
 * Employer journeys of sign-in and password reset, reading keys and one-time codes from the development outbox
 * (/dev/mail). The rules' edges are proven where they are cheapest, through the Worker: the same answer for an unknown
 * address (R-AUTH-3, tests/integration/employer-signin.test.ts), the 30-minute key and its 5 wrong entries (R-OPEN-5,
 * tests/integration/open-counter.test.ts and open-online.test.ts); the browser journeys prove the wiring.
 */
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, mailedKey } from "./support";

test.describe("ログイン", () => {
  test("R-AUTH-1: メールアドレスとパスワードの後、メールで届いたワンタイムパスワードでログインし、ログアウトする", async ({ page }) => {
    await employerSignIn(page, "saiyo@nikko-yuba.example.jp", DEMO.employerPassword);
    await expect(page).toHaveURL(/\/mypage\/?$/);
    await expect(page.getByRole("main")).toContainText("株式会社日光ゆば工房");
    await expect(page.getByRole("main")).toContainText("0910-000001-");
    await expect(page.getByRole("main")).toContainText("ハローワーク日光");

    await page.getByRole("button", { name: "ログアウト" }).first().click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("status").first()).toContainText("ログアウトしました");
    await page.goto("/mypage");
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
  });
});

test.describe("パスワードを忘れた方（JavaScriptなし）", () => {
  test.use({ javaScriptEnabled: false });

  test("R-AUTH-2: メールの認証キーでパスワードを再登録し、新しいパスワードでログインできる", async ({ page }) => {
    const email = "jinji@kinugawa-hotel.example.jp";
    await page.goto("/password-reset");
    await field(page, "メールアドレス（ログインID）").fill(email);
    await page.getByRole("button", { name: "認証キーを送信する" }).click();
    await expect(page.getByRole("main")).toContainText("system@mail.example.jp");
    const key = await mailedKey(page.request, email, "パスワード再登録");

    await page.goto("/password-reset/complete");
    await field(page, "メールアドレス（ログインID）").fill(email);
    await field(page, "認証キー").fill(key);
    await field(page, "新しいパスワード").fill("short");
    await field(page, "新しいパスワード（確認）").fill("short");
    await page.getByRole("button", { name: "パスワードを再登録する" }).click();
    // Refused beside the field, and the key is not used up: the e-mail and key stay filled in.
    await expect(page.locator('[data-field-error="password"]')).toContainText("12文字以上");
    await expect(field(page, "メールアドレス（ログインID）")).toHaveValue(email);

    await field(page, "認証キー").fill(key);
    await field(page, "新しいパスワード").fill("river-side-hotel-2026-new");
    await field(page, "新しいパスワード（確認）").fill("river-side-hotel-2026-new");
    await page.getByRole("button", { name: "パスワードを再登録する" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("status").first()).toContainText("パスワードを再登録しました");

    await employerSignIn(page, email, "river-side-hotel-2026-new");
    await expect(page).toHaveURL(/\/mypage\/?$/);
    await expect(page.getByRole("main")).toContainText("鬼怒川リバーサイドホテル株式会社");
  });
});
