/**
 * Issue 14 (`npm run bench`): the Worker's own D1 counting wrapper (app/utils/d1-count.server.ts) and the /bench
 * routes, on only when the Worker is started with D1_COUNT=1 / BENCH=1.
 */
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { countD1 } from "../../app/utils/d1-count.server";
import { countingD1 } from "../helpers/d1-count";
import { createSignInAccount } from "../helpers/employer-signin";
import { signIn } from "../helpers/factories";
import { callWorker, ORIGIN } from "../helpers/worker";

function get(path: string, vars: Record<string, string>, overrides: Partial<Env> = {}, cookie?: string) {
  const headers = new Headers({ Host: new URL(ORIGIN).host });
  if (cookie) headers.set("Cookie", cookie);
  return callWorker(new Request(new URL(path, ORIGIN), { headers, redirect: "manual" }), { ...overrides, ...(vars as Partial<Env>) });
}

describe("issue 14: the D1 counting wrapper", () => {
  beforeEach(async () => {
    await env.DB.exec("CREATE TABLE IF NOT EXISTS bench_count (n INTEGER)");
  });

  it("issue 14: a batch is one round trip of several statements, a lone statement or exec one of one", async () => {
    const counter = countD1(env.DB);
    const { db } = counter;
    await db.batch([db.prepare("INSERT INTO bench_count VALUES (?)").bind(1), db.prepare("INSERT INTO bench_count VALUES (2)"), db.prepare("SELECT 1")]);
    expect([counter.roundTrips(), counter.statements()]).toEqual([1, 3]);
    expect(await db.prepare("SELECT count(*) AS n FROM bench_count").first("n")).toBe(2);
    expect([counter.roundTrips(), counter.statements()]).toEqual([2, 4]);
    await db.prepare("SELECT ?").bind(1).raw();
    await db.exec("DELETE FROM bench_count");
    expect([counter.roundTrips(), counter.statements()]).toEqual([4, 6]);
    // Each with the time it took (the clock advances across I/O).
    expect(counter.trips().every((trip) => / \d+ms$/.test(trip))).toBe(true);
    expect(counter.trips().map((trip) => trip.replace(/ \d+ms$/, ""))).toEqual([
      "batch(3)",
      "first select bench_count",
      "raw select",
      "exec delete bench_count",
    ]);
    // Preparing and binding alone reach nothing.
    db.prepare("SELECT 2").bind();
    expect(counter.roundTrips()).toBe(4);
  });

  it("issue 14: with D1_COUNT=1 a page's response says what it cost, the same as the tests' own counter", async () => {
    const { account } = await createSignInAccount();
    const cookie = await signIn("employer", account.id);
    const tests = countingD1();
    const res = await get("/mypage", { D1_COUNT: "1" }, { DB: tests.db }, cookie);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("X-D1-Round-Trips"))).toBe(tests.count());
    expect(tests.count()).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("X-D1-Statements"))).toBeGreaterThan(tests.count());
    expect(res.headers.get("X-D1-Trips")?.split(" | ")).toHaveLength(tests.count());
  });

  it("issue 14: without the vars there is no count header and no /bench route", async () => {
    const page = await get("/terms", {});
    expect(page.status).toBe(200);
    expect(page.headers.get("X-D1-Round-Trips")).toBeNull();
    expect((await get("/bench/bare", { D1_COUNT: "1" })).status).toBe(404);
    expect((await get("/bench/hash", {})).status).toBe(404);
  });

  it("issue 14: with BENCH=1 /bench/bare answers plain text without touching D1, /bench/hash hashes once", async () => {
    const tests = countingD1();
    const bare = await get("/bench/bare", { BENCH: "1" }, { DB: tests.db });
    expect([bare.status, await bare.text(), tests.count()]).toEqual([200, "ok", 0]);
    const hash = await get("/bench/hash", { BENCH: "1" });
    expect([hash.status, await hash.text()]).toEqual([200, "hashed"]);
  });
});
