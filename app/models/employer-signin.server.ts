/**
 * Employer sign-in (R-AUTH-1, R-AUTH-3, R-GATE-2): who may sign in, the password check that takes the
 * same time for unknown addresses, the e-mail one-time code, browsers trusted for 30 days, the
 * failure counting, and the start of a signed-in session. Shared by /login, /login/verify, password
 * reset, and the opening flows (パスワード登録, 仮登録), which sign the employer in directly because they
 * have just proved control of the mailbox with a key.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { DAY_MS, MINUTE_MS, type Clock } from "../lib/clock";
import { verifyPassword } from "../lib/password";
import { decideSignIn, opensSession, unusableMessage, type SignInAccount, type SignInDecision } from "../rules/sign-in";
import { redirectWithFlash } from "../utils/flash.server";
import { isTrustedBrowser, trustBrowserStatements } from "./employer-account.server";
import { auditStatement } from "../utils/audit.server";
import { issueAuthKey } from "../utils/auth-keys.server";
import { safeRedirect } from "../lib/redirect";
import { getEmployerSession } from "../utils/auth.server";
import { deleteCookie, readCookie, serializeCookie } from "../utils/cookies.server";
import { schema, type Db } from "../utils/db.server";
import { enqueueMail, mailContext } from "../utils/mail.server";
import {
  clearSessionCookie,
  generateSessionToken,
  invalidateSession,
  newSessionRow,
  sessionCookie,
  sessionIdFromToken,
  SESSION_POLICIES,
  type AccountType,
} from "../utils/session.server";
import {
  accountScope,
  clientScope,
  LIMITS,
  lockedBy,
  lockedMessage,
  reserveAttempts,
  type Budget,
  type HeldTry,
  type Reservation,
  type ThrottleLimit,
} from "../utils/throttle.server";
import { knownDeviceHash } from "./known-devices.server";

/** The generic answer to a failed sign-in: never says whether the address is registered (R-AUTH-3). */
export const SIGN_IN_FAILED = "メールアドレスまたはパスワードが正しくありません。";

/**
 * A fixed argon2id hash (current parameters) of a random password nobody knows. Unknown addresses and
 * accounts without a password are checked against it, so the answer takes as long as for a real account.
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$VlIcRKRcKLLa9b4x59aS5A$TMr+BLC7t1xSTBpmiAI+saBUtz4CJ3fUvnUy4GD0Tvg";

/**
 * Checks e-mail + password. Always runs one argon2id verification (against the dummy hash when the
 * address is unknown or has no password), so timing does not tell registered addresses apart.
 * Returns the account only when the password is right.
 */
export async function verifyCredentials<A extends Pick<SignInAccount, "passwordHash">>(account: A | null, password: string): Promise<A | null> {
  const hash = account?.passwordHash ?? DUMMY_PASSWORD_HASH;
  const ok = await verifyPassword(hash, password);
  return ok && account?.passwordHash ? account : null;
}

/** Where a just-signed-in account goes: a provisional account to its own area, others to redirectTo. */
export function afterSignInPath(decision: SignInDecision, redirectTo: string | null | undefined): string {
  if (decision.kind === "provisional") {
    const to = safeRedirect(redirectTo, "/provisional");
    return to.startsWith("/provisional") ? to : "/provisional";
  }
  return safeRedirect(redirectTo, "/mypage");
}

// ---------------------------------------------------------------------------------------------
// Sessions

/**
 * The statements that start a session of `accountType` for this browser: the session the browser already
 * holds (e.g. the half session before the one-time code) is deleted, so the token always rotates at
 * sign-in (no session fixation). Put them in the caller's batch; send `cookie` as Set-Cookie. Employers and
 * seekers (issue 12) share it; each type has its own cookie (SESSION_POLICIES).
 */
export function sessionStartStatements(db: Db, clock: Clock, accountType: AccountType, accountId: string, request: Request, twoFactorVerified: boolean) {
  const statements: BatchItem<"sqlite">[] = [];
  const old = readCookie(request, SESSION_POLICIES[accountType].cookieName);
  if (old && /^[a-z2-7]{32}$/.test(old)) {
    statements.push(db.delete(schema.sessions).where(eq(schema.sessions.id, sessionIdFromToken(old))));
  }
  const token = generateSessionToken();
  statements.push(db.insert(schema.sessions).values(newSessionRow(token, accountType, accountId, clock, twoFactorVerified)));
  return { statements, cookie: sessionCookie(accountType, token) };
}

/** `sessionStartStatements` of an employer. */
export function employerSessionStatements(db: Db, clock: Clock, accountId: string, request: Request, twoFactorVerified: boolean) {
  return sessionStartStatements(db, clock, "employer", accountId, request, twoFactorVerified);
}

/**
 * Starts a signed-in (second factor done) session and returns its Set-Cookie value. Used after the one-time code,
 * with a trusted browser, and by the opening flows that just proved mailbox control.
 */
export async function startEmployerSession(
  db: Db,
  clock: Clock,
  accountId: string,
  request: Request,
  accountType: AccountType = "employer",
): Promise<{ cookie: string }> {
  const { statements, cookie } = sessionStartStatements(db, clock, accountType, accountId, request, true);
  const [first, ...rest] = statements;
  await db.batch([first!, ...rest]);
  return { cookie };
}

// ---------------------------------------------------------------------------------------------
// Trusted browsers (R-AUTH-1: skip the one-time code for 30 days)

export const TRUSTED_BROWSER_COOKIE = "__Host-mp_trusted";
export const TRUSTED_BROWSER_DAYS = 30;

function tokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The hash of the browser's trust token when it is a non-expired one for this account, else null. */
async function trustedTokenHash(db: Db, clock: Clock, request: Request, accountId: string): Promise<string | null> {
  const token = readCookie(request, TRUSTED_BROWSER_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = tokenHash(token);
  return (await isTrustedBrowser(db, accountId, hash, clock.now().getTime())) ? hash : null;
}

/** True when the browser carries a non-expired trust token for this account. */
export async function browserIsTrusted(db: Db, clock: Clock, request: Request, accountId: string): Promise<boolean> {
  return (await trustedTokenHash(db, clock, request, accountId)) !== null;
}

/** A new trust token: the row (only its SHA-256) and its audit row for the batch, and the 30-day cookie. */
export function trustBrowser(db: Db, clock: Clock, account: { id: string; officeCode: string | null }) {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const token = encodeBase64urlNoPadding(bytes);
  const now = clock.now().getTime();
  const maxAgeSeconds = TRUSTED_BROWSER_DAYS * (DAY_MS / 1000);
  return {
    statements: trustBrowserStatements(db, clock, account, tokenHash(token), now + TRUSTED_BROWSER_DAYS * DAY_MS),
    cookie: serializeCookie(TRUSTED_BROWSER_COOKIE, token, { maxAge: maxAgeSeconds }),
  };
}

export function forgetBrowserCookie(): string {
  return deleteCookie(TRUSTED_BROWSER_COOKIE);
}

// ---------------------------------------------------------------------------------------------
// One-time code by e-mail

/** The subject of an account's keys in KV: the account id for employers (as before), prefixed for seekers. */
export function keySubject(accountType: "employer" | "seeker", accountId: string): string {
  return accountType === "employer" ? accountId : `${accountType}:${accountId}`;
}

/** Issues a 6-digit code (10 minutes, replaces any older one) and mails it, in one batch with its attempts row. */
export async function sendLoginCode(
  env: Env,
  db: Db,
  clock: Clock,
  account: { id: string; email: string },
  extra: BatchItem<"sqlite">[] = [],
  accountType: "employer" | "seeker" = "employer",
) {
  const issued = await issueAuthKey(env.AUTH_KEYS, db, clock, "login", keySubject(accountType, account.id));
  await db.batch([
    issued.attemptsRow,
    enqueueMail(db, clock, mailContext(env), account.email, "loginCode", {
      code: issued.key,
      expiresAt: issued.expiresAt,
      ...(accountType === "seeker" ? { service: "求職者マイページ" } : {}),
    }),
    ...extra,
  ]);
  return issued;
}

/** Resending the code: at most 5 per account in 15 minutes (mail bombing). */
export const RESEND_LIMIT: ThrottleLimit = { max: 5, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS };

export function resendScope(accountId: string): string {
  return `login-code:${accountId}`;
}

export function resendLockedMessage(until: number, clock: Clock): string {
  const minutes = Math.max(1, Math.ceil((until - clock.now().getTime()) / MINUTE_MS));
  return `ワンタイムパスワードの再送信が続いたため、しばらく再送信できません。${minutes}分ほど待ってから、もう一度お試しください。届いているワンタイムパスワードは引き続き使えます。`;
}

// ---------------------------------------------------------------------------------------------
// Failure counting (R-AUTH-3, issue 9 #3 and #6)

/**
 * The browser's own id when it is known for the account: its device cookie (set at every complete sign-in), or
 * else its trusted-browser cookie. Null for any other browser.
 */
async function knownBrowser(db: Db, clock: Clock, request: Request, accountId: string): Promise<string | null> {
  return (await knownDeviceHash(db, clock, request, accountId)) ?? (await trustedTokenHash(db, clock, request, accountId));
}

/**
 * The budgets a password check reserves before hashing: the address (known or not) — or, for a browser that has
 * signed in to this account before, that browser's own budget for the address (issue 9 #6: failures from other
 * clients cannot lock it out) — and then the client.
 */
export async function signInBudgets(
  db: Db,
  clock: Clock,
  request: Request,
  emailKey: string,
  accountId: string | null,
  accountType: "employer" | "seeker" = "employer",
): Promise<Budget[]> {
  const known = accountId ? await knownBrowser(db, clock, request, accountId) : null;
  const address = accountScope(accountType, emailKey);
  return [
    { scope: known ? `${address}:device:${known.slice(0, 32)}` : address, limit: LIMITS.account },
    { scope: clientScope(request), limit: LIMITS.client },
  ];
}

/** Reserves a password check's try (see `signInBudgets`); refused → the lock's message. */
export async function reserveSignIn(
  db: Db,
  clock: Clock,
  request: Request,
  emailKey: string,
  accountId: string | null,
  accountType: "employer" | "seeker" = "employer",
): Promise<Reservation> {
  return reserveAttempts(db, clock, await signInBudgets(db, clock, request, emailKey, accountId, accountType));
}

/**
 * The signed-in account's current password, asked again before a grave change (パスワードの変更, 退会): the try is
 * reserved in the sign-in budgets before the hash (R-AUTH-3) and a wrong one counts like a failed sign-in. `held` is
 * for `provenStatements` in the change's batch.
 */
export async function checkCurrentPassword(
  db: Db,
  clock: Clock,
  request: Request,
  account: { id: string; emailNormalized: string; passwordHash: string | null },
  password: string,
): Promise<{ ok: true; held: HeldTry[] } | { ok: false; status: 400 | 429; message: string }> {
  const tries = await reserveSignIn(db, clock, request, account.emailNormalized, account.id);
  if (!tries.ok) return { ok: false, status: 429, message: lockedMessage(tries.until, clock) };
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    await recordFailedTry(db, clock, tries.held, account.id, "employer.signin.locked");
    return { ok: false, status: 400, message: "現在のパスワードが正しくありません。" };
  }
  return { ok: true, held: tries.held };
}

function lockedScopeKind(scope: string): string {
  if (scope.startsWith("client:")) return "client";
  return scope.includes(":device:") ? "device" : "account";
}

/**
 * A failed try (wrong password, unknown address, refused account, wrong key) keeps its reservations. When it took
 * a scope's last try, an audit row records the lock: the account id when the address is registered, never the
 * address itself.
 */
export async function recordFailedTry(
  db: Db,
  clock: Clock,
  held: HeldTry[],
  accountId: string | null,
  action: string,
  subjectType = "employer_account",
): Promise<void> {
  const locked = lockedBy(held);
  if (locked.length === 0) return;
  await db.batch([
    auditStatement(db, clock, {
      actorType: "anonymous",
      action,
      subjectType,
      subjectId: accountId,
      details: { locked: locked.map(lockedScopeKind) },
    }),
  ]);
}

/** The audit row of a completed sign-in. */
export function signInAuditStatement(db: Db, clock: Clock, account: SignInAccount, method: "mail-code" | "trusted-browser") {
  return auditStatement(db, clock, {
    actorType: "employer",
    actorId: account.id,
    action: "employer.signin",
    subjectType: "employer_account",
    subjectId: account.id,
    officeCode: account.officeCode,
    details: { method },
  });
}

/** The sign-in facts of a session's account, from what the guard read with the session. */
function signInAccountOf(state: Awaited<ReturnType<typeof getEmployerSession>>): SignInAccount | null {
  const { account, establishment, office, provisional } = state;
  if (!account) return null;
  return {
    id: account.id,
    email: account.email,
    emailNormalized: account.emailNormalized,
    passwordHash: account.passwordHash,
    status: account.status,
    isMain: account.isMain,
    establishmentId: account.establishmentId,
    establishmentStatus: establishment?.status ?? null,
    officeCode: establishment?.officeCode ?? provisional?.officeCode ?? null,
    officeName: office?.name ?? null,
    officePhone: office?.phone ?? null,
    provisionalId: provisional?.id ?? null,
  };
}

/** What sign-in would decide now for the session's account (null without a session or account). */
export function sessionSignInDecision(state: Awaited<ReturnType<typeof getEmployerSession>>): SignInDecision | null {
  const account = state.session ? signInAccountOf(state) : null;
  return account ? decideSignIn(account) : null;
}

/**
 * Guard of /login/verify: a half session (password done, code pending) of an account that may still
 * sign in (decided again: its state may have changed meanwhile). No session → /login; an account that can
 * no longer sign in loses its session; an already verified session goes on to where it was going.
 */
export async function requireHalfSignIn(request: Request, context: AppLoadContext) {
  const state = await getEmployerSession(request, context);
  const { db, session } = state;
  if (!session) throw redirect("/login", { status: 303 });
  const account = signInAccountOf(state);
  const decision = account ? decideSignIn(account) : null;
  if (!account || !decision || !opensSession(decision)) {
    await invalidateSession(db, session.id);
    const headers = { "Set-Cookie": clearSessionCookie("employer") };
    if (decision?.kind === "unusable")
      throw redirectWithFlash("/login", unusableMessage({ name: account!.officeName, phone: account!.officePhone }), { headers, tone: "warning" });
    throw redirect("/login", { status: 303, headers });
  }
  if (session.twoFactorVerified) {
    throw redirect(afterSignInPath(decision, new URL(request.url).searchParams.get("redirectTo")), { status: 303 });
  }
  return { db, session, account, decision };
}

// ---------------------------------------------------------------------------------------------
// Password reset (R-AUTH-2)

/** Accounts that may reset their password: those that could sign in (including 利用不可 ones). */
export function canResetPassword(account: SignInAccount | null): account is SignInAccount {
  if (!account) return false;
  // A withdrawn or closed My Page (R-DEL-1/3) is not reopened by a new password: it answers like an unknown address.
  const { kind } = decideSignIn(account);
  return kind === "mypage" || kind === "provisional" || kind === "unusable";
}

/**
 * The subject of a reset key. For an address that is not registered a key is issued too (and never
 * mailed), so wrong entries get exactly the answers a registered address gets (R-AUTH-3).
 */
export function resetKeySubject(account: SignInAccount | null, emailKey: string): string {
  return canResetPassword(account) ? account.id : `unregistered:${emailKey}`;
}

/** At most 5 reset keys per address and 20 per client in 30 minutes (beyond that, silently none). */
export const RESET_ISSUE_LIMITS = {
  address: { max: 5, windowMs: 30 * MINUTE_MS, lockMs: 30 * MINUTE_MS },
  client: { max: 20, windowMs: 30 * MINUTE_MS, lockMs: 30 * MINUTE_MS },
} satisfies Record<string, ThrottleLimit>;

export function resetIssueScopes(request: Request, emailKey: string): [string, string] {
  return [`reset-issue:${emailKey}`, `reset-issue:${clientScope(request)}`];
}

/** The budgets of reset-key entries, reserved before the key is checked: the address (known or not) and the client. */
export function resetKeyBudgets(request: Request, emailKey: string): Budget[] {
  return [
    { scope: accountScope("reset", emailKey), limit: LIMITS.account },
    { scope: clientScope(request), limit: LIMITS.client },
  ];
}
