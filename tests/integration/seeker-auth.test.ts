/**
 * 求職者マイページ accounts (issue 12, ADR 0022): the officer registers the login address (step ① for seekers), the
 * seeker's パスワード登録 with the employer's 30-minute key (R-OPEN-4–6), sign-in with the mailed one-time code
 * (R-AUTH-1), throttling (R-AUTH-3), and who may open which side: a seeker's session is no employer's or officer's, and
 * the other way round.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { MINUTE_MS } from "../../app/lib/clock";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW, setWorkerNow } from "../helpers/clock";
import { CookieJar, get, latestLoginCode, latestMail, mailCount, PASSWORD, post } from "../helpers/employer-signin";
import { flashMessage } from "../helpers/flash";
import { bodyText, fieldError, headings } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { wrongKey } from "../helpers/opening";
import { createSeeker } from "../helpers/referrals";
import { seekerWithLogin, signedInSeeker } from "../helpers/seeker-auth";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const at = (offsetMs: number) => new Date(new Date(NOW).getTime() + offsetMs);
const SEEKER_COOKIE = "__Host-seeker_session";

const accountOf = async (seekerId: string) => db().select().from(schema.seekerAccounts).where(eq(schema.seekerAccounts.seekerId, seekerId)).get();

async function mailedSeekerKey(to: string): Promise<string> {
  const key = /認証キー：(\d{8})/.exec((await latestMail(to, "seekerAuthKeyOpen")) ?? "")?.[1];
  if (!key) throw new Error(`no seeker key mailed to ${to}`);
  return key;
}

const askForKey = (email: string) => post("/seeker/password-registration?index", { email, agreeTerms: "on", agreePrivacy: "on" });
const enterKey = (email: string, key: string, jar?: CookieJar) =>
  post("/seeker/password-registration/complete", { email, key, password: PASSWORD, passwordConfirm: PASSWORD }, jar);

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("issue 12: the officer opens a 求職者マイページ (step ① for seekers)", () => {
  it("issue 12 R-OPEN-3: the officer of the seeker's office registers the address (has_mypage set, audited); another seeker's address is refused beside the field, case-insensitively; another office's officer gets 404", async () => {
    const clock = await atWorkerNow();
    const nikko = await signedInOfficer("0910", clock);
    const utsunomiya = await signedInOfficer("0901", clock);
    const seeker = await createSeeker({ hasMypage: false });
    const other = await seekerWithLogin({ email: "taken@example.jp", status: "pending" });

    const form = { intent: "seeker-login", email: "hanako@example.jp" };
    expect((await postForm(`/staff/seekers/${seeker.id}`, form, utsunomiya.cookie)).status).toBe(404);
    expect(await accountOf(seeker.id)).toBeUndefined();

    const taken = await postForm(`/staff/seekers/${seeker.id}`, { intent: "seeker-login", email: "TAKEN@example.jp" }, nikko.cookie);
    expect(taken.status).toBe(400);
    expect(fieldError(await taken.text(), "email")).toContain("ほかの求職者のログインID");

    const res = await postForm(`/staff/seekers/${seeker.id}`, form, nikko.cookie);
    expect(res.status).toBe(303);
    expect(flashMessage(res)).toContain("求職者マイページを開設し、ログインIDを登録しました");
    expect(await accountOf(seeker.id)).toMatchObject({ email: "hanako@example.jp", status: "pending", passwordHash: null, createdBy: nikko.staff.id });
    const row = await db().select().from(schema.jobSeekers).where(eq(schema.jobSeekers.id, seeker.id)).get();
    expect(row?.hasMypage).toBe(true);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "seeker.login.register"), eq(schema.auditLog.subjectId, seeker.id)))
      .all();
    expect(audit).toHaveLength(1);
    const page = await (await workerFetch(`/staff/seekers/${seeker.id}`, { cookie: nikko.cookie })).text();
    expect(bodyText(page)).toContain("ログインIDを登録済み（求職者のパスワード登録待ち）：hanako@example.jp");
    expect(other.account.email).toBe("taken@example.jp");
  });
});

describe("issue 12: パスワード登録 of a seeker (R-OPEN-4–6 with the employer's key)", () => {
  it("issue 12 R-OPEN-4, R-OPEN-5, R-OPEN-6: the same answer for an unknown address (only the registered one is mailed); the key is refused at 30:00 and works at 29:59, once; the seeker is signed in at /seeker", async () => {
    const { seeker, account } = await seekerWithLogin({ email: "hanako@example.jp", status: "pending", name: "霧降 花子" });
    const known = await askForKey("Hanako@Example.jp");
    const unknown = await askForKey("nobody@example.jp");
    expect([known.status, known.headers.get("Location")]).toEqual([303, "/seeker/password-registration/complete"]);
    expect([unknown.status, unknown.headers.get("Location")]).toEqual([303, "/seeker/password-registration/complete"]);
    expect(await mailCount("hanako@example.jp", "seekerAuthKeyOpen")).toBe(1);
    expect(await mailCount("nobody@example.jp")).toBe(0);
    const key = await mailedSeekerKey("hanako@example.jp");

    // Issued at 10:00:00 (NOW): refused at 10:30:00, with the answer of a wrong key.
    await setWorkerNow(at(30 * MINUTE_MS));
    const late = await enterKey(account.email, key);
    expect(late.status).toBe(400);
    expect(fieldError(await late.text(), "key")).toContain("有効期限が切れています");

    await setWorkerNow(at(0));
    await askForKey(account.email);
    const fresh = await mailedSeekerKey(account.email);
    await setWorkerNow(at(30 * MINUTE_MS - 1000));
    const jar = new CookieJar();
    const done = await enterKey(account.email, fresh, jar);
    expect([done.status, done.headers.get("Location")]).toEqual([303, "/seeker"]);
    expect(jar.get(SEEKER_COOKIE)).toMatch(/^[a-z2-7]{32}$/);
    expect(jar.get("__Host-mp_session")).toBeUndefined();
    expect(await accountOf(seeker.id)).toMatchObject({ status: "active" });
    expect(await mailCount(account.email, "seekerOpened")).toBe(1);

    const home = await (await get("/seeker", jar)).text();
    expect(headings(home, 1)).toEqual(["求職者マイページ"]);
    expect(bodyText(home)).toContain("霧降 花子 様");
    expect(headings(home, 2)).toEqual(expect.arrayContaining(["直接リクエスト", "メッセージ"]));

    // Once: the same key again is refused.
    const again = await enterKey(account.email, fresh);
    expect(again.status).toBe(400);
  });

  it("issue 12 R-OPEN-5: 5 wrong entries void the seeker's key (the right key is refused afterwards)", async () => {
    const { account } = await seekerWithLogin({ email: "hanako@example.jp", status: "pending" });
    await askForKey(account.email);
    const key = await mailedSeekerKey(account.email);
    for (let i = 1; i <= 5; i++) {
      const res = await enterKey(account.email, wrongKey(key));
      expect(res.status).toBe(400);
      if (i === 5) expect(fieldError(await res.text(), "key")).toContain("5回間違えたため");
    }
    expect((await enterKey(account.email, key)).status).toBe(400);
    expect((await accountOf(account.seekerId))?.status).toBe("pending");
  });
});

describe("issue 12: sign-in of a seeker (R-AUTH-1, R-AUTH-3)", () => {
  it("issue 12 R-AUTH-1: password, then the mailed 6-digit code, then /seeker; a wrong password and an unknown address get the same answer; a pending account cannot sign in; sign-out ends the session", async () => {
    const { account } = await seekerWithLogin({ email: "hanako@example.jp" });
    await seekerWithLogin({ email: "pending@example.jp", status: "pending" });
    const answers: string[] = [];
    for (const [email, password] of [
      ["hanako@example.jp", "違うパスワードです二〇二六年"],
      ["nobody@example.jp", PASSWORD],
      ["pending@example.jp", PASSWORD],
    ] as const) {
      const res = await post("/seeker/login", { email, password });
      expect(res.status).toBe(400);
      answers.push(fieldError(await res.text(), "password") ?? "");
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain("メールアドレスまたはパスワードが正しくありません");

    const jar = new CookieJar();
    const step1 = await post("/seeker/login", { email: "HANAKO@example.jp", password: PASSWORD }, jar);
    expect([step1.status, step1.headers.get("Location")]).toEqual([303, "/seeker/login/verify"]);
    // The half session opens nothing yet.
    expect((await get("/seeker", jar)).headers.get("Location")).toBe("/seeker/login/verify");
    const mail = await latestMail(account.email, "loginCode");
    expect(mail).toContain("求職者マイページへのログイン用ワンタイムパスワード");
    const code = await latestLoginCode(account.email);
    const step2 = await post("/seeker/login/verify", { code }, jar);
    expect([step2.status, step2.headers.get("Location")]).toEqual([303, "/seeker"]);
    expect((await get("/seeker", jar)).status).toBe(200);

    const out = await post("/seeker/logout", {}, jar);
    expect(out.headers.get("Location")).toBe("/seeker/login");
    expect(jar.get(SEEKER_COOKIE)).toBeUndefined();
    const rows = await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all();
    expect(rows).toEqual([]);
  });

  it("issue 12 R-AUTH-3: 10 wrong passwords for a seeker's address lock it (the right password is refused with 429); the employer's budget for the same address is its own", async () => {
    const { account } = await seekerWithLogin({ email: "hanako@example.jp" });
    for (let i = 0; i < 10; i++) expect((await post("/seeker/login", { email: account.email, password: `間違ったパスワード${i}番目です` })).status).toBe(400);
    const locked = await post("/seeker/login", { email: account.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(await mailCount(account.email, "loginCode")).toBe(0);
    // The employer's sign-in counts its own scope for the address: not locked by the seeker's failures.
    expect((await post("/login", { email: account.email, password: "違うパスワードです二〇二六年" })).status).toBe(400);
  });
});

describe("issue 12: the seeker's one-time code (R-AUTH-3)", () => {
  it("issue 12 R-AUTH-3: 5 wrong codes lock the seeker's second factor (429, the right code refused), the seeker is told by mail without the employer's reset link", async () => {
    const { account } = await seekerWithLogin({ email: "hanako@example.jp" });
    const jar = new CookieJar();
    await post("/seeker/login", { email: account.email, password: PASSWORD }, jar);
    const code = await latestLoginCode(account.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) expect((await post("/seeker/login/verify", { code: wrong }, jar)).status).toBe(400);
    const fifth = await post("/seeker/login/verify", { code: wrong }, jar);
    expect(fifth.status).toBe(429);
    expect(fieldError(await fifth.text(), "code")).toContain("ご登録のハローワークにお問い合わせください");
    expect((await post("/seeker/login/verify", { code }, jar)).status).toBe(429);
    const mail = await latestMail(account.email, "secondFactorLocked");
    expect(mail).toContain("求職者マイページへのログイン");
    expect(mail).not.toContain("/password-reset");
  });
});

describe("issue 12: who may open which side", () => {
  it("issue 12: authorisation — a seeker's session opens no /mypage or /staff page, an employer's or officer's no /seeker page; a seeker's token under the employer's cookie is nothing; turning the マイページ off ends access", async () => {
    const clock = await atWorkerNow();
    const seeker = await signedInSeeker({ name: "秘密 花子" });
    const employer = await openMyPage();
    const officer = await signedInOfficer("0910", clock);
    const seekerToken = seeker.cookie.split("=")[1]!;

    const failures = await checkAuthorisationMatrix(
      [
        { name: "anonymous" },
        { name: "employer", cookie: employer.cookie },
        { name: "officer", cookie: officer.cookie },
        { name: "seeker token as employer", cookie: `__Host-mp_session=${seekerToken}` },
        { name: "seeker", cookie: seeker.cookie },
      ],
      [{ name: "seeker home", path: "/seeker", owners: ["seeker"], secret: "秘密 花子" }],
    );
    // Signed-in actors of another type are sent to the seeker's sign-in (their cookie is not a seeker's): never the data.
    const unexpected = failures.filter((f) => !(f.problem.includes("→ /seeker/login") && !f.problem.includes("received")));
    expect(unexpected, describeMatrixFailures(unexpected)).toEqual([]);

    for (const path of ["/mypage", "/mypage/postings", "/staff", "/staff/seekers"]) {
      const res = await workerFetch(path, { cookie: seeker.cookie });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toMatch(/^\/(staff\/)?login\?redirectTo=/);
    }
    expect((await workerFetch("/mypage", { cookie: `__Host-mp_session=${seekerToken}` })).headers.get("Location")).toMatch(/^\/login\?/);

    await db().update(schema.jobSeekers).set({ hasMypage: false }).where(eq(schema.jobSeekers.id, seeker.seeker.id));
    const off = await workerFetch("/seeker", { cookie: seeker.cookie });
    expect(off.headers.get("Location")).toMatch(/^\/seeker\/login\?/);
  });
});
