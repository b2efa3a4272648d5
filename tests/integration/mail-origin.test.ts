/**
 * issue 9 #17: links in mail are built from the configured origin (APP_ORIGIN), never from the request: a request
 * that reaches the Worker under another Host (a workers.dev address, a proxy, a forged Host header) cannot make the
 * site mail a link to that host — e.g. a password-reset key with a link to the attacker's page.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { NOW, setWorkerNow } from "../helpers/clock";
import { latestMail } from "../helpers/employer-signin";
import { openMyPage } from "../helpers/mypage";
import { callWorker } from "../helpers/worker";

beforeEach(async () => {
  await setWorkerNow(NOW);
});

describe("mail links (issue 9 #17)", () => {
  it("issue 9 #17: a password-reset request under a foreign Host mails a link to APP_ORIGIN, not to that host", async () => {
    const { main } = await openMyPage({ password: true });
    const evil = "https://evil.example";
    const res = await callWorker(
      new Request(`${evil}/password-reset?index`, {
        method: "POST",
        body: new URLSearchParams({ email: main.email }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "evil.example", Origin: evil },
        redirect: "manual",
      }),
    );
    expect(res.status).toBe(303);
    const mail = await latestMail(main.email, "authKeyReset");
    expect(mail).toContain(`${env.APP_ORIGIN}/password-reset/complete`);
    expect(mail).not.toContain("evil.example");
    expect(env.APP_ORIGIN).toBe("https://mypage.example.jp");
  });
});
