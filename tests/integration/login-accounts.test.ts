/**
 * Additional login accounts (R-OPEN-2): the main account adds up to 10 more, addresses are unique
 * case-insensitively, each added account opens itself with its own key, only the main account manages.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/lib/password";
import { getDb, schema } from "../../app/utils/db.server";
import { mailFromAddress } from "../../app/utils/env.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { setWorkerNow } from "../helpers/clock";
import { agreeToCurrentDocuments, CookieJar, get, latestMail, mailCount, PASSWORD, passwordHash, post } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { postForm, workerFetch } from "../helpers/worker";
import { openMyPage as openSharedMyPage } from "../helpers/mypage";
import { mailedKey } from "../helpers/opening";
import { fixedClock, NOW, nowClock } from "../helpers/clock";
import { fieldError } from "../helpers/html";
import { flashMessage, withFlash } from "../helpers/flash";

const db = () => getDb(env);

/** An open My Page with its main account (PASSWORD, consents given), signed in. */
const openMyPage = (name?: string, email?: string) => openSharedMyPage({ name, email, password: true });

/** An additional account that has opened itself (password set, consents given). */
async function activeAdditional(establishmentId: string, mainId: string, email: string) {
  const account = await createEmployerAccount(establishmentId, { email, isMain: false, addedBy: mainId, passwordHash: await passwordHash() });
  await agreeToCurrentDocuments(account.id, nowClock());
  return { account, cookie: await signIn("employer", account.id, nowClock()) };
}

function addAccount(email: string, cookie?: string) {
  return postForm("/mypage/accounts", { intent: "add", email }, cookie);
}

async function accountsOf(establishmentId: string) {
  return db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.establishmentId, establishmentId)).all();
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("ログインアカウントの追加 (R-OPEN-2)", () => {
  it("R-OPEN-2, R-AUDIT-1: the main account adds an account: pending, mailed its own key, audited; the page names the sender", async () => {
    const { establishment, main, cookie } = await openMyPage();
    const res = await addAccount("Jinji@Nikko-Yuba.example.jp", cookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage/accounts");
    const added = (await accountsOf(establishment.id)).find((a) => !a.isMain)!;
    expect(added).toMatchObject({
      email: "Jinji@Nikko-Yuba.example.jp",
      emailNormalized: "jinji@nikko-yuba.example.jp",
      status: "pending",
      passwordHash: null,
      addedBy: main.id,
    });
    const mail = await latestMail(added.email, "accountAdded");
    expect(mail).toContain("株式会社日光ゆば工房");
    expect(mail).toMatch(/認証キー：\d{8}/);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "account.add"), eq(schema.auditLog.subjectId, added.id)))
      .all();
    expect(audit).toMatchObject([{ actorType: "employer", actorId: main.id, officeCode: establishment.officeCode }]);

    const page = await (await workerFetch("/mypage/accounts", { cookie: withFlash(cookie, res) })).text();
    expect(page).toContain("入力したメールアドレスあてにご案内を送信しました");
    expect(page).toContain("Jinji@Nikko-Yuba.example.jp");
    expect(page).toContain("未開設（パスワード未登録）");
    expect(page).toContain(mailFromAddress(env)); // R-OPEN-9
  });

  it("R-OPEN-2: up to 10 additional accounts; the 11th is refused with a message beside the address", async () => {
    const { establishment, cookie } = await openMyPage();
    for (let i = 1; i <= 10; i++) expect((await addAccount(`staff${i}@nikko-yuba.example.jp`, cookie)).status).toBe(303);
    const res = await addAccount("staff11@nikko-yuba.example.jp", cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "email")).toContain("追加できるログインアカウントは10個までです");
    expect(html).toContain('value="staff11@nikko-yuba.example.jp"');
    expect((await accountsOf(establishment.id)).filter((a) => !a.isMain)).toHaveLength(10);
    expect(await mailCount("staff11@nikko-yuba.example.jp")).toBe(0);
  });

  it("R-OPEN-2, issue 9 #7: addresses are unique across all accounts (trimmed, case-insensitive); a taken one gets the very answer of a free one", async () => {
    const { establishment, main, cookie } = await openMyPage();
    const other = await createEstablishment({ name: "鬼怒川リバーサイドホテル株式会社" });
    await createEmployerAccount(other.id, { email: "jinji@kinugawa-hotel.example.jp" });
    const free = await addAccount("somu@nikko-yuba.example.jp", cookie);
    expect(free.status).toBe(303);
    const freeFlash = flashMessage(free);
    for (const email of [" SAIYO@nikko-yuba.example.jp ", "Jinji@Kinugawa-Hotel.example.jp", "ｓｏｍｕ＠ｎｉｋｋｏ－ｙｕｂａ．ｅｘａｍｐｌｅ．ｊｐ"]) {
      const res = await addAccount(email, cookie);
      expect(res.status, email).toBe(free.status);
      expect(res.headers.get("Location"), email).toBe(free.headers.get("Location"));
      expect(flashMessage(res), email).toBe(freeFlash);
    }
    // Nothing is created; the other establishment's account is untouched.
    expect((await accountsOf(establishment.id)).filter((a) => !a.isMain)).toHaveLength(1);
    expect(await accountsOf(other.id)).toHaveLength(1);
    // The owner of the taken address is told, with no key; the attempt is audited without the address.
    const told = await latestMail("jinji@kinugawa-hotel.example.jp", "accountAddRefused");
    expect(told).toContain("株式会社日光ゆば工房");
    expect(told).not.toMatch(/認証キー：/);
    const refused = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "account.add.refused"), eq(schema.auditLog.actorId, main.id)))
      .all();
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ actorType: "employer", actorId: main.id, officeCode: establishment.officeCode });
    expect(JSON.stringify(refused)).not.toContain("kinugawa");
  });

  it("R-OPEN-2, issue 9 #7: at most 10 additions and removals per establishment and JST day, then a Japanese message; the next day they work again", async () => {
    const { establishment, main, cookie } = await openMyPage();
    const neighbour = await openSharedMyPage({ name: "鬼怒川リバーサイドホテル株式会社", email: "jinji@kinugawa-hotel.example.jp" });
    for (let i = 1; i <= 6; i++) expect((await addAccount(`staff${i}@nikko-yuba.example.jp`, cookie)).status).toBe(303);
    expect((await addAccount("saiyo@nikko-yuba.example.jp", cookie)).status).toBe(303); // a taken address counts too
    const added = (await accountsOf(establishment.id)).filter((a) => !a.isMain);
    for (const a of added.slice(0, 3)) expect((await postForm("/mypage/accounts", { intent: "remove", accountId: a.id }, cookie)).status).toBe(303);

    const refused = await addAccount("staff7@nikko-yuba.example.jp", cookie);
    expect(refused.status).toBe(429);
    expect(fieldError(await refused.text(), "email")).toContain("1日に10回まで");
    expect(await mailCount("staff7@nikko-yuba.example.jp")).toBe(0);
    const left = (await accountsOf(establishment.id)).filter((a) => !a.isMain);
    expect(left).toHaveLength(3);
    const removal = await postForm("/mypage/accounts", { intent: "remove", accountId: left[0]!.id }, cookie);
    expect(removal.status).toBe(303);
    expect(flashMessage(removal)).toContain("1日に10回まで");
    expect((await accountsOf(establishment.id)).filter((a) => !a.isMain)).toHaveLength(3);

    // Another establishment keeps its own budget.
    expect((await addAccount("front@kinugawa-hotel.example.jp", neighbour.cookie)).status).toBe(303);
    // The next day (JST) the budget is back.
    const tomorrow = "2026-11-27T00:00:00+09:00";
    await setWorkerNow(tomorrow);
    const fresh = await signIn("employer", main.id, fixedClock(tomorrow));
    expect((await addAccount("staff7@nikko-yuba.example.jp", fresh)).status).toBe(303);
  });

  it("R-OPEN-2, R-OPEN-5, R-OPEN-6: an additional account opens itself with its own key at パスワード登録", async () => {
    const { establishment, main, cookie } = await openMyPage();
    await addAccount("jinji@nikko-yuba.example.jp", cookie);
    const key = await mailedKey("jinji@nikko-yuba.example.jp", "accountAdded");
    const res = await post("/password-registration/complete", { email: "jinji@nikko-yuba.example.jp", key, password: PASSWORD, passwordConfirm: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage");
    const added = (await accountsOf(establishment.id)).find((a) => !a.isMain)!;
    expect(added.status).toBe("active");
    expect(await verifyPassword(added.passwordHash!, PASSWORD)).toBe(true);
    // The main account's password and the establishment are untouched.
    expect(await verifyPassword((await accountsOf(establishment.id)).find((a) => a.id === main.id)!.passwordHash!, PASSWORD)).toBe(true);
    const est = await db().select().from(schema.establishments).where(eq(schema.establishments.id, establishment.id)).get();
    expect(est!.status).toBe("open");
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "account.activate"), eq(schema.auditLog.subjectId, added.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(await db().select().from(schema.consents).where(eq(schema.consents.accountId, added.id)).all()).toHaveLength(2);
    // Its own session shows the list as 利用中.
    const jar = new CookieJar();
    jar.apply(res);
    const page = await (await get("/mypage/accounts", jar)).text();
    expect(page).toContain("jinji@nikko-yuba.example.jp（ログイン中）");
    expect(page).not.toContain("未開設");
  }, 30_000);

  it("R-OPEN-2: an added account whose key expired asks for a new one at パスワード登録 and opens with it", async () => {
    const { cookie } = await openMyPage();
    await addAccount("jinji@nikko-yuba.example.jp", cookie);
    const first = await mailedKey("jinji@nikko-yuba.example.jp", "accountAdded");
    expect((await post("/password-registration?index", { email: "jinji@nikko-yuba.example.jp", agreeTerms: "on", agreePrivacy: "on" })).status).toBe(303);
    const second = await mailedKey("jinji@nikko-yuba.example.jp", "authKeyOpen");
    expect(second).not.toBe(first);
    expect(
      (await post("/password-registration/complete", { email: "jinji@nikko-yuba.example.jp", key: second, password: PASSWORD, passwordConfirm: PASSWORD }))
        .status,
    ).toBe(303);
  });

  it("R-OPEN-2: only the main account may add or remove; the others see the list and the reason", async () => {
    const { establishment, main, cookie: _mainCookie } = await openMyPage();
    const { cookie } = await activeAdditional(establishment.id, main.id, "jinji@nikko-yuba.example.jp");
    const page = await workerFetch("/mypage/accounts", { cookie: cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("saiyo@nikko-yuba.example.jp");
    expect(html).toContain("主たるログインアカウントだけが利用できます。");
    expect(html).not.toContain('name="intent" value="add"');
    const res = await addAccount("somu@nikko-yuba.example.jp", cookie);
    expect(res.status).toBe(403);
    expect(await mailCount("somu@nikko-yuba.example.jp")).toBe(0);
    expect(await accountsOf(establishment.id)).toHaveLength(2);
  });

  it("R-OPEN-2, R-AUDIT-1: the main account removes an additional account: its sessions end and the row is gone", async () => {
    const { establishment, main, cookie } = await openMyPage();
    const { account, cookie: theirCookie } = await activeAdditional(establishment.id, main.id, "jinji@nikko-yuba.example.jp");
    expect((await workerFetch("/mypage/accounts", { cookie: theirCookie })).status).toBe(200);
    const res = await postForm("/mypage/accounts", { intent: "remove", accountId: account.id }, cookie);
    expect(res.status).toBe(303);
    expect(await accountsOf(establishment.id)).toHaveLength(1);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all()).toEqual([]);
    expect(await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all()).toEqual([]);
    const after = await workerFetch("/mypage/accounts", { cookie: theirCookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "account.remove"), eq(schema.auditLog.subjectId, account.id)))
      .all();
    expect(audit).toMatchObject([{ actorId: main.id }]);
    // The main account itself cannot be removed.
    const self = await postForm("/mypage/accounts", { intent: "remove", accountId: main.id }, cookie);
    expect(self.status).toBe(404);
  });

  it("R-OPEN-2: authorisation matrix — foreign employers, additional accounts and anonymous visitors cannot see or manage the accounts", async () => {
    const mine = await openMyPage("株式会社日光ゆば工房", "saiyo@nikko-yuba.example.jp");
    const theirs = await openMyPage("鬼怒川リバーサイドホテル株式会社", "jinji@kinugawa-hotel.example.jp");
    const additional = await activeAdditional(mine.establishment.id, mine.main.id, "somu@nikko-yuba.example.jp");
    const target = await createEmployerAccount(mine.establishment.id, {
      email: "keiri@nikko-yuba.example.jp",
      isMain: false,
      status: "pending",
      addedBy: mine.main.id,
    });
    const exists = async (id: string) => (await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, id)).get()) !== undefined;
    const addedToMine = async (email: string) =>
      (await db()
        .select()
        .from(schema.employerAccounts)
        .where(and(eq(schema.employerAccounts.emailNormalized, email), eq(schema.employerAccounts.establishmentId, mine.establishment.id)))
        .get()) !== undefined;

    const main = { name: "main account", cookie: mine.cookie };
    const extra = { name: "additional account", cookie: additional.cookie };
    const foreign = { name: "other establishment's main account", cookie: theirs.cookie };
    const anonymous = { name: "anonymous" };

    // Seeing the list: the establishment's own accounts only.
    const failures = await checkAuthorisationMatrix(
      [anonymous, main, extra],
      [{ name: "account list", path: "/mypage/accounts", owners: [main.name, extra.name], secret: "keiri@nikko-yuba.example.jp" }],
    );
    const foreignList = await (await workerFetch("/mypage/accounts", { cookie: theirs.cookie })).text();
    if (foreignList.includes("keiri@nikko-yuba.example.jp")) failures.push({ resource: "account list", actor: foreign.name, problem: "received the data" });

    // Removing an account of my establishment (the owner goes last: it really removes it).
    failures.push(
      ...(await checkAuthorisationMatrix(
        [anonymous, foreign, extra, main],
        [
          {
            name: "remove an account",
            method: "POST",
            path: "/mypage/accounts",
            body: { intent: "remove", accountId: target.id },
            owners: [main.name],
            secret: "keiri@nikko-yuba.example.jp",
            changed: async () => !(await exists(target.id)),
          },
        ],
      )),
    );
    // Adding to my establishment: only the main account (another establishment's main adds to its own).
    failures.push(
      ...(await checkAuthorisationMatrix(
        [anonymous, extra, main],
        [
          {
            name: "add an account",
            method: "POST",
            path: "/mypage/accounts",
            body: { intent: "add", email: "new@nikko-yuba.example.jp" },
            owners: [main.name],
            secret: "new@nikko-yuba.example.jp",
            changed: async () => addedToMine("new@nikko-yuba.example.jp"),
          },
        ],
      )),
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
    expect(await exists(target.id)).toBe(false);
    expect(await addedToMine("new@nikko-yuba.example.jp")).toBe(true);
    // The foreign main account's add went to its own establishment, never to mine.
    await postForm("/mypage/accounts", { intent: "add", email: "x@kinugawa-hotel.example.jp" }, theirs.cookie);
    expect(await addedToMine("x@kinugawa-hotel.example.jp")).toBe(false);
  });
});
