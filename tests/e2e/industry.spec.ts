/**
 * 産業分類 (issue 10) in Chromium: the seeded 株式会社日光ゆば工房 (stored 中分類 09 食料品製造業) opens 事業所情報の変更
 * with 大分類 E / 中分類 09 chosen; with JavaScript the 中分類 list narrows to the chosen 大分類; a change of the phone
 * alone is accepted (the 産業分類 the employer never touched no longer refuses the form).
 */
import { checkA11y, expect, test } from "./fixtures";
import { DEMO, employerSignIn, field } from "./support";

test("issue 10: 産業分類 大分類 → 中分類 — the 中分類 narrows to the 大分類, and the seeded establishment's change goes through", async ({ page }) => {
  test.setTimeout(120_000); // a password sign-in and a submission on a loaded machine
  await employerSignIn(page, "saiyo@nikko-yuba.example.jp", DEMO.employerPassword);
  await expect(page).toHaveURL(/\/mypage\/?$/);
  await page.goto("/mypage/establishment");
  const division = field(page, "産業分類（大分類）");
  const group = field(page, "産業分類（中分類）");
  await expect(division).toHaveValue("E");
  await expect(group).toHaveValue("09");
  // Hydrated: only 製造業's 24 中分類 (09–32) and the placeholder.
  await expect(group.locator("option")).toHaveCount(25);

  await division.selectOption({ label: "M 宿泊業，飲食サービス業" });
  await expect(group.locator("option")).toHaveText(["選択してください", "75 宿泊業", "76 飲食店", "77 持ち帰り・配達飲食サービス業"]);
  await expect(group).toHaveValue("");
  await checkA11y(page, "中分類 narrowed");

  await division.selectOption({ label: "E 製造業" });
  await group.selectOption({ label: "09 食料品製造業" });
  await field(page, "電話番号").fill("0288-00-1099");
  await page.getByRole("button", { name: "変更を申請する" }).click();
  await expect(page.getByRole("status").first()).toContainText("事業所情報の変更を申請しました");
  await expect(page.getByRole("main")).toContainText("食料品製造業（製造業）");
});
