/**
 * Online 仮登録 (R-OPEN-8, with R-OPEN-4–7 and R-OPEN-9 as they apply to it): the account verified by a
 * mailed key, the provisional area, the deadline (14 days or the previous open day), and the daily job
 * that erases unfinished registrations.
 */
import { env } from "cloudflare:test";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { findJob, runJob } from "../../app/jobs/dispatch.server";
import { ALL_JOBS, SCHEDULES } from "../../app/jobs/registry.server";
import { currentVersion, PRIVACY, TERMS } from "../../app/content/legal";
import { fixedClock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { verifyPassword } from "../../app/lib/password";
import { provisionalExpiresOn } from "../../app/models/provisional-employer.server";
import { getDb, schema } from "../../app/utils/db.server";
import { mailFromAddress } from "../../app/utils/env.server";
import { setWorkerNow } from "../helpers/clock";
import { agreeToCurrentDocuments, get, latestMail, mailCount, PASSWORD, passwordHash, post } from "../helpers/employer-signin";
import { createEmployerAccount, createEstablishment, seedReference, signIn } from "../helpers/factories";
import {
  askForSignupKey as askForKey,
  enterSignupKey as enterKey,
  mailedKey,
  PROVISIONAL_ESTABLISHMENT_FIELDS as ESTABLISHMENT_FIELDS,
  registerOnline,
  wrongKey,
} from "../helpers/opening";
import { NOW, nowClock } from "../helpers/clock";
import { fieldError, parse, textOf } from "../helpers/html";
import { workerFetch } from "../helpers/worker";
import { flashMessage, withFlash } from "../helpers/flash";

const db = () => getDb(env);

beforeEach(async () => {
  await setWorkerNow(NOW);
  await seedReference();
});

describe("仮登録: the deadline (14 days, or the previous open day)", () => {
  it("R-OPEN-8: the 14th day when it is an open day, else the previous open day (weekends, holidays, 12/29–1/3)", () => {
    const cases: [string, string][] = [
      ["2026-11-26", "2026-12-10"], // Thursday → Thursday
      ["2026-11-21", "2026-12-04"], // the 14th is a Saturday → Friday
      ["2026-11-22", "2026-12-04"], // the 14th is a Sunday → Friday
      ["2026-12-14", "2026-12-28"], // Monday 12/28, the last open day of the year
      ["2026-12-15", "2026-12-28"], // 12/29 is closed (年末年始)
      ["2026-12-20", "2026-12-28"], // 1/3 (a Sunday too), 1/2, 1/1, 12/31, 12/30, 12/29 are closed
      ["2026-12-22", "2027-01-05"], // 1/5 is open
      ["2026-04-20", "2026-05-01"], // Golden Week: 5/4 みどりの日 → 5/3, 5/2 weekend → Friday 5/1
      ["2026-04-22", "2026-05-01"], // 5/6 振替休日 (5/3 was a Sunday), 5/5, 5/4 … → 5/1
      ["2027-04-19", "2027-04-30"], // 5/3 憲法記念日 (Monday) → Friday 4/30
      ["2027-04-22", "2027-05-06"], // 5/6 is open in 2027
      ["2026-09-09", "2026-09-18"], // Silver Week: 9/23 秋分の日, 9/22 国民の休日, 9/21 敬老の日, weekend → 9/18
    ];
    for (const [today, expected] of cases) expect(provisionalExpiresOn(today), today).toBe(expected);
  });

  it("R-OPEN-8: the day of registration is the Japan-time date (00:10 JST on 12/20 is still 12/19 in UTC)", async () => {
    await setWorkerNow("2026-12-20T00:10:00+09:00");
    const { registration } = await registerOnline("early@example.jp");
    expect(registration.expiresOn).toBe("2026-12-28");
    await setWorkerNow("2026-12-22T23:50:00+09:00");
    const { registration: late } = await registerOnline("late@example.jp");
    expect(late.expiresOn).toBe("2027-01-05");
  });
});

describe("仮登録: creating the account", () => {
  it("R-OPEN-8, R-OPEN-4: /register answers the same for a used and an unused address; only the unused one is mailed a key", async () => {
    const establishment = await createEstablishment();
    await createEmployerAccount(establishment.id, { email: "saiyo@nikko-yuba.example.jp" });
    const answers = [];
    for (const email of ["new@example.jp", "SAIYO@nikko-yuba.example.jp"]) {
      const res = await askForKey(email);
      answers.push([res.status, res.headers.get("Location"), res.headers.get("Set-Cookie")]);
    }
    // The same answer, to the next step's page with the same message (a flash cookie: no session).
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.slice(0, 2)).toEqual([303, "/register/complete"]);
    expect(answers[0]![2]).toMatch(/^__Host-flash=/);
    expect(await mailCount("new@example.jp", "authKeySignup")).toBe(1);
    expect(await mailCount("SAIYO@nikko-yuba.example.jp")).toBe(0);
    expect(await mailCount("saiyo@nikko-yuba.example.jp")).toBe(0);
    const sent = await askForKey("other@example.jp");
    const page = await (await workerFetch("/register/complete", { cookie: withFlash(undefined, sent) })).text();
    expect(page).toContain("認証キーを送信しました");
    expect(page).toContain("認証キーとパスワードの入力");
    // Entering a key for the used address answers like a wrong key, exactly as for an unused one.
    const used = await enterKey("saiyo@nikko-yuba.example.jp", "12345678");
    const unused = await enterKey("new@example.jp", wrongKey(await mailedKey("new@example.jp", "authKeySignup")));
    expect(fieldError(await used.text(), "key")).toBe(fieldError(await unused.text(), "key"));
  });

  it("R-OPEN-9: the 仮登録 pages name the sender address to allow", async () => {
    for (const path of ["/register", "/register/complete"]) {
      expect(await (await get(path)).text(), path).toContain(mailFromAddress(env));
    }
    await askForKey("new@example.jp");
    expect(await latestMail("new@example.jp", "authKeySignup")).toContain(mailFromAddress(env));
  });

  it("R-OPEN-4, R-OPEN-8: agreeing to both documents is required", async () => {
    const res = await post("/register?index", { email: "new@example.jp", agreePrivacy: "on" });
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "agreeTerms")).toContain("利用規約");
    expect(await mailCount("new@example.jp")).toBe(0);
  });

  it("R-OPEN-8, R-OPEN-7, R-AUDIT-1: the key creates the login account and the 仮登録 (deadline, consents, audit) and signs in", async () => {
    const { jar, res, account, registration } = await registerOnline("New.Company@Example.jp");
    expect(res.headers.get("Location")).toBe("/provisional");
    expect(account).toMatchObject({
      email: "New.Company@Example.jp",
      emailNormalized: "new.company@example.jp",
      establishmentId: null,
      isMain: true,
      status: "active",
    });
    expect(await verifyPassword(account.passwordHash!, PASSWORD)).toBe(true);
    expect(registration).toMatchObject({ officeCode: null, establishmentData: null, expiresOn: "2026-12-10", completedAt: null });
    const consents = await db().select().from(schema.consents).where(eq(schema.consents.accountId, account.id)).all();
    expect(consents.map((c) => [c.document, c.version]).sort()).toEqual([
      ["privacy", currentVersion(PRIVACY).version],
      ["terms", currentVersion(TERMS).version],
    ]);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "provisional.create"), eq(schema.auditLog.subjectId, registration.id)))
      .all();
    expect(audit).toMatchObject([{ actorType: "employer", actorId: account.id }]);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, account.id)).all()).toMatchObject([{ twoFactorVerified: true }]);

    const page = await get("/provisional", jar);
    expect(page.status).toBe(200);
    const html = await page.text();
    const deadline = [...parse(html).querySelectorAll("strong")].find((s) => textOf(s) === "2026年12月10日");
    expect(deadline?.nextSibling?.textContent).toMatch(/^までに、事業所所在地を管轄するハローワークの窓口で本登録の手続きをしてください。/);
  });

  it("R-OPEN-5, R-OPEN-8: the signup key is single-use and void after 5 wrong entries", async () => {
    await askForKey("new@example.jp");
    const key = await mailedKey("new@example.jp", "authKeySignup");
    for (let i = 0; i < 5; i++) expect((await enterKey("new@example.jp", wrongKey(key))).status).toBe(400);
    const sixth = await enterKey("new@example.jp", key);
    expect(fieldError(await sixth.text(), "key")).toContain("有効期限が切れています");
    expect(await db().select().from(schema.employerAccounts).all()).toEqual([]);
    await askForKey("new@example.jp");
    const fresh = await mailedKey("new@example.jp", "authKeySignup");
    expect((await enterKey("new@example.jp", fresh)).status).toBe(303);
    expect((await enterKey("new@example.jp", fresh)).status).toBe(400);
    expect(await db().select().from(schema.employerAccounts).all()).toHaveLength(1);
  });

  it("R-OPEN-8: if the address became used after the key was mailed, the key answers like a wrong key", async () => {
    await askForKey("jinji@example.jp");
    const key = await mailedKey("jinji@example.jp", "authKeySignup");
    const establishment = await createEstablishment();
    await createEmployerAccount(establishment.id, { email: "Jinji@Example.jp", status: "pending", passwordHash: null });
    const res = await enterKey("jinji@example.jp", key);
    expect(res.status).toBe(400);
    expect(fieldError(await res.text(), "key")).toContain("認証キーが正しくないか、有効期限が切れています");
    expect(await db().select().from(schema.provisionalRegistrations).all()).toEqual([]);
  });

  it("R-OPEN-6, R-OPEN-8: the password policy applies to 仮登録 too", async () => {
    await askForKey("new.company@example.jp");
    const key = await mailedKey("new.company@example.jp", "authKeySignup");
    const short = await enterKey("new.company@example.jp", key, undefined, "tooshort123");
    expect(fieldError(await short.text(), "password")).toContain("12文字以上");
    const local = await enterKey("new.company@example.jp", key, undefined, "new.company-saiyo-tantou");
    expect(fieldError(await local.text(), "password")).toContain("「@」より前の部分");
    expect((await enterKey("new.company@example.jp", key)).status).toBe(303);
  });
});

describe("仮登録: the provisional area", () => {
  it("R-OPEN-8: the 事業所情報 is saved (normalised), the office with jurisdiction is named with its phone, and it can be edited", async () => {
    const { jar, registration } = await registerOnline("new@example.jp");
    let html = await (await get("/provisional", jar)).text();
    expect(html).toContain("事業所情報を入力すると、本登録の手続きをするハローワークをお知らせします。");
    const res = await post("/provisional", { ...ESTABLISHMENT_FIELDS, phone: "０２８８－２２－００００", employees: "１２" }, jar);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/provisional");
    expect(flashMessage(res)).toBe("事業所情報を保存しました。");
    const row = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, registration.id)).get();
    expect(row).toMatchObject({ name: "株式会社日光ゆば新工房", officeCode: "0910", updatedAt: new Date(NOW).getTime() });
    expect(JSON.parse(row!.establishmentData!)).toMatchObject({ phone: "0288-22-0000", employees: 12, municipalityCode: "09206", isSoleProprietor: false });
    html = await (await get("/provisional", jar)).text();
    expect(html).toContain("事業所情報を保存しました。");
    expect(html).toContain("ハローワーク日光");
    expect(html).toContain("0288-22-0353");
    expect(html).toContain('value="株式会社日光ゆば新工房"');
    // Edited: another municipality moves it to that office.
    await post("/provisional", { ...ESTABLISHMENT_FIELDS, municipalityCode: "09201", address: "本町1-1" }, jar);
    const moved = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, registration.id)).get();
    expect(moved!.officeCode).toBe("0901");
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "provisional.update"), eq(schema.auditLog.subjectId, registration.id)))
      .all();
    expect(audit).toHaveLength(2);
  });

  it("R-OPEN-8: a municipality without a jurisdiction is refused beside the field; errors keep what was typed", async () => {
    await db().insert(schema.municipalities).values({ code: "09999", prefectureCode: "09", name: "管轄のない町" });
    const { jar, registration } = await registerOnline("new@example.jp");
    const res = await post("/provisional", { ...ESTABLISHMENT_FIELDS, municipalityCode: "09999" }, jar);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "municipalityCode")).toContain("管轄するハローワークが見つかりません");
    expect(html).toContain('value="株式会社日光ゆば新工房"');
    const bad = await post("/provisional", { ...ESTABLISHMENT_FIELDS, nameKana: "かぶしきがいしゃ" }, jar);
    expect(fieldError(await bad.text(), "nameKana")).toContain("全角カタカナ");
    const row = await db().select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.id, registration.id)).get();
    expect(row!.establishmentData).toBeNull();
  });

  it("R-OPEN-8: a provisional account sees and edits only its own 仮登録, and is sent away from the My Page", async () => {
    const a = await registerOnline("a@example.jp");
    const b = await registerOnline("b@example.jp");
    await post("/provisional", { ...ESTABLISHMENT_FIELDS, name: "株式会社エー" }, a.jar);
    const bPage = await (await get("/provisional", b.jar)).text();
    expect(bPage).toContain("b@example.jp");
    expect(bPage).not.toContain("株式会社エー");
    expect(bPage).not.toContain("a@example.jp");
    await post("/provisional", { ...ESTABLISHMENT_FIELDS, name: "株式会社ビー" }, b.jar);
    const rows = await db().select().from(schema.provisionalRegistrations).all();
    expect(Object.fromEntries(rows.map((r) => [r.accountId, r.name]))).toEqual({ [a.account.id]: "株式会社エー", [b.account.id]: "株式会社ビー" });

    for (const path of ["/mypage", "/mypage/accounts"]) {
      const res = await get(path, a.jar);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toBe("/provisional");
    }
    const action = await post("/mypage/accounts", { intent: "add", email: "x@example.jp" }, a.jar);
    expect(action.status).toBe(302);
    expect(await mailCount("x@example.jp")).toBe(0);

    // Anonymous visitors are sent to sign in; an employer of an open My Page is sent to its My Page.
    const anonymous = await workerFetch("/provisional");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    const establishment = await createEstablishment();
    const employer = await createEmployerAccount(establishment.id, { passwordHash: await passwordHash() });
    await agreeToCurrentDocuments(employer.id, nowClock());
    const employerCookie = await signIn("employer", employer.id, nowClock());
    const visited = await workerFetch("/provisional", { cookie: employerCookie });
    expect(visited.status).toBe(302);
    expect(visited.headers.get("Location")).toBe("/mypage");
    const posted = await workerFetch("/provisional", {
      method: "POST",
      cookie: employerCookie,
      body: new URLSearchParams(ESTABLISHMENT_FIELDS),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(posted.status).toBe(302);
    expect((await db().select().from(schema.provisionalRegistrations).all()).map((r) => r.name).sort()).toEqual(["株式会社エー", "株式会社ビー"]);
  });
});

describe("仮登録: expiry (daily job provisional.expire)", () => {
  async function provisional(email: string, expiresOn: string, extra: Partial<typeof schema.provisionalRegistrations.$inferInsert> = {}) {
    const account = await createEmployerAccount(null as unknown as string, { email, establishmentId: null, passwordHash: await passwordHash() });
    const id = newId();
    await db()
      .insert(schema.provisionalRegistrations)
      .values({ id, accountId: account.id, name: `${email}の会社`, createdAt: 0, updatedAt: 0, expiresOn, officeCode: "0910", ...extra });
    await agreeToCurrentDocuments(account.id, nowClock());
    await signIn("employer", account.id, nowClock());
    await db()
      .insert(schema.trustedBrowsers)
      .values({ id: newId(), accountId: account.id, createdAt: 0, expiresAt: Date.now() + 86_400_000 });
    return { account, id };
  }

  it("R-OPEN-8, R-DEL-4: runs daily and erases an expired 仮登録 with its account; keeps an unexpired and a completed one; can run twice", async () => {
    expect(SCHEDULES["5 15 * * *"]!.map((j) => j.name)).toContain("provisional.expire");
    const job = findJob("provisional.expire")!;
    expect(ALL_JOBS).toContain(job);
    expect(job.frequency).toBe("daily");

    // Today (JST) is 2026-11-26.
    const expired = await provisional("expired@example.jp", "2026-11-25");
    const lastDay = await provisional("lastday@example.jp", "2026-11-26");
    const establishment = await createEstablishment({ name: "本登録済みの会社" });
    const completed = await provisional("completed@example.jp", "2026-11-20", { completedAt: 1, establishmentId: establishment.id });
    await db().update(schema.employerAccounts).set({ establishmentId: establishment.id }).where(eq(schema.employerAccounts.id, completed.account.id));
    await askForKey("expired@example.jp"); // a throttle counter keyed by the address (no mail: the address is used)

    const clock = fixedClock(NOW);
    const first = await runJob(job, env, clock);
    expect(first).toEqual({ job: "provisional.expire", processed: 1, error: null });

    const remaining = await db().select({ id: schema.provisionalRegistrations.id }).from(schema.provisionalRegistrations).all();
    expect(remaining.map((r) => r.id).sort()).toEqual([lastDay.id, completed.id].sort());
    const gone = expired.account.id;
    expect(await db().select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, gone)).all()).toEqual([]);
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, gone)).all()).toEqual([]);
    expect(await db().select().from(schema.consents).where(eq(schema.consents.accountId, gone)).all()).toEqual([]);
    expect(await db().select().from(schema.trustedBrowsers).where(eq(schema.trustedBrowsers.accountId, gone)).all()).toEqual([]);
    expect(await db().select().from(schema.authThrottle).where(eq(schema.authThrottle.scope, "signup:expired@example.jp")).all()).toEqual([]);
    for (const kept of [lastDay.account.id, completed.account.id]) {
      expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountId, kept)).all()).toHaveLength(1);
      expect(await db().select().from(schema.consents).where(eq(schema.consents.accountId, kept)).all()).toHaveLength(2);
    }

    // One audit row per erasure, without personal data.
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "provisional.expire"), eq(schema.auditLog.subjectId, expired.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", subjectType: "provisional_registration", officeCode: "0910" });
    expect(JSON.stringify(audit[0])).not.toMatch(/expired@example\.jp|の会社/);

    // Idempotent: a second run finds nothing; the next day the last-day one goes too.
    expect(await runJob(job, env, clock)).toEqual({ job: "provisional.expire", processed: 0, error: null });
    expect(await runJob(job, env, fixedClock("2026-11-27T00:05:00+09:00"))).toMatchObject({ processed: 1 });
    expect((await db().select().from(schema.provisionalRegistrations).all()).map((r) => r.id)).toEqual([completed.id]);
  });

  it("R-OPEN-8, R-AUDIT-1: two overlapping runs of provisional.expire write one audit row per erasure (issue 9 #10)", async () => {
    const a = await provisional("overlap-a@example.jp", "2026-11-20");
    const b = await provisional("overlap-b@example.jp", "2026-11-21");
    const job = findJob("provisional.expire")!;
    const clock = fixedClock(NOW);
    const outcomes = await Promise.all([runJob(job, env, clock), runJob(job, env, clock)]);
    expect(outcomes.map((o) => o.error)).toEqual([null, null]);
    expect(outcomes[0]!.processed + outcomes[1]!.processed).toBe(2);
    expect(await db().select().from(schema.provisionalRegistrations).all()).toEqual([]);
    const audit = await db()
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "provisional.expire"), inArray(schema.auditLog.subjectId, [a.id, b.id])))
      .all();
    expect(audit.map((r) => r.subjectId).sort()).toEqual([a.id, b.id].sort());
  });

  it("R-OPEN-8: erases in chunks when many have expired", async () => {
    const many = 45; // more than two chunks of PROVISIONAL_EXPIRY_CHUNK (20)
    const accounts = Array.from({ length: many }, (_, i) => ({
      id: newId(),
      establishmentId: null,
      email: `bulk${i}@example.jp`,
      emailNormalized: `bulk${i}@example.jp`,
      isMain: true,
      status: "active" as const,
      createdAt: 0,
    }));
    for (let i = 0; i < many; i += 10) {
      const chunk = accounts.slice(i, i + 10); // D1 binds at most 100 parameters per statement
      await db().insert(schema.employerAccounts).values(chunk);
      await db()
        .insert(schema.provisionalRegistrations)
        .values(chunk.map((a) => ({ id: newId(), accountId: a.id, createdAt: 0, updatedAt: 0, expiresOn: "2026-11-01" })));
    }
    const outcome = await runJob(findJob("provisional.expire")!, env, fixedClock(NOW));
    expect(outcome).toEqual({ job: "provisional.expire", processed: many, error: null });
    expect(await db().select().from(schema.provisionalRegistrations).all()).toEqual([]);
    expect(await db().select().from(schema.employerAccounts).all()).toEqual([]);
  }, 60_000);
});
