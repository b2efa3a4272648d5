/**
 * Search against the bare FTS query (issue 14, `npm run bench` §4): 200 mixed Japanese queries — occupations, places,
 * skills, 2–3 word combinations, kana and kanji spellings, some with no hits — drawn with the seed from a fixed list,
 * over HTTP on the public 求人情報検索 (/jobs) and the employer's 求職情報検索 (/mypage/search, signed in), p50/p95 each,
 * against the same words run on the SQLite file with node:sqlite: the FTS MATCH built by the app's own searchPlan
 * (app/lib/search-text.ts), the same public/published conditions, the count and the first page of 30.
 *
 * Alone: node scripts/bench/search.ts [--scale 0.1] [--persist-to .wrangler/bench-search] — generates the data, signs an
 * employer in (a session row, as app/utils/session.server.ts writes one) and serves the built Worker (`npm run build`
 * first) with wrangler dev on port 8800.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseArgs } from "node:util";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { jstDate } from "../../app/lib/clock.ts";
import { searchPlan } from "../../app/lib/search-text.ts";
import { BIN, ROOT, toolEnv } from "../lib/run.ts";
import { wranglerDevArgs } from "../lib/e2e-servers.ts";
import { stream } from "../lib/synthetic/prng.ts";
import type { BenchRow, BenchSection } from "./types.ts";

/** Words the queries are made of: most are in the synthetic data (scripts/lib/synthetic/vocabulary.ts), some not. */
export const QUERY_WORDS = {
  occupations: [
    "介護",
    "介護福祉士",
    "ドライバー",
    "配送",
    "製造スタッフ",
    "一般事務",
    "経理",
    "調理補助",
    "清掃",
    "ルートセールス",
    "フロント",
    "看護師",
    "保育士",
    "プログラマ",
    "倉庫",
    "施工管理",
    "組立",
    "直売所",
    "いちご",
  ],
  places: ["宇都宮", "日光", "小山", "那須塩原", "鹿沼", "足利", "真岡", "新宿区", "横浜市", "さいたま市", "宇都宮駅", "工業団地"],
  skills: ["フォークリフト", "簿記", "普通自動車", "英語", "TypeScript", "Java", "Excel", "夜勤", "資格取得支援", "未経験"],
  kana: ["かいご", "カイゴ", "ほいくし", "ドライバ", "ふぉーくりふと", "ぷろぐらま", "ホテル", "ｶｲｺﾞ"],
  none: ["宇宙飛行士", "鷹匠", "潜水士", "ロケット整備", "パイロット", "杜氏"],
} as const;

/** `count` queries drawn with the seed: single words of every kind, and 2–3 word combinations (occupation + place + skill). */
export function searchQueries(seed: number, count = 200): string[] {
  const rng = stream(seed, "search-queries");
  const all = Object.values(QUERY_WORDS).flat();
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < 0.45) queries.push(rng.pick(all));
    else if (r < 0.8) queries.push(`${rng.pick(QUERY_WORDS.occupations)} ${rng.pick([...QUERY_WORDS.places, ...QUERY_WORDS.skills])}`);
    else if (r < 0.95) queries.push(`${rng.pick(QUERY_WORDS.occupations)} ${rng.pick(QUERY_WORDS.places)} ${rng.pick(QUERY_WORDS.skills)}`);
    else queries.push(`${rng.pick(QUERY_WORDS.none)} ${rng.pick(QUERY_WORDS.places)}`);
  }
  return queries;
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const escapeLike = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The FTS condition the app's fullTextMatch builds (utils/search.server), as bare SQL with its parameters. */
export function bareFullText(fts: "job_postings_fts" | "job_seekers_fts", query: string): { sql: string; params: string[] } | null {
  const plan = searchPlan(query);
  if (plan.match === null && plan.short.length === 0) return null;
  const conditions: string[] = [];
  const params: string[] = [];
  if (plan.match !== null) {
    conditions.push(`${fts} MATCH ?`);
    params.push(plan.match);
  }
  for (const word of plan.short) {
    conditions.push(`${fts}.text LIKE ? ESCAPE '\\'`);
    params.push(escapeLike(word));
  }
  return { sql: `id IN (SELECT ${fts}.id FROM ${fts} WHERE ${conditions.join(" AND ")})`, params };
}

/** The bare queries (count + first page of 30) of one search, timed; returns ms and the total. */
export function bareSearch(db: DatabaseSync, kind: "jobs" | "seekers", query: string, today: string): { ms: number; total: number } {
  const started = performance.now();
  let total: number;
  if (kind === "jobs") {
    const fts = bareFullText("job_postings_fts", query);
    const where = `p.status = 'accepted' AND p.accepted_on <= ? AND p.valid_until >= ? AND COALESCE(p.public_from, p.accepted_on) <= ? AND p.publication IN (1, 2, 3)
      AND e.status NOT IN ('withdrawn', 'closed')${fts ? ` AND p.${fts.sql}` : ""}`;
    const params = [today, today, today, ...(fts?.params ?? [])];
    total = (
      db.prepare(`SELECT count(*) AS n FROM job_postings p JOIN establishments e ON e.id = p.establishment_id WHERE ${where}`).get(...params) as { n: number }
    ).n;
    db.prepare(
      `SELECT p.job_number, p.publication, p.published_content, p.accepted_on, p.valid_until, p.prefecture_code, e.name FROM job_postings p JOIN establishments e ON e.id = p.establishment_id
        WHERE ${where} ORDER BY p.accepted_on DESC, p.job_number DESC LIMIT 30`,
    ).all(...params);
  } else {
    const fts = bareFullText("job_seekers_fts", query);
    const where = `s.publish_profile = 1 AND s.public_number IS NOT NULL${fts ? ` AND s.${fts.sql}` : ""}`;
    const params = fts?.params ?? [];
    total = (db.prepare(`SELECT count(*) AS n FROM job_seekers s WHERE ${where}`).get(...params) as { n: number }).n;
    db.prepare(
      `SELECT s.public_number, s.birth_date, s.desired_occupation, s.licences, s.work_history, s.self_pr, s.desired_wage FROM job_seekers s WHERE ${where} ORDER BY s.updated_at DESC, s.public_number LIMIT 30`,
    ).all(...params);
  }
  return { ms: performance.now() - started, total };
}

interface Timing {
  ms: number[];
  errors: number;
  hits: number;
  statuses: Map<number, number>;
}

async function timeHttp(url: string, cookie: string | undefined): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

const fms = (x: number) => `${x.toFixed(1)} ms`;

export async function benchSearch(ctx: { baseUrl: string; sqlitePath: string; cookies: { employer: string; seeker?: string } }): Promise<BenchSection> {
  const queries = searchQueries(14);
  const db = new DatabaseSync(ctx.sqlitePath, { readOnly: true });
  const today = jstDate(Date.now());
  const pages = [
    { kind: "jobs" as const, label: "/jobs（求人情報検索, public）", path: "/jobs", cookie: undefined },
    { kind: "seekers" as const, label: "/mypage/search（求職情報検索, employer）", path: "/mypage/search", cookie: ctx.cookies.employer },
  ];
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    for (const page of pages) {
      // Warm-up: the first requests compile the Worker's modules and fill SQLite's page cache.
      for (const q of queries.slice(0, 5)) await timeHttp(`${ctx.baseUrl}${page.path}?q=${encodeURIComponent(q)}`, page.cookie);
      const http: Timing = { ms: [], errors: 0, hits: 0, statuses: new Map() };
      const bare: Timing = { ms: [], errors: 0, hits: 0, statuses: new Map() };
      // Side by side: each query over HTTP, then bare, so that the machine's load weighs on both alike.
      for (const q of queries) {
        const r = await timeHttp(`${ctx.baseUrl}${page.path}?q=${encodeURIComponent(q)}`, page.cookie);
        http.ms.push(r.ms);
        if (r.status !== 200) {
          http.errors++;
          http.statuses.set(r.status, (http.statuses.get(r.status) ?? 0) + 1);
        }
        const b = bareSearch(db, page.kind, q, today);
        bare.ms.push(b.ms);
        if (b.total > 0) bare.hits++;
      }
      const p95 = percentile(http.ms, 95);
      const bareP95 = percentile(bare.ms, 95);
      rows.push({
        figure: `${page.label}: p50 / p95 of ${queries.length} queries`,
        value: `${fms(percentile(http.ms, 50))} / ${fms(p95)}${http.errors ? ` (${http.errors} not 200: ${[...http.statuses].map(([status, n]) => `${n}× HTTP ${status}`).join(", ")})` : ""}`,
        target: "p95 ≤ 50 ms",
        pass: http.errors === 0 && p95 <= 50,
      });
      rows.push({
        figure: `${page.label}: p95 against the bare FTS query`,
        value: `${fms(p95)} / ${fms(bareP95)} = ${(p95 / bareP95).toFixed(1)}× (bare p50 ${fms(percentile(bare.ms, 50))}; ${bare.hits} of ${queries.length} queries find something)`,
        target: "≤ 3×",
        pass: p95 / bareP95 <= 3,
      });
    }
  } finally {
    db.close();
  }
  notes.push(
    `Queries: ${queries.length} drawn with seed 14 from scripts/bench/search.ts QUERY_WORDS (occupations, places, skills, kana spellings, words found nowhere), one word or 2–3 words; e.g. ${queries
      .slice(0, 4)
      .map((q) => `「${q}」`)
      .join(" ")}.`,
    "HTTP: the whole page (loader, guard, render) through wrangler dev, one request at a time. Bare: the count and the first 30 rows with the same FTS condition (the app's searchPlan) and the public/published conditions, node:sqlite on the same file, in process — no Worker, no D1 protocol, no HTML.",
  );
  return { title: "Search", rows, notes };
}

/** An employer session as app/utils/session.server.ts writes it (the token in the cookie, its SHA-256 as the row id). */
export function insertEmployerSession(db: DatabaseSync, accountId: string, now: number): string {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20)); // the app's token format (/^[a-z2-7]{32}$/)
  const id = createHash("sha256").update(token).digest("hex");
  db.prepare(
    "INSERT INTO sessions (id, account_type, account_id, created_at, last_seen_at, expires_at, two_factor_verified) VALUES (?, 'employer', ?, ?, ?, ?, 1)",
  ).run(id, accountId, now, now, now + 12 * 3_600_000);
  return `__Host-mp_session=${token}`;
}

/** The main account of an open, unrestricted establishment with a valid posting (one that may use 求職情報検索). */
export function searchingEmployer(db: DatabaseSync, today: string): string {
  const row = db
    .prepare(
      `SELECT a.id FROM employer_accounts a JOIN establishments e ON e.id = a.establishment_id
        WHERE a.is_main = 1 AND a.status = 'active' AND e.status = 'open' AND e.restricted_at IS NULL
          AND EXISTS (SELECT 1 FROM job_postings p WHERE p.establishment_id = e.id AND p.status = 'accepted' AND p.valid_until >= ? AND p.accepted_on <= ?)
        ORDER BY a.id LIMIT 1`,
    )
    .get(today, today) as { id: string } | undefined;
  if (!row) throw new Error("no establishment may search: generate more data");
  return row.id;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "0.1" }, "persist-to": { type: "string", default: ".wrangler/bench-search" } } });
  const { generateData } = await import("../lib/synthetic.ts");
  const persistTo = values["persist-to"]!;
  const generated = await generateData({ scale: Number(values.scale), seed: 14, persistTo, now: new Date() });
  const rw = new DatabaseSync(generated.sqlitePath);
  const cookie = insertEmployerSession(rw, searchingEmployer(rw, jstDate(Date.now())), Date.now());
  rw.close();
  mkdirSync(join(ROOT, "build", "client"), { recursive: true });
  const port = "8800";
  const child = spawn(join(BIN, "wrangler"), wranglerDevArgs(port, persistTo), {
    cwd: ROOT,
    env: toolEnv(),
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/jobs`)).status < 500) break;
      } catch {
        if (i > 400) throw new Error("wrangler dev did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const section = await benchSearch({ baseUrl: base, sqlitePath: generated.sqlitePath, cookies: { employer: cookie } });
    console.log(`\n## ${section.title}\n`);
    for (const row of section.rows) console.log(`- ${row.pass === null ? "·" : row.pass ? "✓" : "✗"} ${row.figure}: ${row.value} (target ${row.target})`);
    for (const note of section.notes) console.log(`\n${note}`);
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}
