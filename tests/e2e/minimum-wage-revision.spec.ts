/**
 * Issue 10 #3 (R-JOB-1; ADR 0015) end to end: the supervisor of ハローワーク那須烏山 adds a 栃木 minimum-wage revision of
 * 1,250円 taking effect in 5 days (inside the 7 days before its 発効日); the seeded 製造スタッフ of 株式会社日光ゆば工房
 * (月給 200,000円 + 職務手当 10,000円 → 1,211円 an hour) falls below it. The employer sees the red finding and the
 * お知らせ, starts a 内容変更 and raises the wage; the officer of ハローワーク日光 sees it listed and accepts the change.
 * The revision is withdrawn at the end, so that the other journeys' 栃木 postings are not below it.
 */
import { addDays, jstDate } from "../../app/lib/clock";
import { expect, test } from "./fixtures";
import { DEMO, employerSignIn, field, staffSignIn } from "./support";

const YUBA = "saiyo@nikko-yuba.example.jp";
const POSTING = "/mypage/postings/demo-job-yuba-seizo";

test("R-JOB-1, issue 10 #3: 最低賃金の改定を登録すると、下回る求人の事業主に赤のエラーとお知らせが届き、内容変更で賃金を引き上げて受理される", async ({
  browser,
}) => {
  test.setTimeout(300_000); // about 20 s on an idle machine; the shared CI machine is often far slower
  const effectiveFrom = addDays(jstDate(Date.now()), 5);
  const supervisor = await (await browser.newContext()).newPage();
  await staffSignIn(supervisor, DEMO.nasukarasuyamaSupervisor);
  await supervisor.goto("/staff/minimum-wages?prefecture=09");
  await field(supervisor, "金額（時間額・円）").fill("1250");
  await field(supervisor, "発効日").fill(effectiveFrom);
  await field(supervisor, "出典・備考").fill("令和8年度 地域別最低賃金（改定）");
  await supervisor.getByRole("button", { name: "改定を登録する" }).click();
  await expect(supervisor.getByRole("status").first()).toContainText("最低賃金の改定を登録しました");

  try {
    // The employer: the お知らせ on the My Page, the red finding on the posting's page.
    const employer = await (await browser.newContext()).newPage();
    await employerSignIn(employer, YUBA, DEMO.employerPassword);
    await employer.getByRole("link", { name: "最低賃金の改定に伴う求人の内容変更のお願い" }).first().click();
    await expect(employer.getByRole("main")).toContainText("1,250円");
    await employer.getByRole("link", { name: "関係するページを開く" }).click();
    await expect(employer).toHaveURL(new RegExp(`${POSTING}$`));
    const alert = employer.getByRole("region", { name: "最低賃金の改定" });
    await expect(alert.locator('[data-severity="error"]')).toContainText("1,250円");

    // 内容変更: 基本給 raised to 240,000円 (1,384円 an hour), saved, applied for.
    await employer.getByRole("button", { name: "内容変更を始める" }).click();
    await expect(employer).toHaveURL(/\/step\/1$/);
    await employer.goto(`${POSTING}/step/4`);
    await employer.locator('[name="wage.baseMin"]').fill("240000");
    await employer.locator('[name="wage.baseMax"]').fill("260000");
    await employer.getByRole("button", { name: "一時保存" }).click();
    await expect(employer.getByRole("status").filter({ hasText: "一時保存しました" })).toBeVisible();
    await employer.goto(POSTING);
    await employer.getByRole("button", { name: "内容変更を申し込む" }).click();
    await expect(employer.getByRole("status").first()).toContainText("内容変更を申し込みました");

    // The officer of ハローワーク日光: listed among the postings below the revision; accepts the change.
    const officer = await (await browser.newContext()).newPage();
    await staffSignIn(officer, DEMO.nikkoOfficer);
    await officer.goto("/staff/postings");
    await expect(officer.getByRole("region", { name: /最低賃金の改定を下回る求人/ })).toContainText("製造スタッフ");
    await officer.goto("/staff/postings/demo-job-yuba-seizo");
    await officer.getByRole("button", { name: "受理する" }).click();
    await expect(officer.getByRole("status").first()).toContainText("内容変更を受理しました");

    // The published wage now meets the revision: no alert on the employer's page.
    await employer.goto(POSTING);
    await expect(employer.getByRole("heading", { level: 1 })).toContainText("製造スタッフ");
    await expect(employer.getByRole("region", { name: "最低賃金の改定" })).toHaveCount(0);
  } finally {
    await supervisor.goto(`/staff/minimum-wages?prefecture=09&revision=${effectiveFrom}`);
    await field(supervisor, "取消の理由").fill("試験で登録した改定の取消");
    await supervisor.getByRole("button", { name: "この改定を取り消す" }).click();
    await expect(supervisor.getByRole("status").first()).toContainText("改定予定を取り消しました");
  }
});
