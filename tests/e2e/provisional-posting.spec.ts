/**
 * R-OPEN-8, issue 10 #8 (ADR 0016): the online 仮登録 with its 求人 — an account, the 事業所情報, the 8 screens of the
 * My Page's wizard — then 本登録 by an officer of ハローワーク日光, and the 求人 waits in that office's review queue as
 * 申込み済み. The employer gets the 本登録 mail with the 事業所番号 and signs in to the My Page.
 */
import { demoContent } from "../../scripts/lib/demo-postings";
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, fillScreenQuickly, latestMail, nextScreen, registerOnline, staffSignIn, uniqueEmail } from "./support";

test("R-OPEN-8, issue 10 #8: 仮登録で事業所情報と求人情報を入力し、本登録で求人が日光の「求人の確認」に申込み済みとして入る", async ({ browser }) => {
  // About 25 s on an idle machine; the wizard is one form per screen, so a loaded CI machine needs the margin.
  test.setTimeout(300_000);
  const employer = await browser.newPage();
  const email = uniqueEmail("kari-kyujin");
  const password = "kari-kyujin-nikko-2026";
  await registerOnline(employer, email, password);
  await expect(employer).toHaveURL(/\/provisional$/);

  const name = `日光湯波茶屋${Date.now() % 100000}`;
  await field(employer, "事業所名").fill(name);
  await field(employer, "事業所名（カナ）").fill("ニッコウユバチャヤ");
  await employer.getByLabel(/個人事業主/).check();
  // 住所の自動入力 (issue 10, ADR 0018): the code typed as employers type it fills 日光市 and 今市 from Japan Post's table.
  await field(employer, "郵便番号").pressSequentially("〒３２１－１２６１");
  await expect(employer.getByRole("status").filter({ hasText: "〒321-1261" })).toHaveText(
    "〒321-1261：栃木県日光市今市。番地などを続けて入力してください。管轄のハローワークはハローワーク日光です。",
  );
  await expect(field(employer, "所在地（市町村）")).toHaveValue("09206");
  await expect(field(employer, "所在地（市町村より後）")).toHaveValue("今市");
  await field(employer, "所在地（市町村より後）").fill("今市1-2（架空）");
  await field(employer, "電話番号").fill("0288-00-3002");
  // 産業分類 (issue 10): with JavaScript the 中分類 narrows to the chosen 大分類.
  await field(employer, "産業分類（大分類）").selectOption({ label: "M 宿泊業，飲食サービス業" });
  await expect(field(employer, "産業分類（中分類）").locator("option")).toHaveText([
    "選択してください",
    "75 宿泊業",
    "76 飲食店",
    "77 持ち帰り・配達飲食サービス業",
  ]);
  await field(employer, "産業分類（中分類）").selectOption({ label: "76 飲食店" });
  await field(employer, "従業員数").fill("4");
  await field(employer, "代表者の氏名").fill("湯波 花子");
  await employer.getByRole("button", { name: "事業所情報を保存する" }).click();
  await expect(employer.getByRole("main")).toContainText("ハローワーク日光");
  // Nothing but the provisional area is reachable before 本登録.
  await employer.goto("/mypage");
  await expect(employer).toHaveURL(/\/provisional$/);

  // The 求人: the My Page's 8 screens, every field typed from a complete, lawful 求人票.
  const jobTitle = `茶屋の調理・接客スタッフ${Date.now() % 100000}`;
  const content = { ...demoContent(), jobTitle };
  await employer.getByRole("button", { name: "求人情報を入力する" }).click();
  await expect(employer).toHaveURL(/\/provisional\/posting\/step\/1$/);
  for (const step of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
    await fillScreenQuickly(employer, step, content);
    await nextScreen(employer, step);
    const after = step < 8 ? new RegExp(`/provisional/posting/step/${step + 1}$`) : /\/provisional$/;
    // An orange warning stops a screen once: pressing again goes on.
    if (
      !(await employer.waitForURL(after, { timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    )
      await nextScreen(employer, step);
    await expect(employer).toHaveURL(after);
  }
  const section = employer.getByRole("region", { name: /求人情報/ });
  await expect(section).toContainText(jobTitle);
  await expect(section).toContainText("本登録の際に、この求人はハローワークへの申込みになります");

  // The officer of 日光 sees both, and completes 本登録.
  const officer = await browser.newPage();
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer.goto("/staff/provisional");
  await officer.getByRole("link", { name }).click();
  const posting = officer.getByRole("region", { name: "求人（仮登録で入力された求人情報）" });
  await expect(posting).toContainText(jobTitle);
  await expect(posting).toContainText("申込み済み");
  await expect(posting.getByRole("article", { name: "求人票" })).toContainText(name);
  await officer.getByRole("button", { name: "本登録する" }).click();
  await expect(officer.getByRole("status").first()).toContainText("申込み済みとして「求人の確認」に入りました");

  // The 求人 waits in 日光's review queue.
  await officer.goto("/staff/postings");
  await officer.getByRole("link", { name: jobTitle }).first().click();
  await expect(officer.getByRole("main")).toContainText(name);
  await expect(officer.getByRole("button", { name: "受理する" })).toBeVisible();
  await officer.close();

  // The employer is told the 事業所番号 by mail and signs in to the opened My Page.
  const mail = await latestMail(employer.request, email, "本登録が完了");
  expect(mail).toMatch(/事業所番号：0910-\d{6}-\d/);
  await employer.context().clearCookies();
  await employerSignIn(employer, email, password);
  await expect(employer).toHaveURL(/\/mypage\/?$/);
  await expect(employer.getByRole("main")).toContainText(name);
  await employer.close();
});
