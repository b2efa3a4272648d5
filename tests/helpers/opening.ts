/**
 * Helpers for the opening tests (パスワード登録, 仮登録, ログインアカウント): the mailed keys, the message
 * beside a field, and keys issued directly for fuzzing.
 */
import { env } from "cloudflare:test";
import { fixedClock } from "../../app/lib/clock";
import { issueAuthKey, type AuthKeyPurpose } from "../../app/utils/auth-keys.server";
import { getDb } from "../../app/utils/db.server";
import { latestMail } from "./employer-signin";

/** The fixed "now" of these tests (a Thursday, an open day). */
export const NOW = "2026-11-26T09:00:00+09:00";
export const nowClock = () => fixedClock(NOW);

/** The message shown beside a field (`data-field-error`), or null when there is none. */
export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`<[a-z]+\\b[^>]*data-field-error="${field}"[^>]*>([\\s\\S]*?)</`, "i").exec(html);
  const text = m ? m[1]!.replace(/<[^>]*>/g, "").trim() : "";
  return text || null;
}

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
