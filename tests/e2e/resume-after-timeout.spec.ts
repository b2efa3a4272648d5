/**
 * Nothing typed is lost when the session ends (issue 10, R-AUTH-1, ADR 0017): the employer types into a screen of the
 * 求人 wizard, the server's clock moves 31 minutes, the employer saves, signs in again (password + mailed code) and
 * is back on the same screen with every value typed, then saves them. Then the dialog shown 5 minutes before the
 * idle limit keeps the session through its button.
 */
import type { Page } from "@playwright/test";
import { formatJstDateTime, formatJstTime, MINUTE_MS } from "../../app/lib/clock";
import { expect as baseExpect, test } from "./fixtures";
import { clearServerClock, DEMO, field, setServerClock } from "./support";

/** Each navigation waits for its accessibility scan (fixtures.ts), which takes long on a loaded machine. */
const expect = baseExpect.configure({ timeout: 60_000 });

const EMAIL = "saiyo@nikko-yuba.example.jp";
/** The demo draft 販売スタッフ（直営店） of 株式会社日光ゆば工房, resumed at screen 3 (scripts/lib/demo-postings.ts). */
const SCREEN = "/mypage/postings/demo-job-yuba-hanbai/step/3";
const TYPED = {
  職種: "販売スタッフ（日光直営店・湯波の対面販売）",
  仕事内容: "日光市内の直営店で、湯波製品の販売と接客を担当します。\n・レジ、包装、発送の手配\n・観光客への商品説明",
};

/**
 * The server's fixed "now" of this run: 2026-11-26 at today's wall time (a minute of its own, so that the one-time code
 * mailed at it is told apart in /dev/mail from codes other journeys had mailed to the same address at real time).
 */
const START = Math.floor((Date.parse("2026-11-26T00:00:00+09:00") + (Date.now() % (24 * 60 * MINUTE_MS))) / MINUTE_MS) * MINUTE_MS;
const jstWall = (instant: number) => formatJstDateTime(instant).replace(" ", "T");

/** Signs in on the sign-in page shown, with the code mailed at the server's `at` (password + one-time code, R-AUTH-1). */
async function signInHere(page: Page, at: number) {
  await field(page, "メールアドレス（ログインID）").fill(EMAIL);
  await field(page, "パスワード").fill(DEMO.employerPassword);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/login\/verify/);
  await field(page, "ワンタイムパスワード").fill(await codeMailedAt(page, at));
  await page.getByRole("button", { name: "ログイン" }).click();
}

/** The one-time code mailed to EMAIL at `at` (the row of /dev/mail with that time). */
async function codeMailedAt(page: Page, at: number): Promise<string> {
  const when = formatJstDateTime(at);
  const html = await (await page.request.get("/dev/mail")).text();
  const row = html.split("<tr").find((r) => r.includes(`data-mail-to="${EMAIL}"`) && r.includes(when) && r.includes("ワンタイムパスワード"));
  const href = row ? /href="(\/dev\/mail\/[^"]+)"/.exec(row)?.[1] : undefined;
  if (!href) throw new Error(`no one-time code mailed to ${EMAIL} at ${when}`);
  const detail = await (await page.request.get(href)).text();
  const code = /ワンタイムパスワード：(\d{6})/.exec(detail)?.[1];
  if (!code) throw new Error(`no code in ${href}`);
  return code;
}

test("R-AUTH-1 issue 10: 求人の入力中に30分を過ぎても、ログインし直すと同じ画面に入力した内容が戻り、保存できる", async ({ page }) => {
  test.setTimeout(300_000); // a few seconds of work on an idle machine; generous for a loaded CI (two password hashes)
  try {
    await setServerClock(page.request, jstWall(START));
    await page.goto(`/login?redirectTo=${encodeURIComponent(SCREEN)}`);
    await signInHere(page, START);
    await expect(page).toHaveURL(SCREEN);
    await expect(page.locator("[data-session-end]")).toHaveText(
      `この画面は最後の操作から30分で自動的にログアウトします（${formatJstTime(START + 30 * MINUTE_MS)}まで）`,
    );

    for (const [label, value] of Object.entries(TYPED)) await field(page, label).fill(value);

    // The employer leaves the screen open past the idle limit (server time), then saves.
    const late = START + 31 * MINUTE_MS;
    await setServerClock(page.request, jstWall(late));
    await page.getByRole("button", { name: "一時保存" }).click();
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
    await expect(page.getByRole("status").filter({ hasText: "入力した内容は一時的に保管しています" })).toBeVisible();

    await signInHere(page, late);
    await expect(page).toHaveURL(SCREEN);
    await expect(page.getByRole("status").filter({ hasText: "まだ保存されていません" })).toBeVisible();
    for (const [label, value] of Object.entries(TYPED)) await expect(field(page, label)).toHaveValue(value);

    await page.getByRole("button", { name: "一時保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "一時保存しました" })).toBeVisible();
    await page.reload();
    for (const [label, value] of Object.entries(TYPED)) await expect(field(page, label)).toHaveValue(value);

    // With JavaScript, 25 minutes without a request (the browser's clock): the dialog offers to stay signed in.
    await page.clock.install();
    await page.reload();
    await page.clock.fastForward("25:01");
    const dialog = page.getByRole("alertdialog", { name: "あと5分でログインの有効時間が切れます" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "ログインを続ける" }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await clearServerClock(page.request);
  }
});
