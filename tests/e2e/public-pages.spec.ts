/**
 * Public pages in a JavaScript-enabled browser: the top page (office directory from the local D1
 * demo data, the jurisdiction lookup, the skip link, the security headers), the legal pages reached
 * through the site's own links, and the Japanese 404 page. Every page is checked with axe-core
 * (tests/e2e/fixtures.ts).
 */
import { expect, test } from "./fixtures";

test.describe("公開ページ", () => {
  test("トップページ：見出し・ハローワーク一覧・管轄の検索・セキュリティヘッダー", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);

    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(csp, "Content-Security-Policy with a script nonce").toContain("script-src");
    expect(nonce, "nonce in the Content-Security-Policy").toBeTruthy();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    // The inline scripts carry the same nonce (browsers hide the attribute; the property keeps it).
    const scriptNonces = await page.locator("script[nonce]").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    for (const n of scriptNonces) expect(n).toBe(nonce);

    await expect(page).toHaveTitle(/求人者マイページ/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("求人者マイページ");

    const offices = page.getByRole("table", { name: "栃木県のハローワーク" });
    const nikko = offices.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "ハローワーク日光", exact: true }) });
    await expect(nikko).toHaveCount(1);
    await expect(nikko.getByRole("cell").first()).toHaveText("0288-22-0353");

    await page.getByLabel("事業所の所在地（市町村）").selectOption({ label: "日光市" });
    await page.getByRole("button", { name: "調べる" }).click();
    await expect(page).toHaveURL(/[?&]municipality=09206(&|$)/);
    const status = page.getByRole("status");
    await expect(status).toContainText("ハローワーク日光");
    await expect(status).toContainText("の管轄");
    await expect(status).toContainText("日光市");
    await expect(page.getByLabel("事業所の所在地（市町村）")).toHaveValue("09206");
  });

  test("スキップリンク「本文へ移動」が最初のフォーカス先で、本文へ移動する", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "本文へ移動" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("#main")).toBeFocused();
  });

  test("ヘッダー・フッターのリンクから利用規約・プライバシーポリシー・アクセシビリティ方針へ", async ({ page }) => {
    await page.goto("/");

    await page.getByRole("navigation", { name: "サイト" }).getByRole("link", { name: "利用規約" }).click();
    await expect(page).toHaveURL(/\/terms$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("求人者マイページ利用規約");
    await expect(page).toHaveTitle(/利用規約/);

    await page.getByRole("contentinfo").getByRole("link", { name: "プライバシーポリシー" }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("プライバシーポリシー");
    const privacy = page.getByRole("main");
    await expect(privacy).toContainText("31日");
    await expect(privacy).toContainText("5年");
    await expect(privacy).toContainText("1年");

    await page.getByRole("contentinfo").getByRole("link", { name: "ウェブアクセシビリティ方針" }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ウェブアクセシビリティ方針");

    await page.getByRole("navigation", { name: "サイト" }).getByRole("link", { name: "トップページ" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("求人者マイページ");
  });

  test("存在しないURLは日本語の404ページ（スタックトレースを出さない）", async ({ page }) => {
    const response = await page.goto("/e2e-no-such-page/nested?x=1");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
    await expect(page.getByRole("link", { name: "トップページへ戻る" })).toBeVisible();

    const text = await page.locator("body").innerText();
    const html = await response!.text();
    for (const content of [text, html]) {
      expect(content).not.toMatch(/\bat \S*(\/|\\)\S+:\d+(:\d+)?/); // "at file:line:col" stack frames
      expect(content).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
      expect(content).not.toContain("Error:");
      expect(content).not.toMatch(/node_modules|build\/server/);
    }
  });
});
