/**
 * Helpers for the opening tests (パスワード登録, 仮登録, ログインアカウント): the mailed keys, the message
 * beside a field, keys issued directly for fuzzing, and the accounts the integration and fuzz tests start from.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { nowClock } from "./clock";
import { corporateNumberCheckDigit } from "../../app/lib/identifiers";
import { issueAuthKey, type AuthKeyPurpose } from "../../app/utils/auth-keys.server";
import { getDb, schema } from "../../app/utils/db.server";
import { CookieJar, latestMail, PASSWORD, post } from "./employer-signin";
import { createEmployerAccount, createEstablishment } from "./factories";

/** The 8-digit 認証キー of the latest mail of `template` to `to`. */
export async function mailedKey(to: string, template: "authKeyOpen" | "authKeySignup" | "accountAdded"): Promise<string> {
  const text = await latestMail(to, template);
  const key = /認証キー：(\d{8})/.exec(text ?? "")?.[1];
  if (!key) throw new Error(`no ${template} key mailed to ${to}`);
  return key;
}

/** Issues a key directly (as the pages do) at the tests' "now"; for fuzzing, where a fresh key is needed per submission. */
export async function issueKeyDirectly(purpose: AuthKeyPurpose, subject: string): Promise<string> {
  const db = getDb(env);
  const issued = await issueAuthKey(env.AUTH_KEYS, db, nowClock(), purpose, subject);
  await db.batch([issued.attemptsRow]);
  return issued.key;
}

/** A wrong key guaranteed to differ from `key`. */
export function wrongKey(key: string): string {
  return key === "00000000" ? "11111111" : "00000000";
}

/** 今市精機: registered at the counter, its e-mail registered (①), no password yet. */
export async function registeredWithPendingMain(email = "office@imaichi-seiki.example.jp") {
  const establishment = await createEstablishment({ status: "registered", name: "今市精機有限会社" });
  const account = await createEmployerAccount(establishment.id, { email, status: "pending", passwordHash: null, activatedAt: null });
  return { establishment, account };
}

export async function employerAccountRow(id: string) {
  return getDb(env).select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, id)).get();
}

/** The online 仮登録's first step: the address and both agreements. */
export function askForSignupKey(email: string) {
  return post("/register?index", { email, agreeTerms: "on", agreePrivacy: "on" });
}

/** The online 仮登録's second step: the mailed key and the password twice. */
export function enterSignupKey(email: string, key: string, jar?: CookieJar, password = PASSWORD) {
  return post("/register/complete", { email, key, password, passwordConfirm: password }, jar);
}

/** Goes through /register and /register/complete; returns the signed-in browser and the account. */
export async function registerOnline(email: string) {
  await askForSignupKey(email);
  const jar = new CookieJar();
  const res = await enterSignupKey(email, await mailedKey(email, "authKeySignup"), jar);
  expect(res.status).toBe(303);
  const db = getDb(env);
  const account = await db.select().from(schema.employerAccounts).where(eq(schema.employerAccounts.emailNormalized, email.toLowerCase())).get();
  const registration = await db.select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.accountId, account!.id)).get();
  return { jar, res, account: account!, registration: registration! };
}

/** A valid 事業所情報 form of the online 仮登録 (/provisional). */
export const PROVISIONAL_ESTABLISHMENT_FIELDS = {
  name: "株式会社日光ゆば新工房",
  nameKana: "カブシキガイシャニッコウユバシンコウボウ",
  corporateNumber: `${corporateNumberCheckDigit("070001012345")}070001012345`,
  postalCode: "321-1272",
  municipalityCode: "09206",
  address: "今市本町1-1",
  phone: "0288-22-0000",
  industryDivision: "E",
  industry: "09", // 食料品製造業
  employees: "12",
  representativeTitle: "代表取締役",
  representativeName: "日光 太郎",
};
