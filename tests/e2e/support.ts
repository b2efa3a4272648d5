/**
 * Helpers for journeys: read keys and codes from the development outbox (/dev/mail), move the
 * server's clock (/dev), compute staff TOTP codes, and sign in.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { fixedClock, systemClock, type Clock } from "../../app/lib/clock";
import { formEntries, stepFormValues, type StepNumber } from "../../app/lib/schemas/posting";
import type { PostingContent } from "../../app/rules/posting/types";
import { totpAt } from "../../app/lib/totp";
import { expect } from "./fixtures";

export const DEMO = {
  employerPassword: "Mypage-Demo-2026",
  staffPassword: "Hellowork-Demo-2026",
  seekerPassword: "Kyushoku-Demo-2026",
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
/** The online 仮登録's account (R-OPEN-8): e-mail and consents, the mailed 認証キー, a password; lands on /provisional. */
export async function registerOnline(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/register");
  await field(page, "メールアドレス").fill(email);
  await page.getByLabel(/利用規約\s*に同意する/).check();
  await page.getByLabel(/プライバシーポリシー\s*に同意する/).check();
  await page.getByRole("button", { name: "同意して認証キーを送信する" }).click();
  const key = await mailedKey(page.request, email, "アカウント登録");
  await page.goto("/register/complete");
  await field(page, "メールアドレス").fill(email);
  await field(page, "認証キー").fill(key);
  await field(page, "パスワード").fill(password);
  await field(page, "パスワード（確認）").fill(password);
  await page.getByRole("button", { name: "登録する" }).click();
}

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
 * How long a sign-in step may take: a password check is an argon2id hash (~30 ms alone since ADR 0025, more when the
 * machine is busy, e.g. vitest running beside Playwright in `npm test`), which expect's 10 s might not allow.
 */
const SIGN_IN_MS = 30_000;

/** Signs an employer in with password and the mailed one-time code. */
export async function employerSignIn(page: Page, email: string, password: string): Promise<void> {
  await signInWithMailedCode(page, "/login", email, password);
}

/** Signs a seeker in to the 求職者マイページ (the same two steps at /seeker/login). */
export async function seekerSignIn(page: Page, email: string, password: string): Promise<void> {
  await signInWithMailedCode(page, "/seeker/login", email, password);
}

async function signInWithMailedCode(page: Page, login: string, email: string, password: string): Promise<void> {
  await page.goto(login);
  await field(page, "メールアドレス（ログインID）").fill(email);
  await field(page, "パスワード").fill(password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(new RegExp(`${login}/verify`), { timeout: SIGN_IN_MS });
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

// ---------------------------------------------------------------------------------------------------------------
// The 求人 wizard (the My Page's and the 仮登録's)

/** Types the screen's part of `content` into the form, whatever the kind of each input. */
export async function fillScreen(page: Page, step: StepNumber, content: PostingContent): Promise<void> {
  const form = page.locator(`form#posting-step-${step}`);
  await form.waitFor();
  for (const [name, value] of formEntries(stepFormValues(step, content))) {
    const inputs = form.locator(`[name="${name}"]`);
    const count = await inputs.count();
    if (count === 0) {
      if (name === "pr.imageIds") continue; // no approved image to choose
      throw new Error(`screen ${step}: no input named ${name}`);
    }
    const first = inputs.first();
    const kind = await first.evaluate((el) => `${el.tagName.toLowerCase()}:${el.getAttribute("type") ?? ""}`);
    if (kind === "input:radio") {
      if (value !== "") await form.locator(`[name="${name}"][value="${value}"]`).check();
    } else if (kind === "input:checkbox") {
      if (count > 1) continue; // checkbox groups of plain values: none in this journey
      if (value === "on") await first.check();
      else await first.uncheck();
    } else if (kind.startsWith("select")) {
      await first.selectOption(value);
    } else if (kind !== "input:hidden") {
      await first.fill(value);
    }
  }
}

/** 次へ進む (確認へ進む on screen 8). */
export async function nextScreen(page: Page, step: number): Promise<void> {
  await page.getByRole("button", { name: step === 8 ? "確認へ進む" : "次へ進む" }).click();
}

/**
 * The same values as fillScreen, set with few browser round trips (for journeys that pass through the wizard rather
 * than test it): the radios and checkboxes that differ are clicked first (they may show more fields), then every text
 * field and select is set at once.
 */
export async function fillScreenQuickly(page: Page, step: StepNumber, content: PostingContent): Promise<void> {
  const form = page.locator(`form#posting-step-${step}`);
  await form.waitFor();
  const entries = [...formEntries(stepFormValues(step, content))].map(([name, value]) => [name, String(value)] as [string, string]);
  const toClick = await form.evaluate((el, list) => {
    const clicks: [string, string | null, boolean][] = [];
    for (const [name, value] of list) {
      const inputs = [...el.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(name)}"]`)];
      const first = inputs[0];
      if (!first) continue;
      if (first.type === "radio" && value !== "") {
        const target = inputs.find((i) => i.value === value);
        if (target && !target.checked) clicks.push([name, value, true]);
      } else if (first.type === "checkbox" && inputs.length === 1 && first.checked !== (value === "on")) {
        clicks.push([name, null, value === "on"]);
      }
    }
    return clicks;
  }, entries);
  for (const [name, value, checked] of toClick) {
    await form.locator(value === null ? `[name="${name}"]` : `[name="${name}"][value="${value}"]`).setChecked(checked);
  }
  const missing = await form.evaluate((el, list) => {
    const absent: string[] = [];
    for (const [name, value] of list) {
      // An input, a select or a textarea: each has `value` (and `type`).
      const first = el.querySelector(`[name="${CSS.escape(name)}"]`) as HTMLInputElement | null;
      if (!first) {
        absent.push(name);
        continue;
      }
      if (["radio", "checkbox", "hidden"].includes(first.type)) continue;
      first.value = value;
    }
    return absent;
  }, entries);
  const unexpected = missing.filter((name) => name !== "pr.imageIds");
  if (unexpected.length) throw new Error(`screen ${step}: no input named ${unexpected.join(", ")}`);
}
