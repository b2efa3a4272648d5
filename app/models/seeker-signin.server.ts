/**
 * 求職者マイページ sign-in (issue 12, R-AUTH-1, R-AUTH-3 for seekers): the employer's machinery with the account type
 * as a parameter — the password check against the dummy hash for unknown addresses (verifyCredentials), the budgets
 * per address and client reserved before hashing (reserveSignIn, scope `seeker:`), the mailed 6-digit code
 * (sendLoginCode, KV subject `seeker:<id>`), the second factor's own budget (second-factor.server.ts, kind "seeker"),
 * and sessions of type "seeker" (own cookie, SESSION_POLICIES.seeker). No trusted browsers for seekers: every
 * sign-in asks for the code.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { eq } from "drizzle-orm";
import { emailKey } from "../lib/normalize";
import { safeRedirect } from "../lib/redirect";
import { loginCodeSchema, loginSchema } from "../lib/schemas/employer-auth";
import { auditStatement } from "../utils/audit.server";
import { checkAuthKey, keyCheckMessage, voidAuthKey } from "../utils/auth-keys.server";
import { readForm } from "../utils/body.server";
import { getDb, schema, type Db } from "../utils/db.server";
import { redirectWithFlash } from "../utils/flash.server";
import { getSeekerSession, seekerMaySignIn } from "../utils/seeker-auth.server";
import { clearSessionCookie, invalidateSession } from "../utils/session.server";
import { lockedBy, lockedMessage, provenStatements, reserveAttempts, runStatements } from "../utils/throttle.server";
import type { Clock } from "../lib/clock";
import {
  keySubject,
  recordFailedTry,
  RESEND_LIMIT,
  resendLockedMessage,
  resendScope,
  reserveSignIn,
  sendLoginCode,
  sessionStartStatements,
  SIGN_IN_FAILED,
  verifyCredentials,
} from "./employer-signin.server";
import {
  codeRefusedMessage,
  employerSecondFactorLockStatements,
  SECOND_FACTOR_LIMIT,
  secondFactorBudgets,
  secondFactorLockedMessage,
  secondFactorLockedUntil,
  secondFactorScope,
} from "./second-factor.server";
import { findSeekerAccountByEmail, seekerCanSignIn } from "./seeker-account.server";

export const SEEKER_HOME = "/seeker";

function afterSeekerSignIn(redirectTo: string | null | undefined): string {
  const to = safeRedirect(redirectTo, SEEKER_HOME);
  return to.startsWith(SEEKER_HOME) ? to : SEEKER_HOME;
}

/**
 * /seeker/login's action: e-mail + password. A right password of an account that may sign in gets a half session
 * and a mailed code; anything else gets the one answer SIGN_IN_FAILED (the same whether or not the address exists).
 */
export async function seekerSignInAction(request: Request, context: AppLoadContext) {
  const { clock } = context;
  const env = context.cloudflare.env;
  const db = getDb(env);
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const key = emailKey(email);
  const refuse = (message: string, status = 400) => data(submission.reply({ fieldErrors: { password: [message] }, hideFields: ["password"] }), { status });

  const found = await findSeekerAccountByEmail(db, key);
  const tries = await reserveSignIn(db, clock, request, key, found?.id ?? null, "seeker");
  if (!tries.ok) return refuse(lockedMessage(tries.until, clock), 429);

  const checked = await verifyCredentials(found, password);
  if (!checked || !seekerCanSignIn(found)) {
    await recordFailedTry(db, clock, tries.held, found?.id ?? null, "seeker.signin.locked", "seeker_account");
    return refuse(SIGN_IN_FAILED);
  }
  const proven = provenStatements(db, tries.held);
  const factorLocked = await secondFactorLockedUntil(db, clock, "seeker", found.id);
  if (factorLocked) {
    await runStatements(db, proven);
    return refuse(secondFactorLockedMessage("seeker", factorLocked, clock), 429);
  }
  const half = sessionStartStatements(db, clock, "seeker", found.id, request, false);
  await sendLoginCode(env, db, clock, found, [...half.statements, ...proven], "seeker");
  const back = safeRedirect(redirectTo, "");
  const next = back ? `/seeker/login/verify?redirectTo=${encodeURIComponent(back)}` : "/seeker/login/verify";
  return redirect(next, { status: 303, headers: { "Set-Cookie": half.cookie } });
}

/**
 * Guard of /seeker/login/verify: a half session (password done, code pending) of an account that may still sign in.
 * No session → /seeker/login; an account that can no longer sign in loses its session; a verified one goes home.
 */
export async function requireHalfSeekerSignIn(request: Request, context: AppLoadContext) {
  const { db, session, account, seeker } = await getSeekerSession(request, context);
  if (!session) throw redirect("/seeker/login", { status: 303 });
  if (!account || !seeker || !seekerMaySignIn(account, seeker)) {
    await invalidateSession(db, session.id);
    throw redirect("/seeker/login", { status: 303, headers: { "Set-Cookie": clearSessionCookie("seeker") } });
  }
  if (session.twoFactorVerified) throw redirect(afterSeekerSignIn(new URL(request.url).searchParams.get("redirectTo")), { status: 303 });
  return { db, session, account: { ...account, officeCode: seeker.officeCode }, seeker };
}

/** /seeker/login/verify's action: resend, or the code (the second factor's own budget, the code void after 5). */
export async function seekerVerifyAction(request: Request, context: AppLoadContext) {
  const { db, account } = await requireHalfSeekerSignIn(request, context);
  const { clock } = context;
  const env = context.cloudflare.env;
  const formData = await readForm(request);
  const subject = keySubject("seeker", account.id);

  if (formData.get("intent") === "resend") {
    const factorLocked = await secondFactorLockedUntil(db, clock, "seeker", account.id);
    if (factorLocked) return data({ resend: secondFactorLockedMessage("seeker", factorLocked, clock) }, { status: 429 });
    const resends = await reserveAttempts(db, clock, [{ scope: resendScope(subject), limit: RESEND_LIMIT }]);
    if (!resends.ok) return data({ resend: resendLockedMessage(resends.until, clock) }, { status: 429 });
    await sendLoginCode(env, db, clock, account, [], "seeker");
    return redirectWithFlash("/seeker/login/verify", "新しいワンタイムパスワードを送信しました。以前のワンタイムパスワードは使えません。");
  }

  const submission = parseWithZod(formData, { schema: loginCodeSchema });
  if (submission.status !== "success") return data({ verify: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
  const refuse = (message: string, status = 400) => data({ verify: submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }) }, { status });

  const factorScope = secondFactorScope("seeker", account.id);
  const tries = await reserveAttempts(db, clock, secondFactorBudgets(request, "seeker", account.id));
  if (!tries.ok) return refuse(codeRefusedMessage("seeker", tries, clock), 429);

  const check = await checkAuthKey(env.AUTH_KEYS, db, clock, "login", subject, submission.value.code);
  if (!check.ok) {
    await recordFailedTry(
      db,
      clock,
      tries.held.filter((h) => h.scope !== factorScope),
      account.id,
      "seeker.signin.locked",
      "seeker_account",
    );
    if (!lockedBy(tries.held).includes(factorScope)) return refuse(keyCheckMessage(check, "ワンタイムパスワード"));
    await voidAuthKey(env.AUTH_KEYS, "login", subject);
    await db.batch([...employerSecondFactorLockStatements(db, clock, env, account, "seeker")]);
    return refuse(secondFactorLockedMessage("seeker", clock.now().getTime() + SECOND_FACTOR_LIMIT.lockMs, clock), 429);
  }

  const session = sessionStartStatements(db, clock, "seeker", account.id, request, true);
  await db.batch([seekerAuditStatement(db, clock, account, "seeker.signin"), ...session.statements, ...provenStatements(db, tries.held)]);
  return redirect(afterSeekerSignIn(submission.value.redirectTo), { status: 303, headers: { "Set-Cookie": session.cookie } });
}

function seekerAuditStatement(db: Db, clock: Clock, account: { id: string; seekerId: string; officeCode: string }, action: string) {
  return auditStatement(db, clock, {
    actorType: "seeker",
    actorId: account.id,
    action,
    subjectType: "seeker_account",
    subjectId: account.id,
    officeCode: account.officeCode,
  });
}

/** /seeker/logout's action: the session row goes (with an audit row when it had an account) and the cookie is cleared. */
export async function seekerSignOutAction(request: Request, context: AppLoadContext) {
  const { db, session, account, seeker } = await getSeekerSession(request, context);
  if (session) {
    const end = db.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    if (account && seeker) await db.batch([end, seekerAuditStatement(db, context.clock, { ...account, officeCode: seeker.officeCode }, "seeker.signout")]);
    else await end;
  }
  return redirectWithFlash("/seeker/login", "ログアウトしました。", { headers: { "Set-Cookie": clearSessionCookie("seeker") } });
}
