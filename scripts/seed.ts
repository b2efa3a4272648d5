/**
 * Loads idempotent demo data into the local D1 (never the remote one): staff of every office,
 * establishments in several states with their login accounts. Reference data comes first
 * (`import-reference`). Usage: npm run db:seed -- [--persist-to DIR]
 */
import { addDays, jstDate } from "../app/lib/clock.ts";
import { previousOpenDay } from "../app/lib/holidays.ts";
import { corporateNumberCheckDigit, formatEstablishmentNumber, formatJobNumber } from "../app/lib/identifiers.ts";
import { publicFacts } from "../app/rules/posting/public-facts.ts";
import { currentVersion, PRIVACY, TERMS } from "../app/content/legal.ts";
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import { hashPasswordWith, nobleArgon2id } from "../app/lib/password-phc.ts";
import { executeSqlFile, parseTargetArgs } from "./lib/d1.ts";
import { DEMO_ESTABLISHMENTS, DEMO_PASSWORDS, DEMO_PROVISIONAL, DEMO_STAFF } from "./lib/demo-data.ts";
import { DEMO_IMAGES, demoPng, imageKey, putDemoImages } from "./lib/demo-images.ts";
import { seededPostingDates } from "./lib/demo-postings.ts";
import { ALL_DEMO_POSTINGS, demoReferralRows, REFERRAL_ESTABLISHMENTS } from "./lib/demo-referrals.ts";
import { demoPublishedSeekersSql } from "./lib/demo-published-seekers.ts";
import { DEMO_SEEKERS } from "./lib/demo-seekers.ts";
import { DEMO_SEEKER_ACCOUNTS } from "./lib/demo-seeker-accounts.ts";
import { demoRequestMessageRows } from "./lib/demo-requests-messages.ts";
import { WITHDRAWAL_ESTABLISHMENTS } from "./lib/demo-withdrawal.ts";
import { sqlValue } from "./lib/run.ts";
import { directRequests, jobSeekers, messages, messageThreads, notices, referralEvents, referrals } from "../db/schema.ts";

type SqlRow = Record<string, string | number | boolean | null | undefined>;

function insert(table: string, row: SqlRow): string {
  const cols = Object.keys(row);
  return `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => sqlValue(row[c])).join(", ")}) ON CONFLICT DO NOTHING;`;
}

/** `insert` of a row written with the schema's (camelCase) property names. */
function insertRow(table: Table, row: SqlRow): string {
  const columns = getTableColumns(table);
  return insert(getTableName(table), Object.fromEntries(Object.entries(row).map(([key, value]) => [columns[key]!.name, value])));
}

/** Every demo establishment: demo-data.ts's, the referral demo's (demo-referrals.ts) and the 退会 demo's (demo-withdrawal.ts). */
const ESTABLISHMENTS = [...DEMO_ESTABLISHMENTS, ...REFERRAL_ESTABLISHMENTS, ...WITHDRAWAL_ESTABLISHMENTS];

export async function seedSql(nowMs: number): Promise<string> {
  const staffHash = await hashPasswordWith(nobleArgon2id, DEMO_PASSWORDS.staff);
  const employerHash = await hashPasswordWith(nobleArgon2id, DEMO_PASSWORDS.employer);
  const out: string[] = [];
  for (const s of DEMO_STAFF) {
    out.push(
      insert("staff_accounts", {
        id: s.id,
        office_code: s.officeCode,
        email: s.email,
        email_normalized: s.email.toLowerCase(),
        name: s.name,
        role: s.role,
        password_hash: staffHash,
        totp_secret: s.totpSecret,
        active: true,
        created_at: nowMs,
      }),
    );
  }
  for (const e of ESTABLISHMENTS) {
    const corporate = e.corporateBase12 ? `${corporateNumberCheckDigit(e.corporateBase12)}${e.corporateBase12}` : null;
    out.push(
      insert("establishments", {
        id: e.id,
        office_code: e.officeCode,
        establishment_number: e.serial ? formatEstablishmentNumber(e.officeCode, e.serial) : null,
        status: e.status,
        name: e.name,
        name_kana: e.nameKana,
        corporate_number: corporate,
        postal_code: e.postalCode,
        prefecture_code: "09",
        municipality_code: e.municipalityCode,
        address: e.address,
        phone: e.phone,
        industry: e.industry,
        employees: e.employees,
        representative_title: e.representativeTitle,
        representative_name: e.representativeName,
        restricted_at: null,
        unusable_reason: e.unusableReason ?? null,
        unusable_at: e.status === "unusable" ? nowMs - (e.unusableDaysAgo ?? 0) * 86_400_000 : null,
        withdrawn_at: e.status === "withdrawn" ? nowMs - (e.withdrawnDaysAgo ?? 0) * 86_400_000 : null,
        closed_at: e.closed ? nowMs - e.closed.daysAgo * 86_400_000 : null,
        relocated_to_office_code: e.closed?.toOfficeCode ?? null,
        created_at: nowMs,
        updated_at: nowMs,
      }),
    );
    if (e.account) {
      out.push(
        insert("employer_accounts", {
          id: `${e.id}-main`,
          establishment_id: e.id,
          email: e.account.email,
          email_normalized: e.account.email.toLowerCase(),
          password_hash: e.account.state === "active" ? employerHash : null,
          is_main: true,
          status: e.account.state,
          created_at: nowMs,
          activated_at: e.account.state === "active" ? nowMs : null,
        }),
      );
    }
  }
  // The offices' 事業所番号 counters continue after the demo establishments.
  for (const code of new Set(ESTABLISHMENTS.map((e) => e.officeCode))) {
    const max = Math.max(...ESTABLISHMENTS.filter((e) => e.officeCode === code).map((e) => e.serial ?? 0));
    out.push(`UPDATE offices SET next_establishment_serial = MAX(next_establishment_serial, ${max + 1}) WHERE code = ${sqlValue(code)};`);
  }
  // Consents of the active demo accounts (current versions), so they are not asked again at sign-in.
  const activeIds = [...ESTABLISHMENTS.filter((e) => e.account?.state === "active").map((e) => `${e.id}-main`), DEMO_PROVISIONAL.accountId];
  for (const id of activeIds) {
    for (const doc of [TERMS, PRIVACY]) {
      out.push(insert("consents", { id: `${id}-${doc.id}`, account_id: id, document: doc.id, version: currentVersion(doc).version, agreed_at: nowMs }));
    }
  }
  // An online 仮登録 waiting for 本登録 (R-OPEN-8).
  const p = DEMO_PROVISIONAL;
  const madeOn = addDays(jstDate(nowMs), -p.madeDaysAgo);
  out.push(
    insert("employer_accounts", {
      id: p.accountId,
      establishment_id: null,
      email: p.email,
      email_normalized: p.email.toLowerCase(),
      password_hash: employerHash,
      is_main: true,
      status: "active",
      created_at: nowMs,
      activated_at: nowMs,
    }),
    insert("provisional_registrations", {
      id: p.registrationId,
      account_id: p.accountId,
      office_code: p.officeCode,
      establishment_data: JSON.stringify(p.data),
      name: p.data.name,
      created_at: nowMs - p.madeDaysAgo * 86_400_000,
      updated_at: nowMs,
      expires_on: previousOpenDay(addDays(madeOn, 14)),
      completed_at: null,
      establishment_id: null,
    }),
  );
  for (const image of DEMO_IMAGES) {
    out.push(
      insert("establishment_images", {
        id: image.id,
        establishment_id: image.establishmentId,
        r2_key: imageKey(image),
        content_type: "image/png",
        bytes: demoPng(image).byteLength,
        width: 240,
        height: 160,
        caption: image.caption,
        status: image.status,
        reject_reason: image.rejectReason ?? null,
        reviewed_by: null,
        reviewed_at: image.status === "pending" ? null : nowMs,
        created_at: nowMs,
      }),
    );
  }
  out.push(...postingsSql(nowMs));
  out.push(...referralsSql(nowMs));
  // Issue 12: 300 seekers who published their profile for 求職情報検索 (scripts/lib/demo-published-seekers.ts).
  out.push(...demoPublishedSeekersSql(nowMs));
  out.push(...seekerAccountsSql(nowMs, await hashPasswordWith(nobleArgon2id, DEMO_PASSWORDS.seeker)));
  out.push(...requestsMessagesSql(nowMs));
  return out.join("\n") + "\n";
}

/** Demo 求人 in every state, numbered from each office's 求人番号 counter (which then continues after them). */
/** The 求人番号 of every demo posting ever accepted: the office's serials in the order of ALL_DEMO_POSTINGS. */
function demoJobNumbers(): Map<string, string> {
  const numbers = new Map<string, string>();
  const serials = new Map<string, number>();
  const prefixes: Record<string, string> = { "0901": "09010", "0910": "09100" };
  for (const p of ALL_DEMO_POSTINGS) {
    if (p.acceptedDaysAgo === undefined) continue;
    const serial = (serials.get(p.officeCode) ?? 0) + 1;
    serials.set(p.officeCode, serial);
    numbers.set(p.id, formatJobNumber(prefixes[p.officeCode]!, serial));
  }
  return numbers;
}

function postingsSql(nowMs: number): string[] {
  const out: string[] = [];
  const today = jstDate(nowMs);
  const serials = new Map<string, number>();
  const jobNumbers = demoJobNumbers();
  for (const p of ALL_DEMO_POSTINGS) {
    const everAccepted = p.acceptedDaysAgo !== undefined;
    // An "accepted" demo posting whose 紹介期限 has passed by the seeding day is seeded as expired, like the daily job.
    const { status, acceptedOn, validUntil, invalidatedOn } = seededPostingDates(p, today);
    const jobNumber = jobNumbers.get(p.id) ?? null;
    if (everAccepted) serials.set(p.officeCode, (serials.get(p.officeCode) ?? 0) + 1);
    const published = JSON.stringify(p.content);
    const facts = everAccepted ? publicFacts(p.content, 1) : null;
    const at = (daysAgo: number) => nowMs - daysAgo * 86_400_000;
    out.push(
      insert("job_postings", {
        id: p.id,
        establishment_id: p.establishmentId,
        office_code: p.officeCode,
        status,
        job_number: jobNumber,
        university_graduate: p.content.universityGraduate,
        publication: p.content.category.publication ?? 1,
        content: JSON.stringify(p.change ?? p.content),
        published_content: everAccepted ? published : null,
        draft_step: p.status === "draft" ? (p.draftStep ?? 1) : 8,
        accepted_on: acceptedOn,
        valid_until: validUntil,
        extended: false,
        invalidated_on: invalidatedOn,
        review_comment: p.reviewComment ?? null,
        reviewed_by: null,
        submitted_at: p.status === "draft" ? null : at((p.acceptedDaysAgo ?? 1) + 1),
        change_status: p.change ? "submitted" : null,
        change_submitted_at: p.change ? at(1) : null,
        extension_status: p.extensionRequested ? "requested" : null,
        extension_requested_at: p.extensionRequested ? at(1) : null,
        stop_reason: p.stopReason ?? null,
        search_text: facts?.searchText ?? null,
        prefecture_code: facts?.prefectureCode ?? null,
        employment_type: facts?.employmentType ?? null,
        kind: facts?.kind ?? null,
        created_at: at((p.acceptedDaysAgo ?? 2) + 3),
        updated_at: nowMs,
      }),
    );
    if (everAccepted) {
      out.push(
        insert("notices", {
          id: `${p.id}-accepted`,
          establishment_id: p.establishmentId,
          title: "求人が受理されました",
          body: `「${p.content.jobTitle}」の求人を受理しました（求人番号 ${jobNumber}）。`,
          link: `/mypage/postings/${p.id}`,
          created_at: at(p.acceptedDaysAgo!),
          read_at: at(p.acceptedDaysAgo!),
        }),
      );
    }
    if (p.status === "returned") {
      out.push(
        insert("notices", {
          id: `${p.id}-returned`,
          establishment_id: p.establishmentId,
          title: "求人に修正依頼があります",
          body: `「${p.content.jobTitle}」の求人について、ハローワークから修正依頼があります。\nハローワークからのコメント：${p.reviewComment}`,
          link: `/mypage/postings/${p.id}`,
          created_at: at(1),
          read_at: null,
        }),
      );
    }
  }
  for (const [code, last] of serials) {
    out.push(`UPDATE offices SET next_job_serial = MAX(next_job_serial, ${last + 1}) WHERE code = ${sqlValue(code)};`);
  }
  return out;
}

/**
 * A referral's history row (autoincrement id): inserted once, when its referral has none with that action (a demo
 * referral has at most one event per action; a re-seed on a later day computes other times).
 */
function referralEventSql(e: typeof referralEvents.$inferInsert): string {
  const values = [e.referralId, e.at, e.actorType, e.actorId, e.action, e.before, e.after].map((v) => sqlValue(v ?? null));
  return `INSERT INTO referral_events (referral_id, at, actor_type, actor_id, action, before, after) SELECT ${values.join(", ")} WHERE NOT EXISTS (SELECT 1 FROM referral_events WHERE referral_id = ${values[0]} AND action = ${values[4]});`;
}

/**
 * Issue 11: the demo 求職者, their 紹介 with the history (referral_events) and the employers' お知らせ
 * (scripts/lib/demo-referrals.ts); the offices' 求職番号 counters continue after the demo seekers.
 */
function referralsSql(nowMs: number): string[] {
  const rows = demoReferralRows(nowMs);
  const out = [
    ...rows.seekers.map((row) => insertRow(jobSeekers, row)),
    ...rows.referrals.map((row) => insertRow(referrals, row)),
    ...rows.notices.map((row) => insertRow(notices, row)),
  ];
  out.push(...rows.events.map(referralEventSql));
  for (const code of new Set(DEMO_SEEKERS.map((s) => s.officeCode))) {
    const max = Math.max(...DEMO_SEEKERS.filter((s) => s.officeCode === code).map((s) => s.serial));
    out.push(`UPDATE offices SET next_seeker_serial = MAX(next_seeker_serial, ${max + 1}) WHERE code = ${sqlValue(code)};`);
  }
  return out;
}

/** Issue 12: the demo 求職者マイページ logins (scripts/lib/demo-seeker-accounts.ts), after their seekers. */
function seekerAccountsSql(nowMs: number, seekerHash: string): string[] {
  return DEMO_SEEKER_ACCOUNTS.map((a) =>
    insert("seeker_accounts", {
      id: a.id,
      seeker_id: a.seekerId,
      email: a.email,
      email_normalized: a.email.toLowerCase(),
      password_hash: a.status === "active" ? seekerHash : null,
      status: a.status,
      created_at: nowMs,
      activated_at: a.status === "active" ? nowMs : null,
      created_by: null,
    }),
  );
}

/**
 * Issue 12: the demo 直接リクエスト in every state, the オンライン自主応募 of the accepted one with its history and お知らせ,
 * and the conversations (scripts/lib/demo-requests-messages.ts), after the seeker accounts they name.
 */
function requestsMessagesSql(nowMs: number): string[] {
  const rows = demoRequestMessageRows(nowMs, demoJobNumbers());
  const out = [
    ...rows.requests.map((row) => insertRow(directRequests, row)),
    ...rows.referrals.map((row) => insertRow(referrals, row)),
    ...rows.notices.map((row) => insertRow(notices, row)),
    ...rows.threads.map((row) => insertRow(messageThreads, row)),
    ...rows.messages.map((row) => insertRow(messages, row)),
    ...rows.events.map(referralEventSql),
  ];
  return out;
}

async function main() {
  const target = parseTargetArgs(process.argv.slice(2));
  if (target.remote) throw new Error("demo data is never loaded into the remote database");
  executeSqlFile(target, "seed.sql", await seedSql(Date.now()));
  putDemoImages(target);
  console.log("✓ demo data loaded");
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
