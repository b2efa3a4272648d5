/**
 * issue 9 #12: no code reads a request body except app/utils/body.server.ts, so that every action is held to a body
 * limit (readForm). A new route that calls `request.formData()` — or reads the body any other way — fails here.
 */
import { describe, expect, it } from "vitest";

const SOURCES = import.meta.glob<string>(["../../app/**/*.{ts,tsx}", "../../workers/**/*.ts"], { query: "?raw", import: "default", eager: true });

/** The one module allowed to read a body. */
const READER = "../../app/utils/body.server.ts";

/** Reads of a request's body: request.formData(), .text(), .json(), .arrayBuffer(), .blob(), .bytes(), .body. */
const BODY_READ = /\b(?:request|req)\s*\.\s*(?:(?:formData|text|json|arrayBuffer|blob|bytes)\s*\(|body\b)/g;

function bodyReads(source: string): string[] {
  return [...source.matchAll(BODY_READ)].map((m) => m[0]);
}

describe("request bodies are read only through readForm (issue 9 #12)", () => {
  it("issue 9 #12: the scan sees the app's sources and recognises every way of reading a body", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    expect(Object.keys(SOURCES)).toContain("../../app/routes/login.tsx");
    expect(Object.keys(SOURCES)).toContain(READER);
    expect(bodyReads(SOURCES[READER]!)).toContain("request.body");
    for (const read of [
      "await request.formData()",
      "parseWithZod(await request.formData(), {",
      "request .text()",
      "await req.json()",
      "request.arrayBuffer()",
      "request.body.getReader()",
    ]) {
      expect(bodyReads(read), read).toHaveLength(1);
    }
    expect(bodyReads("await readForm(request)")).toEqual([]);
    expect(bodyReads("request.headers.get('Content-Length')")).toEqual([]);
  });

  it("issue 9 #12: no route, model or util other than utils/body.server.ts reads a request body", () => {
    const offenders = Object.entries(SOURCES)
      .filter(([path]) => path !== READER)
      .flatMap(([path, source]) => bodyReads(source).map((read) => `${path.replace("../../", "")}: ${read}`));
    expect(offenders).toEqual([]);
  });
});
