/**
 * Opening a My Page on the counter path, steps ②–⑥ (R-OPEN-4 – R-OPEN-7, R-OPEN-9): パスワード登録
 * through the real Worker, with the clock fixed by setWorkerNow.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { currentVersion, PRIVACY, TERMS } from "../../app/content/legal";
import { MINUTE_MS } from "../../app/lib/clock";
import { verifyPassword } from "../../app/lib/password";
import { getDb, schema } from "../../app/utils/db.server";
import { mailFromAddress } from "../../app/utils/env.server";
import { setWorkerNow } from "../helpers/clock";
import { get, latestMail, mailCount, PASSWORD, passwordHash, post } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment } from "../helpers/factories";
import { workerFetch } from "../helpers/worker";
import { employerAccountRow as accountRow, mailedKey, registeredWithPendingMain, wrongKey } from "../helpers/opening";
import { NOW } from "../helpers/clock";
import { fieldError } from "../helpers/html";
import { withFlash } from "../helpers/flash";

const db = () => getDb(env);
const at = (offsetMs: number) => new Date(new Date(NOW).getTime() + offsetMs);

function askForKey(email: string, agree = true) {
  return post("/password-registration?index", { email, ...(agree ? { agreeTerms: "on", agreePrivacy: "on" } : {}) });
}

function enterKey(email: string, key: string, password = PASSWORD, passwordConfirm = password) {
  return post("/password-registration/complete", { email, key, password, passwordConfirm });
}

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("パスワード登録 ②–④: asking for the 認証キー", () => {
  it("R-OPEN-4: the answer is the same for a registered and an unregistered address; only the registered one is mailed", async () => {
    const { account } = await registeredWithPendingMain();
    const opened = await createEmployerAccount((await createEstablishment()).id, { email: "saiyo@nikko-yuba.example.jp", passwordHash: await passwordHash() });

    const answers = [];
    for (const email of [account.email, "nobody@unknown.example.jp", opened.email]) {
      const res = await askForKey(email);
      answers.push({ status: res.status, location: res.headers.get("Location"), cookie: res.headers.get("Set-Cookie") });
    }
    // The same answer, to the next step's page with the same message (a flash cookie: no session).
    expect(answers).toEqual(Array(3).fill(answers[0]));
    expect(answers[0]).toMatchObject({ status: 303, location: "/password-registration/complete" });
    expect(answers[0]!.cookie).toMatch(/^__Host-flash=/);

    const res = await askForKey("nobody@unknown.example.jp");
    const page = await (await workerFetch("/password-registration/complete", { cookie: withFlash(undefined, res) })).text();
    expect(page).toContain("入力されたメールアドレスが登録されている場合は、認証キーを送信しました。30分以内に");
    expect(page).toContain("認証キーとパスワードの入力");

    expect(await mailCount(account.email, "authKeyOpen")).toBe(1);
    expect(await mailCount("nobody@unknown.example.jp")).toBe(0);
    expect(await mailCount(opened.email)).toBe(0);
    const mail = await latestMail(account.email, "authKeyOpen");
    expect(mail).toContain("今市精機有限会社");
    expect(mail).toMatch(/認証キー：\d{8}/);
  });

  it("R-OPEN-9: the pages that mail a key name the sender address to allow through spam filters", async () => {
    const sender = mailFromAddress(env);
    expect(sender).toMatch(/@/);
    for (const path of ["/password-registration", "/password-registration/complete"]) {
      const html = await (await get(path)).text();
      expect(html, path).toContain(sender);
    }
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    expect(await latestMail(account.email, "authKeyOpen")).toContain(sender);
  });

  it("R-OPEN-4: agreeing to both 利用規約 and プライバシーポリシー is required; the address typed is kept", async () => {
    const { account } = await registeredWithPendingMain();
    const res = await post("/password-registration?index", { email: account.email, agreeTerms: "on" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "agreePrivacy")).toContain("プライバシーポリシー");
    expect(fieldError(html, "agreeTerms")).toBeNull();
    expect(html).toContain(`value="${account.email}"`);
    expect(html).toContain('href="/terms"');
    expect(html).toContain('href="/privacy"');
    expect(await mailCount(account.email)).toBe(0);
  });

  it("R-OPEN-4: a full-width address is the same address (NFKC); over 100 characters is refused beside the field", async () => {
    const { account } = await registeredWithPendingMain("office@imaichi.example.jp");
    expect((await askForKey("ｏｆｆｉｃｅ＠ｉｍａｉｃｈｉ．ｅｘａｍｐｌｅ．ｊｐ　")).status).toBe(303);
    expect(await mailCount(account.email, "authKeyOpen")).toBe(1);

    const long = `${"a".repeat(90)}@example.jp`; // 101 characters
    const res = await askForKey(long);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "email")).toContain("100文字以内");
  });

  it("R-AUTH-3: at most 5 keys per address in 30 minutes, registered or not, with the same answer", async () => {
    const { account } = await registeredWithPendingMain();
    for (const email of [account.email, "nobody@unknown.example.jp"]) {
      for (let i = 0; i < 5; i++) expect((await askForKey(email)).status).toBe(303);
      const sixth = await askForKey(email);
      expect(sixth.status).toBe(429);
      expect(fieldError(await sixth.text(), "email")).toContain("しばらく受け付けを停止しています");
    }
    expect(await mailCount(account.email, "authKeyOpen")).toBe(5);
    await setWorkerNow(at(31 * MINUTE_MS));
    expect((await askForKey(account.email)).status).toBe(303);
  });
});

describe("パスワード登録 ⑤–⑥: the key and the password", () => {
  it("R-OPEN-5: the key is valid for 30 minutes: refused at 30:00 after issue, accepted at 29:59", async () => {
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    const key = await mailedKey(account.email, "authKeyOpen");
    await setWorkerNow(at(30 * MINUTE_MS));
    const late = await enterKey(account.email, key);
    expect(late.status).toBe(400);
    expect(fieldError(await late.text(), "key")).toBe("エラー：認証キーが正しくないか、有効期限が切れています。もう一度認証キーを発行してください。");
    expect((await accountRow(account.id))!.status).toBe("pending");

    await askForKey(account.email); // issued at 30:00
    const fresh = await mailedKey(account.email, "authKeyOpen");
    await setWorkerNow(at(59 * MINUTE_MS + 59_000)); // 29:59 after this key
    const inTime = await enterKey(account.email, fresh);
    expect(inTime.status).toBe(303);
    expect((await accountRow(account.id))!.status).toBe("active");
  });

  it("R-OPEN-5: a key works once", async () => {
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    const key = await mailedKey(account.email, "authKeyOpen");
    expect((await enterKey(account.email, key)).status).toBe(303);
    const again = await enterKey(account.email, key, "別のパスワードで乗っ取りを試みる");
    expect(again.status).toBe(400);
    expect(fieldError(await again.text(), "key")).toContain("有効期限が切れています");
    expect(await verifyPassword((await accountRow(account.id))!.passwordHash!, PASSWORD)).toBe(true);
  });

  it("R-OPEN-5: a newer key replaces the older one", async () => {
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    const older = await mailedKey(account.email, "authKeyOpen");
    await setWorkerNow(at(MINUTE_MS));
    await askForKey(account.email);
    const newer = await mailedKey(account.email, "authKeyOpen");
    expect(newer).not.toBe(older); // (equal with probability 1e-8)
    const res = await enterKey(account.email, older);
    expect(res.status).toBe(400);
    expect((await accountRow(account.id))!.status).toBe("pending");
    expect((await enterKey(account.email, newer)).status).toBe(303);
  });

  it("R-OPEN-5: after 5 wrong entries the key is void: the 6th entry is refused even with the right key", async () => {
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    const key = await mailedKey(account.email, "authKeyOpen");
    const messages = [];
    for (let i = 0; i < 5; i++) {
      const res = await enterKey(account.email, wrongKey(key));
      expect(res.status).toBe(400);
      messages.push(fieldError(await res.text(), "key"));
    }
    expect(messages[0]).toContain("あと4回間違えると");
    expect(messages[3]).toContain("あと1回間違えると");
    expect(messages[4]).toContain("5回間違えたため、この認証キーは無効になりました");
    const sixth = await enterKey(account.email, key);
    expect(sixth.status).toBe(400);
    expect(fieldError(await sixth.text(), "key")).toContain("有効期限が切れています");
    expect((await accountRow(account.id))!).toMatchObject({ status: "pending", passwordHash: null });
    // A new key may be requested and works.
    await askForKey(account.email);
    expect((await enterKey(account.email, await mailedKey(account.email, "authKeyOpen"))).status).toBe(303);
  });

  it("R-OPEN-4, R-OPEN-5: an unknown address answers exactly like a registered one with a wrong key", async () => {
    const { account } = await registeredWithPendingMain();
    const transcripts: (string | null)[][] = [];
    for (const email of [account.email, "nobody@unknown.example.jp"]) {
      await askForKey(email);
      const transcript = [];
      for (let i = 0; i < 6; i++) {
        const res = await enterKey(email, "12345678");
        transcript.push(`${res.status} ${fieldError(await res.text(), "key")}`);
      }
      transcripts.push(transcript);
    }
    // (The registered account's real key is not 12345678 except with probability 1e-8.)
    expect(transcripts[1]).toEqual(transcripts[0]);
    // And an address for which no key was ever asked answers like an expired key.
    const never = await enterKey("never-asked@unknown.example.jp", "12345678");
    expect(fieldError(await never.text(), "key")).toContain("有効期限が切れています");
  });

  it("R-OPEN-6: passwords of 12–128 characters; common ones and ones containing the address's local part are refused; never echoed", async () => {
    const { account } = await registeredWithPendingMain("imaichi-seiki@example.jp");
    await askForKey(account.email);
    const key = await mailedKey(account.email, "authKeyOpen");
    const refused = async (password: string, expected: string) => {
      const res = await enterKey(account.email, key, password);
      expect(res.status, password).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "password"), password).toContain(expected);
      expect(html).not.toContain(`value="${password}"`);
      expect(html).toContain(`value="${account.email}"`); // what was typed is kept
    };
    await refused("a".repeat(5) + "bcdef", "12文字以上"); // 10
    await refused("ab".repeat(5) + "c", "12文字以上"); // 11 characters
    await refused("111222tianya", "よく使われていて推測されやすい");
    await refused("私はimaichi-seikiの採用担当です", "「@」より前の部分");
    await refused("x".repeat(64) + "y".repeat(65), "128文字以内"); // 129
    const mismatch = await enterKey(account.email, key, PASSWORD, `${PASSWORD}!`);
    expect(fieldError(await mismatch.text(), "passwordConfirm")).toContain("一致しません");
    // None of these used up the key: 128 characters are accepted with it.
    const longest = "x".repeat(64) + "y".repeat(64);
    expect((await enterKey(account.email, key, longest)).status).toBe(303);
    expect(await verifyPassword((await accountRow(account.id))!.passwordHash!, longest)).toBe(true);
  });

  it("R-OPEN-6, R-AUDIT-1: the My Page is opened, the employer signed in, mailed, and the opening audited", async () => {
    const { establishment, account } = await registeredWithPendingMain();
    await askForKey(account.email);
    const res = await enterKey(account.email, await mailedKey(account.email, "authKeyOpen"));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/mypage");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-mp_session=[a-z2-7]{32};/);

    const est = await db().select().from(schema.establishments).where(eq(schema.establishments.id, establishment.id)).get();
    expect(est!.status).toBe("open");
    const row = await accountRow(account.id);
    expect(row).toMatchObject({ status: "active", activatedAt: new Date(NOW).getTime() });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);

    const sessions = await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ accountType: "employer", twoFactorVerified: true });
    // The session works on a page that requires a signed-in employer.
    const mypage = await workerFetch("/mypage/accounts", { cookie: cookie.split(";")[0]! });
    expect(mypage.status).toBe(200);
    expect(await mypage.text()).toContain(account.email);

    const opened = await latestMail(account.email, "myPageOpened");
    expect(opened).toContain("求人者マイページを開設しました");
    expect(opened).toContain(establishment.establishmentNumber!);

    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "mypage.open"), eq(schema.auditLog.subjectId, establishment.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "employer", actorId: account.id, subjectType: "establishment", officeCode: establishment.officeCode });
  });

  it("R-OPEN-7: the current versions of 利用規約 and プライバシーポリシー are recorded, with when, at opening", async () => {
    const { account } = await registeredWithPendingMain();
    await askForKey(account.email);
    expect(await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all()).toEqual([]);
    await setWorkerNow(at(5 * MINUTE_MS));
    await enterKey(account.email, await mailedKey(account.email, "authKeyOpen"));
    const consents = await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all();
    expect(consents.map((c) => [c.document, c.version, c.agreedAt]).sort()).toEqual([
      ["privacy", currentVersion(PRIVACY).version, at(5 * MINUTE_MS).getTime()],
      ["terms", currentVersion(TERMS).version, at(5 * MINUTE_MS).getTime()],
    ]);
  });

  it("R-OPEN-4: a My Page that is unusable, withdrawn or closed cannot be opened with a key", async () => {
    for (const status of ["unusable", "withdrawn", "closed"] as const) {
      const establishment = await createEstablishment({ status });
      const account = await createEmployerAccount(establishment.id, { email: `${status}@example.jp`, status: "pending", passwordHash: null });
      expect((await askForKey(account.email)).status).toBe(303);
      expect(await mailCount(account.email)).toBe(0);
    }
  });
});
