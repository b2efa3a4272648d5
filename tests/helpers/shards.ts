/**
 * Two shards for the issue-14 routing tests (ADR 0028): 栃木 (09) on `DB`, 茨城 (08) on `DB_SHARD_B`, a second local D1
 * declared for the tests only (vitest.config.ts `d1Databases`). `prepareShardB` applies the migrations to it (once per
 * workerd: they are recorded in its d1_migrations), empties it and loads the reference rows both shards hold. Rows of
 * shard B are written here directly (the factories write to DB).
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import type { Clock } from "../../app/lib/clock";
import { corporateNumberCheckDigit, formatEstablishmentNumber } from "../../app/lib/identifiers";
import { newId } from "../../app/lib/ids";
import { PREFECTURE_NAMES } from "../../app/lib/prefectures";
import { consentStatements } from "../../app/models/consent.server";
import { publicFacts } from "../../app/rules/posting/public-facts";
import type { PostingContent } from "../../app/rules/posting";
import { schema, type Db } from "../../app/utils/db.server";
import { createSession, SESSION_POLICIES } from "../../app/utils/session.server";
import { completePosting } from "../unit/posting-fixture";
import { resetDatabaseOf } from "./db";
import { callWorker, ORIGIN } from "./worker";

declare global {
  namespace Cloudflare {
    interface Env {
      DB_SHARD_B: D1Database;
    }
  }
  interface Env {
    DB_SHARD_B?: D1Database;
  }
}

/** The shard map of these tests: 栃木 on DB (the default shard), 茨城 on DB_SHARD_B. */
export const TWO_SHARDS = JSON.stringify({
  tochigi: { binding: "DB", prefectures: ["09"] },
  ibaraki: { binding: "DB_SHARD_B", prefectures: ["08"] },
});

export const shardA = (database: D1Database = env.DB): Db => drizzle(database, { schema });
export const shardB = (database: D1Database = env.DB_SHARD_B): Db => drizzle(database, { schema });

/** The reference rows every shard holds (scale.md: reference tables copied into each shard): both offices of the tests. */
export async function seedShardReference(db: Db): Promise<void> {
  await db.batch([
    db
      .insert(schema.prefectures)
      .values(Object.entries(PREFECTURE_NAMES).map(([code, name]) => ({ code, name })))
      .onConflictDoNothing(),
    db
      .insert(schema.offices)
      .values([
        { code: "0910", jobNumberPrefix: "09100", name: "ハローワーク日光", prefectureCode: "09", phone: "0288-22-0353" },
        { code: "0801", jobNumberPrefix: "08010", name: "ハローワーク水戸", prefectureCode: "08", phone: "029-000-0001", illustrative: true },
      ])
      .onConflictDoNothing(),
    db
      .insert(schema.municipalities)
      .values([
        { code: "09206", prefectureCode: "09", name: "日光市" },
        { code: "08201", prefectureCode: "08", name: "水戸市" },
      ])
      .onConflictDoNothing(),
    db
      .insert(schema.jurisdictions)
      .values([
        { municipalityCode: "09206", officeCode: "0910" },
        { municipalityCode: "08201", officeCode: "0801" },
      ])
      .onConflictDoNothing(),
  ]);
}

let migrated = false;

/** Shard B migrated and empty, and the reference rows in both shards (call in beforeEach, after the per-test reset of DB). */
export async function prepareShards(): Promise<void> {
  if (!migrated) {
    await applyD1Migrations(env.DB_SHARD_B, env.TEST_MIGRATIONS);
    migrated = true;
  }
  await resetDatabaseOf(env.DB_SHARD_B);
  await Promise.all([seedShardReference(shardA()), seedShardReference(shardB())]);
}

let serial = 700;

/** A registered establishment with an open My Page under an office, written in that office's shard. */
export async function establishmentIn(db: Db, officeCode: "0910" | "0801", name: string) {
  const now = Date.now();
  const ibaraki = officeCode === "0801";
  const row = {
    id: newId(),
    officeCode,
    establishmentNumber: formatEstablishmentNumber(officeCode, ++serial),
    status: "open" as const,
    name,
    nameKana: "テスト",
    corporateNumber: `${corporateNumberCheckDigit("060001008888")}060001008888`,
    postalCode: ibaraki ? "310-0000" : "321-1200",
    prefectureCode: ibaraki ? "08" : "09",
    municipalityCode: ibaraki ? "08201" : "09206",
    address: ibaraki ? "茨城県水戸市テスト1-1" : "栃木県日光市テスト1-1",
    phone: "029-000-0000",
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(schema.establishments).values(row);
  return row;
}

/** The main login account of an establishment (agreed to the current documents) and a signed-in session in `shard`. */
export async function signedInEmployerIn(db: Db, shard: string, establishmentId: string, clock: Clock) {
  const email = `saiyo-${newId().slice(0, 8)}@example.jp`;
  const id = newId();
  const now = clock.now().getTime();
  await db.insert(schema.employerAccounts).values({
    id,
    establishmentId,
    email,
    emailNormalized: email,
    passwordHash: null,
    isMain: true,
    status: "active",
    createdAt: now,
    activatedAt: now,
  });
  const [first, ...rest] = consentStatements(db, id, clock);
  await db.batch([first!, ...rest]);
  const { token } = await createSession(db, "employer", id, clock, true, shard === "tochigi" ? "" : `${shard}.`);
  return { id, email, cookie: `${SESSION_POLICIES.employer.cookieName}=${token}` };
}

/** An accepted, public posting (公開希望 1) with the given 求人番号, 受理日 and content, written in the establishment's shard. */
export async function publicPostingIn(
  db: Db,
  establishment: { id: string; officeCode: string },
  jobNumber: string,
  acceptedOn: string,
  change: Partial<PostingContent> = {},
) {
  const base = completePosting();
  const content: PostingContent = { ...base, ...change, category: { ...base.category, publication: 1 } };
  const json = JSON.stringify(content);
  const now = Date.now();
  const row = {
    id: newId(),
    establishmentId: establishment.id,
    officeCode: establishment.officeCode,
    status: "accepted" as const,
    content: json,
    publishedContent: json,
    draftStep: 8,
    jobNumber,
    acceptedOn,
    validUntil: "2027-01-31",
    createdAt: now,
    updatedAt: now,
    ...publicFacts(content, 1),
  };
  await db.insert(schema.jobPostings).values(row);
  return row;
}

/** The Worker with the two-shard map (and any other binding overridden), as a browser on this site calls it. */
export function fetchTwoShards(path: string, init: { cookie?: string; form?: Record<string, string> } = {}, overrides: Partial<Env> = {}) {
  const headers = new Headers({ Host: new URL(ORIGIN).host });
  if (init.cookie) headers.set("Cookie", init.cookie);
  const request = init.form
    ? new Request(new URL(path, ORIGIN), {
        method: "POST",
        body: new URLSearchParams(init.form),
        headers: { ...Object.fromEntries(headers), Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      })
    : new Request(new URL(path, ORIGIN), { headers, redirect: "manual" });
  return callWorker(request, { SHARDS: TWO_SHARDS, ...overrides });
}

/** An officer of an office with a signed-in session (password and TOTP done) in that office's shard. */
export async function signedInOfficerIn(db: Db, shard: string, officeCode: string, clock: Clock) {
  const id = newId();
  const email = `staff-${id.slice(0, 8)}@hw.example.jp`;
  await db.insert(schema.staffAccounts).values({
    id,
    officeCode,
    email,
    emailNormalized: email,
    name: "職員 水戸",
    role: "officer",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    totpSecret: null,
    active: true,
    createdAt: clock.now().getTime(),
  });
  const { token } = await createSession(db, "staff", id, clock, true, shard === "tochigi" ? "" : `${shard}.`);
  return { id, cookie: `${SESSION_POLICIES.staff.cookieName}=${token}` };
}
