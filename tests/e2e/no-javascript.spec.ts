/**
 * Everything works without JavaScript: plain HTML forms (GET and POST), server-side validation
 * with Japanese messages beside the field, redirects after a successful POST. Every page — including
 * those rendered after a form POST — is checked with axe-core (tests/e2e/fixtures.ts).
 */
import { expect, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test.describe("JavaScriptなしで操作できる", () => {
  test("管轄のハローワークを調べる（GETフォーム）", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("事業所の所在地（市町村）").selectOption({ label: "日光市" });
    await page.getByRole("button", { name: "調べる" }).click();
    await expect(page).toHaveURL(/[?&]municipality=09206(&|$)/);
    const status = page.getByRole("status");
    await expect(status).toContainText("ハローワーク日光");
    await expect(status).toContainText("の管轄");
    await expect(page.getByLabel("事業所の所在地（市町村）")).toHaveValue("09206");
  });

  test("開発用の送信メール：誤った宛先はエラーを項目のそばに表示し、正しい宛先は送信済みになる", async ({ page }) => {
    await page.goto("/dev/mail");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("開発用：送信メール");
    const to = page.getByLabel("宛先メールアドレス");
    const error = page.locator('[data-field-error="to"]');
    await expect(error).toBeEmpty();

    // Invalid: the server re-renders the form with the message beside the field and keeps the input.
    await to.fill("not-an-address@");
    await page.getByRole("button", { name: "送信する" }).click();
    await expect(page).toHaveURL(/\/dev\/mail(\?index)?$/); // the index route's form action
    await expect(error).not.toBeEmpty();
    await expect(error).toContainText("メールアドレス");
    await expect(to).toHaveValue("not-an-address@");
    await expect(to).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await to.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(/\s+/)).toContain(await error.getAttribute("id"));

    // Valid: redirected to the list, which shows the delivered mail.
    const address = `e2e-${Date.now()}@example.jp`;
    await to.fill(address);
    await page.getByRole("button", { name: "送信する" }).click();
    await expect(page).toHaveURL(/\/dev\/mail$/);
    const row = page.locator(`tr[data-mail-to="${address}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("送信済み");
    await expect(page.locator('[data-field-error="to"]')).toBeEmpty();

    // The mail's own page.
    await row.getByRole("link").click();
    await expect(page).toHaveURL(/\/dev\/mail\/[^/]+$/);
    await expect(page.getByText(address)).toBeVisible();
  });
});
