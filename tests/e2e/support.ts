/**
 * Helpers for journeys: read keys and codes from the development outbox (/dev/mail), move the
 * server's clock (/dev), compute staff TOTP codes, and sign in.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { fixedClock, systemClock, type Clock } from "../../app/lib/clock";
import { totpAt } from "../../app/lib/totp";
import { expect } from "./fixtures";

export const DEMO = {
  employerPassword: "Mypage-Demo-2026",
  staffPassword: "Hellowork-Demo-2026",
  nikkoOfficer: { email: "officer.nikko@hw.example.jp", totpSecret: "NB3S2ZDFNVXS25DPORYC2MBZGEYA" },
  utsunomiyaOfficer: { email: "officer.utsunomiya@hw.example.jp", totpSecret: "NB3S2ZDFNVXS25DPORYC2MBZGAYQ" },
  nasukarasuyamaSupervisor: { email: "supervisor.nasukarasuyama@hw.example.jp", totpSecret: "NB3S2ZDFNVXS25DPORYC243VOAWTAOJRGE" },
};

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.jp`;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text of the newest mail to `address` whose subject contains `subject`, from /dev/mail. */
export async function latestMail(request: APIRequestContext, address: string, subject: string): Promise<string> {
  let html = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    html = await (await request.get("/dev/mail")).text();
    const rows = html.split("<tr").filter((r) => r.includes(`data-mail-to="${address}"`) && decodeHtml(r).includes(subject));
    const href = rows[0] ? /href="(\/dev\/mail\/[^"]+)"/.exec(rows[0])?.[1] : undefined;
    if (href) {
      const detail = await (await request.get(href)).text();
      const pre = /<pre[^>]*data-testid="mail-text"[^>]*>([\s\S]*?)<\/pre>/.exec(detail)?.[1] ?? "";
      return decodeHtml(pre);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail "${subject}" to ${address}`);
}

export async function mailedKey(request: APIRequestContext, address: string, subject: string, label = "認証キー"): Promise<string> {
  const text = await latestMail(request, address, subject);
  const key = new RegExp(`${label}：(\\d+)`).exec(text)?.[1];
  if (!key) throw new Error(`no ${label} in mail: ${text}`);
  return key;
}

/** Fixes the server's "now" (JST wall time like "2026-11-26T09:00"). */
export async function setServerClock(request: APIRequestContext, jst: string): Promise<void> {
  const res = await request.post("/dev", { form: { intent: "set-clock", at: jst }, maxRedirects: 0 });
  expect([302, 303]).toContain(res.status());
}

export async function clearServerClock(request: APIRequestContext): Promise<void> {
  await request.post("/dev", { form: { intent: "clear-clock" }, maxRedirects: 0 });
}

export function totpFor(secret: string, clock: Clock = systemClock): string {
  return totpAt(secret, clock);
}

export function totpAtJst(secret: string, jst: string): string {
  return totpAt(secret, fixedClock(`${jst}:00+09:00`));
}

/**
 * How long a sign-in step may take: a password check is an argon2id hash (~0.3 s alone, several seconds when the
 * machine is busy, e.g. vitest running beside Playwright in `npm test`), more than expect's 10 s could allow.
 */
const SIGN_IN_MS = 30_000;

/** Signs an employer in with password and the mailed one-time code. */
export async function employerSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await field(page, "メールアドレス（ログインID）").fill(email);
  await field(page, "パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/login\/verify/, { timeout: SIGN_IN_MS });
  const code = await mailedKey(page.request, email, "ワンタイムパスワード", "ワンタイムパスワード");
  await field(page, "ワンタイムパスワード").fill(code);
  await page.getByRole("button", { name: "ログイン" }).click();
}

/** The last TOTP time step each officer used in this run (the worker process runs every spec file in turn). */
const usedSteps = new Map<string, number>();
const TOTP_STEP_MS = 30_000;

/**
 * A code of a step this officer has not used yet: the server refuses a step already used (replay) and accepts one
 * step of drift, so a second sign-in within the same 30 seconds uses the next step's code instead of waiting.
 */
async function freshTotp(page: Page, officer: { email: string; totpSecret: string }): Promise<string> {
  const last = usedSteps.get(officer.email) ?? -Infinity;
  let step = Math.floor(Date.now() / TOTP_STEP_MS);
  if (step + 1 <= last) {
    await page.waitForTimeout(TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 500);
    step = Math.floor(Date.now() / TOTP_STEP_MS);
  }
  const offset = step > last ? 0 : 1;
  usedSteps.set(officer.email, step + offset);
  return totpAt(officer.totpSecret, systemClock, offset);
}

/** Signs an officer in with password and TOTP. */
export async function staffSignIn(page: Page, officer: { email: string; totpSecret: string }): Promise<void> {
  await page.goto("/staff/login");
  await field(page, "メールアドレス").fill(officer.email);
  await field(page, "パスワード").fill(DEMO.staffPassword);
  await page.getByRole("button", { name: "次へ" }).click();
  await expect(page).toHaveURL(/\/staff\/login\/totp/, { timeout: SIGN_IN_MS });
  // A code works once (replay protection): freshTotp picks a step not used yet; should the server still refuse it
  // (an officer signed in outside this helper), wait for the next step and use its code.
  // The answer is awaited for as long as the server takes (a loaded machine), never guessed from a fixed time: the menu,
  // or the message beside the code field.
  await field(page, "確認コード（6桁）").fill(await freshTotp(page, officer));
  await page.getByRole("button", { name: "ログイン" }).click();
  const refused = page.locator('[data-field-error="code"]').filter({ hasText: /\S/ });
  const signedIn = await Promise.race([
    page.waitForURL(/\/staff\/?$/).then(
      () => true,
      () => false,
    ),
    refused.waitFor().then(
      () => false,
      () => false,
    ),
  ]);
  if (!signedIn) {
    await page.waitForTimeout(TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 500);
    usedSteps.set(officer.email, Math.floor(Date.now() / TOTP_STEP_MS));
    await field(page, "確認コード（6桁）").fill(totpFor(officer.totpSecret));
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL(/\/staff\/?$/, { timeout: SIGN_IN_MS });
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("職員メニュー");
}

/** A form field by its visible label, ignoring the 「※必須」/「任意」 marker inside the label. */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}\\s*(※必須|任意)?$`)).and(page.locator("input, select, textarea"));
}
