/**
 * Issue 13 end to end (R-DEL-1, R-DEL-4, R-AUDIT-1), on the demo's 有限会社湯西川サンプル物産 (no other journey uses it):
 * the employer withdraws from the My Page (the confirmation states the erasure date); signing in again is refused with
 * the explanation; 日光's officer restores the My Page at the employer's request; the employer signs in and withdraws
 * again; with the server's clock 31 days ahead, the daily establishments.erase erases it; the officer finds the erasure
 * report — counts per table, nothing else — in the 監査ログ, and the establishment's page is gone.
 * The clock is cleared even when a step fails, so the journeys after this file see today.
 */
import type { Browser, Page } from "@playwright/test";
import { addDays, jstDate } from "../../app/lib/clock";
import { expect, test } from "./fixtures";
import { clearServerClock, DEMO, employerSignIn, field, setServerClock, staffSignIn } from "./support";

const YUNISHIGAWA = { email: "info@yunishigawa-bussan.example.jp", id: "demo-est-yunishigawa" };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

function japaneseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

async function withdraw(employer: Page, today: string) {
  await employer.getByRole("link", { name: "求人者マイページの退会", exact: true }).click();
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText("求人者マイページの退会");
  await expect(employer.locator("[data-erased-from]")).toHaveText(`${japaneseDate(addDays(today, 31))}以降に消去`);
  await field(employer, "現在のパスワード").fill(DEMO.employerPassword);
  await employer.getByLabel("上記の内容を確認しました").check();
  await employer.getByRole("button", { name: "退会する" }).click();
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText("退会手続きが完了しました");
}

test("R-DEL-1, R-DEL-4, R-AUDIT-1 (issue 13): 事業主が退会し、ログインは理由とともに断られ、職員が31日以内に復元し、再び退会して31日後の日次処理で消去され、監査ログに件数だけの消去報告が残る", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const today = jstDate(Date.now());
  const employer = await newPage(browser);
  await employerSignIn(employer, YUNISHIGAWA.email, DEMO.employerPassword);
  await withdraw(employer, today);

  // Sign-in stops at once: a correct password gets the explanation, no session.
  await employer.goto("/login");
  await field(employer, "メールアドレス（ログインID）").fill(YUNISHIGAWA.email);
  await field(employer, "パスワード").fill(DEMO.employerPassword);
  await employer.getByRole("button", { name: "ログイン" }).click();
  await expect(employer.getByRole("alert").filter({ hasText: "退会の手続きが完了しています" })).toBeVisible({ timeout: 30_000 });
  await employer.goto("/mypage");
  await expect(employer).toHaveURL(/\/login/);

  // 日光's officer restores it at the employer's request (within the 31 days).
  const officer = await newPage(browser);
  await staffSignIn(officer, DEMO.nikkoOfficer);
  await officer.goto(`/staff/establishments/${YUNISHIGAWA.id}`);
  await officer.getByRole("link", { name: "退会を取り消す（マイページを復元）" }).click();
  await field(officer, "事業主からの申出の内容").fill("電話で事業主から退会取消の申出があった（誤って退会したため）");
  await officer.getByRole("button", { name: "確認画面へ進む" }).click();
  await officer.getByRole("button", { name: "退会を取り消す" }).click();
  await expect(officer.getByRole("status").filter({ hasText: "退会を取り消し" }).first()).toBeVisible();

  // The employer signs in again and withdraws again.
  await employerSignIn(employer, YUNISHIGAWA.email, DEMO.employerPassword);
  await withdraw(employer, today);

  // Day 31: the daily job erases the My Page.
  try {
    await setServerClock(employer.request, `${addDays(today, 31)}T09:00`);
    await employer.goto("/dev");
    await employer.getByRole("button", { name: "establishments.erase を実行" }).click();
    await expect(employer.getByRole("status").filter({ hasText: "establishments.erase:" })).toBeVisible();
  } finally {
    await clearServerClock(employer.request);
  }

  // The officer's 監査ログ: the erasure report, by the establishment's id, with the counts per table.
  await officer.getByRole("link", { name: "監査ログ" }).first().click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("監査ログ");
  await field(officer, "事業所").fill(YUNISHIGAWA.id);
  await field(officer, "操作").selectOption({ label: "マイページの消去" });
  await officer.getByRole("button", { name: "絞り込む" }).click();
  const report = officer.getByRole("row").filter({ hasText: "マイページの消去" });
  await expect(report).toHaveCount(1);
  await expect(report).toContainText("システム");
  const counts = report.getByRole("table", { name: "消去した件数（テーブル別）" });
  await expect(counts).toContainText("referrals");
  await expect(report).not.toContainText("湯西川");

  // Nothing of it is left to open.
  const gone = await officer.goto(`/staff/establishments/${YUNISHIGAWA.id}`);
  expect(gone?.status()).toBe(404);
});
