/**
 * Employer journeys of sign-in and opening, reading keys and one-time codes from the development
 * outbox (/dev/mail) and moving the server's clock (/dev) where a rule depends on time.
 */
import { expect, test } from "./fixtures";
import { clearServerClock, DEMO, employerSignIn, field, mailedKey, setServerClock, uniqueEmail } from "./support";

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

  test("R-AUTH-3: 誤ったパスワードでは登録の有無が分からない同じメッセージになる", async ({ page }) => {
    for (const email of ["saiyo@nikko-yuba.example.jp", uniqueEmail("nobody")]) {
      await page.goto("/login");
      await field(page, "メールアドレス（ログインID）").fill(email);
      await field(page, "パスワード").fill("wrong-password-123");
      await page.getByRole("button", { name: "ログイン" }).click();
      await expect(page.getByRole("main")).toContainText("メールアドレスまたはパスワードが正しくありません。");
    }
  });
});

test.describe("認証キー", () => {
  test("R-OPEN-5: 発行から30分を過ぎた認証キーは受け付けない", async ({ page }) => {
    const email = uniqueEmail("late");
    try {
      await setServerClock(page.request, "2026-11-26T10:00");
      await page.goto("/register");
      await field(page, "メールアドレス").fill(email);
      await page.getByLabel(/利用規約\s*に同意する/).check();
      await page.getByLabel(/プライバシーポリシー\s*に同意する/).check();
      await page.getByRole("button", { name: "同意して認証キーを送信する" }).click();
      await expect(page.getByRole("main")).toContainText("認証キー");
      const key = await mailedKey(page.request, email, "アカウント登録");

      await setServerClock(page.request, "2026-11-26T10:30");
      await page.goto("/register/complete");
      await field(page, "メールアドレス").fill(email);
      await field(page, "認証キー").fill(key);
      await field(page, "パスワード").fill("kinugawa-onsen-river-view");
      await field(page, "パスワード（確認）").fill("kinugawa-onsen-river-view");
      await page.getByRole("button", { name: "登録する" }).click();
      await expect(page.locator('[data-field-error="key"]')).toContainText("有効期限");
      await expect(page).toHaveURL(/\/register\/complete/);
    } finally {
      await clearServerClock(page.request);
    }
  });

  test("R-OPEN-5: 5回間違えると認証キーは無効になり、6回目は正しいキーでも受け付けない", async ({ page }) => {
    const email = uniqueEmail("wrong6");
    await page.goto("/register");
    await field(page, "メールアドレス").fill(email);
    await page.getByLabel(/利用規約\s*に同意する/).check();
    await page.getByLabel(/プライバシーポリシー\s*に同意する/).check();
    await page.getByRole("button", { name: "同意して認証キーを送信する" }).click();
    const key = await mailedKey(page.request, email, "アカウント登録");
    const wrong = key === "00000000" ? "11111111" : "00000000";

    await page.goto("/register/complete");
    for (let i = 1; i <= 6; i++) {
      await field(page, "メールアドレス").fill(email);
      await field(page, "認証キー").fill(i === 6 ? key : wrong);
      await field(page, "パスワード").fill("kinugawa-onsen-river-view");
      await field(page, "パスワード（確認）").fill("kinugawa-onsen-river-view");
      await page.getByRole("button", { name: "登録する" }).click();
      const message = page.locator('[data-field-error="key"]');
      if (i < 5) await expect(message).toContainText(`あと${5 - i}回`);
      else if (i === 5) await expect(message).toContainText("無効になりました");
      else await expect(message).toContainText("もう一度認証キーを発行してください");
    }
    await expect(page).toHaveURL(/\/register\/complete/);
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
