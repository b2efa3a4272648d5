/**
 * The outbox's bounded delivery (issue 9 #11, app/utils/mail.server.ts): a fake Resend through an injected fetch (never
 * the network) answers 429 (retried later), 422 (dead at once), 500 until the schedule ends (dead), and a login code
 * that has expired is dropped, never sent; sends are paced; production without RESEND_API_KEY refuses sign-in with a
 * Japanese 503 page; supervisors see their office's dead mail at /staff/mail.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock, manualClock, MINUTE_MS } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { getDb, schema } from "../../app/utils/db.server";
import { deliverDueMail, enqueueMail, resendSender } from "../../app/utils/mail.server";
import { setWorkerNow } from "../helpers/clock";
import { createEmployerAccount, createEstablishment, createStaffAccount, signIn } from "../helpers/factories";
import { columnHeaders, links, parse, textOf } from "../helpers/html";
import { callWorker, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const ctx = { origin: "https://mypage.example.jp", fromAddress: "system@mail.example.jp" };
const AT = "2026-11-26T09:00:00+09:00";

type Answer = number | "network" | "hang";

/**
 * A fake Resend: answers the given statuses in turn (then 200) and records each call's time. "hang" never answers: the
 * call ends only when the sender's signal aborts it (a sender without a timeout gets an immediate, different error).
 */
function fakeResend(answers: Answer[] = []) {
  const calls: { at: number; to: string[] }[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ at: Date.now(), to: (JSON.parse(String(init?.body)) as { to: string[] }).to });
    const answer = answers.shift() ?? 200;
    if (answer === "network") throw new TypeError("Network connection lost.");
    if (answer === "hang") {
      const signal = init?.signal;
      if (!signal) throw new Error("no timeout signal on the send");
      return new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error)));
    }
    if (answer === 200) return Response.json({ id: `re_${calls.length}` });
    return new Response(JSON.stringify({ statusCode: answer, message: "fake" }), { status: answer });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function sender(fake: ReturnType<typeof fakeResend>, minIntervalMs = 0, timeoutMs?: number) {
  return resendSender({ apiKey: "re_test", from: "求人者マイページ <system@mail.example.jp>", fetch: fake.fetch, minIntervalMs, timeoutMs });
}

async function outbox() {
  return db().select().from(schema.mailOutbox).all();
}

async function queueTestMail(clock: ReturnType<typeof manualClock>, to = "saiyo@example.jp") {
  await db().batch([enqueueMail(db(), clock, ctx, to, "test", { note: "配送の確認" })]);
}

beforeEach(() => {
  // Nothing here may reach the network: the real fetch fails the test.
  vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("the network is not used in tests"));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("bounded delivery (issue 9 #11)", () => {
  it("issue 9 #11: Resend 429 (rate limited) is temporary: the mail is kept and sent one minute later", async () => {
    const clock = manualClock(AT);
    await queueTestMail(clock);
    const fake = fakeResend([429]);
    expect(await deliverDueMail(db(), clock, sender(fake))).toMatchObject({ sent: 0, failed: 1, dead: 0 });
    const [mail] = await outbox();
    expect(mail).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: clock.now().getTime() + MINUTE_MS });
    clock.advance(MINUTE_MS);
    expect(await deliverDueMail(db(), clock, sender(fake))).toMatchObject({ sent: 1 });
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });

  it("issue 9 #11: a network error is temporary; Resend 422 (a permanent refusal) makes the mail dead at once", async () => {
    const clock = manualClock(AT);
    await queueTestMail(clock, "network@example.jp");
    const fake = fakeResend(["network"]);
    await deliverDueMail(db(), clock, sender(fake));
    expect((await outbox())[0]).toMatchObject({ status: "pending", attempts: 1 });

    await db().delete(schema.mailOutbox);
    await queueTestMail(clock, "invalid@example.jp");
    const refusing = fakeResend([422]);
    expect(await deliverDueMail(db(), clock, sender(refusing))).toMatchObject({ sent: 0, failed: 0, dead: 1 });
    const [dead] = await outbox();
    expect(dead).toMatchObject({ status: "dead", attempts: 1, closedAt: clock.now().getTime() });
    expect(dead!.lastError).toContain("422");
    // A dead mail is never tried again.
    clock.advance(24 * 60 * MINUTE_MS);
    await deliverDueMail(db(), clock, sender(refusing));
    expect(refusing.calls).toHaveLength(1);
  });

  it("issue 9 #11: Resend 500 on every try: retried after 1, 5, 15, 60 and 240 minutes, then dead", async () => {
    const clock = manualClock(AT);
    await queueTestMail(clock);
    const fake = fakeResend(Array.from({ length: 10 }, () => 500));
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      await deliverDueMail(db(), clock, sender(fake));
      const [mail] = await outbox();
      expect(mail!.attempts).toBe(attempt);
      if (mail!.status === "dead") break;
      delays.push((mail!.nextAttemptAt - clock.now().getTime()) / MINUTE_MS);
      clock.set(new Date(mail!.nextAttemptAt));
    }
    expect(delays).toEqual([1, 5, 15, 60, 240]);
    expect((await outbox())[0]).toMatchObject({ status: "dead", attempts: 6 });
    expect(fake.calls).toHaveLength(6);
    clock.advance(24 * 60 * MINUTE_MS);
    await deliverDueMail(db(), clock, sender(fake));
    expect(fake.calls).toHaveLength(6);
  });

  it("issue 9 #11, R-AUTH-1: a login code or 認証キー mail is never sent after it has expired: dropped as 'expired'", async () => {
    const clock = manualClock(AT);
    const expiresAt = clock.now().getTime() + 10 * MINUTE_MS;
    await db().batch([
      enqueueMail(db(), clock, ctx, "code@example.jp", "loginCode", { code: "123456", expiresAt }),
      enqueueMail(db(), clock, ctx, "key@example.jp", "authKeyReset", { key: "ABCD-EFGH", expiresAt: expiresAt + 20 * MINUTE_MS }),
    ]);
    // The first try fails (temporary) …
    const fake = fakeResend([503, 503]);
    await deliverDueMail(db(), clock, sender(fake));
    // … and by the time of a later try the code has expired (the key has not).
    clock.advance(11 * MINUTE_MS);
    const report = await deliverDueMail(db(), clock, sender(fake));
    expect(report).toMatchObject({ sent: 1, expired: 1 });
    const rows = await outbox();
    expect(rows.find((r) => r.toAddress === "code@example.jp")).toMatchObject({ status: "expired", expiresAt, sentAt: null });
    expect(rows.find((r) => r.toAddress === "key@example.jp")).toMatchObject({ status: "sent" });
    expect(fake.calls.map((c) => c.to[0])).toEqual(["code@example.jp", "key@example.jp", "key@example.jp"]);
  });

  it("issue 9 #11: sends to Resend are paced (at most 2 per second)", async () => {
    const clock = manualClock(AT);
    for (const to of ["a@example.jp", "b@example.jp", "c@example.jp"]) await queueTestMail(clock, to);
    const fake = fakeResend();
    const paced = resendSender({ apiKey: "re_test", from: "system@mail.example.jp", fetch: fake.fetch });
    expect(await deliverDueMail(db(), clock, paced)).toMatchObject({ sent: 3 });
    const gaps = fake.calls.slice(1).map((c, i) => c.at - fake.calls[i]!.at);
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(490);
  });
});

describe("issue 14: Resend timeouts and 5xx lose no mail", () => {
  it.each<[string, Answer, string]>([
    ["502", 502, "Resend 502"],
    ["503", 503, "Resend 503"],
    ["a timeout (no answer within the sender's limit)", "hang", "did not answer within 20 ms"],
  ])(
    "issue 14: Resend %s: the mail stays pending with its attempt count, next try and reason, nothing is marked sent; the next run sends it exactly once",
    async (_label, answer, reason) => {
      const clock = manualClock(AT);
      await queueTestMail(clock);
      const fake = fakeResend([answer]);
      expect(await deliverDueMail(db(), clock, sender(fake, 0, 20))).toMatchObject({ sent: 0, failed: 1, dead: 0 });
      const [kept] = await outbox();
      expect(kept).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: clock.now().getTime() + MINUTE_MS, sentAt: null, providerId: null });
      expect(kept!.lastError).toContain(reason);
      // Not due yet: nothing is sent.
      await deliverDueMail(db(), clock, sender(fake, 0, 20));
      expect(fake.calls).toHaveLength(1);
      clock.advance(MINUTE_MS);
      expect(await deliverDueMail(db(), clock, sender(fake, 0, 20))).toMatchObject({ sent: 1, failed: 0 });
      clock.advance(24 * 60 * MINUTE_MS);
      await deliverDueMail(db(), clock, sender(fake, 0, 20));
      expect(fake.calls).toHaveLength(2);
      expect(await outbox()).toMatchObject([{ status: "sent", attempts: 2, providerId: "re_2" }]);
    },
  );
});

describe("production without RESEND_API_KEY (issue 9 #11)", () => {
  const production = (path: string, overrides: Partial<Env> = {}, init: RequestInit = {}) =>
    callWorker(new Request(`https://mypage.example.jp${path}`, init), { APP_ENV: "production", RESEND_API_KEY: "", ...overrides });

  it("issue 9 #11: sign-in and key pages answer a Japanese 503 maintenance page and log an error; nothing is queued", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of ["/login", "/login/verify", "/password-registration", "/password-reset", "/register", "/password-reset/complete"]) {
      const res = await production(path);
      expect(res.status, path).toBe(503);
      const doc = parse(await res.text());
      expect(textOf(doc.querySelector("h1"))).toContain("メンテナンス");
    }
    const post = await production(
      "/login",
      {},
      {
        method: "POST",
        body: new URLSearchParams({ email: "saiyo@example.jp", password: "x" }),
        headers: { Origin: "https://mypage.example.jp", "Content-Type": "application/x-www-form-urlencoded" },
      },
    );
    expect(post.status).toBe(503);
    expect(await outbox()).toEqual([]);
    expect(errors.mock.calls.map((c) => c.map(String).join(" ")).join("\n")).toContain("RESEND_API_KEY");
    // Pages that send no mail stay up.
    expect((await production("/")).status).toBe(200);
    expect((await production("/staff/login")).status).toBe(200);
    // The errors were expected (the setup fails a test on an unexpected console.error).
    errors.mockClear();
  });

  it("issue 9 #11: with the key set, the sign-in page is served", async () => {
    expect((await production("/login", { RESEND_API_KEY: "re_live" })).status).toBe(200);
  });
});

describe("/staff/mail: dead mail for supervisors (issue 9 #11)", () => {
  async function deadMail(to: string, subject: string, status: "dead" | "pending" | "sent" = "dead") {
    const now = fixedClock(AT).now().getTime();
    await db()
      .insert(schema.mailOutbox)
      .values({
        id: newId(),
        toAddress: to,
        subject,
        textBody: "認証キー：SECRET-KEY-1234",
        htmlBody: "<p>認証キー：SECRET-KEY-1234</p>",
        template: "test",
        status,
        attempts: 6,
        nextAttemptAt: now,
        lastError: "Resend 422: invalid address",
        createdAt: now - 3600e3,
        closedAt: status === "dead" ? now : null,
      });
  }

  it("issue 9 #11, R-AUTH-4: a supervisor sees the dead mail to accounts of the office; an officer gets 403; another office's mail is not listed", async () => {
    await setWorkerNow(AT);
    const clock = fixedClock(AT);
    const ours = await createEstablishment({ name: "株式会社日光ゆば工房", officeCode: "0910" });
    const theirs = await createEstablishment({ name: "宇都宮ぎょうざ食品株式会社", officeCode: "0901" });
    await createEmployerAccount(ours.id, { email: "saiyo@nikko-yuba.example.jp" });
    await createEmployerAccount(theirs.id, { email: "recruit@utsunomiya-gyoza.example.jp" });
    await deadMail("saiyo@nikko-yuba.example.jp", "求人が受理されました");
    await deadMail("saiyo@nikko-yuba.example.jp", "送信待ちのメール", "pending");
    await deadMail("recruit@utsunomiya-gyoza.example.jp", "他の所のメール");

    const supervisor = await createStaffAccount("0910", { role: "supervisor" });
    const res = await workerFetch("/staff/mail", { cookie: await signIn("staff", supervisor.id, clock) });
    expect(res.status).toBe(200);
    const doc = parse(await res.text());
    expect(columnHeaders(doc)).toEqual(expect.arrayContaining(["宛先", "件名", "最後のエラー"]));
    const rows = [...doc.querySelectorAll("tbody tr")].map(textOf);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("saiyo@nikko-yuba.example.jp");
    expect(rows[0]).toContain("求人が受理されました");
    expect(rows[0]).toContain("Resend 422");
    expect(doc.body.textContent).not.toContain("他の所のメール");
    expect(doc.body.textContent).not.toContain("SECRET-KEY-1234");

    const supervisorHome = await (await workerFetch("/staff", { cookie: await signIn("staff", supervisor.id, clock) })).text();
    expect(links(supervisorHome, "送信できなかったメール").map(([, href]) => href)).toEqual(["/staff/mail"]);

    const officer = await createStaffAccount("0910");
    const officerCookie = await signIn("staff", officer.id, clock);
    expect((await workerFetch("/staff/mail", { cookie: officerCookie })).status).toBe(403);
    expect(links(await (await workerFetch("/staff", { cookie: officerCookie })).text(), "送信できなかったメール")).toEqual([]);
    const anonymous = await workerFetch("/staff/mail");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/staff/login");
    const rowsInDb = await db().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.status, "dead")).all();
    expect(rowsInDb).toHaveLength(2);
  });
});
