/**
 * The load generator (issue 14): simulated employers, officers and seekers, each with its own session cookie, mixing
 * the pages they read with the writes they make, against any `fetch`-like function — `globalThis.fetch` on a
 * `wrangler dev` server (scripts/load.ts, `npm run load`) or the Worker called in the test's isolate
 * (tests/integration/load.test.ts). It records every request's status and latency and counts, per kind, the writes
 * the app acknowledged; `checkWrites` then compares them with the rows the database gained (no lost writes).
 *
 * Every step says which statuses it expects (a page: 200; a form that saves: 303, the Post/Redirect/Get answer). Anything
 * else — a 5xx, a network error, a 4xx the step does not expect — is an error. The pages refuse a foreign origin, so
 * every POST carries the site's own `Origin` header, as a browser's does; no other token is needed.
 *
 * Runs in Node (relative imports with `.ts`) and in workerd: Web APIs only.
 */
import { today as todayOf, type LoadUser, type WriteKind, WRITE_KINDS } from "./load-users.ts";

export type Fetcher = (request: Request) => Promise<Response>;

export interface LoadOptions {
  fetch: Fetcher;
  /** The site's origin, e.g. http://127.0.0.1:8830 (also the Origin header of every POST). */
  baseUrl: string;
  users: LoadUser[];
  /** How long the simulated users keep going (wall clock). */
  seconds: number;
  /** Optional cap on each user's requests (the suite's small run stops on it, whatever the machine's speed). */
  maxRequestsPerUser?: number;
  /** Pages read between two writes (default 2). */
  readsPerRound?: number;
  /** The 紹介日 the officers enter (JST date of the app's clock). */
  today?: string;
  /** A distinct text in every written message, so that a run's rows can be told apart. */
  tag?: string;
}

export interface Sample {
  kind: string;
  status: number;
  ms: number;
  error: string | null;
}

export interface LoadReport {
  users: number;
  seconds: number;
  samples: Sample[];
  /** Writes the app acknowledged (its success answer), per kind. */
  writes: Record<WriteKind, number>;
}

/** One request of a step: what it sends and which statuses the scenario expects. */
interface Call {
  kind: string;
  method: "GET" | "POST";
  path: string;
  form?: Record<string, string>;
  expect: number[];
}

class Session {
  private sent = 0;
  private readonly options: LoadOptions;
  private readonly user: LoadUser;
  private readonly samples: Sample[];
  private readonly stopAt: number;
  constructor(options: LoadOptions, user: LoadUser, samples: Sample[], stopAt: number) {
    this.options = options;
    this.user = user;
    this.samples = samples;
    this.stopAt = stopAt;
  }

  get done(): boolean {
    const cap = this.options.maxRequestsPerUser;
    return Date.now() >= this.stopAt || (cap !== undefined && this.sent >= cap);
  }

  /** Sends one request; the answer (body read to its end) when its status is expected, else null (the error recorded). */
  async call(call: Call): Promise<{ status: number; location: string | null; text: string } | null> {
    this.sent++;
    const headers = new Headers({ Cookie: this.user.cookie });
    let body: string | undefined;
    if (call.method === "POST") {
      headers.set("Origin", this.options.baseUrl);
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(call.form ?? {}).toString();
    }
    const started = performance.now();
    try {
      const res = await this.options.fetch(new Request(new URL(call.path, this.options.baseUrl), { method: call.method, headers, body, redirect: "manual" }));
      const text = await res.text();
      const ms = performance.now() - started;
      const ok = call.expect.includes(res.status);
      this.samples.push({ kind: call.kind, status: res.status, ms, error: ok ? null : `${call.method} ${call.path}: ${res.status}` });
      return ok ? { status: res.status, location: res.headers.get("Location"), text } : null;
    } catch (error) {
      this.samples.push({ kind: call.kind, status: 0, ms: performance.now() - started, error: `${call.method} ${call.path}: ${String(error)}` });
      return null;
    }
  }
}

const page = (kind: string, path: string): Call => ({ kind, method: "GET", path, expect: [200] });
const save = (kind: string, path: string, form: Record<string, string>): Call => ({ kind, method: "POST", path, form, expect: [303] });

/** The hidden `version` of the 選考結果 form (its compare-and-set), or null when the page offers no form. */
export function resultVersion(html: string): string | null {
  return /name="version" value="([^"]*)"/.exec(html)?.[1] ?? null;
}

/** Whether a message thread's page offers the reply form (sending is allowed: R-MSG-1). */
export function canReply(html: string): boolean {
  return /<textarea[^>]*name="body"/.test(html);
}

const SEARCH_WORDS = ["製造", "介護", "運転", "事務", "調理", "清掃", "販売", "観光"];
/** 求人票 screen 1, all answered (a draft's first 一時保存). */
const SCREEN1 = {
  universityGraduate: "on",
  "category.onlineApplication": "true",
  "category.trialEmployment": "false",
  "category.publication": "2",
  intent: "save",
};

type Write = (s: Session, n: number) => Promise<boolean>;

/** Each role's writes: one function per kind, true when the app acknowledged it. */
function writesOf(user: LoadUser, options: LoadOptions): { kind: WriteKind; write: Write }[] {
  const tag = options.tag ?? "load";
  const t = user.targets;
  const list: { kind: WriteKind; write: Write }[] = [];
  if (user.role === "employer") {
    // 一時保存 of a new draft's first screen: the draft is created (申込み → 新規), then its screen 1 is saved.
    list.push({
      kind: "draft",
      write: async (s) => {
        const created = await s.call(save("POST 求人 新規作成", "/mypage/postings/new", { intent: "blank" }));
        if (!created?.location) return false;
        return (await s.call(save("POST 求人 一時保存", created.location, SCREEN1))) !== null;
      },
    });
    if (t.referralIds.length > 0)
      list.push({
        kind: "result",
        write: async (s, n) => {
          const id = t.referralIds[n % t.referralIds.length]!;
          const shown = await s.call(page("GET 応募者詳細", `/mypage/applicants/${id}`));
          const version = shown ? resultVersion(shown.text) : null;
          if (!shown || version === null) return false;
          // 採用 and 不採用 in turn, each with a note of its own: a registration or a correction that always changes the result
          // (the app refuses an unchanged one, rightly, with a 400).
          const note = `${tag} ${n}-${crypto.randomUUID().slice(0, 8)}`;
          const values: Record<string, string> = {
            result: n % 2 === 0 ? "hired" : "rejected",
            ...(n % 2 === 0 ? { hireDate: todayOf(options.today) } : {}),
            conditionsDiffer: "true",
            "differences.other": "on",
            differenceNote: note,
          };
          return (await s.call(save("POST 選考結果", `/mypage/applicants/${id}`, { version, ...values }))) !== null;
        },
      });
    if (t.threadIds.length > 0)
      list.push({
        kind: "employerMessage",
        write: async (s, n) =>
          (await s.call(save("POST メッセージ送信", `/mypage/messages/${t.threadIds[n % t.threadIds.length]}`, { body: `${tag} 面接日程のご相談 ${n}` }))) !==
          null,
      });
  } else if (user.role === "officer") {
    // One referral per (seeker, posting) pair the set-up gave this officer alone; when they run out, only reads.
    list.push({
      kind: "referral",
      write: async (s) => {
        const pair = t.referralPairs.shift();
        if (!pair) return false;
        const form = { jobNumber: pair.jobNumber, referredOn: todayOf(options.today), interviewDate: "", interviewTime: "", interviewPlace: "", note: tag };
        return (await s.call(save("POST 紹介登録", `/staff/seekers/${pair.seekerId}/refer`, form))) !== null;
      },
    });
  } else if (t.threadIds.length > 0) {
    list.push({
      kind: "seekerReply",
      write: async (s, n) =>
        (await s.call(save("POST メッセージ返信", `/seeker/messages/${t.threadIds[n % t.threadIds.length]}`, { body: `${tag} 返信します ${n}` }))) !== null,
    });
  }
  return list;
}

/** The pages each role reads, in the order a user would open them. */
function pagesOf(user: LoadUser, n: number): Call[] {
  const word = SEARCH_WORDS[n % SEARCH_WORDS.length]!;
  const t = user.targets;
  if (user.role === "employer") {
    return [
      page("GET マイページ", "/mypage"),
      page("GET 応募者管理", "/mypage/applicants"),
      page("GET 求人一覧", "/mypage/postings"),
      page("GET 求職情報検索", `/mypage/search?q=${encodeURIComponent(word)}`),
    ];
  }
  if (user.role === "officer") {
    const calls = [page("GET 職員ホーム", "/staff"), page("GET 事業所一覧", "/staff/establishments"), page("GET 求職者一覧", "/staff/seekers")];
    if (t.referralIds.length > 0) calls.push(page("GET 紹介詳細", `/staff/referrals/${t.referralIds[n % t.referralIds.length]}`));
    return calls;
  }
  return [page("GET /jobs 検索", `/jobs?q=${encodeURIComponent(word)}`), page("GET 求職者ホーム", "/seeker"), page("GET メッセージ一覧", "/seeker/messages")];
}

/**
 * Before the clock starts: keeps only the targets whose page offers the form the user will post (a 選考結果 form, a
 * reply form), so that a write the app would rightly refuse (a closed window, a seeker without rights) is not counted
 * as an error of the run.
 */
async function probe(options: LoadOptions, user: LoadUser): Promise<void> {
  const get = async (path: string) => {
    const res = await options.fetch(new Request(new URL(path, options.baseUrl), { headers: { Cookie: user.cookie }, redirect: "manual" }));
    return res.status === 200 ? res.text() : "";
  };
  const t = user.targets;
  if (user.role === "employer") {
    t.referralIds = (await Promise.all(t.referralIds.map(async (id) => (resultVersion(await get(`/mypage/applicants/${id}`)) !== null ? id : null)))).filter(
      (id): id is string => id !== null,
    );
  }
  if (user.role !== "officer") {
    const prefix = user.role === "employer" ? "/mypage/messages/" : "/seeker/messages/";
    t.threadIds = (await Promise.all(t.threadIds.map(async (id) => (canReply(await get(prefix + id)) ? id : null)))).filter((id): id is string => id !== null);
  }
}

/** Round `n`'s reads: the next `count` of the role's pages (a write follows each round). */
function readsOf(user: LoadUser, n: number, count: number): Call[] {
  const pages = pagesOf(user, n);
  return Array.from({ length: count }, (_, i) => pages[(count * n + i) % pages.length]!);
}

async function simulate(options: LoadOptions, user: LoadUser, samples: Sample[], writes: Record<WriteKind, number>, stopAt: number): Promise<void> {
  const s = new Session(options, user, samples, stopAt);
  const kinds = writesOf(user, options);
  for (let n = 0; !s.done; n++) {
    for (const call of readsOf(user, n, options.readsPerRound ?? 2)) {
      if (s.done) return;
      await s.call(call);
    }
    if (s.done || kinds.length === 0) continue;
    const { kind, write } = kinds[n % kinds.length]!;
    if (await write(s, Math.floor(n / kinds.length))) writes[kind]++;
  }
}

/** Runs the users side by side for `seconds` (or until each has sent maxRequestsPerUser requests). */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  for (const user of options.users) await probe(options, user);
  const samples: Sample[] = [];
  const writes = Object.fromEntries(WRITE_KINDS.map((k) => [k, 0])) as Record<WriteKind, number>;
  const started = Date.now();
  const stopAt = started + options.seconds * 1000;
  await Promise.all(options.users.map((user) => simulate(options, user, samples, writes, stopAt)));
  return { users: options.users.length, seconds: (Date.now() - started) / 1000, samples, writes };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function errorsOf(report: LoadReport): Sample[] {
  return report.samples.filter((s) => s.error !== null);
}

export interface WriteCheck {
  kind: WriteKind;
  acknowledged: number;
  stored: number;
}

/** The report as a Markdown page: totals, latency per kind, writes per kind with the database's count beside them. */
export function formatReport(report: LoadReport, checks: WriteCheck[]): string {
  const errors = errorsOf(report);
  const byKind = new Map<string, Sample[]>();
  for (const s of report.samples) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const ms = (v: number) => v.toFixed(0);
  const lines = [
    `- users: ${report.users}, duration: ${report.seconds.toFixed(1)} s`,
    `- requests: ${report.samples.length}, ${(report.samples.length / report.seconds).toFixed(1)} req/s`,
    `- errors: ${errors.length} (5xx: ${errors.filter((e) => e.status >= 500).length}, network: ${errors.filter((e) => e.status === 0).length}, unexpected status: ${errors.filter((e) => e.status > 0 && e.status < 500).length})`,
    "",
    "| kind | requests | p50 ms | p95 ms | p99 ms |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const all = report.samples.map((s) => s.ms).sort((a, b) => a - b);
  for (const [kind, list] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    lines.push(`| ${kind} | ${list.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} |`);
  }
  lines.push(`| **all** | ${all.length} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 95))} | ${ms(percentile(all, 99))} |`, "");
  lines.push("| write | acknowledged | rows in the database | check |", "| --- | ---: | ---: | --- |");
  for (const c of checks) lines.push(`| ${c.kind} | ${c.acknowledged} | ${c.stored} | ${c.acknowledged === c.stored ? "✓ no lost write" : "✗ MISMATCH"} |`);
  if (errors.length > 0) lines.push("", "First errors:", ...errors.slice(0, 10).map((e) => `- ${e.kind}: ${e.error}`));
  return lines.join("\n");
}
