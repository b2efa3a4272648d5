/**
 * Issue 11 end to end (R-REF-1…3, R-GATE-2…4), on the demo data of scripts/lib/demo-referrals.ts:
 * 1. an officer of ハローワーク日光 registers a 求職者 and refers them to 足尾サンプル製作所's 検査 求人; the employer sees
 *    the お知らせ and the mail in the local outbox, opens the applicant, registers 不採用 with a 相違 and corrects it to
 *    採用 — the history shows both;
 * 2. the daily backlog job (run from /dev) restricts 株式会社日光サンプルケア (51 overdue): the employer sees the reason,
 *    募集停止 is refused, a result can still be registered; an officer of another office gets 404 on the restriction
 *    page; the jurisdictional officer lifts it;
 *    and an officer sets 有限会社霧降クリーンサービス to 利用不可: the employer's open session ends.
 * The journeys also visit (and axe scans) the pages' other states: the lists, the forms with their messages, the 紹介状.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, latestMail, staffSignIn } from "./support";

const ASHIO = "soumu@ashio-works.example.jp";
const CARE = { email: "saiyo@nikko-care.example.jp", id: "demo-est-nikko-care", posting: "demo-job-care-kaigo" };
const KIRIFURI = { email: "jinji@kirifuri-clean.example.jp", id: "demo-est-kirifuri-clean" };

async function newPage(browser: import("@playwright/test").Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function flash(page: Page, text: string) {
  await expect(page.getByRole("status").filter({ hasText: text }).first()).toBeVisible();
}

test("R-REF-1, R-REF-2, R-REF-3 (issue 11): 職員が求職者を登録して紹介し、事業主がお知らせとメールを受けて不採用（相違あり）を登録し、採用に訂正すると履歴に両方が残る", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const officer = await newPage(browser);
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer.goto("/staff/postings/demo-job-ashio-kensa");
  const jobNumber = /\d{5}-\d{8}/.exec((await officer.getByRole("main").textContent()) ?? "")![0];

  // The list, then the registration with its messages beside the fields (axe scans each state).
  await officer.goto("/staff/seekers");
  await officer.getByRole("link", { name: "求職者を登録する" }).click();
  await officer.getByRole("button", { name: "登録する" }).click();
  await expect(officer.locator('[data-field-error="name"]')).toContainText("氏名");
  const name = `架空 紹介${Date.now() % 100000}`;
  await field(officer, "氏名").fill(name);
  await field(officer, "氏名（カナ）").fill("かくう しょうかい");
  await field(officer, "生年月日").fill("1985-07-07");
  await field(officer, "郵便番号").fill("321-1523");
  await field(officer, "住所").fill("足尾町1-1（架空）");
  await field(officer, "電話番号").fill("090-0000-7777");
  await field(officer, "希望職種").fill("製品検査");
  await officer.getByRole("button", { name: "登録する" }).click();
  await flash(officer, "求職者を登録しました");
  await officer.getByRole("link", { name: "この求職者を紹介する" }).click();
  await field(officer, "求人番号").first().fill(jobNumber);
  await officer.getByRole("button", { name: "求人を確認する" }).click();
  await expect(officer.getByRole("heading", { name: "紹介先の求人", exact: true })).toBeVisible();
  await officer.getByRole("button", { name: "紹介する" }).click();
  await flash(officer, `求人番号 ${jobNumber}`);

  // The employer: the mail (no personal data of the seeker) and the お知らせ, then the applicant.
  const employer = await newPage(browser);
  const mail = await latestMail(employer.request, ASHIO, "ハローワーク日光から求職者を紹介しました");
  expect(mail).toContain(jobNumber);
  expect(mail).not.toContain(name);
  await employerSignIn(employer, ASHIO, DEMO.employerPassword);
  await employer.getByRole("link", { name: "ハローワーク日光から求職者を紹介しました" }).first().click();
  await employer.getByRole("link", { name: "関係するページを開く" }).click();
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText(`応募者：${name}`);
  const referralId = new URL(employer.url()).pathname.split("/").pop()!;
  await employer.getByRole("button", { name: "選考結果を登録する" }).click();
  await expect(employer.locator('[data-field-error="result"]')).toContainText("選考結果を");

  await employer.getByRole("radio", { name: "不採用" }).check();
  await employer
    .getByRole("group", { name: /求人票の労働条件と採用条件の相違/ })
    .getByRole("radio", { name: "あり" })
    .check();
  await employer.getByRole("checkbox", { name: "賃金" }).check();
  await employer.getByLabel("相違の内容").fill("基本給を求人票より1万円低く提示した");
  await employer.getByRole("button", { name: "選考結果を登録する" }).click();
  await flash(employer, "選考結果をハローワークへ登録しました");

  await employer.getByRole("radio", { name: "採用", exact: true }).check();
  await employer.getByLabel("雇用予定日").fill("2027-01-04");
  await employer
    .getByRole("group", { name: /求人票の労働条件と採用条件の相違/ })
    .getByRole("radio", { name: "なし" })
    .check();
  await employer.getByRole("button", { name: "選考結果を訂正する" }).click();
  await flash(employer, "選考結果を訂正しました");
  const history = employer.getByRole("table").filter({ hasText: "選考結果の訂正" });
  await expect(history).toContainText("選考結果の登録");
  await expect(history).toContainText("不採用（相違あり");
  await expect(history).toContainText("採用（雇用予定日 2027年1月4日");

  // The list filtered and sorted, the 紹介状 on both sides, and the officer's referral page with its messages.
  await employer.goto("/mypage/applicants?status=hired&sort=days");
  await expect(employer.getByRole("table", { name: "応募者の一覧" })).toContainText(name);
  await employer.goto(`/mypage/applicants/${referralId}/letter`);
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText("紹介状");
  await officer.goto(`/staff/referrals/${referralId}`);
  await expect(officer.getByRole("main")).toContainText("採用");
  await officer.getByRole("button", { name: "辞退を記録する" }).click();
  await expect(officer.locator('[data-field-error="declinedOn"]')).toContainText("辞退の連絡を受けた日");
  await officer.goto(`/staff/referrals/${referralId}/letter`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("紹介状");
});

test("R-GATE-2, R-GATE-3, R-GATE-4 (issue 11): 日次の確認で51件未登録の事業所が制限され、募集停止は拒まれ選考結果は登録でき、他の安定所は解除できず、管轄の職員が解除する。利用不可にすると開いているセッションが終わり、ログインでは安定所の電話番号が示される", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const officer = await newPage(browser);
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer.goto("/dev");
  await officer.getByRole("button", { name: "establishments.backlogRestriction を実行" }).click();
  await expect(officer.getByRole("status").first()).toBeVisible();

  const employer = await newPage(browser);
  await employerSignIn(employer, CARE.email, DEMO.employerPassword);
  await expect(employer.getByRole("alert").filter({ hasText: "利用が制限されています" })).toContainText("50件を超えた");
  await employer.goto(`/mypage/postings/${CARE.posting}`);
  await expect(employer.getByRole("main")).toContainText("現在、募集停止は利用できません。");
  await employer.goto("/mypage/applicants?status=screening");
  await employer.getByRole("table", { name: "応募者の一覧" }).getByRole("link").first().click();
  await employer.getByRole("radio", { name: "不採用" }).check();
  await employer
    .getByRole("group", { name: /求人票の労働条件と採用条件の相違/ })
    .getByRole("radio", { name: "なし" })
    .check();
  await employer.getByRole("button", { name: "選考結果を登録する" }).click();
  await flash(employer, "選考結果をハローワークへ登録しました");

  const other = await newPage(browser);
  await staffSignIn(other, DEMO.utsunomiyaOfficer);
  const refused = await other.goto(`/staff/establishments/${CARE.id}/restriction`);
  expect(refused?.status()).toBe(404);

  await officer.goto(`/staff/establishments/${CARE.id}/restriction`);
  await expect(officer.getByRole("main")).toContainText(/未登録（3週間経過）の紹介\s*50件/);
  await officer.getByRole("button", { name: "利用制限を解除する" }).click();
  await officer.getByRole("button", { name: "解除を確定する" }).click();
  await flash(officer, "利用制限を解除しました");
  await employer.goto("/mypage");
  await expect(employer.getByRole("alert").filter({ hasText: "利用が制限されています" })).toHaveCount(0);

  // R-GATE-2: 利用不可 ends the open session of another establishment's employer.
  const kirifuri = await newPage(browser);
  await employerSignIn(kirifuri, KIRIFURI.email, DEMO.employerPassword);
  await expect(kirifuri).toHaveURL(/\/mypage$/);
  await officer.goto(`/staff/establishments/${KIRIFURI.id}/usability`);
  await officer.getByLabel("利用不可にする理由").fill("求職者情報の目的外利用の疑い（デモ）");
  await officer.getByRole("button", { name: "確認画面へ進む" }).click();
  await officer.getByRole("button", { name: "利用不可にする" }).click();
  await flash(officer, "マイページを利用不可にしました");

  await kirifuri.goto("/mypage/applicants");
  await expect(kirifuri).toHaveURL(/\/login/);
  await field(kirifuri, "メールアドレス（ログインID）").fill(KIRIFURI.email);
  await field(kirifuri, "パスワード").fill(DEMO.employerPassword);
  await kirifuri.getByRole("button", { name: "ログイン" }).click();
  await expect(kirifuri.getByRole("main")).toContainText("0288-22-0353", { timeout: 30_000 });

  // Restored, so that a second run on the same state finds it as seeded.
  await officer.goto(`/staff/establishments/${KIRIFURI.id}/usability`);
  await officer.getByLabel("利用を再開する理由").fill("確認の結果、問題がなかったため（デモ）");
  await officer.getByRole("button", { name: "確認画面へ進む" }).click();
  await officer.getByRole("button", { name: "利用を再開する" }).click();
  await expect(officer.getByRole("status").first()).toBeVisible();
});
