/**
 * The synthetic data's rows (issue 14), pure: from (scale, seed, now, reference offices) to the rows of every table, in
 * column order, as generators so that two million referrals never sit in memory at once. Same inputs → same rows.
 * scripts/lib/synthetic.ts writes them into wrangler's local D1 file; tests/unit/synthetic-data.test.ts checks them.
 *
 * What the daily jobs find in it (scripts/bench/jobs.ts times them):
 * - backlog check (R-GATE-3): ~0.5 % of the open establishments have 51–80 選考中 referrals older than 21 days;
 * - posting expiry (R-JOB-4): ~4 % of the postings are 受理 with a 紹介期限 already past;
 * - message erasure (R-MSG-3): the messages of threads that began more than a year ago;
 * - erasure (R-DEL-1…3): ~2 % withdrawn and ~1 % closed establishments (most of them more than 31 days ago) and ~1 %
 *   dormant ones (nothing submitted or valid for more than 5 years), with their accounts, postings, referrals and messages.
 */
import { addDays, endOfMonth, jstDate } from "../../../app/lib/clock.ts";
import { corporateNumberCheckDigit, formatEstablishmentNumber, formatJobNumber } from "../../../app/lib/identifiers.ts";
import { publicFacts } from "../../../app/rules/posting/public-facts.ts";
import type { PostingContent } from "../../../app/rules/posting/types.ts";
import { demoContent, partTime } from "../demo-postings.ts";
import { FAMILY, GIVEN } from "../demo-seekers.ts";
import { stream, type Rng } from "./prng.ts";
import { COMPANY_FORMS, MESSAGE_BODIES, NAME_PREFIXES, OCCUPATIONS, OTHER_WORKPLACES, SEEKER_LICENCES, SELF_PR, STATIONS, TOWNS } from "./vocabulary.ts";

const DAY_MS = 86_400_000;

/** The volumes at scale 1. */
export const SCALE_ONE = {
  establishments: 100_000,
  postings: 300_000,
  seekers: 200_000,
  referrals: 2_000_000,
  messages: 1_000_000,
  directRequests: 20_000,
} as const;

export type Volumes = Record<keyof typeof SCALE_ONE, number>;

export function volumesAt(scale: number): Volumes {
  if (!(scale > 0)) throw new RangeError("scale must be > 0");
  const v = {} as Volumes;
  for (const [k, n] of Object.entries(SCALE_ONE)) v[k as keyof Volumes] = Math.max(1, Math.round(n * scale));
  return v;
}

export interface ReferenceOffice {
  code: string;
  jobNumberPrefix: string;
}
export interface ReferenceMunicipality {
  code: string;
  name: string;
  prefectureCode: string;
  officeCode: string;
}
export interface Reference {
  prefectureNames: Record<string, string>;
  offices: readonly ReferenceOffice[];
  municipalities: readonly ReferenceMunicipality[];
}

/** What an establishment is in the data. */
export const EST_KIND = { open: 0, registered: 1, unusable: 2, withdrawn: 3, closed: 4, dormant: 5, backlog: 6 } as const;
const POSTING_STATUS = ["draft", "submitted", "returned", "accepted", "stopped", "expired"] as const;
const P = { draft: 0, submitted: 1, returned: 2, accepted: 3, stopped: 4, expired: 5 } as const;

/** A table to fill: its columns and its rows in that order. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  total: number;
  rows: () => Iterable<unknown[]>;
}

/** The facts every table's rows are derived from, computed once (typed arrays: scale 1 fits in a few MB). */
export interface World {
  seed: number;
  nowMs: number;
  today: string;
  volumes: Volumes;
  reference: Reference;
  est: {
    kind: Uint8Array;
    muni: Uint16Array;
    occupation: Uint8Array;
    createdDaysAgo: Int32Array;
    endedDaysAgo: Int32Array;
    serial: Int32Array;
    extraAccount: Uint8Array;
  };
  posting: { est: Int32Array; status: Uint8Array; acceptedDaysAgo: Int32Array; lastDaysAgo: Int32Array; variant: Uint32Array; serial: Int32Array };
  /** Postings a referral may name (accepted once), and per posting the referrals given so far. */
  referrable: Int32Array;
  seekerMypage: (s: number) => boolean;
  seekerPublished: (s: number) => boolean;
}

/** ids: a prefix and the index, padded so that the ids sort like the indexes. */
export const estId = (i: number) => `syn-est-${String(i).padStart(7, "0")}`;
export const postingId = (i: number) => `syn-job-${String(i).padStart(7, "0")}`;
export const seekerId = (i: number) => `syn-skr-${String(i).padStart(7, "0")}`;
export const referralId = (i: number) => `syn-ref-${String(i).padStart(8, "0")}`;
export const threadId = (i: number) => `syn-thr-${String(i).padStart(7, "0")}`;
export const messageId = (i: number) => `syn-msg-${String(i).padStart(8, "0")}`;
export const employerAccountId = (est: number, k: number) => `syn-ea-${String(est).padStart(7, "0")}-${k}`;
export const seekerAccountId = (s: number) => `syn-sa-${String(s).padStart(7, "0")}`;
/** The main account's address of an establishment (the benchmark signs in as one). */
export const employerEmail = (est: number, k: number) => `saiyo${k === 0 ? "" : k}@est${est}.example.jp`;

const dateAgo = (today: string, days: number) => addDays(today, -days);

export function buildWorld(options: { scale: number; seed: number; now: Date; reference: Reference }): World {
  const { seed, reference } = options;
  const volumes = volumesAt(options.scale);
  const nowMs = options.now.getTime();
  const today = jstDate(nowMs);
  const E = volumes.establishments;
  const rng = stream(seed, "establishments");
  const est = {
    kind: new Uint8Array(E),
    muni: new Uint16Array(E),
    occupation: new Uint8Array(E),
    createdDaysAgo: new Int32Array(E),
    endedDaysAgo: new Int32Array(E),
    serial: new Int32Array(E),
    extraAccount: new Uint8Array(E),
  };
  const serialOf = new Map<string, number>();
  for (let i = 0; i < E; i++) {
    const r = rng.next();
    // One in 200 (0.5 %) has a backlog and one in 100 is dormant: by position, so that even a tiny scale has them.
    const kind =
      i % 200 === 7
        ? EST_KIND.backlog
        : i % 100 === 3
          ? EST_KIND.dormant
          : r < 0.02
            ? EST_KIND.withdrawn
            : r < 0.03
              ? EST_KIND.closed
              : r < 0.05
                ? EST_KIND.registered
                : r < 0.06
                  ? EST_KIND.unusable
                  : EST_KIND.open;
    est.kind[i] = kind;
    est.muni[i] = rng.int(0, reference.municipalities.length - 1);
    est.occupation[i] = rng.int(0, OCCUPATIONS.length - 1);
    est.createdDaysAgo[i] = kind === EST_KIND.dormant ? rng.int(2_600, 3_600) : rng.int(40, 1_700);
    est.endedDaysAgo[i] = kind === EST_KIND.withdrawn || kind === EST_KIND.closed ? rng.int(1, 150) : -1;
    est.extraAccount[i] = kind !== EST_KIND.registered && rng.chance(0.25) ? 1 : 0;
    const office = reference.municipalities[est.muni[i]!]!.officeCode;
    const serial = (serialOf.get(office) ?? 0) + 1;
    serialOf.set(office, serial);
    est.serial[i] = serial;
  }
  // Postings belong to establishments that had a My Page (not the merely registered ones).
  const withPage: number[] = [];
  for (let i = 0; i < E; i++) if (est.kind[i] !== EST_KIND.registered) withPage.push(i);
  const Pn = volumes.postings;
  const prng = stream(seed, "postings");
  const posting = {
    est: new Int32Array(Pn),
    status: new Uint8Array(Pn),
    acceptedDaysAgo: new Int32Array(Pn),
    lastDaysAgo: new Int32Array(Pn),
    variant: new Uint32Array(Pn),
    serial: new Int32Array(Pn),
  };
  const jobSerialOf = new Map<string, number>();
  const referrable: number[] = [];
  for (let p = 0; p < Pn; p++) {
    const e = withPage.length > 0 ? withPage[prng.int(0, withPage.length - 1)]! : 0;
    posting.est[p] = e;
    posting.variant[p] = Math.floor(prng.next() * 2 ** 32);
    const kind = est.kind[e]!;
    let status: number;
    let accepted = -1;
    let last = -1;
    const r = prng.next();
    if (kind === EST_KIND.dormant) {
      // Ended more than five years ago (R-DEL-2).
      status = P.expired;
      accepted = prng.int(1_960, 2_500);
    } else if (r < 0.1) status = P.draft;
    else if (r < 0.15) status = P.submitted;
    else if (r < 0.17) status = P.returned;
    else if (r < 0.62) {
      status = P.accepted;
      accepted = prng.int(0, 55);
    } else if (r < 0.66) {
      // 受理 with its 紹介期限 past: the expiry job's work (R-JOB-4).
      status = P.accepted;
      accepted = prng.int(95, 130);
    } else if (r < 0.74) {
      status = P.stopped;
      accepted = prng.int(10, Math.min(1_500, est.createdDaysAgo[e]!));
    } else {
      status = P.expired;
      accepted = prng.int(100, Math.max(100, Math.min(1_500, est.createdDaysAgo[e]!)));
    }
    if ((kind === EST_KIND.withdrawn || kind === EST_KIND.closed) && status === P.accepted) status = P.stopped;
    if (accepted >= 0) {
      const acceptedOn = dateAgo(today, accepted);
      const validUntil = endOfMonth(acceptedOn, 2);
      const untilAgo = Math.round((Date.parse(today) - Date.parse(validUntil)) / DAY_MS);
      last = status === P.stopped ? Math.max(0, accepted - prng.int(5, 50)) : Math.max(0, untilAgo);
      if (status === P.stopped && (kind === EST_KIND.withdrawn || kind === EST_KIND.closed)) last = Math.min(accepted, Math.max(est.endedDaysAgo[e]!, 0));
      referrable.push(p);
      const prefix = reference.offices.find((o) => o.code === reference.municipalities[est.muni[e]!]!.officeCode)!.jobNumberPrefix;
      const serial = (jobSerialOf.get(prefix) ?? 0) + 1;
      jobSerialOf.set(prefix, serial);
      posting.serial[p] = serial;
    }
    posting.status[p] = status;
    posting.acceptedDaysAgo[p] = accepted;
    posting.lastDaysAgo[p] = last;
  }
  return {
    seed,
    nowMs,
    today,
    volumes,
    reference,
    est,
    posting,
    referrable: Int32Array.from(referrable),
    // Four seekers in ten have a 求職者マイページ; three of them also publish the profile (R-SEARCH-1).
    seekerMypage: (s) => s % 10 < 4,
    seekerPublished: (s) => s % 10 < 3,
  };
}

// ------------------------------------------------------------------------------------------------------------------

function companyName(rng: Rng, occupation: number): { name: string; kana: string } {
  const [p, pk] = rng.pick(NAME_PREFIXES);
  const [b, bk] = OCCUPATIONS[occupation]!.business;
  const form = rng.pick(COMPANY_FORMS);
  return form.before ? { name: `${form.kanji}${p}${b}`, kana: `${form.kana}${pk}${bk}` } : { name: `${p}${b}${form.kanji}`, kana: `${pk}${bk}${form.kana}` };
}

function corporateNumber(rng: Rng): string {
  const base = String(rng.int(0, 999_999)).padStart(6, "0") + String(rng.int(0, 999_999)).padStart(6, "0");
  return `${corporateNumberCheckDigit(base)}${base}`;
}

const phone = (rng: Rng) => `028-6${rng.int(10, 99)}-${String(rng.int(0, 9_999)).padStart(4, "0")}`;
const postal = (rng: Rng) => `32${rng.int(0, 9)}-${String(rng.int(0, 9_999)).padStart(4, "0")}`;

const EST_COLUMNS = [
  "id",
  "office_code",
  "establishment_number",
  "status",
  "name",
  "name_kana",
  "corporate_number",
  "postal_code",
  "prefecture_code",
  "municipality_code",
  "address",
  "phone",
  "industry",
  "employees",
  "representative_title",
  "representative_name",
  "unusable_reason",
  "unusable_at",
  "withdrawn_at",
  "closed_at",
  "relocated_to_office_code",
  "created_at",
  "updated_at",
] as const;

export function establishmentRows(w: World): TableRows {
  return {
    table: "establishments",
    columns: EST_COLUMNS,
    total: w.volumes.establishments,
    *rows() {
      const rng = stream(w.seed, "establishment-rows");
      for (let i = 0; i < w.volumes.establishments; i++) {
        const kind = w.est.kind[i]!;
        const muni = w.reference.municipalities[w.est.muni[i]!]!;
        const { name, kana } = companyName(rng, w.est.occupation[i]!);
        const created = w.nowMs - w.est.createdDaysAgo[i]! * DAY_MS - rng.int(0, DAY_MS - 1);
        const ended = w.est.endedDaysAgo[i]! >= 0 ? w.nowMs - w.est.endedDaysAgo[i]! * DAY_MS : null;
        const status =
          kind === EST_KIND.registered
            ? "registered"
            : kind === EST_KIND.unusable
              ? "unusable"
              : kind === EST_KIND.withdrawn
                ? "withdrawn"
                : kind === EST_KIND.closed
                  ? "closed"
                  : "open";
        const otherOffice = w.reference.offices.find((o) => o.code !== muni.officeCode)?.code ?? null;
        const [family] = rng.pick(FAMILY);
        const [given] = rng.pick(GIVEN);
        yield [
          estId(i),
          muni.officeCode,
          formatEstablishmentNumber(muni.officeCode, w.est.serial[i]!),
          status,
          name,
          kana,
          rng.chance(0.85) ? corporateNumber(rng) : null,
          postal(rng),
          muni.prefectureCode,
          muni.code,
          `${w.reference.prefectureNames[muni.prefectureCode] ?? ""}${muni.name}${rng.pick(TOWNS)}${rng.int(1, 9)}-${rng.int(1, 30)}`,
          phone(rng),
          OCCUPATIONS[w.est.occupation[i]!]!.industry,
          rng.int(3, 400),
          "代表取締役",
          `${family} ${given}`,
          kind === EST_KIND.unusable ? "所在不明のため" : null,
          kind === EST_KIND.unusable ? created + 200 * DAY_MS : null,
          kind === EST_KIND.withdrawn ? ended : null,
          kind === EST_KIND.closed ? ended : null,
          kind === EST_KIND.closed ? otherOffice : null,
          created,
          ended ?? created,
        ];
      }
    },
  };
}

/** A PHC string stands for every synthetic password (the generator passes the hash of a known one). */
export function employerAccountRows(w: World, passwordHash: string): TableRows {
  let total = 0;
  for (let i = 0; i < w.volumes.establishments; i++) if (w.est.kind[i] !== EST_KIND.registered) total += 1 + w.est.extraAccount[i]!;
  return {
    table: "employer_accounts",
    columns: ["id", "establishment_id", "email", "email_normalized", "password_hash", "is_main", "status", "created_at", "activated_at", "added_by"],
    total,
    *rows() {
      for (let i = 0; i < w.volumes.establishments; i++) {
        if (w.est.kind[i] === EST_KIND.registered) continue;
        const opened = w.nowMs - w.est.createdDaysAgo[i]! * DAY_MS + 3 * DAY_MS;
        for (let k = 0; k <= w.est.extraAccount[i]!; k++) {
          const email = employerEmail(i, k);
          yield [
            employerAccountId(i, k),
            estId(i),
            email,
            email,
            passwordHash,
            k === 0 ? 1 : 0,
            "active",
            opened,
            opened,
            k === 0 ? null : employerAccountId(i, 0),
          ];
        }
      }
    },
  };
}

/**
 * Wages stay above every prefecture's 地域別最低賃金 in data/reference (the highest: 東京都 1,226 yen from 2025-10-03),
 * wherever the 就業場所 is: 時間給 from 1,250 yen, 月給 from 220,000 yen (÷ 21.7 days × 8 h = 1,267 yen an hour).
 */
export const HOURLY_FLOOR = 1_250;
export const MONTHLY_FLOOR = 220_000;

/** The 求人票 of posting `p`: demoContent varied by the establishment's occupation, place and the posting's variant. */
export function postingContent(w: World, p: number): PostingContent {
  const e = w.posting.est[p]!;
  const v = w.posting.variant[p]!;
  const occ = OCCUPATIONS[(w.est.occupation[e]! + (v % 7 === 0 ? 1 : 0)) % OCCUPATIONS.length]!;
  const muni = w.reference.municipalities[w.est.muni[e]!]!;
  const elsewhere = v % 13 === 0 ? OTHER_WORKPLACES[(v >>> 4) % OTHER_WORKPLACES.length]! : null;
  const prefectureCode = elsewhere?.prefectureCode ?? muni.prefectureCode;
  const prefecture = elsewhere?.prefecture ?? w.reference.prefectureNames[muni.prefectureCode] ?? "";
  const base = demoContent();
  const monthly = Math.max(MONTHLY_FLOOR, occ.monthly[0] + ((v >>> 8) % 5) * 5_000);
  const full: PostingContent = {
    ...base,
    category: { ...base.category, onlineApplication: v % 3 !== 0, publication: [1, 1, 1, 1, 1, 1, 1, 2, 3, 4][(v >>> 12) % 10]! as 1 | 2 | 3 | 4 },
    jobTitle: occ.title,
    jobDescription: occ.description,
    workplace: { ...base.workplace, prefectureCode },
    workplaceDetail: {
      ...base.workplaceDetail,
      sameAsEstablishment: false,
      address: `${prefecture}${elsewhere?.city ?? muni.name}${TOWNS[(v >>> 16) % TOWNS.length]}`,
      nearestStation: STATIONS[(v >>> 20) % STATIONS.length]!,
    },
    licenses: { requirement: occ.licence === "不問" ? "不問" : "あれば尚可", detail: occ.licence === "不問" ? "" : occ.licence },
    wage: { ...base.wage, baseMin: monthly, baseMax: Math.max(monthly, occ.monthly[1]) },
    pr: { ...base.pr, message: occ.pr },
  };
  return v % 4 === 0 ? partTime(full, Math.max(HOURLY_FLOOR, occ.hourly) + ((v >>> 24) % 4) * 20) : full;
}

const POSTING_COLUMNS = [
  "id",
  "establishment_id",
  "office_code",
  "status",
  "job_number",
  "university_graduate",
  "publication",
  "content",
  "published_content",
  "draft_step",
  "accepted_on",
  "valid_until",
  "public_from",
  "invalidated_on",
  "submitted_at",
  "stop_reason",
  "search_text",
  "prefecture_code",
  "employment_type",
  "kind",
  "created_at",
  "updated_at",
] as const;

export function postingRows(w: World): TableRows {
  return {
    table: "job_postings",
    columns: POSTING_COLUMNS,
    total: w.volumes.postings,
    *rows() {
      for (let p = 0; p < w.volumes.postings; p++) {
        const e = w.posting.est[p]!;
        const status = w.posting.status[p]!;
        const muni = w.reference.municipalities[w.est.muni[e]!]!;
        const office = w.reference.offices.find((o) => o.code === muni.officeCode)!;
        const content = postingContent(w, p);
        const json = JSON.stringify(content);
        const accepted = w.posting.acceptedDaysAgo[p]!;
        const acceptedOn = accepted >= 0 ? dateAgo(w.today, accepted) : null;
        const validUntil = acceptedOn ? endOfMonth(acceptedOn, 2) : null;
        const invalidatedOn = status === P.expired ? addDays(validUntil!, 1) : status === P.stopped ? dateAgo(w.today, w.posting.lastDaysAgo[p]!) : null;
        const facts = acceptedOn ? publicFacts(content, content.category.publication ?? 1) : null;
        const createdDays = accepted >= 0 ? accepted + 7 : (p % 60) + 1;
        const created = w.nowMs - createdDays * DAY_MS;
        yield [
          postingId(p),
          estId(e),
          muni.officeCode,
          POSTING_STATUS[status],
          acceptedOn ? formatJobNumber(office.jobNumberPrefix, w.posting.serial[p]!) : null,
          0,
          facts?.publication ?? content.category.publication ?? 1,
          json,
          acceptedOn ? json : null,
          status === P.draft ? 1 + (p % 8) : 8,
          acceptedOn,
          validUntil,
          acceptedOn,
          invalidatedOn,
          status === P.draft ? null : created + DAY_MS,
          status === P.stopped ? "充足のため" : null,
          facts?.searchText ?? null,
          facts?.prefectureCode ?? null,
          facts?.employmentType ?? null,
          facts?.kind ?? null,
          created,
          created + 2 * DAY_MS,
        ];
      }
    },
  };
}

/** 公開番号: 12 hex digits, a bijection of the index (unique), scrambled by the seed. */
function publicNumber(seed: number, s: number): string {
  const mixed = (BigInt(s) * 0x9e3779b97f4bn + BigInt(seed >>> 0)) % 0x1000000000000n;
  return mixed.toString(16).toUpperCase().padStart(12, "0");
}

const SEEKER_COLUMNS = [
  "id",
  "office_code",
  "seeker_number",
  "name",
  "name_kana",
  "birth_date",
  "postal_code",
  "prefecture_code",
  "municipality_code",
  "address",
  "phone",
  "email",
  "desired_occupation",
  "desired_prefecture_code",
  "desired_municipality_code",
  "desired_employment_type",
  "desired_work_style",
  "desired_wage_form",
  "desired_wage",
  "desired_hours",
  "licences",
  "work_history",
  "self_pr",
  "has_mypage",
  "publish_profile",
  "disclosure",
  "public_number",
  "created_at",
  "updated_at",
] as const;

export function seekerRows(w: World): TableRows {
  return {
    table: "job_seekers",
    columns: SEEKER_COLUMNS,
    total: w.volumes.seekers,
    *rows() {
      const rng = stream(w.seed, "seekers");
      const serialOf = new Map<string, number>();
      for (let s = 0; s < w.volumes.seekers; s++) {
        const muni = rng.pick(w.reference.municipalities);
        const office = w.reference.offices.find((o) => o.code === muni.officeCode)!;
        const serial = (serialOf.get(office.jobNumberPrefix) ?? 0) + 1;
        serialOf.set(office.jobNumberPrefix, serial);
        const occ = rng.pick(OCCUPATIONS);
        const [family, familyKana] = rng.pick(FAMILY);
        const [given, givenKana] = rng.pick(GIVEN);
        const part = rng.chance(0.35);
        const wantsWage = rng.chance(0.7);
        const desiredMuni = rng.chance(0.5) ? rng.pick(w.reference.municipalities) : null;
        const licences = [rng.pick(SEEKER_LICENCES), ...(rng.chance(0.4) ? [rng.pick(SEEKER_LICENCES)] : [])];
        const created = w.nowMs - rng.int(1, 1_400) * DAY_MS;
        yield [
          seekerId(s),
          office.code,
          formatJobNumber(office.jobNumberPrefix, serial),
          `${family} ${given}`,
          `${familyKana} ${givenKana}`,
          `${rng.int(1958, 2007)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
          postal(rng),
          muni.prefectureCode,
          muni.code,
          `${rng.pick(TOWNS)}${rng.int(1, 9)}-${rng.int(1, 30)}`,
          `090-${String(rng.int(0, 9_999)).padStart(4, "0")}-${String(rng.int(0, 9_999)).padStart(4, "0")}`,
          w.seekerMypage(s) ? `seeker${s}@example.jp` : null,
          occ.seekerOccupation,
          desiredMuni?.prefectureCode ?? null,
          desiredMuni?.code ?? null,
          part ? "" : "正社員",
          part ? "part" : rng.pick(["full", "either"] as const),
          wantsWage ? (part ? "時間給" : "月給") : null,
          wantsWage ? (part ? occ.hourly : occ.monthly[0]) : null,
          part ? "9:00〜15:00、土日休み" : "",
          [...new Set(licences)].join("\n"),
          occ.seekerHistory,
          rng.pick(SELF_PR),
          w.seekerMypage(s) ? 1 : 0,
          w.seekerPublished(s) ? 1 : 0,
          '["licences","workHistory","selfPr","desired"]',
          publicNumber(w.seed, s),
          created,
          created + rng.int(0, 30) * DAY_MS,
        ];
      }
    },
  };
}

export function seekerAccountRows(w: World, passwordHash: string): TableRows {
  let total = 0;
  for (let s = 0; s < w.volumes.seekers; s++) if (w.seekerMypage(s)) total++;
  return {
    table: "seeker_accounts",
    columns: ["id", "seeker_id", "email", "email_normalized", "password_hash", "status", "created_at", "activated_at"],
    total,
    *rows() {
      for (let s = 0; s < w.volumes.seekers; s++) {
        if (!w.seekerMypage(s)) continue;
        const at = w.nowMs - ((s % 700) + 1) * DAY_MS;
        yield [seekerAccountId(s), seekerId(s), `seeker${s}@example.jp`, `seeker${s}@example.jp`, passwordHash, "active", at, at];
      }
    },
  };
}

/** One referral as the later tables need it. */
export interface ReferralFact {
  index: number;
  posting: number;
  establishment: number;
  seeker: number;
  referredOn: string;
  status: "screening" | "hired" | "rejected" | "declined";
  createdAt: number;
}

/**
 * The referrals: first the backlog establishments' 51–80 overdue 選考中 ones, then the rest spread over the referrable
 * postings, each dated between the posting's 受理日 and its end. The j-th referral of a posting names seeker
 * (p × 7919 + j) mod S, so one seeker is never referred twice to one posting while it is open (referrals_open_uq).
 */
export function* referralFacts(w: World): Generator<ReferralFact> {
  const rng = stream(w.seed, "referrals");
  const S = w.volumes.seekers;
  const R = w.volumes.referrals;
  const perPosting = new Uint32Array(w.volumes.postings);
  const firstReferrable = new Int32Array(w.volumes.establishments).fill(-1);
  for (const p of w.referrable) {
    const e = w.posting.est[p]!;
    // The backlog goes on the establishment's most recent posting.
    if (firstReferrable[e] === -1 || w.posting.lastDaysAgo[p]! < w.posting.lastDaysAgo[firstReferrable[e]!]!) firstReferrable[e] = p;
  }
  let index = 0;
  const make = (p: number, daysAgo: number, status: ReferralFact["status"]): ReferralFact => {
    const j = perPosting[p]!;
    perPosting[p] = j + 1;
    const seeker = (p * 7919 + j) % S;
    // Past S referrals on one posting a seeker would come again: only as a decided referral.
    const safe = j >= S && status === "screening" ? "rejected" : status;
    return {
      index: index++,
      posting: p,
      establishment: w.posting.est[p]!,
      seeker,
      referredOn: dateAgo(w.today, daysAgo),
      status: safe,
      createdAt: w.nowMs - daysAgo * DAY_MS,
    };
  };
  for (let e = 0; e < w.volumes.establishments && index < R; e++) {
    if (w.est.kind[e] !== EST_KIND.backlog || firstReferrable[e] === -1) continue;
    const p = firstReferrable[e]!;
    const n = rng.int(51, 80);
    for (let k = 0; k < n && index < R; k++)
      yield make(p, rng.int(Math.max(22, w.posting.lastDaysAgo[p]!), Math.max(23, w.posting.acceptedDaysAgo[p]!)), "screening");
  }
  if (w.referrable.length === 0) return;
  while (index < R) {
    const p = w.referrable[rng.int(0, w.referrable.length - 1)]!;
    const from = w.posting.acceptedDaysAgo[p]!;
    const to = w.posting.lastDaysAgo[p]!;
    const daysAgo = rng.int(Math.min(to, from), from);
    const r = rng.next();
    // Recent ones are mostly 選考中; older ones mostly decided (a few stay unregistered: under the backlog limit).
    const status =
      daysAgo <= 21
        ? r < 0.7
          ? "screening"
          : r < 0.85
            ? "rejected"
            : "hired"
        : r < 0.02
          ? "screening"
          : r < 0.2
            ? "hired"
            : r < 0.9
              ? "rejected"
              : "declined";
    yield make(p, daysAgo, status);
  }
}

const REFERRAL_COLUMNS = [
  "id",
  "seeker_id",
  "posting_id",
  "establishment_id",
  "channel",
  "office_code",
  "referred_on",
  "status",
  "hire_date",
  "conditions_differ",
  "result_at",
  "result_by_type",
  "created_at",
  "updated_at",
] as const;

export function referralRows(w: World): TableRows {
  return {
    table: "referrals",
    columns: REFERRAL_COLUMNS,
    total: w.volumes.referrals,
    *rows() {
      for (const r of referralFacts(w)) {
        const muni = w.reference.municipalities[w.est.muni[r.establishment]!]!;
        const online = r.index % 5 === 0 && w.seekerMypage(r.seeker);
        const decided = r.status !== "screening";
        const resultAt = decided ? r.createdAt + 10 * DAY_MS : null;
        yield [
          referralId(r.index),
          seekerId(r.seeker),
          postingId(r.posting),
          estId(r.establishment),
          online ? "application" : "referral",
          online ? null : muni.officeCode,
          r.referredOn,
          r.status,
          r.status === "hired" ? addDays(r.referredOn, 30) : null,
          decided && r.status !== "declined" ? 0 : null,
          resultAt,
          decided ? (r.status === "declined" ? "staff" : "employer") : null,
          r.createdAt,
          resultAt ?? r.createdAt,
        ];
      }
    },
  };
}

export function referralEventRows(w: World): TableRows {
  return {
    table: "referral_events",
    columns: ["referral_id", "at", "actor_type", "action", "after"],
    // One 'referred' event each, and a 'result' event for the decided ones (counted as they are written).
    total: w.volumes.referrals,
    *rows() {
      for (const r of referralFacts(w)) {
        yield [referralId(r.index), r.createdAt, "staff", "referred", null];
        if (r.status !== "screening")
          yield [
            referralId(r.index),
            r.createdAt + 10 * DAY_MS,
            r.status === "declined" ? "staff" : "employer",
            "result",
            JSON.stringify({ status: r.status }),
          ];
      }
    },
  };
}

/** Threads: one per (establishment, seeker) of a referral whose seeker has a 求職者マイページ, about 8 messages each. */
export const MESSAGES_PER_THREAD = 8;

interface ThreadFact {
  index: number;
  establishment: number;
  seeker: number;
  posting: number;
  startMs: number;
}

function* threadFacts(w: World): Generator<ThreadFact> {
  const T = Math.ceil(w.volumes.messages / MESSAGES_PER_THREAD);
  const seen = new Set<string>();
  let index = 0;
  for (const r of referralFacts(w)) {
    if (index >= T) return;
    if (!w.seekerMypage(r.seeker) || r.index % 2 === 1) continue;
    const key = `${r.establishment}|${r.seeker}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield { index: index++, establishment: r.establishment, seeker: r.seeker, posting: r.posting, startMs: r.createdAt + DAY_MS };
  }
}

function threadEnd(w: World, t: ThreadFact): number {
  return Math.min(w.nowMs - 60_000, t.startMs + (MESSAGES_PER_THREAD - 1) * 2 * DAY_MS);
}

export function messageThreadRows(w: World): TableRows {
  return {
    table: "message_threads",
    columns: ["id", "establishment_id", "seeker_id", "posting_id", "created_at", "last_message_at", "closed_at"],
    total: Math.ceil(w.volumes.messages / MESSAGES_PER_THREAD),
    *rows() {
      for (const t of threadFacts(w)) {
        const kind = w.est.kind[t.establishment]!;
        const closed = kind === EST_KIND.withdrawn || kind === EST_KIND.closed ? w.nowMs - Math.max(0, w.est.endedDaysAgo[t.establishment]!) * DAY_MS : null;
        yield [threadId(t.index), estId(t.establishment), seekerId(t.seeker), postingId(t.posting), t.startMs, threadEnd(w, t), closed];
      }
    },
  };
}

export function messageRows(w: World): TableRows {
  return {
    table: "messages",
    columns: ["id", "thread_id", "establishment_id", "seeker_id", "sender_type", "sender_id", "kind", "body", "sent_at", "sent_on", "read_at"],
    total: w.volumes.messages,
    *rows() {
      let m = 0;
      for (const t of threadFacts(w)) {
        const end = threadEnd(w, t);
        for (let k = 0; k < MESSAGES_PER_THREAD && m < w.volumes.messages; k++) {
          const at = Math.min(end, t.startMs + k * 2 * DAY_MS + (m % 600) * 60_000);
          const employer = k % 2 === 0;
          yield [
            messageId(m),
            threadId(t.index),
            estId(t.establishment),
            seekerId(t.seeker),
            employer ? "employer" : "seeker",
            employer ? employerAccountId(t.establishment, 0) : seekerAccountId(t.seeker),
            "text",
            MESSAGE_BODIES[(m + k) % MESSAGE_BODIES.length],
            at,
            jstDate(at),
            k < MESSAGES_PER_THREAD - 1 ? at + 3_600_000 : null,
          ];
          m++;
        }
      }
    },
  };
}

/** 直接リクエスト: published seekers with a My Page, asked to apply to a valid posting (one per posting and seeker). */
export function directRequestRows(w: World): TableRows {
  return {
    table: "direct_requests",
    columns: ["id", "posting_id", "establishment_id", "seeker_id", "requested_by", "message", "status", "created_at", "answered_at"],
    total: w.volumes.directRequests,
    *rows() {
      const rng = stream(w.seed, "direct-requests");
      const valid: number[] = [];
      for (const p of w.referrable) if (w.posting.status[p] === P.accepted && w.posting.acceptedDaysAgo[p]! <= 55) valid.push(p);
      if (valid.length === 0) return;
      const seen = new Set<string>();
      const published = Math.ceil(w.volumes.seekers / 10);
      for (let i = 0, tries = 0; i < w.volumes.directRequests && tries < w.volumes.directRequests * 3; tries++) {
        const p = valid[rng.int(0, valid.length - 1)]!;
        const s = rng.int(0, published - 1) * 10 + rng.int(0, 2);
        if (s >= w.volumes.seekers || seen.has(`${p}|${s}`)) continue;
        seen.add(`${p}|${s}`);
        const at = w.nowMs - rng.int(0, w.posting.acceptedDaysAgo[p]!) * DAY_MS - rng.int(1, 3_600_000);
        const answered = rng.next();
        yield [
          `syn-drq-${String(i).padStart(7, "0")}`,
          postingId(p),
          estId(w.posting.est[p]!),
          seekerId(s),
          employerAccountId(w.posting.est[p]!, 0),
          "ぜひご応募をご検討ください。",
          answered < 0.6 ? "requested" : answered < 0.8 ? "accepted" : "declined",
          at,
          answered < 0.6 ? null : at + DAY_MS,
        ];
        i++;
      }
    },
  };
}

/** Every table in the order the foreign keys need. */
export function allTables(w: World, passwordHash: string): TableRows[] {
  return [
    establishmentRows(w),
    employerAccountRows(w, passwordHash),
    postingRows(w),
    seekerRows(w),
    seekerAccountRows(w, passwordHash),
    referralRows(w),
    referralEventRows(w),
    messageThreadRows(w),
    messageRows(w),
    directRequestRows(w),
  ];
}
