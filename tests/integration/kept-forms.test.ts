/**
 * Nothing typed is lost when the session ends (issue 10, R-AUTH-1, ADR 0017): a long form posted after the 30-minute
 * idle limit is kept for that browser and account, comes back on the same screen after signing in again (password +
 * mailed code), and is then saved; another account on the same browser never gets it; it is gone after 2 hours; the
 * keep-alive route extends the session, and the screen says until when it stays open.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { parseContent } from "../../app/models/posting/content.server";
import { emptyPostingContent } from "../../app/rules/posting";
import { NOW, setWorkerNow } from "../helpers/clock";
import { agreeToCurrentDocuments, CookieJar, get, passwordHash, post, signInThroughForms } from "../helpers/employer-signin";
import { createEmployerAccount } from "../helpers/factories";
import { controls, parse, statusText, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { draftOf, postingRow, stepUrl } from "../helpers/postings";

/** NOW (Thursday 2026-11-26 10:00 JST) plus minutes. */
const at = (minutes: number) => new Date(new Date(NOW).getTime() + minutes * 60_000);

/** Screen 2 (会社の情報) as the employer typed it. */
const TYPED = {
  "company.employeesTotal": "30",
  "company.employeesWorkplace": "25",
  "company.businessDescription": "湯波（ゆば）の製造と販売、日光市内の直営店",
  "company.features": "創業百年、手作業の湯波",
  "company.laborUnion": "false",
};

async function keptRows(): Promise<{ path: string; fields: string }[]> {
  return (await env.DB.prepare("SELECT path, fields FROM kept_forms").all<{ path: string; fields: string }>()).results;
}

/** The employer of 株式会社日光ゆば工房 (password set), signed in at NOW in a cookie jar, with a draft at screen 2. */
async function employerWithDraft() {
  const email = `${crypto.randomUUID().slice(0, 8)}@nikko-yuba.example.jp`;
  const page = await openMyPage({ email, password: true });
  const [name, value] = page.cookie.split("=") as [string, string];
  const jar = new CookieJar({ [name]: value });
  const draft = await draftOf(page, emptyPostingContent(), 2);
  return { page, email, jar, draft, path: stepUrl(draft.id, 2) };
}

function valueOf(html: string, name: string): string | null {
  const control = controls(html, name)[0];
  if (!control) return null;
  if (control.tagName === "TEXTAREA") return textOf(control);
  if (control.getAttribute("type") === "radio") {
    const checked = controls(html, name).find((c) => c.hasAttribute("checked"));
    return checked?.getAttribute("value") ?? null;
  }
  return control.getAttribute("value");
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("a form posted after the idle limit is kept (R-AUTH-1, issue 10)", () => {
  it("R-AUTH-1 issue 10: screen 2 saved at 10:31 after 31 idle minutes goes to sign-in with the values kept; signed in again, the same screen shows every value typed, and 一時保存 stores them", async () => {
    const { email, jar, draft, path } = await employerWithDraft();
    await setWorkerNow(at(31));
    const late = await post(path, { ...TYPED, intent: "save" }, jar);
    expect(late.status).toBe(302);
    const login = new URL(late.headers.get("Location")!, "http://localhost");
    expect(login.pathname).toBe("/login");
    expect(login.searchParams.get("redirectTo")).toBe(path);
    expect(jar.get("__Host-mp_kept")).toMatch(/^[a-z2-7]{32}$/);
    // Nothing was saved, but the values are kept (no password, no code, no button intent).
    expect(parseContent((await postingRow(draft.id)).content).company.businessDescription).toBe("");
    const [row] = await keptRows();
    expect(row?.path).toBe(path);
    expect(JSON.parse(row!.fields)).toEqual(Object.entries(TYPED));

    const loginPage = await (await get(`${login.pathname}${login.search}`, jar)).text();
    expect(loginPage).toContain("入力した内容は一時的に保管しています");

    const signedIn = await signInThroughForms(email, jar, { redirectTo: path });
    expect(signedIn.headers.get("Location")).toBe(path);
    const back = await (await get(path, jar)).text();
    for (const [name, value] of Object.entries(TYPED)) expect(valueOf(back, name), name).toBe(value);
    expect(statusText(back)).toContain("まだ保存されていません");
    // Shown once: the kept values are erased as they are shown.
    expect(await keptRows()).toEqual([]);

    const saved = await post(path, { ...TYPED, intent: "save" }, jar);
    expect(saved.status).toBe(303);
    const company = parseContent((await postingRow(draft.id)).content).company;
    expect(company).toMatchObject({ employeesTotal: 30, employeesWorkplace: 25, businessDescription: TYPED["company.businessDescription"], laborUnion: false });
  });

  it("R-AUTH-1 issue 10: another account signing in on the same browser does not get the values; 事業所情報の変更 is kept the same way", async () => {
    const { page, jar, path } = await employerWithDraft();
    await setWorkerNow(at(31));
    expect((await post(path, { ...TYPED, intent: "save" }, jar)).status).toBe(302);
    expect((await post("/mypage/establishment", { name: "株式会社日光ゆば工房 本店" }, jar)).status).toBe(302);
    expect((await keptRows()).map((r) => r.path).sort()).toEqual(["/mypage/establishment", path]);

    // A colleague (another login account of the same establishment) signs in on this browser.
    const other = await createEmployerAccount(page.establishment.id, {
      email: "jinji@nikko-yuba.example.jp",
      isMain: false,
      passwordHash: await passwordHash(),
    });
    await agreeToCurrentDocuments(other.id);
    await signInThroughForms(other.email, jar, { redirectTo: path });
    const theirs = await (await get(path, jar)).text();
    expect(valueOf(theirs, "company.businessDescription")).toBe("");
    expect(statusText(theirs) ?? "").not.toContain("まだ保存されていません");
    const establishment = await (await get("/mypage/establishment", jar)).text();
    expect(controls(establishment, "name")[0]?.getAttribute("value")).toBe("株式会社日光ゆば工房");
    // Still kept for the account that typed them.
    expect(await keptRows()).toHaveLength(2);
  });

  it("R-AUTH-1 issue 10: kept values expire after 2 hours (posted 10:31, signed in again 12:32): the screen shows what was stored and the row is gone", async () => {
    const { email, jar, path } = await employerWithDraft();
    await setWorkerNow(at(31));
    expect((await post(path, { ...TYPED, intent: "save" }, jar)).status).toBe(302);
    expect(await keptRows()).toHaveLength(1);
    await setWorkerNow(at(31 + 121));
    await signInThroughForms(email, jar, { redirectTo: path });
    const back = await (await get(path, jar)).text();
    expect(valueOf(back, "company.businessDescription")).toBe("");
    expect(await keptRows()).toEqual([]);
  });
});

describe("staying signed in (R-AUTH-1, issue 10)", () => {
  it("R-AUTH-1 issue 10: the screen says until when it stays open; the keep-alive POST at 10:25 moves the end to 10:55, so 10:54 is still signed in", async () => {
    const { jar, path } = await employerWithDraft();
    const screen = await (await get(path, jar)).text();
    expect(textOf(parse(screen).querySelector("[data-session-end]"))).toBe("この画面は最後の操作から30分で自動的にログアウトします（10時30分まで）");

    await setWorkerNow(at(25));
    const alive = await post("/mypage/keep-alive", {}, jar);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ ok: true, endsAt: at(55).getTime(), now: at(25).getTime() });

    await setWorkerNow(at(54));
    expect((await get(path, jar)).status).toBe(200);
    // Signed out (idle from 10:54 to 11:25): the keep-alive answers 401 without redirecting.
    await setWorkerNow(at(85));
    const late = await post("/mypage/keep-alive", {}, jar);
    expect(late.status).toBe(401);
  });
});
