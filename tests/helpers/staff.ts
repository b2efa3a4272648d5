/**
 * Officer-side set-up shared by the staff integration and fuzz tests: the Worker's clock, signed-in officers and their
 * sign-in, the 事業所登録 form and how an establishment is stored, online 仮登録 awaiting 本登録, 最低賃金 rows.
 */
import { env } from "cloudflare:test";
import { fixedClock, type Clock } from "../../app/lib/clock";
import { corporateNumberCheckDigit } from "../../app/lib/identifiers";
import { newId } from "../../app/lib/ids";
import { normalizeKana, normalizeNumberLike, normalizeText } from "../../app/lib/normalize";
import type { EstablishmentInput } from "../../app/lib/schemas/establishment";
import { generateTotpSecret } from "../../app/lib/totp";
import { getDb, schema } from "../../app/utils/db.server";
import { NOW, setWorkerNow } from "./clock";
import { createStaffAccount, seedReference, signIn } from "./factories";
import { workerFetch } from "./worker";

const db = () => getDb(env);

/** Sets the Worker's "now" and returns the same instant as a Clock for the test's own computations. */
export async function atWorkerNow(at: string = NOW): Promise<Clock> {
  await setWorkerNow(at);
  return fixedClock(at);
}

/** A signed-in officer (password and TOTP done) of an office, with the Cookie header. */
export async function signedInOfficer(officeCode: string, clock: Clock, overrides: Parameters<typeof createStaffAccount>[1] = {}) {
  const staff = await createStaffAccount(officeCode, overrides);
  const cookie = await signIn("staff", staff.id, clock);
  return { staff, cookie };
}

/** The `name=value` part of the response's Set-Cookie (the new session cookie). */
export function cookieFrom(res: Response): string {
  const header = res.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0] ?? "";
}

// ---------------------------------------------------------------------------------------------------------------
// Staff sign-in (R-AUTH-4)

export const STAFF_PASSWORD = "Hellowork-Test-Password-2026";
/**
 * argon2id of STAFF_PASSWORD with the current parameters, computed once (hashing takes ~30 ms in workerd since ADR 0025, ~0.3 s before); the
 * session tests check that it still verifies and needs no rehash.
 */
export const STAFF_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$a+oVdfgt8wj0J6eIQVhrZQ$uDvBqA+/wQ0bWI93iOiUMBiyEzkPOZRaNxQW8AyTuog";

/** An officer of 日光 with STAFF_PASSWORD and an authenticator app set up. */
export async function staffWithTotp(overrides: Parameters<typeof createStaffAccount>[1] = {}) {
  const secret = generateTotpSecret();
  const staff = await createStaffAccount("0910", { passwordHash: STAFF_PASSWORD_HASH, totpSecret: secret, ...overrides });
  return { staff, secret };
}

/** The password step of the staff sign-in. */
export async function passwordStep(email: string, password = STAFF_PASSWORD, headers: Record<string, string> = {}) {
  return workerFetch("/staff/login", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 事業所登録 (R-OPEN-1)

export const VALID_CORPORATE_NUMBER = `${corporateNumberCheckDigit("070001009999")}070001009999`;

/** A valid 事業所登録 form for an establishment in 日光市 (under ハローワーク日光, 0910). */
export function establishmentForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "株式会社日光ゆば工房",
    nameKana: "カブシキガイシャニッコウユバコウボウ",
    corporateNumber: VALID_CORPORATE_NUMBER,
    postalCode: "321-1272",
    municipalityCode: "09206",
    address: "今市1-2-3",
    phone: "0288-22-0353",
    industryDivision: "E",
    industry: "09", // 食料品製造業
    employees: "25",
    representativeTitle: "代表取締役",
    representativeName: "日光 太郎",
    ...overrides,
  };
}

/** The app's own normalisation of each establishment field, as stored (app/lib/schemas/establishment.ts). */
export function storedEstablishmentValue(field: string, value: string): string {
  switch (field) {
    case "name":
    case "address":
    case "representativeTitle":
    case "representativeName":
      return normalizeText(value);
    case "nameKana":
      return normalizeKana(value);
    case "corporateNumber":
      return normalizeNumberLike(value).replace(/-/g, "");
    case "postalCode": {
      const v = normalizeNumberLike(value);
      return v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`;
    }
    case "phone":
      return normalizeNumberLike(value);
    case "employees":
      return String(Number(normalizeNumberLike(value)));
    default:
      return value;
  }
}

/** A field of the (only) establishment row, as text; undefined when there is none. */
export async function readStoredEstablishment(field: string): Promise<string | undefined> {
  const row = await db().select().from(schema.establishments).get();
  if (!row) return undefined;
  const value = (row as Record<string, unknown>)[field];
  return value === null || value === undefined ? undefined : String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// 仮登録 awaiting 本登録 (R-OPEN-8)

export const ENTERED: EstablishmentInput = {
  name: "株式会社オンライン仮登録",
  nameKana: "カブシキガイシャオンラインカリトウロク",
  isSoleProprietor: false,
  corporateNumber: VALID_CORPORATE_NUMBER,
  postalCode: "321-1261",
  municipalityCode: "09206",
  address: "今市本町1-1",
  phone: "0288-21-0000",
  industryDivision: "M",
  industry: "75", // 宿泊業
  employees: 12,
  representativeTitle: "代表取締役",
  representativeName: "仮野 登録",
};

/** An online 仮登録 as the employer side leaves it: a verified account with a password, and its data. */
export async function createProvisional(overrides: { officeCode?: string; expiresOn?: string; email?: string; data?: Partial<EstablishmentInput> } = {}) {
  await seedReference();
  const accountId = newId();
  const email = overrides.email ?? `kari-${accountId.slice(0, 8)}@example.jp`;
  const now = new Date("2026-11-20T10:00:00+09:00").getTime();
  const data = { ...ENTERED, ...overrides.data };
  await db().insert(schema.employerAccounts).values({
    id: accountId,
    establishmentId: null,
    email,
    emailNormalized: email.toLowerCase(),
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    isMain: false,
    status: "active",
    createdAt: now,
    activatedAt: now,
  });
  const id = newId();
  await db()
    .insert(schema.provisionalRegistrations)
    .values({
      id,
      accountId,
      officeCode: overrides.officeCode ?? "0910",
      establishmentData: JSON.stringify(data),
      name: data.name,
      createdAt: now,
      updatedAt: now,
      expiresOn: overrides.expiresOn ?? "2026-12-04",
    });
  return { id, accountId, email, data };
}

/** The registration's form as the page pre-fills it. */
export function provisionalForm(data: EstablishmentInput, overrides: Record<string, string> = {}): Record<string, string> {
  return establishmentForm({
    name: data.name,
    nameKana: data.nameKana,
    corporateNumber: data.corporateNumber,
    postalCode: data.postalCode,
    municipalityCode: data.municipalityCode,
    address: data.address,
    phone: data.phone,
    industryDivision: data.industryDivision,
    industry: data.industry,
    employees: String(data.employees),
    representativeTitle: data.representativeTitle,
    representativeName: data.representativeName,
    ...overrides,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 最低賃金の管理 (R-AUTH-4)

export const MINIMUM_WAGES_PATH = "/staff/minimum-wages";

/** 栃木: 1004 (undated, FY2024) until 2025-09-30, 1068 from 2025-10-01; 東京: 1226 undated only. */
export async function seedMinimumWages() {
  await seedReference();
  await db()
    .insert(schema.minimumWages)
    .values([
      { prefectureCode: "09", amountYen: 1004, effectiveFrom: "0000-01-01", source: "令和6年度", createdAt: 0 },
      { prefectureCode: "09", amountYen: 1068, effectiveFrom: "2025-10-01", source: "令和7年度", createdAt: 0 },
      { prefectureCode: "13", amountYen: 1226, effectiveFrom: "0000-01-01", source: "令和6年度", createdAt: 0 },
    ]);
}

/** A signed-in supervisor of 日光 (who may add minimum wages). */
export async function supervisor(clock: Clock) {
  return signedInOfficer("0910", clock, { role: "supervisor", name: "統括 花子" });
}

/** A valid submission of the add form. */
export function minimumWageRevision(overrides: Record<string, string> = {}): Record<string, string> {
  return { prefectureCode: "09", amountYen: "1100", effectiveFrom: "2026-12-01", source: "令和8年度 地域別最低賃金", ...overrides };
}
