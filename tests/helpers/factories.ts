/**
 * Test data factories: real rows in the local D1 (no mocks of our own database).
 * Each returns what it created; defaults make a valid, registered establishment under ハローワーク日光.
 */
import { env } from "cloudflare:test";
import industriesCsv from "../../data/reference/industries.csv?raw";
import { corporateNumberCheckDigit, formatEstablishmentNumber } from "../../app/lib/identifiers";
import { parseIndustryCsv } from "../../app/lib/industry";
import { newId } from "../../app/lib/ids";
import { PREFECTURE_NAMES } from "../../app/lib/prefectures";
import type { Clock } from "../../app/lib/clock";
import { systemClock } from "../../app/lib/clock";
import { getDb, schema } from "../../app/utils/db.server";
import { createSession, SESSION_POLICIES, type AccountType } from "../../app/utils/session.server";

export const db = () => getDb(env);

/** The 産業分類 of data/reference/industries.csv (as `npm run import:reference` loads it): 20 大分類, 99 中分類. */
export const INDUSTRY_GROUPS = parseIndustryCsv(industriesCsv);

/** Loads the 産業分類 reference tables (one round trip; D1 takes at most 100 bound values per statement). */
export async function seedIndustries(): Promise<void> {
  const d = db();
  const divisions = [...new Map(INDUSTRY_GROUPS.map((g) => [g.divisionCode, g.divisionName]))].map(([code, name]) => ({ code, name }));
  const rows = INDUSTRY_GROUPS.map((g) => ({ code: g.code, divisionCode: g.divisionCode, name: g.name }));
  const chunks = [0, 30, 60, 90].map((i) => rows.slice(i, i + 30));
  await d.batch([
    d.insert(schema.industryDivisions).values(divisions).onConflictDoNothing(),
    ...chunks.map((chunk) => d.insert(schema.industryGroups).values(chunk).onConflictDoNothing()),
  ]);
}

/**
 * All 47 prefectures (as the reference import loads them: a form may name any of them), Tochigi's two offices (日光 0910,
 * 宇都宮 0901) and their municipalities, and the 産業分類.
 */
export async function seedReference(): Promise<void> {
  await seedIndustries();
  const d = db();
  await d
    .insert(schema.prefectures)
    .values(Object.entries(PREFECTURE_NAMES).map(([code, name]) => ({ code, name })))
    .onConflictDoNothing();
  await d
    .insert(schema.offices)
    .values([
      { code: "0910", jobNumberPrefix: "09100", name: "ハローワーク日光", prefectureCode: "09", phone: "0288-22-0353" },
      { code: "0901", jobNumberPrefix: "09010", name: "ハローワーク宇都宮", prefectureCode: "09", phone: "028-000-0001", illustrative: true },
    ])
    .onConflictDoNothing();
  await d
    .insert(schema.municipalities)
    .values([
      { code: "09206", prefectureCode: "09", name: "日光市" },
      { code: "09201", prefectureCode: "09", name: "宇都宮市" },
    ])
    .onConflictDoNothing();
  await d
    .insert(schema.jurisdictions)
    .values([
      { municipalityCode: "09206", officeCode: "0910" },
      { municipalityCode: "09201", officeCode: "0901" },
    ])
    .onConflictDoNothing();
}

let serial = 100;

export async function createEstablishment(overrides: Partial<typeof schema.establishments.$inferInsert> = {}) {
  await seedReference();
  const officeCode = overrides.officeCode ?? "0910";
  const now = Date.now();
  const row: typeof schema.establishments.$inferInsert = {
    id: newId(),
    officeCode,
    establishmentNumber: formatEstablishmentNumber(officeCode, ++serial),
    status: "open",
    name: "株式会社テスト商事",
    nameKana: "カブシキガイシャテストショウジ",
    corporateNumber: `${corporateNumberCheckDigit("060001009999")}060001009999`,
    postalCode: "321-1200",
    prefectureCode: "09",
    municipalityCode: officeCode === "0901" ? "09201" : "09206",
    address: "栃木県日光市テスト1-1",
    phone: "0288-00-0000",
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await db().insert(schema.establishments).values(row);
  return row as typeof schema.establishments.$inferSelect;
}

export async function createEmployerAccount(establishmentId: string, overrides: Partial<typeof schema.employerAccounts.$inferInsert> = {}) {
  const email = overrides.email ?? `user-${newId().slice(0, 8)}@example.jp`;
  const row: typeof schema.employerAccounts.$inferInsert = {
    id: newId(),
    establishmentId,
    email,
    emailNormalized: email.trim().toLowerCase(),
    passwordHash: null,
    isMain: true,
    status: "active",
    createdAt: Date.now(),
    activatedAt: Date.now(),
    ...overrides,
  };
  await db().insert(schema.employerAccounts).values(row);
  return row as typeof schema.employerAccounts.$inferSelect;
}

export async function createStaffAccount(officeCode: string, overrides: Partial<typeof schema.staffAccounts.$inferInsert> = {}) {
  await seedReference();
  const email = overrides.email ?? `staff-${newId().slice(0, 8)}@hw.example.jp`;
  const row: typeof schema.staffAccounts.$inferInsert = {
    id: newId(),
    officeCode,
    email,
    emailNormalized: email.toLowerCase(),
    name: "職員 太郎",
    role: "officer",
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    totpSecret: null,
    active: true,
    createdAt: Date.now(),
    ...overrides,
  };
  await db().insert(schema.staffAccounts).values(row);
  return row as typeof schema.staffAccounts.$inferSelect;
}

/** A signed-in session (second factor done) and the Cookie header that carries it. */
export async function signIn(accountType: AccountType, accountId: string, clock: Clock = systemClock): Promise<string> {
  const { token } = await createSession(db(), accountType, accountId, clock, true);
  return `${SESSION_POLICIES[accountType].cookieName}=${token}`;
}
