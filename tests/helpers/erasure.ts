/**
 * R-DEL-4 (issue 13): an establishment with rows in every table that can hold them (and R2 objects, KV keys), written
 * straight into D1, for the erasure tests; and the scan of every table and column of the schema for what names it.
 */
import { env } from "cloudflare:test";
import type { Clock } from "../../app/lib/clock";
import { newId } from "../../app/lib/ids";
import { imageObjectKey } from "../../app/models/images.server";
import { issueAuthKey } from "../../app/utils/auth-keys.server";
import { getDb, schema } from "../../app/utils/db.server";
import { TINY_PNG } from "../fixtures/images";
import { createEstablishment } from "./factories";
import { createSeeker } from "./referrals";

const db = () => getDb(env);

export interface FilledEstablishment {
  id: string;
  officeCode: string;
  accountIds: string[];
  imageKeys: string[];
  /** Every id and unique string its rows hold: none may be left anywhere after its erasure. */
  needles: string[];
  /** Rows written per table ("r2": objects): the erasure report must say exactly these. */
  counts: Record<string, number>;
}

/**
 * An establishment with data in every table: 2 login accounts with sessions, consents, a known device, a trusted
 * browser, throttle rows, 認証キー in KV (with their attempt rows), a kept form, mail, 2 images in R2, a change request,
 * 4 postings (draft, submitted, accepted with its FTS row, stopped), a minimum-wage alert, 95 notices (two chunks),
 * 3 referrals with 4 events, a direct request, a thread with 3 messages, a completed 仮登録 with its 求人.
 */
export async function fillEstablishment(clock: Clock, establishment: Partial<typeof schema.establishments.$inferInsert>): Promise<FilledEstablishment> {
  const marker = `ERASE${newId().slice(0, 8).toUpperCase()}`;
  const at = clock.now().getTime();
  const e = await createEstablishment({ name: `株式会社${marker}`, address: `日光市${marker}1-1`, ...establishment });
  const emails = [`${marker.toLowerCase()}-main@example.jp`, `${marker.toLowerCase()}-sub@example.jp`];
  const accounts = emails.map((email, i) => ({
    id: newId(),
    establishmentId: e.id,
    email,
    emailNormalized: email,
    isMain: i === 0,
    status: "active" as const,
    createdAt: at,
    activatedAt: at,
  }));
  const [main, sub] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
  const seekers = [await createSeeker(), await createSeeker(), await createSeeker()];
  const posting = (status: "draft" | "submitted" | "accepted" | "stopped", extra: Partial<typeof schema.jobPostings.$inferInsert> = {}) => ({
    id: newId(),
    establishmentId: e.id,
    officeCode: e.officeCode,
    status,
    content: JSON.stringify({ jobTitle: `${marker}の製造スタッフ` }),
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
  const postings = [
    posting("draft"),
    posting("submitted", { submittedAt: at }),
    posting("accepted", {
      submittedAt: at,
      jobNumber: `09100-${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
      acceptedOn: "2026-10-01",
      validUntil: "2027-01-31",
      searchText: `${marker} 製造スタッフ`,
    }),
    posting("stopped", { submittedAt: at, invalidatedOn: "2026-10-20", stopReason: "充足" }),
  ];
  const accepted = postings[2]!;
  const referrals = seekers.map((s, i) => ({
    id: newId(),
    seekerId: s.id,
    postingId: i === 2 ? postings[3]!.id : accepted.id,
    establishmentId: e.id,
    officeCode: e.officeCode,
    referredOn: "2026-10-05",
    status: i === 0 ? ("hired" as const) : ("screening" as const),
    note: `${marker}の面接`,
    createdAt: at,
    updatedAt: at,
  }));
  const imageIds = [newId(), newId()];
  const threadId = newId();
  const registrationId = newId();
  const d = db();
  const s = schema;
  await d.batch([
    d.insert(s.employerAccounts).values(accounts),
    d
      .insert(s.sessions)
      .values(
        accounts.map((a) => ({ id: newId(), accountType: "employer" as const, accountId: a.id, createdAt: at, lastSeenAt: at, expiresAt: at + 3_600_000 })),
      ),
    d.insert(s.consents).values([
      { id: newId(), accountId: main.id, document: "terms" as const, version: "2026-04", agreedAt: at },
      { id: newId(), accountId: main.id, document: "privacy" as const, version: "2026-04", agreedAt: at },
    ]),
    d.insert(s.knownDevices).values({ id: newId(), accountId: main.id, createdAt: at, expiresAt: at + 86_400_000 }),
    d.insert(s.trustedBrowsers).values({ id: newId(), accountId: sub.id, createdAt: at, expiresAt: at + 86_400_000 }),
    d.insert(s.authThrottle).values([
      { scope: `employer:${main.emailNormalized}`, windowStart: at, failures: 2 },
      { scope: `reset-issue:${sub.emailNormalized}`, windowStart: at, failures: 1 },
      { scope: `account:${main.id}`, windowStart: at, failures: 1 },
    ]),
    d.insert(s.keptForms).values({
      browserId: newId(),
      path: "/mypage/establishment",
      accountId: main.id,
      endedSessionId: newId(),
      establishmentId: e.id,
      fields: JSON.stringify([["name", `株式会社${marker}`]]),
      keptAt: at,
      expiresAt: at + 7_200_000,
    }),
    d.insert(s.mailOutbox).values(
      accounts.map((a) => ({
        id: newId(),
        toAddress: a.email,
        subject: `${marker}様`,
        textBody: marker,
        htmlBody: marker,
        template: "test",
        nextAttemptAt: at,
        createdAt: at,
      })),
    ),
    d.insert(s.establishmentImages).values(
      imageIds.map((id, i) => ({
        id,
        establishmentId: e.id,
        r2Key: imageObjectKey(e.id, id),
        contentType: "image/png",
        bytes: TINY_PNG.length,
        caption: `${marker}の職場${i + 1}`,
        status: "approved" as const,
        createdAt: at,
      })),
    ),
    d
      .insert(s.establishmentChangeRequests)
      .values({ id: newId(), establishmentId: e.id, requestedBy: main.id, data: JSON.stringify({ name: marker }), status: "pending", createdAt: at }),
    d.insert(s.jobPostings).values(postings),
    d
      .insert(s.minimumWageAlerts)
      .values({ postingId: accepted.id, prefectureCode: "09", effectiveFrom: "2027-10-01", amountYen: 1100, alertFrom: "2027-09-24", createdAt: at }),
    ...Array.from({ length: 7 }, (_, chunk) =>
      d.insert(s.notices).values(
        Array.from({ length: chunk < 6 ? 14 : 11 }, (_, i) => ({
          id: newId(),
          establishmentId: e.id,
          title: `${marker}へのお知らせ${chunk}-${i}`,
          body: "本文",
          createdAt: at,
        })),
      ),
    ),
    d.insert(s.referrals).values(referrals),
    d.insert(s.referralEvents).values([
      ...referrals.map((r) => ({ referralId: r.id, at, actorType: "staff" as const, action: "referred" as const })),
      {
        referralId: referrals[0]!.id,
        at,
        actorType: "employer" as const,
        actorId: main.id,
        action: "result" as const,
        after: JSON.stringify({ status: "hired" }),
      },
    ]),
    d.insert(s.directRequests).values({
      id: newId(),
      postingId: accepted.id,
      establishmentId: e.id,
      seekerId: seekers[1]!.id,
      requestedBy: main.id,
      message: `${marker}からのお願い`,
      createdAt: at,
    }),
    d
      .insert(s.messageThreads)
      .values({ id: threadId, establishmentId: e.id, seekerId: seekers[0]!.id, postingId: accepted.id, createdAt: at, lastMessageAt: at }),
    d.insert(s.messages).values(
      [0, 1, 2].map((i) => ({
        id: newId(),
        threadId,
        establishmentId: e.id,
        seekerId: seekers[0]!.id,
        senderType: i === 1 ? ("seeker" as const) : ("employer" as const),
        senderId: i === 1 ? "seeker-account" : main.id,
        kind: i === 2 ? ("result" as const) : ("text" as const),
        referralId: i === 2 ? referrals[0]!.id : null,
        body: `${marker}：面接について${i}`,
        sentAt: at,
        sentOn: "2026-10-10",
      })),
    ),
    d.insert(s.provisionalRegistrations).values({
      id: registrationId,
      accountId: sub.id,
      officeCode: e.officeCode,
      establishmentData: JSON.stringify({ name: marker }),
      name: marker,
      createdAt: at,
      updatedAt: at,
      expiresOn: "2026-10-14",
      completedAt: at,
      establishmentId: e.id,
    }),
    d.insert(s.provisionalPostings).values({ id: newId(), registrationId, content: JSON.stringify({ jobTitle: marker }), createdAt: at, updatedAt: at }),
  ]);
  const keys = [await issueAuthKey(env.AUTH_KEYS, d, clock, "login", main.id), await issueAuthKey(env.AUTH_KEYS, d, clock, "open", sub.id)];
  await d.batch([keys[0]!.attemptsRow, keys[1]!.attemptsRow]);
  for (const id of imageIds) await env.IMAGES.put(imageObjectKey(e.id, id), TINY_PNG);
  return {
    id: e.id,
    officeCode: e.officeCode,
    accountIds: accounts.map((a) => a.id),
    imageKeys: imageIds.map((id) => imageObjectKey(e.id, id)),
    needles: [
      e.id,
      marker,
      marker.toLowerCase(),
      ...accounts.map((a) => a.id),
      ...postings.map((p) => p.id),
      ...imageIds,
      threadId,
      ...referrals.map((r) => r.id),
      registrationId,
    ],
    counts: {
      sessions: 2,
      consents: 2,
      known_devices: 1,
      trusted_browsers: 1,
      auth_throttle: 3,
      auth_key_attempts: 2,
      kept_forms: 1,
      mail_outbox: 2,
      establishment_images: 2,
      r2: 2,
      establishment_change_requests: 1,
      minimum_wage_alerts: 1,
      messages: 3,
      message_threads: 1,
      referral_events: 4,
      direct_requests: 1,
      referrals: 3,
      notices: 95,
      provisional_postings: 1,
      provisional_registrations: 1,
      job_postings: 4,
      employer_accounts: 2,
      establishments: 1,
    },
  };
}

/** Tables the scan leaves out: SQLite's and D1's own, the migrations, and the append-only audit log (checked apart). */
const SCAN_SKIPS = "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT IN ('d1_migrations', 'audit_log')";

/** Every table of the schema (sqlite_master: a table added later is scanned too) → its columns. */
export async function schemaTables(): Promise<Map<string, string[]>> {
  const { results } = await env.DB.prepare(
    `SELECT m.name AS tbl, p.name AS col FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND ${SCAN_SKIPS.replaceAll("name", "m.name")} ORDER BY m.name, p.cid`,
  ).all<{ tbl: string; col: string }>();
  const tables = new Map<string, string[]>();
  for (const r of results) tables.set(r.tbl, [...(tables.get(r.tbl) ?? []), r.col]);
  return tables;
}

/** Per table, the rows in which any column holds any of `needles` (as text); tables without such rows are left out. */
export async function rowsMentioning(needles: string[]): Promise<Record<string, number>> {
  const tables = [...(await schemaTables())];
  const statements = tables.map(([table, columns]) => {
    // One text of the row (json_array: a flat expression, however many columns), searched for each needle.
    const row = `json_array(${columns.map((c) => `CAST("${c}" AS TEXT)`).join(", ")})`;
    const anyNeedle = needles.map((_, i) => `instr(row, ?${i + 1}) > 0`).join(" OR ");
    return env.DB.prepare(`SELECT count(*) AS n FROM (SELECT ${row} AS row FROM "${table}") WHERE ${anyNeedle}`).bind(...needles);
  });
  const results = await env.DB.batch<{ n: number }>(statements);
  const found: Record<string, number> = {};
  results.forEach((r, i) => {
    const n = r.results[0]?.n ?? 0;
    if (n > 0) found[tables[i]![0]] = n;
  });
  return found;
}
