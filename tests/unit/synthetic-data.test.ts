/**
 * issue 14: the synthetic data's row builders (scripts/lib/synthetic/rows.ts), at a tiny scale over a fixed reference —
 * reproducible from the seed, identifiers valid, wages above the minimum wage, and work for each daily job.
 */
import { describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../app/lib/clock";
import { isValidCorporateNumber, isValidEstablishmentNumber, JOB_NUMBER } from "../../app/lib/identifiers";
import type { PostingContent } from "../../app/rules/posting/types";
import { mulberry32, stream } from "../../scripts/lib/synthetic/prng";
import { progressLine } from "../../scripts/lib/synthetic/progress";
import {
  allTables,
  buildWorld,
  EST_KIND,
  postingContent,
  referralFacts,
  volumesAt,
  type Reference,
  type TableRows,
  type World,
} from "../../scripts/lib/synthetic/rows";

const REFERENCE: Reference = {
  prefectureNames: { "09": "栃木県", "13": "東京都" },
  offices: [
    { code: "0901", jobNumberPrefix: "09010" },
    { code: "0910", jobNumberPrefix: "09100" },
  ],
  municipalities: [
    { code: "09201", name: "宇都宮市", prefectureCode: "09", officeCode: "0901" },
    { code: "09206", name: "日光市", prefectureCode: "09", officeCode: "0910" },
  ],
};
const NOW = new Date("2026-11-30T15:05:00Z"); // 2026-12-01 00:05 JST
const TODAY = "2026-12-01";
/** 250 establishments, 750 postings, 500 seekers, 5 000 referrals, 2 500 messages. */
const SCALE = 0.0025;

const world = (seed = 14) => buildWorld({ scale: SCALE, seed, now: NOW, reference: REFERENCE });
const rowsOf = (w: World, table: string): unknown[][] => [
  ...allTables(w, "$argon2id$fixed")
    .find((t) => t.table === table)!
    .rows(),
];
const column = (table: TableRows, rows: unknown[][], name: string) => rows.map((r) => r[table.columns.indexOf(name)]);

describe("issue 14: synthetic data", () => {
  it("issue 14: the same seed, scale and now give the same rows; another seed other rows", () => {
    const a = allTables(world(14), "h").map((t) => [t.table, [...t.rows()]] as const);
    const b = allTables(world(14), "h").map((t) => [t.table, [...t.rows()]] as const);
    expect(b).toEqual(a);
    const c = rowsOf(world(15), "establishments");
    expect(c.slice(0, 5)).not.toEqual(a[0]![1].slice(0, 5));
    expect(mulberry32(7).next()).toBe(mulberry32(7).next());
    expect(stream(7, "a").next()).not.toBe(stream(7, "b").next());
  });

  it("issue 14: the volumes follow the scale (scale 1 = the issue's defaults) and the tables hold them", () => {
    expect(volumesAt(1)).toMatchObject({ establishments: 100_000, postings: 300_000, seekers: 200_000, referrals: 2_000_000, messages: 1_000_000 });
    const w = world();
    for (const table of allTables(w, "h")) {
      const n = [...table.rows()].length;
      if (table.table === "referral_events") expect(n).toBeGreaterThan(w.volumes.referrals);
      else if (table.table === "direct_requests") expect(n).toBeGreaterThan(0);
      else expect(n, table.table).toBe(table.total);
    }
  });

  it("issue 14: 事業所番号, 法人番号 and 求人番号 are valid and unique", () => {
    const w = world();
    const est = allTables(w, "h")[0]!;
    const rows = [...est.rows()];
    const numbers = column(est, rows, "establishment_number") as string[];
    expect(numbers.every(isValidEstablishmentNumber)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const corporate = (column(est, rows, "corporate_number") as (string | null)[]).filter((n): n is string => n !== null);
    expect(corporate.length).toBeGreaterThan(0);
    expect(corporate.every(isValidCorporateNumber)).toBe(true);
    const postings = allTables(w, "h").find((t) => t.table === "job_postings")!;
    const jobNumbers = (column(postings, [...postings.rows()], "job_number") as (string | null)[]).filter((n): n is string => n !== null);
    expect(jobNumbers.every((n) => JOB_NUMBER.test(n))).toBe(true);
    expect(new Set(jobNumbers).size).toBe(jobNumbers.length);
  });

  it("issue 14: every 求人票 pays above the highest 地域別最低賃金 (東京都 1,226 yen an hour)", () => {
    const w = world();
    const hourly = (c: PostingContent) =>
      c.wage.form === "時間給" ? c.wage.baseMin! : c.wage.baseMin! / ((c.wage.monthlyWorkingDays ?? 21.7) * (c.hours.dailyMinutes! / 60));
    for (let p = 0; p < w.volumes.postings; p++) expect(hourly(postingContent(w, p))).toBeGreaterThan(1_226);
  });

  it("issue 14: each daily job finds work — R-GATE-3 backlogs, R-JOB-4 expiries, R-MSG-3 old messages, R-DEL-1/2 erasures", () => {
    const w = world();
    // R-GATE-3: some establishments have more than 50 overdue (21 days) 選考中 referrals; none twice open for one seeker and posting.
    const overdue = new Map<number, number>();
    const open = new Set<string>();
    for (const r of referralFacts(w)) {
      if (r.status !== "screening") continue;
      const key = `${r.seeker}|${r.posting}`;
      expect(open.has(key)).toBe(false);
      open.add(key);
      if (r.referredOn <= addDays(TODAY, -21)) overdue.set(r.establishment, (overdue.get(r.establishment) ?? 0) + 1);
    }
    const restricted = [...overdue].filter(([, n]) => n > 50).map(([e]) => e);
    expect(restricted.length).toBeGreaterThan(0);
    expect(restricted.every((e) => w.est.kind[e] === EST_KIND.backlog)).toBe(true);
    // R-JOB-4: accepted postings past their 紹介期限.
    const postings = allTables(w, "h").find((t) => t.table === "job_postings")!;
    const prow = [...postings.rows()];
    const due = prow.filter((r) => r[postings.columns.indexOf("status")] === "accepted" && (r[postings.columns.indexOf("valid_until")] as string) < TODAY);
    expect(due.length).toBeGreaterThan(0);
    // R-MSG-3: messages sent before the day after the same day a year earlier.
    const messages = allTables(w, "h").find((t) => t.table === "messages")!;
    const sentOn = column(messages, [...messages.rows()], "sent_on") as string[];
    const cutoff = addDays(addMonths(TODAY, -12), 1);
    expect(sentOn.filter((d) => d < cutoff).length).toBeGreaterThan(0);
    expect(sentOn.filter((d) => d >= cutoff).length).toBeGreaterThan(0);
    // R-DEL-1/3: withdrawn or closed more than 31 days ago; R-DEL-2: dormant ones opened over five years ago.
    const ended = [...w.est.endedDaysAgo].filter((d) => d > 31).length;
    expect(ended).toBeGreaterThan(0);
    expect([...w.est.kind].filter((k) => k === EST_KIND.dormant).length).toBeGreaterThan(0);
  });

  it("issue 14: the progress line shows rows, share, rate and ETA", () => {
    expect(progressLine("referrals", 50_000, 200_000, 5)).toMatch(/referrals +\[#{6}·{18}\] 50 000\/200 000 +25 % +10\.0 k\/s +ETA 0:15/);
  });
});
