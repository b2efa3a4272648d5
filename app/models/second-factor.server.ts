/**
 * The second factor's own failure count (R-AUTH-3, R-AUTH-4, issue 9 #1): wrong e-mail one-time codes of an
 * employer and wrong TOTP codes of an officer are counted per account in a scope that a correct password does not
 * reset — only a correct second factor (or, for an employer, a password reset by mail) clears it. 5 wrong codes in
 * a day lock the second factor for an hour; the employer is told by mail, the supervisors of the officer's office by
 * mail and in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { DAY_MS, MINUTE_MS, type Clock } from "../lib/clock";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";
import { enqueueMail, mailContext } from "../utils/mail.server";
import { clientScope, LIMITS, lockedMessage, lockedUntil, type Budget, type ThrottleLimit } from "../utils/throttle.server";

/** 5 wrong codes within 24 hours lock the account's second factor for 60 minutes. */
export const SECOND_FACTOR_LIMIT: ThrottleLimit = { max: 5, windowMs: DAY_MS, lockMs: 60 * MINUTE_MS };

export type SecondFactorKind = "employer" | "staff" | "seeker";

export function secondFactorScope(kind: SecondFactorKind, accountId: string): string {
  return `2fa:${kind}:${accountId}`;
}

/** The budgets a code entry reserves: the account's second factor, then the client. */
export function secondFactorBudgets(request: Request, kind: SecondFactorKind, accountId: string): Budget[] {
  return [
    { scope: secondFactorScope(kind, accountId), limit: SECOND_FACTOR_LIMIT },
    { scope: clientScope(request), limit: LIMITS.client },
  ];
}

export function secondFactorLockedUntil(db: Db, clock: Clock, kind: SecondFactorKind, accountId: string): Promise<number | null> {
  return lockedUntil(db, clock, [secondFactorScope(kind, accountId)]);
}

export function secondFactorLockedMessage(kind: SecondFactorKind, until: number, clock: Clock): string {
  const minutes = Math.max(1, Math.ceil((until - clock.now().getTime()) / MINUTE_MS));
  if (kind === "seeker") {
    return `ワンタイムパスワードの誤りが続いたため、このアカウントのログインを一時停止しています。${minutes}分ほど待ってから、もう一度ログインしてください。お心当たりのない場合は、ご登録のハローワークにお問い合わせください。`;
  }
  return kind === "employer"
    ? `ワンタイムパスワードの誤りが続いたため、このアカウントのログインを一時停止しています。${minutes}分ほど待ってから、もう一度ログインしてください。お心当たりのない場合は「パスワードを忘れた方」からパスワードを再登録してください。`
    : `確認コードの誤りが続いたため、この職員アカウントのログインを一時停止しています。${minutes}分ほど待ってから、もう一度お試しください。所の統括職員にお知らせしました。`;
}

/** The message for a code entry refused by a locked scope: the second factor's own, or the client's. */
export function codeRefusedMessage(kind: SecondFactorKind, refused: { scope: string; until: number }, clock: Clock): string {
  return refused.scope.startsWith("2fa:") ? secondFactorLockedMessage(kind, refused.until, clock) : lockedMessage(refused.until, clock);
}

/** When an employer's (or a seeker's) wrong code locked the second factor: the audit row and a mail to the account. */
export function employerSecondFactorLockStatements(
  db: Db,
  clock: Clock,
  env: Env,
  account: { id: string; email: string; officeCode: string | null },
  kind: "employer" | "seeker" = "employer",
) {
  const at = clock.now().getTime();
  return [
    auditStatement(db, clock, {
      actorType: "anonymous",
      action: `${kind}.signin.second-factor.locked`,
      subjectType: `${kind}_account`,
      subjectId: account.id,
      officeCode: account.officeCode,
      details: { until: at + SECOND_FACTOR_LIMIT.lockMs },
    }),
    enqueueMail(db, clock, mailContext(env), account.email, "secondFactorLocked", {
      at,
      until: at + SECOND_FACTOR_LIMIT.lockMs,
      ...(kind === "seeker" ? { service: "求職者マイページ" as const } : {}),
    }),
  ] as const;
}

/**
 * When an officer's wrong TOTP code locked the second factor: the audit row of the office (its supervisors' log)
 * and a mail to each active supervisor of the office.
 */
export async function staffSecondFactorLockStatements(db: Db, clock: Clock, env: Env, staff: { id: string; name: string; email: string; officeCode: string }) {
  const s = schema.staffAccounts;
  const supervisors = await db
    .select({ email: s.email })
    .from(s)
    .where(and(eq(s.officeCode, staff.officeCode), eq(s.role, "supervisor"), eq(s.active, true)))
    .all();
  const at = clock.now().getTime();
  const until = at + SECOND_FACTOR_LIMIT.lockMs;
  const ctx = mailContext(env);
  return [
    auditStatement(db, clock, {
      actorType: "anonymous",
      action: "staff.signin.second-factor.locked",
      subjectType: "staff_account",
      subjectId: staff.id,
      officeCode: staff.officeCode,
      details: { until, notified: supervisors.length },
    }),
    ...supervisors.map((sup) =>
      enqueueMail(db, clock, ctx, sup.email, "staffSecondFactorLocked", { staffName: staff.name, staffEmail: staff.email, at, until }),
    ),
  ] as const;
}
