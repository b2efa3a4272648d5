/**
 * R-DEL-1, R-DEL-2, R-DEL-3, R-DEL-4 (issue 13): the daily job establishments.erase. A My Page withdrawn (or closed) on
 * 2026-11-01 JST is kept on 2026-12-01 (day 30) and erased on 2026-12-02 (day 31) with everything it holds — no row of
 * any table (every table and column of the schema is scanned), no R2 object, no KV key mentions it afterwards — and one
 * erasure report without personal data; another establishment is untouched; a run cut after its 2nd chunk and run
 * again ends as one clean run; R-DEL-2's dormancy boundary (JST) and its SQL equal to rules/retention isDormant.
 * The job is driven through its function with the test's db (no Worker request).
 */
import { env } from "cloudflare:test";
import { and, eq, getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { establishmentErasureJob } from "../../app/jobs/establishment-erasure.server";
import { messageErasureJob } from "../../app/jobs/message-retention.server";
import { ALL_JOBS, SCHEDULES } from "../../app/jobs/registry.server";
import { fixedClock, jstDate } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { dormancyFacts, dueErasures, ERASURE_PLAN, eraseDueEstablishments } from "../../app/models/erasure.server";
import { isDormant } from "../../app/rules/retention";
import { getDb, schema, type Db } from "../../app/utils/db.server";
import { fillEstablishment, rowsMentioning, schemaTables, type FilledEstablishment } from "../helpers/erasure";
import { createEmployerAccount, createEstablishment } from "../helpers/factories";

const db = () => getDb(env);
const WITHDRAWN_AT = Date.parse("2026-11-01T12:00:00+09:00");
const DAY_30 = fixedClock("2026-12-01T00:05:00+09:00");
const DAY_31 = fixedClock("2026-12-02T00:05:00+09:00");

const run = (clock = DAY_31, database: Db = db()) => eraseDueEstablishments({ env, db: database, clock });

/** The erasure reports of one establishment (the audit log outlives the per-test reset). */
async function reports(establishmentId: string) {
  const a = schema.auditLog;
  return db()
    .select()
    .from(a)
    .where(and(eq(a.action, "establishment.erase"), eq(a.subjectId, establishmentId)))
    .all();
}

async function r2Keys(e: FilledEstablishment) {
  return (await env.IMAGES.list({ prefix: `establishments/${e.id}/` })).objects.map((o) => o.key);
}

/** The db with a batch that throws once `after` batches went through: a crash in the middle of a run. */
function crashingAfter(after: number): Db {
  const real = db();
  let batches = 0;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "batch")
        return (...args: Parameters<Db["batch"]>) => {
          if (++batches > after) throw new Error("crash injected by the test");
          return target.batch(...args);
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Withdrawn E and an open, live E2; returns both and what mentions each before any run. */
async function twoEstablishments(status: "withdrawn" | "closed" = "withdrawn") {
  const stamp = status === "withdrawn" ? { withdrawnAt: WITHDRAWN_AT } : { closedAt: WITHDRAWN_AT, relocatedToOfficeCode: "0901" };
  const erased = await fillEstablishment(fixedClock(WITHDRAWN_AT), { status, ...stamp });
  const other = await fillEstablishment(fixedClock(WITHDRAWN_AT), { status: "open" });
  return { erased, other, otherBefore: await rowsMentioning(other.needles) };
}

async function expectErased(erased: FilledEstablishment, reason: "withdrawn" | "closed") {
  expect(await rowsMentioning(erased.needles)).toEqual({});
  expect(await r2Keys(erased)).toEqual([]);
  for (const id of erased.accountIds) {
    expect(await env.AUTH_KEYS.get(`authkey:login:${id}`)).toBeNull();
    expect(await env.AUTH_KEYS.get(`authkey:open:${id}`)).toBeNull();
  }
  const [report, ...more] = await reports(erased.id);
  expect(more).toEqual([]);
  expect(report).toMatchObject({ actorType: "system", subjectType: "establishment", officeCode: erased.officeCode, establishmentId: erased.id });
  expect(JSON.parse(report!.details)).toEqual({ reason, counts: erased.counts, endedOn: "2026-11-01" });
  // Nothing personal in the report: no name, address or e-mail (they all hold the marker).
  for (const needle of erased.needles.slice(1, 3)) expect(report!.details).not.toContain(needle);
}

describe("R-DEL-1 / R-DEL-4 (issue 13): erased on day 31 after 退会, completely, with one report", () => {
  it("R-DEL-1: establishments.erase is a daily job of the 00:05 JST cron after messages.erase, listed on /dev", () => {
    const daily = SCHEDULES["5 15 * * *"]!;
    expect(daily.indexOf(establishmentErasureJob)).toBe(daily.indexOf(messageErasureJob) + 1);
    expect(ALL_JOBS.map((j) => j.name)).toContain("establishments.erase");
  });

  it("R-DEL-1, R-DEL-4: withdrawn 2026-11-01 — nothing on 2026-12-01 (day 30); on 2026-12-02 zero rows, objects and keys left; the other untouched; a re-run does nothing", async () => {
    const { erased, other, otherBefore } = await twoEstablishments();
    const before = await rowsMentioning(erased.needles);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);

    expect(await run(DAY_30)).toBe(0);
    expect(await rowsMentioning(erased.needles)).toEqual(before);
    expect(await r2Keys(erased)).toHaveLength(2);

    // D1 counts the FTS trigger's writes among a DELETE's changes: at least every row of the report.
    expect(await run(DAY_31)).toBeGreaterThanOrEqual(Object.entries(erased.counts).reduce((n, [k, v]) => n + (k === "r2" ? 0 : v), 0));
    await expectErased(erased, "withdrawn");
    expect(await rowsMentioning(other.needles)).toEqual(otherBefore);
    expect(await r2Keys(other)).toHaveLength(2);
    expect(await env.AUTH_KEYS.get(`authkey:login:${other.accountIds[0]}`)).not.toBeNull();

    expect(await run(DAY_31)).toBe(0);
    expect(await reports(erased.id)).toHaveLength(1);
  });

  it("R-DEL-4: every table with an establishment_id or account_id column, or a key to employer_accounts or job_postings, is in the erasure plan", async () => {
    const planned = new Set(ERASURE_PLAN.map((s) => getTableName(s.table)));
    // Foreign keys as the schema declares them (D1 refuses pragma_foreign_key_list): table → the tables it references.
    const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all<{
      name: string;
      sql: string;
    }>();
    const references = new Map(results.map((r) => [r.name, [...r.sql.matchAll(/REFERENCES\s+[`"]?(\w+)/gi)].map((m) => m[1]!)]));
    const owning = new Set([...references].filter(([, parents]) => parents.some((p) => p === "employer_accounts" || p === "job_postings")).map(([t]) => t));
    for (const [table, columns] of await schemaTables()) if (columns.includes("establishment_id") || columns.includes("account_id")) owning.add(table);
    // The report (append-only) and the progress row (deleted in the last batch) name the establishment on purpose.
    for (const table of ["audit_log", "erasure_progress"]) owning.delete(table);
    expect([...owning].filter((t) => !planned.has(t))).toEqual([]);
    // Children before parents: no planned table is deleted after a table it references.
    const order = ERASURE_PLAN.map((s) => getTableName(s.table));
    for (const table of order)
      for (const parent of references.get(table) ?? [])
        if (order.includes(parent)) expect(order.indexOf(parent), `${table} → ${parent}`).toBeGreaterThan(order.indexOf(table));
  });

  it.each([2, 8])("R-DEL-4: a run that crashes after its chunk %i, then a clean run, ends as one clean run (same rows, same report)", async (after) => {
    const { erased, other, otherBefore } = await twoEstablishments();
    await expect(run(DAY_31, crashingAfter(after))).rejects.toThrow("crash injected");
    expect(await reports(erased.id)).toEqual([]);
    await run(DAY_31);
    await expectErased(erased, "withdrawn");
    expect(await rowsMentioning(other.needles)).toEqual(otherBefore);
    expect(await run(DAY_31)).toBe(0);
    expect(await reports(erased.id)).toHaveLength(1);
  });

  it("R-DEL-1: a page restored (status open again) before the run is not erased; a run cut short by its chunk budget resumes the next day", async () => {
    const { erased } = await twoEstablishments();
    await db().update(schema.establishments).set({ status: "open", withdrawnAt: null }).where(eq(schema.establishments.id, erased.id));
    expect(await run(DAY_31)).toBe(0);
    await db().update(schema.establishments).set({ status: "withdrawn", withdrawnAt: WITHDRAWN_AT }).where(eq(schema.establishments.id, erased.id));
    expect(await eraseDueEstablishments({ env, db: db(), clock: DAY_31 }, { maxChunks: 5 })).toBeGreaterThan(0);
    expect(await reports(erased.id)).toEqual([]);
    await run(fixedClock("2026-12-03T00:05:00+09:00"));
    await expectErased(erased, "withdrawn");
  });
});

describe("R-DEL-3 (issue 13): a page closed on relocation is erased on day 31 like a withdrawn one", () => {
  it("R-DEL-3: closed 2026-11-01 — kept on 2026-12-01, erased on 2026-12-02 with its report (reason closed)", async () => {
    const { erased, other, otherBefore } = await twoEstablishments("closed");
    expect(await run(DAY_30)).toBe(0);
    expect(await reports(erased.id)).toEqual([]);
    await run(DAY_31);
    await expectErased(erased, "closed");
    expect(await rowsMentioning(other.needles)).toEqual(otherBefore);
  });
});

describe("R-DEL-2 (issue 13): a My Page without a 求人の申込 for 5 years after its latest 求人無効日 is erased", () => {
  const jst = (day: string) => Date.parse(`${day}T12:00:00+09:00`);

  /** An open page opened (main account activated) on `openedOn`, with postings. */
  async function page(openedOn: string, postings: Partial<typeof schema.jobPostings.$inferInsert>[], status: "open" | "registered" = "open") {
    const e = await createEstablishment({ status, createdAt: jst("2019-04-01") });
    if (status === "open") await createEmployerAccount(e.id, { activatedAt: jst(openedOn), createdAt: jst("2019-04-01") });
    for (const p of postings)
      await db()
        .insert(schema.jobPostings)
        .values({ id: newId(), establishmentId: e.id, officeCode: e.officeCode, status: "stopped", content: "{}", createdAt: 0, updatedAt: 0, ...p });
    return e.id;
  }

  it("issue 14, R-DEL-2: the empty tables of a page cost no chunk — three dormant pages with an account each are erased within 8 chunks (one look at every table, one chunk of accounts, each)", async () => {
    const ids = [await page("2021-11-30", []), await page("2021-11-30", []), await page("2021-11-30", [])];
    const at = fixedClock("2026-11-30T00:05:00+09:00");
    expect(await eraseDueEstablishments({ env, db: db(), clock: at }, { maxChunks: 8 })).toBeGreaterThanOrEqual(6);
    for (const id of ids) expect(await db().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get()).toBeUndefined();
    expect(await reports(ids[0]!)).toHaveLength(1);
  });

  it("R-DEL-2: latest 無効日 2021-11-30 → kept on 2026-11-29, erased on 2026-11-30 (edge at 15:00Z); an application after it keeps it; no posting ever → 5 years after opening; the SQL equals isDormant", async () => {
    const lapsed = await page("2019-05-01", [{ submittedAt: jst("2021-05-10"), invalidatedOn: "2021-11-30" }]);
    const appliedAfter = await page("2019-05-01", [
      { submittedAt: jst("2021-05-10"), invalidatedOn: "2021-11-30" },
      { status: "draft", submittedAt: jst("2022-01-10") },
    ]);
    const neverPosted = await page("2021-11-30", []);
    const live = await page("2019-05-01", [
      { submittedAt: jst("2021-05-10"), invalidatedOn: "2021-11-30" },
      { status: "accepted", submittedAt: jst("2019-06-01"), acceptedOn: "2019-06-02", validUntil: "2027-01-31" },
    ]);
    const expiredUnrecorded = await page("2019-05-01", [
      { status: "accepted", submittedAt: jst("2021-08-01"), acceptedOn: "2021-08-02", validUntil: "2021-11-29" },
    ]);
    const registeredOnly = await page("2019-05-01", [], "registered");
    const ids = { lapsed, appliedAfter, neverPosted, live, expiredUnrecorded, registeredOnly };

    const keptAt = fixedClock("2026-11-29T14:59:59Z"); // 23:59:59 JST on 2026-11-29
    const erasedAt = fixedClock("2026-11-29T15:00:00Z"); // 00:00 JST on 2026-11-30
    for (const [clock, expected] of [
      [keptAt, []],
      [erasedAt, ["lapsed", "neverPosted", "expiredUnrecorded"]],
    ] as const) {
      const today = jstDate(clock.now());
      const due = new Set((await dueErasures(db(), today)).map((d) => d.id));
      for (const [name, id] of Object.entries(ids)) {
        const facts = await dormancyFacts(db(), id, today);
        expect(due.has(id), `${name} on ${today}`).toBe(name !== "registeredOnly" && isDormant(facts!, today));
        expect(due.has(id), `${name} on ${today}`).toBe((expected as readonly string[]).includes(name));
      }
    }
    expect(await dormancyFacts(db(), lapsed, "2026-11-30")).toEqual({
      openedOn: "2019-05-01",
      latestInvalidatedOn: "2021-11-30",
      latestApplicationOn: "2021-05-10",
      hasLivePosting: false,
    });

    expect(await eraseDueEstablishments({ env, db: db(), clock: keptAt })).toBe(0);
    await eraseDueEstablishments({ env, db: db(), clock: erasedAt });
    const left = new Set((await db().select({ id: schema.establishments.id }).from(schema.establishments)).map((r) => r.id));
    expect([...left].sort()).toEqual([appliedAfter, live, registeredOnly].sort());
    const [report] = await reports(lapsed);
    expect(JSON.parse(report!.details)).toEqual({
      reason: "dormant",
      counts: { employer_accounts: 1, job_postings: 1, establishments: 1 },
      dormantSince: "2021-11-30",
    });
  });
});
