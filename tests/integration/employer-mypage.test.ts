/**
 * The employer's My Page after sign-in: home (R-OPEN-6 result, R-GATE menu), consent to new document
 * versions (R-OPEN-7), password change (R-AUTH-1), and who may see what (authorisation matrix).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { currentVersion, PRIVACY, TERMS } from "../../app/content/legal";
import { verifyPassword } from "../../app/lib/password";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { createEmployerAccount, createStaffAccount, signIn } from "../helpers/factories";
import {
  CookieJar,
  createProvisionalAccount,
  createSignInAccount,
  get,
  mailCount,
  NEW_PASSWORD,
  PASSWORD,
  passwordHash,
  post,
  signInThroughForms,
} from "../helpers/employer-signin";
import { workerFetch } from "../helpers/worker";
import { alertText, fieldError, hrefs, pageTitle, parse, textOf } from "../helpers/html";

const db = () => getDb(env);

function workerGet(path: string, cookie?: string) {
  return workerFetch(path, { cookie });
}

async function cookieFor(accountId: string): Promise<string> {
  return signIn("employer", accountId);
}

/** A menu entry of the home page (the <li data-menu-item="…">). */
function menuItem(html: string, label: string): Element {
  const item = parse(html).querySelector(`li[data-menu-item="${label}"]`);
  if (!item) throw new Error(`menu item ${label} not found`);
  return item;
}

describe("My Page home", () => {
  it("R-OPEN-6: the home shows the establishment, its 事業所番号, the jurisdictional office and the signed-in address", async () => {
    const { establishment, account } = await createSignInAccount({ establishment: { name: "株式会社日光ゆば工房" } });
    const res = await workerGet("/mypage", await cookieFor(account.id));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(pageTitle(html)).toBe("マイページトップ | 求人者マイページ");
    expect(html).toContain("株式会社日光ゆば工房");
    expect(html).toContain(establishment.establishmentNumber!);
    expect(html).toContain("ハローワーク日光（電話 0288-22-0353）");
    expect(html).toContain(account.email);
    expect(html).toContain('action="/logout"');
  });

  it("R-GATE-1: services the capability rules refuse are plain text with the reason; the others link", async () => {
    const { account } = await createSignInAccount();
    const html = await (await workerGet("/mypage", await cookieFor(account.id))).text();
    for (const label of ["応募者管理", "選考結果の登録", "求職情報検索"]) {
      const item = menuItem(html, label);
      expect(item.querySelector("a")).toBeNull();
      expect(textOf(item)).toContain("有効中の求人がないため利用できません。");
    }
    // R-MSG-1 (issue 12): sending is refused with the reason, but the earlier messages stay readable.
    expect(hrefs(menuItem(html, "メッセージ"))).toContain("/mypage/messages");
    expect(textOf(menuItem(html, "メッセージ"))).toContain("有効中の求人がないため利用できません。");
    expect(hrefs(menuItem(html, "求人の申込み"))).toContain("/mypage/postings/new");
    expect(hrefs(menuItem(html, "求人の一覧・内容変更"))).toContain("/mypage/postings");
    expect(hrefs(menuItem(html, "事業所情報の変更"))).toContain("/mypage/establishment");
    expect(hrefs(menuItem(html, "画像情報"))).toContain("/mypage/images");
    expect(hrefs(menuItem(html, "ログインアカウントの管理"))).toContain("/mypage/accounts");
    expect(hrefs(menuItem(html, "パスワードの変更"))).toContain("/mypage/settings/password");
  });

  it("R-GATE-3 (issue 10 wording): under the backlog restriction the home says so and the restricted services show the reason", async () => {
    const { account } = await createSignInAccount({ establishment: { restrictedAt: Date.now() } });
    const html = await (await workerGet("/mypage", await cookieFor(account.id))).text();
    expect(alertText(html)).toContain("紹介日から3週間を過ぎても選考結果が登録されていない紹介が50件を超えた"); // issue 10 wording
    for (const label of ["求人の申込み", "求人の一覧・内容変更", "事業所情報の変更", "求職情報検索", "メッセージ"]) {
      expect(textOf(menuItem(html, label))).toContain("50件を超えたため");
    }
    expect(menuItem(html, "事業所情報の変更").querySelector("a")).toBeNull();
    expect(textOf(menuItem(html, "画像情報"))).not.toContain("50件を超えたため");
  });

  it("R-OPEN-2: an additional (non-main) account sees that adding accounts is for the main account only", async () => {
    const { establishment } = await createSignInAccount();
    const extra = await createEmployerAccount(establishment.id, { isMain: false, passwordHash: await passwordHash() });
    await db()
      .insert(schema.consents)
      .values([
        { id: crypto.randomUUID(), accountId: extra.id, document: "terms", version: currentVersion(TERMS).version, agreedAt: Date.now() },
        { id: crypto.randomUUID(), accountId: extra.id, document: "privacy", version: currentVersion(PRIVACY).version, agreedAt: Date.now() },
      ]);
    const html = await (await workerGet("/mypage", await cookieFor(extra.id))).text();
    expect(html).toContain("追加のログインアカウント");
    expect(textOf(menuItem(html, "ログインアカウントの管理"))).toContain("主たるログインアカウントだけが利用できます。");
  });
});

describe("R-OPEN-7: agreement to new versions of the documents", () => {
  it("R-OPEN-7: after a new version of the terms, /mypage leads to the consent page until the employer agrees; the agreement is recorded", async () => {
    const { account } = await createSignInAccount();
    await db().delete(schema.consents).where(eq(schema.consents.accountId, account.id));
    await db()
      .insert(schema.consents)
      .values([
        { id: crypto.randomUUID(), accountId: account.id, document: "terms", version: "2020-01-01", agreedAt: Date.parse("2020-01-01T00:00:00Z") },
        {
          id: crypto.randomUUID(),
          accountId: account.id,
          document: "privacy",
          version: currentVersion(PRIVACY).version,
          agreedAt: Date.parse("2020-01-01T00:00:00Z"),
        },
      ]);
    const cookie = await cookieFor(account.id);

    for (const path of ["/mypage", "/mypage/settings/password"]) {
      const res = await workerGet(path, cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`/mypage/consent?redirectTo=${encodeURIComponent(path)}`);
    }
    const page = await workerGet("/mypage/consent?redirectTo=%2Fmypage%2Fsettings%2Fpassword", cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`${TERMS.title}（版 ${currentVersion(TERMS).version}`);
    expect(html).toContain('href="/terms"');
    expect(html).not.toContain('href="/privacy" target'); // only the changed document is listed
    expect(html).not.toContain('aria-label="マイページ"'); // no service navigation before agreement

    const refused = await post("/mypage/consent", { redirectTo: "/mypage/settings/password" }, undefined, { Cookie: cookie });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(fieldError(refusedHtml, "agreeTerms")).toMatch(/^エラー：利用規約を確認し/);
    expect(fieldError(refusedHtml, "agreePrivacy")).toMatch(/^エラー：プライバシーポリシーを確認し/);
    expect((await workerGet("/mypage", cookie)).status).toBe(302);

    const agreed = await post("/mypage/consent", { agreeTerms: "on", agreePrivacy: "on", redirectTo: "/mypage/settings/password" }, undefined, {
      Cookie: cookie,
    });
    expect(agreed.status).toBe(303);
    expect(agreed.headers.get("Location")).toBe("/mypage/settings/password");
    const rows = await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all();
    expect(rows.filter((r) => r.version === currentVersion(TERMS).version && r.document === "terms")).toHaveLength(1);
    expect((await workerGet("/mypage", cookie)).status).toBe(200);
    // Nothing left to agree to: the consent page sends the employer on.
    expect((await workerGet("/mypage/consent", cookie)).headers.get("Location")).toBe("/mypage");
  });

  it("R-OPEN-7: the consent page is asked at sign-in when a version is new (the first page after the code)", async () => {
    const { account } = await createSignInAccount();
    await db().delete(schema.consents).where(eq(schema.consents.accountId, account.id));
    const jar = new CookieJar();
    const verified = await signInThroughForms(account.email, jar);
    expect(verified.headers.get("Location")).toBe("/mypage");
    const home = await get("/mypage", jar);
    expect(home.headers.get("Location")).toBe("/mypage/consent?redirectTo=%2Fmypage");
  });

  it("R-OPEN-7: the consent page never redirects off-site", async () => {
    const { account } = await createSignInAccount();
    await db().delete(schema.consents).where(eq(schema.consents.accountId, account.id));
    const cookie = await cookieFor(account.id);
    const res = await post("/mypage/consent", { agreeTerms: "on", agreePrivacy: "on", redirectTo: "https://evil.example/" }, undefined, { Cookie: cookie });
    expect(res.headers.get("Location")).toBe("/mypage");
  });
});

describe("R-AUTH-1: password change", { timeout: 60_000 }, () => {
  it("R-AUTH-1: a password change ends all other sessions, keeps this one, mails a notice and is audited", async () => {
    const { account } = await createSignInAccount();
    const since = Date.now();
    const here = new CookieJar();
    const there = new CookieJar();
    await signInThroughForms(account.email, here);
    await signInThroughForms(account.email, there);
    const otherAccount = await createSignInAccount();
    const bystander = await cookieFor(otherAccount.account.id);

    const res = await post("/mypage/settings/password", { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, here);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/settings/password");
    const done = await get("/mypage/settings/password", here);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("パスワードを変更しました。");
    expect((await get("/mypage", there)).status).toBe(302);
    expect((await workerGet("/mypage", bystander)).status).toBe(200);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all()).toHaveLength(1);

    const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
    expect(await verifyPassword(row!.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await mailCount(account.email, "passwordChanged")).toBe(1);
    const audits = (await db().select().from(schema.auditLog).where(eq(schema.auditLog.action, "employer.password.change")).all()).filter(
      (r) => r.at >= since && r.subjectId === account.id,
    );
    expect(audits).toHaveLength(1);
  });

  it("R-AUTH-1, issue 9 #5: a password change ends the trusted browsers too: a browser trusted before needs the mailed code again", async () => {
    const { account } = await createSignInAccount();
    const here = new CookieJar();
    const trusted = new CookieJar();
    await signInThroughForms(account.email, here, { trust: true });
    await signInThroughForms(account.email, trusted, { trust: true });
    expect(await db().select().from(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, account.id)).all()).toHaveLength(2);
    const otherAccount = await createSignInAccount();
    await signInThroughForms(otherAccount.account.email, new CookieJar(), { trust: true });

    const res = await post("/mypage/settings/password", { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, here);
    expect(res.status).toBe(303);
    expect(await db().select().from(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, account.id)).all()).toEqual([]);
    // Another account's trusted browser is not touched.
    expect(await db().select().from(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, otherAccount.account.id)).all()).toHaveLength(1);

    // The browser that was trusted (its cookie still kept) must now pass the mailed code again, with the new password.
    await post("/logout", {}, trusted);
    expect(trusted.get("__Host-mp_trusted")).toBeTruthy();
    const again = await post("/login", { email: account.email, password: NEW_PASSWORD }, trusted);
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toBe("/login/verify");
  });

  it("R-AUTH-1: a wrong current password or a new password against the policy is refused beside the field, nothing echoed", async () => {
    const { account } = await createSignInAccount({ account: { email: "jinji@kinugawa-hotel.example.jp" } });
    const cookie = await cookieFor(account.id);
    const send = (fields: Record<string, string>) => post("/mypage/settings/password", fields, undefined, { Cookie: cookie });
    const cases: [Record<string, string>, string, string][] = [
      [
        { currentPassword: "違う現在のパスワード", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
        "currentPassword",
        "現在のパスワードが正しくありません。",
      ],
      [{ currentPassword: PASSWORD, password: "短いパスワード", passwordConfirm: "短いパスワード" }, "password", "12文字以上"],
      [{ currentPassword: PASSWORD, password: "password1234", passwordConfirm: "password1234" }, "password", "よく使われていて"],
      [
        { currentPassword: PASSWORD, password: "jinji-の新しいパスワードです", passwordConfirm: "jinji-の新しいパスワードです" },
        "password",
        "「@」より前の部分",
      ],
      [{ currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: "別のパスワードを入れました" }, "passwordConfirm", "一致しません"],
      [{ currentPassword: "", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, "currentPassword", "現在のパスワードを入力してください。"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await send(fields);
      expect(res.status).toBe(400);
      const html = await res.text();
      const error = fieldError(html, field);
      expect(error, field).toMatch(/^エラー：/);
      expect(error, field).toContain(message);
      for (const value of Object.values(fields)) if (value) expect(html).not.toContain(value);
    }
    const row = await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, account.id)).get();
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(await mailCount(account.email)).toBe(0);
  });
});

describe("who may see the My Page", { timeout: 60_000 }, () => {
  it("R-AUTH-1: anonymous visitors are sent to /login from every My Page page and action; the owner gets them (authorisation matrix)", async () => {
    const { establishment, account } = await createSignInAccount({ establishment: { name: "株式会社マトリクス検査" } });
    const pending = await createSignInAccount({ establishment: { name: "株式会社同意待ち" } });
    await db().delete(schema.consents).where(eq(schema.consents.accountId, pending.account.id));
    const hashOf = async (id: string) => (await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, id)).get())!.passwordHash;
    const originalHash = await hashOf(account.id);
    const actors = [
      { name: "owner", cookie: await cookieFor(account.id) },
      { name: "owner awaiting consent", cookie: await cookieFor(pending.account.id) },
      { name: "anonymous" },
    ];
    const failures = await checkAuthorisationMatrix(actors, [
      { name: "home", path: "/mypage", owners: ["owner"], secret: establishment.establishmentNumber! },
      { name: "password change page", path: "/mypage/settings/password", owners: ["owner"], secret: account.email },
      { name: "consent page", path: "/mypage/consent", owners: ["owner awaiting consent"], secret: pending.account.email },
    ]);
    // A signed-in actor who is not the owner of a page is redirected within its own My Page: "owner" from
    // the consent page (nothing to agree to) to /mypage, "owner awaiting consent" to the consent page. The
    // matrix counts those redirects (expecting 404/403); they are the right answers here and carry no data.
    const unexpected = failures.filter(
      (f) => !(f.actor.startsWith("owner") && /^got 30[23] → \/mypage(\/consent\?redirectTo=\S*)?, expected 404\/403$/.test(f.problem)),
    );
    expect(unexpected, describeMatrixFailures(unexpected)).toEqual([]);
    expect(failures.map((f) => `${f.resource} × ${f.actor}`).sort()).toEqual(
      ["consent page × owner", "home × owner awaiting consent", "password change page × owner awaiting consent"].sort(),
    );

    // Actions: nobody but the signed-in account itself can change its password or record its consent.
    const actionFailures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }, { name: "owner awaiting consent", cookie: await cookieFor(pending.account.id) }],
      [
        {
          name: "password change",
          method: "POST",
          path: "/mypage/settings/password",
          body: { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
          owners: [],
          secret: account.email,
          changed: async () => (await hashOf(account.id)) !== originalHash || (await hashOf(pending.account.id)) !== originalHash,
        },
      ],
    );
    expect(actionFailures.filter((f) => f.problem !== "got 302 → /mypage/consent?redirectTo=%2Fmypage%2Fsettings%2Fpassword, expected 404/403")).toEqual([]);
    const consentFailures = await checkAuthorisationMatrix(
      [{ name: "anonymous" }],
      [
        {
          name: "consent",
          method: "POST",
          path: "/mypage/consent",
          body: { agreeTerms: "on", agreePrivacy: "on" },
          owners: [],
          secret: pending.account.email,
          changed: async () => (await db().select().from(schema.consents).where(eq(schema.consents.accountId, pending.account.id)).all()).length > 0,
        },
      ],
    );
    expect(consentFailures, describeMatrixFailures(consentFailures)).toEqual([]);
  });

  it("R-AUTH-1: an employer of another establishment sees only its own data on /mypage", async () => {
    const a = await createSignInAccount({ establishment: { name: "株式会社エー商店" } });
    const b = await createSignInAccount({ establishment: { name: "株式会社ビー工業", officeCode: "0901" } });
    const html = await (await workerGet("/mypage", await cookieFor(b.account.id))).text();
    expect(html).toContain("株式会社ビー工業");
    expect(html).toContain("ハローワーク宇都宮");
    expect(html).not.toContain("株式会社エー商店");
    expect(html).not.toContain(a.establishment.establishmentNumber!);
    expect(html).not.toContain(a.account.email);
  });

  it("R-OPEN-8: a 仮登録 account is sent away from every My Page page to /provisional", async () => {
    const account = await createProvisionalAccount();
    const cookie = await cookieFor(account.id);
    for (const path of ["/mypage", "/mypage/consent", "/mypage/settings/password"]) {
      const res = await workerGet(path, cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/provisional");
    }
    const change = await post("/mypage/settings/password", { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, undefined, {
      Cookie: cookie,
    });
    expect(change.headers.get("Location")).toBe("/provisional");
  });

  it("R-AUTH-1: a half session (code not entered) and a staff session do not open the My Page", async () => {
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await post("/login", { email: account.email, password: PASSWORD }, jar);
    expect((await get("/mypage", jar)).headers.get("Location")).toBe("/login/verify");
    const staff = await createStaffAccount("0910");
    const staffCookie = await signIn("staff", staff.id);
    const res = await workerGet("/mypage", staffCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fmypage");
  });
});
