/**
 * The one check of a return path after sign-in (issue 9 #2, R-AUTH-1 / R-AUTH-4): only a path that, resolved
 * against the app's own origin, stays on it, with no control, white-space or format characters and no
 * backslash or `//` — raw or percent-encoded.
 */
import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/lib/redirect";

const BASE = "https://app.example";

/** Values a browser could resolve off-origin (after dropping tabs and newlines, reading `\` as `/`), or that break a header. */
const HOSTILE = [
  "/\t/evil.example/", // what `redirectTo=/%09/evil.example/` decodes to
  "/\n/evil.example/",
  "/\r\n/evil.example/",
  "/\r/evil.example/",
  "\t//evil.example/",
  "/%09/evil.example/",
  "/%0A/evil.example/",
  "/%0d%0a/evil.example/",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%5Cevil.example",
  "/%5c/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%252F%252Fevil.example",
  "/x/..//evil.example",
  "/..%2F/evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /mypage",
  "/ /evil.example",
  "/\u3000/evil.example",
  "/\u00a0/evil.example",
  "/\u2028/evil.example",
  "/\u200b/evil.example",
  "/\u202e/evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "/%E3%80%80/evil.example",
  "/mypage?next=%0A",
  "/\ud800",
  "mypage",
  "",
  `/${"a".repeat(2001)}`,
];

describe("issue 9 #2: safeRedirect (R-AUTH-1, R-AUTH-4: no open redirect)", () => {
  // Titles carry the index and an escaped value (a lone surrogate in a title breaks the test runner's channel).
  it.each(HOSTILE.map((v, i) => [i, JSON.stringify(v).slice(0, 60)] as const))("issue 9 #2: refuses hostile value %i (%s)", (i) => {
    expect(safeRedirect(HOSTILE[i], "/fallback")).toBe("/fallback");
  });

  it("issue 9 #2: whatever it returns stays on the origin and is a valid header value", () => {
    for (const value of HOSTILE) {
      const to = safeRedirect(value, "/fallback");
      expect(new URL(to, BASE).origin).toBe(BASE);
      expect(() => new Headers({ Location: to })).not.toThrow();
    }
  });

  it("issue 9 #2: keeps local paths with their query, percent-encoding what a header cannot hold", () => {
    expect(safeRedirect("/mypage/settings/password", "/f")).toBe("/mypage/settings/password");
    expect(safeRedirect("/staff/establishments?q=%E6%97%A5%E5%85%89", "/f")).toBe("/staff/establishments?q=%E6%97%A5%E5%85%89");
    expect(safeRedirect("/staff/establishments?q=日光", "/f")).toBe("/staff/establishments?q=%E6%97%A5%E5%85%89");
    expect(safeRedirect("/jobs?q=a+b&page=2#results", "/f")).toBe("/jobs?q=a+b&page=2#results");
    expect(safeRedirect("/jobs?q=100%25", "/f")).toBe("/jobs?q=100%25");
    expect(safeRedirect("/", "/f")).toBe("/");
    expect(safeRedirect(null, "/f")).toBe("/f");
    expect(safeRedirect(undefined, "/f")).toBe("/f");
  });
});
