/**
 * 認証キー and one-time codes (R-OPEN-5, R-AUTH-1, R-AUTH-2): random digits mailed to the user, kept in
 * KV as a hash with the expiry inside the value (checked against the clock), one key per purpose and
 * subject — a newer key replaces the older one. Wrong entries are counted in D1: after 5 the key is void.
 * A key works once (the D1 row is marked consumed atomically).
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { schema, type Db } from "./db.server";
import { getUnexpired, putExpiring } from "./expiring-kv.server";

export type AuthKeyPurpose =
  /** パスワード登録 at the counter path ②–⑥, and for additional login accounts. */
  | "open"
  /** パスワードを忘れた方. */
  | "reset"
  /** Online 仮登録: verifying the new account's e-mail address. */
  | "signup"
  /** The e-mail one-time code at sign-in. */
  | "login";

export const AUTH_KEY_TTL_SECONDS = 30 * 60;
export const LOGIN_CODE_TTL_SECONDS = 10 * 60;
export const MAX_WRONG_ENTRIES = 5;

interface StoredKey {
  keyId: string;
  hash: string;
  subject: string;
  issuedAt: number;
}

function kvKey(purpose: AuthKeyPurpose, subject: string): string {
  return `authkey:${purpose}:${subject}`;
}

function hashKey(keyId: string, key: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`${keyId}:${key}`)));
}

function randomDigits(n: number): string {
  const out: string[] = [];
  const buf = new Uint32Array(n);
  crypto.getRandomValues(buf);
  // 2^32 mod 10 bias is negligible (< 1e-9) for a key that lives 30 minutes and allows 5 tries.
  for (const v of buf) out.push(String(v % 10));
  return out.join("");
}

export interface IssuedKey {
  key: string;
  keyId: string;
  expiresAt: number;
  /** Insert of the attempts row: put it in the batch with the mail. */
  attemptsRow: ReturnType<typeof attemptsInsert>;
}

function attemptsInsert(db: Db, keyId: string, now: number) {
  return db.insert(schema.authKeyAttempts).values({ keyId, attempts: 0, updatedAt: now });
}

/**
 * KV refused to store a key (issue 14: KV unavailable). Nothing was written for it: the caller answers beside its form
 * that no key could be issued (KEY_STORE_UNAVAILABLE_MESSAGE), and asking again later works.
 */
export class KeyStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`KV refused the 認証キー: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "KeyStoreUnavailable";
  }
}

export const KEY_STORE_UNAVAILABLE_MESSAGE =
  "ただいま認証キーを発行できませんでした。認証キーのメールは送信されていません。お手数ですが、しばらく時間をおいてから、もう一度お試しください。";

/**
 * Issues a new key for (purpose, subject), replacing any older one. 8 digits; login codes 6. Throws KeyStoreUnavailable
 * when KV refuses it — before the caller's batch (attempts row, mail), so that nothing half-issued is left behind.
 */
export async function issueAuthKey(kv: KVNamespace, db: Db, clock: Clock, purpose: AuthKeyPurpose, subject: string): Promise<IssuedKey> {
  const key = randomDigits(purpose === "login" ? 6 : 8);
  const keyId = newId();
  const ttl = purpose === "login" ? LOGIN_CODE_TTL_SECONDS : AUTH_KEY_TTL_SECONDS;
  const stored: StoredKey = { keyId, hash: hashKey(keyId, key), subject, issuedAt: clock.now().getTime() };
  let expiresAt: number;
  try {
    expiresAt = await putExpiring(kv, kvKey(purpose, subject), stored, clock, ttl);
  } catch (error) {
    throw new KeyStoreUnavailable(error);
  }
  return { key, keyId, expiresAt, attemptsRow: attemptsInsert(db, keyId, clock.now().getTime()) };
}

export type KeyCheck =
  | { ok: true; keyId: string }
  /** No valid key (never issued, replaced, expired, used, or voided by wrong entries). */
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "wrong"; remaining: number }
  /** This entry was the 5th wrong one: the key is now void. */
  | { ok: false; reason: "voided" };

export async function checkAuthKey(kv: KVNamespace, db: Db, clock: Clock, purpose: AuthKeyPurpose, subject: string, entered: string): Promise<KeyCheck> {
  const found = await getUnexpired<StoredKey>(kv, kvKey(purpose, subject), clock);
  if (!found) return { ok: false, reason: "invalid" };
  const { keyId, hash } = found.value;
  const now = clock.now().getTime();
  const clean = entered.normalize("NFKC").replace(/[\s-]/g, "");
  if (/^\d+$/.test(clean) && hashKey(keyId, clean) === hash) {
    const used = await db
      .update(schema.authKeyAttempts)
      .set({ consumedAt: now, updatedAt: now })
      .where(and(eq(schema.authKeyAttempts.keyId, keyId), isNull(schema.authKeyAttempts.consumedAt), lt(schema.authKeyAttempts.attempts, MAX_WRONG_ENTRIES)))
      .returning({ keyId: schema.authKeyAttempts.keyId });
    await kv.delete(kvKey(purpose, subject));
    return used.length === 1 ? { ok: true, keyId } : { ok: false, reason: "invalid" };
  }
  const [row] = await db
    .update(schema.authKeyAttempts)
    .set({ attempts: sql`${schema.authKeyAttempts.attempts} + 1`, updatedAt: now })
    .where(and(eq(schema.authKeyAttempts.keyId, keyId), isNull(schema.authKeyAttempts.consumedAt)))
    .returning({ attempts: schema.authKeyAttempts.attempts });
  if (!row) return { ok: false, reason: "invalid" };
  if (row.attempts > MAX_WRONG_ENTRIES) return { ok: false, reason: "invalid" };
  if (row.attempts === MAX_WRONG_ENTRIES) {
    await kv.delete(kvKey(purpose, subject));
    return { ok: false, reason: "voided" };
  }
  return { ok: false, reason: "wrong", remaining: MAX_WRONG_ENTRIES - row.attempts };
}

/** Voids any key of (purpose, subject), e.g. after the account it was for changed. */
export async function voidAuthKey(kv: KVNamespace, purpose: AuthKeyPurpose, subject: string): Promise<void> {
  await kv.delete(kvKey(purpose, subject));
}

const ALL_PURPOSES: readonly AuthKeyPurpose[] = ["open", "reset", "signup", "login"];

/**
 * R-DEL-4: the ids of the keys (all purposes) held in KV for these subjects, so that an erasure deletes their attempt
 * rows before it voids the keys (voidAllAuthKeys): a crash between the two finds them again.
 */
export async function authKeyIdsOf(kv: KVNamespace, subjects: readonly string[]): Promise<string[]> {
  const keys = subjects.flatMap((subject) => ALL_PURPOSES.map((purpose) => kvKey(purpose, subject)));
  // Expired or not (utils/expiring-kv's envelope): the attempt row outlives the key's expiry.
  const found = await Promise.all(keys.map((key) => kv.get<{ value?: Partial<StoredKey> }>(key, "json").catch(() => null)));
  return found.flatMap((envelope) => (typeof envelope?.value?.keyId === "string" ? [envelope.value.keyId] : []));
}

/** Voids every key (all purposes) of these subjects. */
export async function voidAllAuthKeys(kv: KVNamespace, subjects: readonly string[]): Promise<void> {
  await Promise.all(subjects.flatMap((subject) => ALL_PURPOSES.map((purpose) => kv.delete(kvKey(purpose, subject)))));
}

/** Japanese message for a failed key check, for the field beside the key input. */
export function keyCheckMessage(check: Exclude<KeyCheck, { ok: true }>, what = "認証キー"): string {
  switch (check.reason) {
    case "wrong":
      return `${what}が正しくありません。あと${check.remaining}回間違えると、この${what}は無効になります。`;
    case "voided":
      return `${what}を5回間違えたため、この${what}は無効になりました。もう一度${what}を発行してください。`;
    default:
      return `${what}が正しくないか、有効期限が切れています。もう一度${what}を発行してください。`;
  }
}
