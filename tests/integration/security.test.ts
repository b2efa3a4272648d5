import { describe, expect, it } from "vitest";
import { callWorker, postForm, workerFetch } from "../helpers/worker";

const fetchAs = (appEnv: string, request: Request) => callWorker(request, { APP_ENV: appEnv });

describe("security baseline", () => {
  it("sets a nonce-based CSP whose nonce is on every inline script, plus the other security headers", async () => {
    const res = await workerFetch("/");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");

    const again = await workerFetch("/");
    expect(again.headers.get("Content-Security-Policy")).not.toBe(csp); // a new nonce per response
  });

  it("refuses a POST with a foreign Origin before Remix runs, and accepts the same origin", async () => {
    const foreign = await postForm("/dev/mail", { to: "x@example.jp" }, undefined);
    expect(foreign.status).not.toBe(403); // same origin (helper sets Origin: http://localhost)

    const refused = await workerFetch("/dev/mail", {
      method: "POST",
      body: new URLSearchParams({ to: "evil@example.jp" }),
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain("この操作は受け付けられません");

    const crossSite = await workerFetch("/dev/mail", {
      method: "POST",
      body: new URLSearchParams({ to: "evil@example.jp" }),
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      noOrigin: true,
    });
    expect(crossSite.status).toBe(403);
  });

  it("answers unknown addresses with a Japanese 404 page without a stack trace", async () => {
    const res = await workerFetch("/no/such/page");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("ページが見つかりません");
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it("development pages are 404 in production", async () => {
    for (const path of ["/dev", "/dev/mail"]) {
      const res = await fetchAs("production", new Request(`http://localhost${path}`));
      expect(res.status).toBe(404);
      expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    }
    const dev = await fetchAs("development", new Request("http://localhost/dev/mail"));
    expect(dev.status).toBe(200);
  });
});
