/**
 * Opening a My Page end to end, across the officer's and the employer's screens:
 * the counter path ①–⑥, and online 仮登録 → 本登録 at the office → the employer signs in.
 * Officers sign in with password + TOTP (computed here from the demo secret).
 */
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, latestMail, mailedKey, registerOnline, staffSignIn, totpFor, uniqueEmail } from "./support";

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

test("R-OPEN-8: オンラインで仮登録し、管轄のハローワークで本登録された後、事業主がログインする", async ({ browser }) => {
  const employer = await browser.newPage();
  const email = uniqueEmail("cafe");
  const password = "yuba-ramen-nikko-2026";
  await registerOnline(employer, email, password);
  await expect(employer).toHaveURL(/\/provisional/);
  await expect(employer.getByRole("main")).toContainText("本登録");

  const name = `日光らーめん工房${Date.now() % 100000}`;
  await field(employer, "事業所名").fill(name);
  await field(employer, "事業所名（カナ）").fill("ﾆｯｺｳﾗｰﾒﾝｺｳﾎﾞｳ"); // half-width kana is accepted and normalised
  await employer.getByLabel(/個人事業主/).check();
  await field(employer, "郵便番号").fill("３２１－１２６１"); // full-width digits are accepted
  await field(employer, "所在地（市町村）").selectOption({ label: "日光市" });
  await field(employer, "所在地（市町村より後）").fill("今市9-9（架空）");
  await field(employer, "電話番号").fill("0288-00-3001");
  await field(employer, "産業分類（大分類）").selectOption({ label: "M 宿泊業，飲食サービス業" });
  await field(employer, "産業分類（中分類）").selectOption({ label: "76 飲食店" });
  await field(employer, "従業員数").fill("3");
  await field(employer, "代表者の氏名").fill("拉麺 太郎");
  await employer.getByRole("button", { name: "事業所情報を保存する" }).click();
  await expect(employer.getByRole("main")).toContainText("ハローワーク日光");
  // Nothing but the provisional area is reachable before 本登録.
  await employer.goto("/mypage");
  await expect(employer).toHaveURL(/\/provisional/);

  const officer = await browser.newPage();
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer.goto("/staff/provisional");
  await officer.getByRole("link", { name }).click();
  await expect(officer.getByRole("main")).toContainText(email);
  await officer.getByRole("button", { name: "本登録する" }).click();
  await expect(officer.getByRole("main")).toContainText(name);
  await expect(officer.getByRole("main")).toContainText(/0910-\d{6}-\d/);
  await officer.close();

  const mail = await latestMail(employer.request, email, "本登録が完了");
  expect(mail).toMatch(/事業所番号：0910-\d{6}-\d/);
  await employer.context().clearCookies();
  await employerSignIn(employer, email, password);
  await expect(employer).toHaveURL(/\/mypage\/?$/);
  await expect(employer.getByRole("main")).toContainText(name);
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
