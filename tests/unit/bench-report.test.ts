/**
 * Issue 14 (`npm run bench`): the pure parts of the bench — percentiles, which catalogue pages it can open over the
 * generated data, what each section judges against its target, and bench/RESULTS.md's rendering.
 */
import { describe, expect, it } from "vitest";
import { benchPages, MISSING, type PageResult } from "../../scripts/bench/pages";
import { percentile, renderResults } from "../../scripts/bench/report";
import { d1Milliseconds, hashingSection, pageScripts, pureSection, roundTripSection, throughputSection, weightSection } from "../../scripts/bench/sections";
import type { PageEntry, World } from "../helpers/page-catalogue";

const world: World = {
  cookies: {
    anonymous: undefined,
    employer: "e",
    employerPending2fa: "e2",
    employerPendingConsent: undefined,
    provisional: "p",
    staff: "s",
    staffPending2fa: "s2",
    supervisor: "sv",
    seeker: "k",
    seekerPending2fa: "k2",
  },
  ids: {
    accepted: "A1",
    draft: "D1",
    submitted: "S1",
    change: MISSING,
    image: "I1",
    notice: "N1",
    changeRequest: "C1",
    provisional: "P1",
    establishment: "E1",
    referral: "R1",
    seeker: "K1",
    thread: "T1",
    publicNumber: "PN1",
    directRequest: "DR1",
  },
  jobNumber: "09100-00000001",
};

function result(entry: PageEntry, roundTrips: number, status = 200, trips: string[] = ["batch(5)"]): PageResult {
  return { entry, status, roundTrips, statements: roundTrips * 4, trips, html: "" };
}

describe("issue 14: bench figures", () => {
  it("issue 14: percentiles by nearest rank", () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect([percentile(values, 0), percentile(values, 50), percentile(values, 95), percentile(values, 100)]).toEqual([1, 5, 10, 10]);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it("issue 14: the catalogue over the bench's world skips pages whose record or actor the data lacks", () => {
    const { pages, skipped } = benchPages(world);
    expect(skipped.map((p) => p.path)).toEqual(expect.arrayContaining(["/mypage/consent", `/mypage/postings/${MISSING}`, `/staff/postings/${MISSING}`]));
    expect(pages.every((p) => !p.path.includes(MISSING) && (p.actor === "anonymous" || world.cookies[p.actor]))).toBe(true);
    expect(pages.find((p) => p.route === "mypage/applicants/:id")?.path).toBe("/mypage/applicants/R1");
    expect(pages.find((p) => p.route === "jobs/:jobNumber")?.path).toBe("/jobs/09100-00000001");
  });

  it("issue 14: round trips — a signed-in page above one misses and is explained, another status is shown; public pages are not judged", () => {
    const home: PageEntry = { route: "mypage", path: "/mypage", actor: "employer" };
    const list: PageEntry = { route: "mypage/applicants", path: "/mypage/applicants", actor: "employer" };
    const gone: PageEntry = { route: "staff", path: "/staff", actor: "staff" };
    const jobs: PageEntry = { route: "jobs", path: "/jobs", actor: "anonymous" };
    const section = roundTripSection(
      [result(home, 1), result(list, 2, 200, ["batch(9)", "all select referrals"]), result(gone, 1, 302), result(jobs, 3)],
      [{ route: "x", path: "/x", actor: "seeker" }],
    );
    expect(section.rows.map((r) => [r.figure, r.pass])).toEqual([
      ["authenticated pages at one round trip", false],
      ["/mypage (employer)", true],
      ["/mypage/applicants (employer)", false],
      ["/staff (staff)", true],
    ]);
    expect(section.rows[0]!.value).toBe("2 of 3");
    expect(section.rows[3]!.value).toContain("answered 302 (the tests' world: 200)");
    expect(section.notes.join("\n")).toContain(": /staff 302.");
    expect(section.notes[0]).toBe("`/mypage/applicants`: 2 round trips — batch(9), all select referrals");
    expect(section.notes.join("\n")).toContain("/jobs 3");
    expect(section.notes.join("\n")).toContain("/x (seeker)");
    const refused = roundTripSection([{ ...result(home, 1, 503), roundTrips: Number.NaN }], []);
    expect(refused.rows[0]!.value).toBe("0 of 0");
    expect(refused.notes.join("\n")).toContain("not counted: /mypage (employer) 503");
  });

  it("issue 14: throughput passes at a ratio of 0.6 or more, and only with no failed answers", () => {
    const run = { bare: 1000, errors: 0, non2xx: 0, p50Ms: 5, p99Ms: 20, d1Ms: 3 };
    const section = throughputSection(
      [
        { ...run, label: "a", page: 600 },
        { ...run, label: "b", page: 599 },
        { ...run, label: "c", page: 900, non2xx: 3 },
      ],
      { connections: 10, seconds: 10 },
    );
    expect(section.rows.map((r) => r.pass)).toEqual([true, false, false]);
    expect(section.rows[0]!.value).toMatch(/^0\.60 \(600 vs 1,000 req\/s; p50 5 ms, p99 20 ms; D1 alone 3 ms\)$/);
    expect(d1Milliseconds(["batch(8) 12ms", "raw select job_postings 5ms", "first select"])).toBe(17);
  });

  it("issue 14: weight — the Worker within 1 MB gzip, each page's JS within 150 KB gzip", () => {
    const page = (path: string, js: number) => ({ entry: { route: path, path, actor: "anonymous" as const }, htmlBytes: 5000, jsGzipBytes: js, jsFiles: 3 });
    const section = weightSection({ gzipBytes: 480_000, totalBytes: 2_000_000 }, [page("/a", 150_000), page("/b", 150_001)]);
    expect(section.rows.map((r) => r.pass)).toEqual([true, false, true, false]);
    expect(section.rows[1]!.value).toContain("1 of 2 (largest: /b (anonymous)");
    expect(weightSection({ gzipBytes: 1_000_001, totalBytes: 1 }, []).rows[0]!.pass).toBe(false);
    expect(weightSection(null, []).rows[0]!.pass).toBe(false);
  });

  it("issue 14: a page's scripts are every /assets/*.js its HTML names, once each", () => {
    const html = `<link rel="modulepreload" href="/assets/entry.client-AB.js"/><link rel="modulepreload" href="/assets/root-CD.js"/>
      <script type="module" nonce="n">import "/assets/manifest-EF.js"; import * as route0 from "/assets/root-CD.js";</script>
      <link rel="stylesheet" href="/assets/root-GH.css"/>`;
    expect(pageScripts(html)).toEqual(["/assets/entry.client-AB.js", "/assets/manifest-EF.js", "/assets/root-CD.js"]);
  });

  it("issue 14: hashing — the workerd cost is the median hash request minus the median bare one; the pure-JS ratio is reported", () => {
    const section = hashingSection({ hashMs: [40, 200, 42, 44, 41], bareMs: [2, 3, 50, 2, 3] }, { wasmMs: 30, pureJsMs: 450 });
    expect(section.rows[0]!.value).toMatch(/^39\.0 ms/);
    expect(section.rows.map((r) => r.pass)).toEqual([true, true, null, null]);
    expect(section.rows[3]!.value).toBe("15.0×");
    expect(hashingSection({ hashMs: [150], bareMs: [10] }, null).rows.map((r) => r.pass)).toEqual([false]);
  });

  it("issue 14: the pure benchmarks' JSON becomes rows, with argon2id's two engines picked out", () => {
    const task = (name: string, mean: number) => ({ name, latency: { mean, p99: mean * 2 } });
    const { section, argon2 } = pureSection({
      testResults: [
        {
          assertionResults: [
            {
              title: "t",
              benchmarks: [
                {
                  name: "argon2id per hash at the current parameters: WebAssembly (the Worker's) vs pure JS",
                  tasks: [task("WebAssembly m=19 MiB t=2", 31), task("pure JS (@noble/hashes) m=19 MiB t=2", 440)],
                },
                { name: "JST calendar helpers", tasks: [task("jstDate", 0.001)] },
              ],
            },
          ],
        },
      ],
    });
    expect(argon2).toEqual({ wasmMs: 31, pureJsMs: 440 });
    expect(section.rows).toHaveLength(3);
    expect(section.rows[2]).toEqual({ figure: "JST calendar helpers: jstDate", value: "0.001 ms mean (p99 0.002 ms)", target: "—", pass: null });
    expect(pureSection({}).argon2).toBeNull();
  });

  it("issue 14: RESULTS.md has the run's header, a summary and one table per section with pass/miss marks", () => {
    const md = renderResults(
      {
        date: "2026-11-30T14:00:00Z",
        minutes: 7.25,
        cpus: 2,
        node: "v22.23.3",
        wrangler: "4.164.0",
        scale: 0.1,
        seed: 1,
        data: "synthetic",
        counts: { establishments: 10000 },
      },
      [
        {
          title: "Sec | one",
          rows: [
            { figure: "a|b", value: "1", target: "≤ 1", pass: true },
            { figure: "c", value: "2", target: "≤ 1", pass: false },
            { figure: "d", value: "x", target: "—", pass: null },
          ],
          notes: ["why"],
        },
      ],
    );
    expect(md).toContain("**7.3 minutes** end to end");
    expect(md).toContain("2 CPU cores");
    expect(md).toContain("scale 0.1, seed 1");
    expect(md).toContain("establishments 10,000");
    expect(md).toContain("| Sec \\| one | 1/2 pass |");
    expect(md).toContain("| a\\|b | 1 | ≤ 1 | pass |\n| c | 2 | ≤ 1 | **miss** |\n| d | x | — | — |");
    expect(md).toContain("\n- why\n");
    const info = { date: "d", minutes: 1, cpus: 2, node: "n", wrangler: "w", scale: 1, seed: 1, data: "x", counts: {} };
    expect(renderResults(info, [{ title: "Info", rows: [{ figure: "f", value: "v", target: "—", pass: null }], notes: [] }])).toContain(
      "| Info | informational |",
    );
  });
});
