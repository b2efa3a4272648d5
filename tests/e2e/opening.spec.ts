/**
 * Opening a My Page end to end, across the officer's and the employer's screens:
 * the counter path ①–⑥ (online 仮登録 → 本登録 → the employer signs in is tests/e2e/provisional-posting.spec.ts).
 * Officers sign in with password + TOTP (computed here from the demo secret).
 */
import { expect, test } from "./fixtures";
import { DEMO, field, mailedKey, staffSignIn, totpFor, uniqueEmail } from "./support";

test("R-OPEN-3, R-OPEN-4, R-OPEN-6: 窓口でメールアドレスを登録（①）し、事業主がパスワード登録（②〜⑥）してマイページを開設する", async ({ browser }) => {
  const officer = await browser.newPage();
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer
    .getByRole("link", { name: /事業所/ })
    .first()
    .click();
  await officer.getByRole("link", { name: "そば処 日光庵" }).click();
  const email = uniqueEmail("soba");
  await field(officer, "メールアドレス").fill(email);
  await officer.getByRole("button", { name: "登録する" }).click();
  await expect(officer.getByRole("main")).toContainText(email);
  await expect(officer.getByRole("main")).toContainText("未開設");

  const employer = await browser.newPage();
  await employer.goto("/");
  await employer.getByRole("link", { name: /パスワード登録/ }).click();
  await field(employer, "メールアドレス").fill(email);
  await employer.getByLabel(/利用規約\s*に同意する/).check();
  await employer.getByLabel(/プライバシーポリシー\s*に同意する/).check();
  await employer.getByRole("button", { name: "同意して認証キーを送信する" }).click();
  await expect(employer.getByRole("main")).toContainText("system@mail.example.jp"); // R-OPEN-9
  const key = await mailedKey(employer.request, email, "パスワード登録");

  // The next step's page, with the message that the key was sent (if the address is registered).
  await expect(employer).toHaveURL(/\/password-registration\/complete/);
  await expect(employer.getByRole("status").first()).toContainText("認証キーを送信しました");
  await field(employer, "メールアドレス").fill(email);
  await field(employer, "認証キー").fill(key);
  await field(employer, "パスワード").fill("soba-no-kaori-nikko-2026");
  await field(employer, "パスワード（確認）").fill("soba-no-kaori-nikko-2026");
  await employer.getByRole("button", { name: "パスワードを登録する" }).click();
  await expect(employer).toHaveURL(/\/mypage\/?$/);
  await expect(employer.getByRole("main")).toContainText("そば処 日光庵");
  await expect(employer.getByRole("main")).toContainText("ハローワーク日光");

  await officer.reload();
  await expect(officer.getByRole("main")).toContainText("利用中");
  await officer.close();
  await employer.close();
});

test("R-AUTH-4, issue 9 #4: 認証アプリ未設定の職員は、統括職員が発行した登録コードを入力し、QRコードと設定キーで設定してからログインする", async ({
  browser,
  page,
}) => {
  // The office's supervisor issues the one-time 登録コード.
  const supervisor = await browser.newPage();
  await staffSignIn(supervisor, DEMO.nasukarasuyamaSupervisor);
  await supervisor.goto("/staff/enrolment");
  await supervisor.getByRole("button", { name: /登録コードを発行する\s*（烏山 九子）/ }).click();
  const enrolmentCode = (await supervisor.locator("[data-enrolment-code]").innerText()).trim();
  expect(enrolmentCode).toMatch(/^\d{4}-\d{4}-\d{4}$/);
  await supervisor.close();

  await page.goto("/staff/login");
  await field(page, "メールアドレス").fill("officer.nasukarasuyama@hw.example.jp");
  await field(page, "パスワード").fill(DEMO.staffPassword);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("認証アプリの設定");
  await expect(page.getByRole("img", { name: /QRコード/ })).toHaveCount(0);
  await field(page, "登録コード").fill(enrolmentCode);
  await page.getByRole("button", { name: "登録コードを確認する" }).click();
  await expect(page.getByRole("img", { name: /QRコード/ })).toBeVisible();
  const secret = (await page.locator("code").first().innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await field(page, "確認コード（6桁）").fill("000000" === totpFor(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "設定してログイン" }).click();
  await expect(page.locator('[data-field-error="code"]')).not.toBeEmpty();

  await field(page, "確認コード（6桁）").fill(totpFor(secret));
  await page.getByRole("button", { name: "設定してログイン" }).click();
  await expect(page).toHaveURL(/\/staff\/?$/);
  await expect(page.getByRole("main")).toContainText("ハローワーク那須烏山");
});
