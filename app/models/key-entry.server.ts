/**
 * The key and password steps that opening, 仮登録 and the password forms share: the server-side password policy
 * (R-OPEN-6) layered on a form schema, and the throttles on key requests and wrong key entries (R-AUTH-3).
 */
import { z } from "zod";
import { MINUTE_MS, type Clock } from "../lib/clock";
import { emailKey } from "../lib/normalize";
import { passwordProblem } from "../lib/password-policy.server";
import { keyCompletionSchema } from "../lib/schemas/opening";
import { checkAuthKey, keyCheckMessage, type AuthKeyPurpose } from "../utils/auth-keys.server";
import type { Db } from "../utils/db.server";
import {
  accountScope,
  clientScope,
  LIMITS,
  lockedMessage,
  releaseStatements,
  reserveAttempts,
  runStatements,
  type ThrottleLimit,
} from "../utils/throttle.server";

// ---------------------------------------------------------------------------------------------
// Server-side password policy (R-OPEN-6)
// ---------------------------------------------------------------------------------------------

/**
 * Layers the password policy (12–128 characters, the common-password list, repetition, the address's local
 * part) on a form schema with `newPasswordFields`, on the server only: the list never reaches the browser.
 * `email` gives the account's address from the parsed value (or the signed-in account's).
 */
export function withPasswordPolicy<S extends z.ZodType<{ password: string }>>(schema: S, email: (value: z.output<S>) => string | undefined): S {
  return schema.superRefine((value, ctx) => {
    // Refinements may run after other fields failed: only check a string.
    if (typeof value.password !== "string") return;
    const problem = passwordProblem(value.password, email(value));
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
}

/** The completion form of パスワード登録 and 仮登録 with the password policy. */
export const keyCompletionServerSchema = withPasswordPolicy(keyCompletionSchema, (value) => (typeof value.email === "string" ? value.email : undefined));

export type KeyCompletionInput = z.output<typeof keyCompletionServerSchema>;

// ---------------------------------------------------------------------------------------------
// Throttling key requests and key entries (R-AUTH-3)
// ---------------------------------------------------------------------------------------------

/** Keys issued per address and per client: 5 per address and 30 per client in 30 minutes. */
export const KEY_REQUEST_LIMITS = {
  address: { max: 5, windowMs: 30 * MINUTE_MS, lockMs: 30 * MINUTE_MS },
  client: { max: 30, windowMs: 30 * MINUTE_MS, lockMs: 30 * MINUTE_MS },
} satisfies Record<string, ThrottleLimit>;

/**
 * Counts a key request for the address (known or not) and the client; returns the instant until which
 * requests are refused, or null when this one may proceed.
 */
export async function throttleKeyRequest(db: Db, clock: Clock, kind: "open" | "signup" | "seeker", address: string, request: Request): Promise<number | null> {
  const addressScope = accountScope(kind === "seeker" ? "seeker-open" : kind, emailKey(address));
  const perClient = `${clientScope(request)}:${kind}-keys`;
  // One conditional write per scope: a burst of parallel requests gets exactly the allowed number (issue 9 #3).
  const issues = await reserveAttempts(db, clock, [
    { scope: addressScope, limit: KEY_REQUEST_LIMITS.address },
    { scope: perClient, limit: KEY_REQUEST_LIMITS.client },
  ]);
  return issues.ok ? null : issues.until;
}

export function keyRequestLockedMessage(until: number, clock: Clock): string {
  const minutes = Math.max(1, Math.ceil((until - clock.now().getTime()) / MINUTE_MS));
  return `認証キーの発行のお申し込みが続いたため、しばらく受け付けを停止しています。${minutes}分ほど待ってから、もう一度お試しください。`;
}

/** `cookie`: the session the success started in its own batch (else the caller starts one). */
export type KeyEntryOutcome = { ok: true; accountId: string; cookie?: string } | { ok: false; status: 400 | 429; message: string };

/**
 * Checks an entered key with the per-client limit on wrong entries (the key itself is void after 5).
 * `subject` null means there is nothing to open: the answer is the one for a wrong key.
 */
export async function checkEnteredKey(
  db: Db,
  kv: KVNamespace,
  clock: Clock,
  request: Request,
  purpose: AuthKeyPurpose,
  subject: string,
  entered: string,
): Promise<{ ok: true } | { ok: false; status: 400 | 429; message: string }> {
  // The try is reserved before the check (issue 9 #3); a right key gives it back.
  const tries = await reserveAttempts(db, clock, [{ scope: clientScope(request), limit: LIMITS.client }]);
  if (!tries.ok) return { ok: false, status: 429, message: lockedMessage(tries.until, clock) };
  const check = await checkAuthKey(kv, db, clock, purpose, subject, entered);
  if (!check.ok) return { ok: false, status: 400, message: keyCheckMessage(check) };
  await runStatements(db, releaseStatements(db, tries.held));
  return { ok: true };
}

export const INVALID_KEY_MESSAGE = keyCheckMessage({ ok: false, reason: "invalid" });
