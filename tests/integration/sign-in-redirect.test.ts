/**
 * issue 9 #2 (R-AUTH-1, R-AUTH-4): the return path after sign-in, through the Worker. Whatever the redirectTo —
 * in the query string of /login, /login/verify, /mypage/consent, /staff/login or in the posted form — the answer
 * is never a 500 and never a Location that a browser resolves off this origin. `new URL(location, origin)` is the
 * browser's own parser: it drops tabs and newlines and reads `\` as `/`, as browsers do.
 */
import { describe, expect, it } from "vitest";
import { NOW, setWorkerNow } from "../helpers/clock";
import { controls } from "../helpers/html";
import { CookieJar, createSignInAccount, get, signInThroughForms } from "../helpers/employer-signin";
import { signIn } from "../helpers/factories";
import { atWorkerNow, cookieFrom, staffWithTotp, STAFF_PASSWORD } from "../helpers/staff";
import { totpAt } from "../../app/lib/totp";
import { ORIGIN, postForm, workerFetch } from "../helpers/worker";

const HOSTILE = [
  "/\t/evil.example/",
  "/\n/evil.example/",
  "/\r\n/evil.example/",
  "/\\evil.example/",
  "/%09/evil.example/",
  "/%2F%2Fevil.example/",
  "//evil.example/",
  "https://evil.example/",
  "/\u3000/evil.example/",
  "/staff/\t/..//evil.example/",
  "/mypage/\n",
];

/** The Location of a redirect, after checking that it is one, is not a 500, and stays on this origin. */
function sameOriginLocation(res: Response, label: string): string {
  expect(res.status, label).toBeGreaterThanOrEqual(300);
  expect(res.status, label).toBeLessThan(400);
  const location = res.headers.get("Location") ?? "";
  expect(new URL(location, ORIGIN).origin, `${label} → ${location}`).toBe(ORIGIN);
  return location;
}

describe("issue 9 #2: no open redirect and no 500 after sign-in", () => {
  it("issue 9 #2 (R-AUTH-1): the employer's sign-in through the forms falls back to /mypage for `/%09/evil.example/` and `%0A`", async () => {
    await setWorkerNow(NOW);
    const { account } = await createSignInAccount();
    // The page itself: the hostile value is not carried in the form.
    const page = await get(`/login?redirectTo=${encodeURIComponent("/\t/evil.example/")}`);
    expect(page.status).toBe(200);
    expect(controls(await page.text(), "redirectTo").map((c) => c.getAttribute("value"))).toEqual([""]);

    for (const redirectTo of ["/\t/evil.example/", "/\n/evil.example/"]) {
      const jar = new CookieJar();
      const res = await signInThroughForms(account.email, jar, { redirectTo });
      expect(sameOriginLocation(res, JSON.stringify(redirectTo))).toBe("/mypage");
    }
  }, 20_000);

  it("issue 9 #2 (R-AUTH-1): a signed-in employer sent to /login or /mypage/consent with a hostile redirectTo stays on the site", async () => {
    await setWorkerNow(NOW);
    const { account } = await createSignInAccount();
    const jar = new CookieJar();
    await signInThroughForms(account.email, jar);
    for (const value of HOSTILE) {
      for (const path of ["/login", "/mypage/consent"]) {
        const res = await get(`${path}?redirectTo=${encodeURIComponent(value)}`, jar);
        expect(sameOriginLocation(res, `${path} ${JSON.stringify(value)}`)).toBe("/mypage");
      }
    }
    // A local path still works, percent-encoded for the header.
    const back = await get(`/login?redirectTo=${encodeURIComponent("/mypage/postings?q=日光")}`, jar);
    expect(back.headers.get("Location")).toBe("/mypage/postings?q=%E6%97%A5%E5%85%89");
  });

  it("issue 9 #2 (R-AUTH-4): staff sign-in (password, TOTP) and a signed-in officer's /staff/login stay on staff pages", async () => {
    const clock = await atWorkerNow(NOW);
    const { staff, secret } = await staffWithTotp();
    const half = await postForm("/staff/login", { email: staff.email, password: STAFF_PASSWORD, redirectTo: "/\t/evil.example/" });
    expect(sameOriginLocation(half, "password step")).toBe("/staff/login/totp");
    const done = await postForm("/staff/login/totp", { code: totpAt(secret, clock), redirectTo: "/staff/\n/evil.example/" }, cookieFrom(half));
    expect(sameOriginLocation(done, "totp step")).toBe("/staff");

    const cookie = await signIn("staff", staff.id, clock);
    for (const value of HOSTILE) {
      const res = await workerFetch(`/staff/login?redirectTo=${encodeURIComponent(value)}`, { cookie });
      expect(sameOriginLocation(res, JSON.stringify(value))).toBe("/staff");
    }
  }, 20_000);
});
