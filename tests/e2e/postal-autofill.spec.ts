/**
 * 住所の自動入力 (issue 10, 「Addresses as Japanese employers type them」; ADR 0018): on the online 仮登録's 事業所情報
 * (R-OPEN-8), typing 〒３２１－１２６１ (full-width, with the 〒 mark) fills the address from Japan Post's table —
 * 321-1261 is 栃木県日光市今市 — says so with the 管轄 office in a live region, and the form saves the code as 321-1261.
 */
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field } from "./support";

test("issue 10, R-OPEN-8: 仮登録の事業所情報 — 〒３２１－１２６１ fills 日光市今市 and the form is saved", async ({ page }) => {
  await employerSignIn(page, "owner@nikko-cafe.example.jp", DEMO.employerPassword);
  await expect(page).toHaveURL(/\/provisional/);

  const postal = field(page, "郵便番号");
  const address = field(page, "所在地（市町村より後）");
  // The employer erases the address and the code (the seeded 仮登録 has 〒321-1400 上鉢石町9-9（架空）) and types the new code.
  await address.fill("");
  await postal.fill("");
  await postal.pressSequentially("〒３２１－１２６１");
  await expect(page.getByRole("status").filter({ hasText: "〒321-1261" })).toHaveText(
    "〒321-1261：栃木県日光市今市。番地などを続けて入力してください。管轄のハローワークはハローワーク日光です。",
  );
  await expect(address).toHaveValue("今市");
  await expect(field(page, "所在地（市町村）")).toHaveValue("09206");

  // The employer completes the address; a later look-up would not overwrite it.
  await address.fill("今市1-2-3 日光ビル2階");
  await page.getByRole("button", { name: "事業所情報を保存する" }).click();
  await expect(page.getByText("事業所情報を保存しました。")).toBeVisible();
  // Stored as 321-1261 (normalizePostalCode): the saved 仮登録 as the page shows it when opened again.
  await page.reload();
  await expect(postal).toHaveValue("321-1261");
  await expect(address).toHaveValue("今市1-2-3 日光ビル2階");
});
