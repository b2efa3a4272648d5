/**
 * Issue 14 (docs/scale.md §3 and §5 steps 1–2, ADR 0028): the shard routing proven with two local D1 databases —
 * 栃木 (09) on DB, 茨城 (08) on DB_SHARD_B (tests/helpers/shards.ts). Sessions route by their token's prefix, a 紹介 of a
 * 栃木 seeker to a 茨城 posting is written in 茨城's database with an outbox row whose delivery gives 栃木 its reference,
 * and /jobs searches both databases and merges them into the answer one database would give.
 */
import { env } from "cloudflare:test";
import { eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../app/lib/clock";
import { searchPublicPostings, searchPublicPostingsAcross, PAGE_SIZE } from "../../app/models/job-search.server";
import { deliverShardOutbox } from "../../app/models/shard-outbox.server";
import { schema, type Db } from "../../app/utils/db.server";
import { shardsOf } from "../../app/utils/shards.server";
import { NOW, setWorkerNow } from "../helpers/clock";
import { countingD1 } from "../helpers/d1-count";
import { bodyText } from "../helpers/html";
import { createSeeker } from "../helpers/referrals";
import { referralForm } from "../helpers/seekers";
import { signedInOfficer } from "../helpers/staff";
import {
  establishmentIn,
  fetchTwoShards,
  prepareShards,
  publicPostingIn,
  shardA,
  shardB,
  signedInEmployerIn,
  signedInOfficerIn,
  TWO_SHARDS,
} from "../helpers/shards";

const clock = fixedClock(NOW);
const TODAY = "2026-11-26";
const twoShards = (overrides: Partial<Env> = {}) => shardsOf({ ...env, SHARDS: TWO_SHARDS, ...overrides });

beforeEach(async () => {
  await Promise.all([prepareShards(), setWorkerNow(NOW)]);
});

/** A D1 binding that fails every statement touching `table` (the rest passes through): a fault between two shards' writes. */
function failingOn(real: D1Database, table: string): D1Database {
  return new Proxy(real, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          if (sql.includes(table)) throw new Error(`D1_ERROR: injected failure on ${table}`);
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Rows of a table in one shard (optionally matching `where`). */
async function count(db: Db, table: SQLiteTable, where?: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(where);
  return row!.n;
}

/** A 茨城 establishment with a signed-in employer and a valid posting 08010-00000001, and a 栃木 officer and seeker. */
async function crossShardWorld(seekerOverrides: Parameters<typeof createSeeker>[0] = {}) {
  const mito = await establishmentIn(shardB(), "0801", "株式会社水戸サンプル");
  const employer = await signedInEmployerIn(shardB(), "ibaraki", mito.id, clock);
  const posting = await publicPostingIn(shardB(), mito, "08010-00000001", "2026-11-20", {
    jobTitle: "食品製造スタッフ",
    workplace: { prefectureCode: "08", transferPossible: false, changeScope: "" },
  });
  const { staff, cookie } = await signedInOfficer("0910", clock);
  const seeker = await createSeeker({
    name: "越境 花子",
    nameKana: "エッキョウ ハナコ",
    phone: "090-1111-2222",
    address: "今市本町7-7",
    selfPr: "几帳面です。",
    disclosure: JSON.stringify(["phone"]),
    ...seekerOverrides,
  });
  return { mito, employer, posting, staff, cookie, seeker };
}

describe("issue 14: a 紹介 across two shards (R-REF-1)", () => {
  it("issue 14, R-REF-1: a 栃木 officer refers a 栃木 seeker to a 茨城 posting — 紹介, history, お知らせ, mail and audit in 茨城's database only, the reference in 栃木's after delivery, once however often delivered; the 茨城 employer sees the applicant", async () => {
    const { mito, employer, posting, staff, cookie, seeker } = await crossShardWorld();

    // The look-up reads the posting in 茨城's database.
    const lookUp = await fetchTwoShards(`/staff/seekers/${seeker.id}/refer?jobNumber=08010-00000001`, { cookie });
    expect(lookUp.status).toBe(200);
    expect(bodyText(await lookUp.text())).toContain("株式会社水戸サンプル");

    const res = await fetchTwoShards(`/staff/seekers/${seeker.id}/refer`, { cookie, form: referralForm("08010-00000001", TODAY) });
    expect(res.status).toBe(303);

    const a = shardA();
    const b = shardB();
    const [referral] = await b.select().from(schema.referrals).where(eq(schema.referrals.seekerId, seeker.id)).all();
    expect(referral).toMatchObject({ postingId: posting.id, establishmentId: mito.id, officeCode: "0910", referredBy: staff.id, status: "screening" });
    const r = referral!;
    expect(await count(b, schema.referralEvents, eq(schema.referralEvents.referralId, r.id))).toBe(1);
    expect(await count(b, schema.notices, eq(schema.notices.link, `/mypage/applicants/${r.id}`))).toBe(1);
    expect(await count(b, schema.mailOutbox, eq(schema.mailOutbox.toAddress, employer.email))).toBe(1);
    expect(await count(b, schema.auditLog, eq(schema.auditLog.subjectId, r.id))).toBe(1);
    // Nothing of it in 栃木's database but the reference.
    expect(await count(a, schema.referrals)).toBe(0);
    expect(await count(a, schema.referralEvents, eq(schema.referralEvents.referralId, r.id))).toBe(0);
    expect(await count(a, schema.notices)).toBe(0);
    expect(await count(a, schema.mailOutbox)).toBe(0);
    expect(await count(a, schema.auditLog, eq(schema.auditLog.subjectId, r.id))).toBe(0);

    // The page delivered the outbox row (waitUntil): 栃木 has the reference, the row is done.
    const refs = await a.select().from(schema.seekerReferralRefs).all();
    expect(refs).toEqual([
      expect.objectContaining({
        referralId: r.id,
        seekerId: seeker.id,
        shard: "ibaraki",
        jobNumber: "08010-00000001",
        establishmentName: "株式会社水戸サンプル",
      }),
    ]);
    const [row] = await b.select().from(schema.shardOutbox).all();
    expect(row).toMatchObject({ id: `referral_ref:${r.id}`, targetShard: "tochigi", attempts: 1, lastError: null });
    expect(row!.deliveredAt).not.toBeNull();

    // Delivered again (nothing pending), and the same message delivered a second time (a retry after a lost ack): one reference.
    expect(await deliverShardOutbox({ shards: twoShards(), from: "ibaraki", clock })).toEqual({ delivered: 0, failed: 0 });
    await b.update(schema.shardOutbox).set({ deliveredAt: null });
    expect(await deliverShardOutbox({ shards: twoShards(), from: "ibaraki", clock })).toEqual({ delivered: 1, failed: 0 });
    expect(await count(a, schema.seekerReferralRefs)).toBe(1);

    // 茨城's snapshot of the seeker: 氏名 and what was agreed (phone), nothing else.
    const [snapshot] = await b.select().from(schema.jobSeekers).where(eq(schema.jobSeekers.id, seeker.id)).all();
    expect(snapshot).toMatchObject({ name: "越境 花子", phone: "090-1111-2222", address: "", selfPr: "", homeShard: "tochigi" });

    // The 茨城 employer (its session in 茨城's database) sees the applicant in 応募者管理 with the snapshot's name.
    const list = await fetchTwoShards("/mypage/applicants", { cookie: employer.cookie });
    expect(list.status).toBe(200);
    expect(bodyText(await list.text())).toContain("越境 花子");
    const detail = bodyText(await (await fetchTwoShards(`/mypage/applicants/${r.id}`, { cookie: employer.cookie })).text());
    expect(detail).toContain("090-1111-2222");
    expect(detail).not.toContain("今市本町");
  });

  it("issue 14, R-REF-1: delivery failing after 茨城's batch leaves the 紹介 complete there and the outbox row pending; the next delivery completes it", async () => {
    const { cookie, seeker } = await crossShardWorld();
    // 栃木's database refuses the reference (down, or the Worker dies before delivery).
    const broken = failingOn(env.DB, "seeker_referral_refs");
    const res = await fetchTwoShards(`/staff/seekers/${seeker.id}/refer`, { cookie, form: referralForm("08010-00000001", TODAY) }, { DB: broken });
    expect(res.status).toBe(303);

    const a = shardA();
    const b = shardB();
    expect(await count(b, schema.referrals)).toBe(1);
    expect(await count(b, schema.notices)).toBe(1);
    expect(await count(a, schema.seekerReferralRefs)).toBe(0);
    const [pending] = await b.select().from(schema.shardOutbox).all();
    expect(pending).toMatchObject({ deliveredAt: null, attempts: 1 });
    expect(pending!.lastError).toContain("injected failure");

    // Still down: still pending. Then up again: delivered, and once only.
    expect(await deliverShardOutbox({ shards: twoShards({ DB: broken }), from: "ibaraki", clock })).toEqual({ delivered: 0, failed: 1 });
    expect(await deliverShardOutbox({ shards: twoShards(), from: "ibaraki", clock })).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverShardOutbox({ shards: twoShards(), from: "ibaraki", clock })).toEqual({ delivered: 0, failed: 0 });
    expect(await count(a, schema.seekerReferralRefs)).toBe(1);
    expect((await b.select().from(schema.shardOutbox).all())[0]).toMatchObject({ attempts: 3, lastError: null });
  });

  it("issue 14: with one database (no SHARDS) the same 紹介 is the single-database one — no outbox, no snapshot, no reference", async () => {
    // The same posting, but in the one database.
    const nikko = await establishmentIn(shardA(), "0910", "株式会社日光サンプル");
    await publicPostingIn(shardA(), nikko, "09100-00000001", "2026-11-20");
    const { cookie } = await signedInOfficer("0910", clock);
    const seeker = await createSeeker({ disclosure: "[]" });
    const res = await fetchTwoShards(`/staff/seekers/${seeker.id}/refer`, { cookie, form: referralForm("09100-00000001", TODAY) }, { SHARDS: undefined });
    expect(res.status).toBe(303);
    const a = shardA();
    expect(await count(a, schema.referrals)).toBe(1);
    expect(await count(a, schema.shardOutbox)).toBe(0);
    expect(await count(a, schema.seekerReferralRefs)).toBe(0);
    expect((await a.select().from(schema.jobSeekers).all()).map((s) => s.homeShard)).toEqual([null]);
  });
});

describe("issue 14: sessions and numbers route to their shard", () => {
  it("issue 14: an employer's session lives in its establishment's shard (token prefix): the guard and the page are one batch on that database, none on the other; an unknown prefix is no session", async () => {
    const { employer } = await crossShardWorld();
    expect(employer.cookie).toMatch(/=ibaraki\.[a-z2-7]{32}$/);
    expect(await count(shardB(), schema.sessions)).toBe(1);
    expect(await count(shardA(), schema.sessions, eq(schema.sessions.accountType, "employer"))).toBe(0);

    const a = countingD1(env.DB);
    const b = countingD1(env.DB_SHARD_B);
    const home = await fetchTwoShards("/mypage", { cookie: employer.cookie }, { DB: a.db, DB_SHARD_B: b.db });
    expect(home.status).toBe(200);
    expect(bodyText(await home.text())).toContain("株式会社水戸サンプル");
    expect({ a: a.count(), b: b.count() }).toEqual({ a: 0, b: 1 });

    // Without the map the prefixed token names no shard: signed out, not a 500.
    const noMap = await fetchTwoShards("/mypage", { cookie: employer.cookie }, { SHARDS: JSON.stringify({ main: { binding: "DB" } }) });
    expect(noMap.status).toBe(302);
    expect(noMap.headers.get("Location")).toMatch(/^\/login/);
  });

  it("issue 14: an officer's session lives in the office's shard: staff pages read there, and sign-out deletes the row there", async () => {
    const officer = await signedInOfficerIn(shardB(), "ibaraki", "0801", clock);
    const menu = await fetchTwoShards("/staff", { cookie: officer.cookie });
    expect(menu.status).toBe(200);
    expect(bodyText(await menu.text())).toContain("ハローワーク水戸");
    expect(await count(shardB(), schema.sessions, eq(schema.sessions.accountId, officer.id))).toBe(1);
    const out = await fetchTwoShards("/staff/logout", { cookie: officer.cookie, form: {} });
    expect(out.headers.get("Location")).toBe("/staff/login");
    expect(await count(shardB(), schema.sessions, eq(schema.sessions.accountId, officer.id))).toBe(0);
  });

  it("issue 14: a SHARDS naming a binding the Worker lacks fails at start-up with the reason (logged), never routing to a wrong database", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const res = await fetchTwoShards(
        "/jobs",
        {},
        { SHARDS: JSON.stringify({ a: { binding: "DB", prefectures: ["09"] }, b: { binding: "DB_NOWHERE", prefectures: ["08"] } }) },
      );
      expect(res.status).toBe(500);
    } finally {
      console.error = original;
    }
    expect(String((errors[0] as unknown[])[1])).toContain("the Worker has no D1 binding DB_NOWHERE");
  });
});

describe("issue 14: the national /jobs search over two shards", () => {
  /** `n` public postings of an establishment, 介護職員 when `match`, 受理日 spread over November so both shards interleave. */
  async function postings(
    db: Db,
    establishment: { id: string; officeCode: string },
    prefix: string,
    prefecture: string,
    n: number,
    match: boolean,
    first: number,
  ) {
    for (let i = 0; i < n; i++) {
      const serial = first + i;
      await publicPostingIn(db, establishment, `${prefix}-${String(serial).padStart(8, "0")}`, `2026-11-${String(1 + ((serial * 7) % 25)).padStart(2, "0")}`, {
        jobTitle: match ? `介護職員 ${serial}` : `経理事務 ${serial}`,
        workplace: { prefectureCode: prefecture, transferPossible: false, changeScope: "" },
      });
    }
  }

  it("issue 14: postings in both shards — merged, ordered, counted and paged as one database with the same postings; a prefecture filter asks one shard", async () => {
    const nikko = await establishmentIn(shardA(), "0910", "株式会社日光サンプル");
    const mito = await establishmentIn(shardB(), "0801", "株式会社水戸サンプル");
    await postings(shardA(), nikko, "09100", "09", 20, true, 1);
    await postings(shardA(), nikko, "09100", "09", 2, false, 21);
    await postings(shardB(), mito, "08010", "08", 18, true, 1);
    await postings(shardB(), mito, "08010", "08", 2, false, 19);

    const shards = twoShards();
    const filters = { keyword: "介護職員" };
    const page1 = await searchPublicPostingsAcross(shards, TODAY, filters, 1);
    const page2 = await searchPublicPostingsAcross(shards, TODAY, filters, 2);
    expect(page1.total).toBe(38);
    expect(page1.pageCount).toBe(2);
    expect(page1.rows).toHaveLength(PAGE_SIZE);
    expect(page2.rows).toHaveLength(8);
    const both = [...page1.rows, ...page2.rows];
    expect(new Set(both.map((r) => r.jobNumber.slice(0, 2)))).toEqual(new Set(["09", "08"]));

    // The same postings in one database: 茨城's copied into 栃木's, searched with no shard map.
    await establishmentIn(shardA(), "0801", "株式会社水戸サンプル").then(async (copy) => {
      const rows = await shardB().select().from(schema.jobPostings).all();
      for (const row of rows)
        await shardA()
          .insert(schema.jobPostings)
          .values({ ...row, id: crypto.randomUUID(), establishmentId: copy.id });
    });
    const single1 = await searchPublicPostings(shardA(), TODAY, filters, 1);
    const single2 = await searchPublicPostings(shardA(), TODAY, filters, 2);
    expect(page1).toEqual(single1);
    expect(page2).toEqual(single2);
  });

  it("issue 14: /jobs through the Worker asks both shards for a nationwide search and only 茨城's for 就業場所 茨城県; a 求人票 only its 求人番号's shard", async () => {
    const nikko = await establishmentIn(shardA(), "0910", "株式会社日光サンプル");
    const mito = await establishmentIn(shardB(), "0801", "株式会社水戸サンプル");
    await postings(shardA(), nikko, "09100", "09", 1, true, 1);
    await postings(shardB(), mito, "08010", "08", 1, true, 1);
    const a = countingD1(env.DB);
    const b = countingD1(env.DB_SHARD_B);
    const bindings = { DB: a.db, DB_SHARD_B: b.db };

    const national = bodyText(await (await fetchTwoShards("/jobs?q=介護職員", {}, bindings)).text());
    expect(national).toContain("介護職員 1");
    expect(national).toContain("2件");
    expect({ a: a.count(), b: b.count() }).toEqual({ a: 1, b: 1 });

    a.reset();
    b.reset();
    const ibaraki = bodyText(await (await fetchTwoShards("/jobs?q=介護職員&pref=08", {}, bindings)).text());
    expect(ibaraki).toContain("1件");
    expect({ a: a.count(), b: b.count() }).toEqual({ a: 0, b: 1 });

    // The public 求人票 is read from the shard of its 求人番号; a number of no shard is a 404 without a query.
    a.reset();
    b.reset();
    const sheet = await fetchTwoShards("/jobs/08010-00000001", {}, bindings);
    expect(sheet.status).toBe(200);
    expect(bodyText(await sheet.text())).toContain("介護職員 1");
    expect({ a: a.count(), b: b.count() }).toEqual({ a: 0, b: 1 });
    expect((await fetchTwoShards("/jobs/13010-00000001", {}, bindings)).status).toBe(404);
    expect({ a: a.count(), b: b.count() }).toEqual({ a: 0, b: 1 });
  });
});
