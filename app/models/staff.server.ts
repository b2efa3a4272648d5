/**
 * 職員 (staff) accounts: sign-in with password + TOTP (R-AUTH-4). The TOTP secret being set up and the
 * last used time step (replay refusal) live in KV with their expiry inside the value.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { safeRedirect } from "../lib/redirect";
import { auditStatement } from "../utils/audit.server";
import { getUnexpired, putExpiring } from "../utils/expiring-kv.server";
import { accountScope, clientScope, LIMITS, lockedBy, type Budget, type HeldTry } from "../utils/throttle.server";
import { schema, type Db } from "../utils/db.server";

export type StaffAccount = typeof schema.staffAccounts.$inferSelect;

/** An active staff account by its e-mail key (emailKey), or undefined. */
export async function findActiveStaffByEmailKey(db: Db, key: string) {
  return db
    .select()
    .from(schema.staffAccounts)
    .where(and(eq(schema.staffAccounts.emailNormalized, key), eq(schema.staffAccounts.active, true)))
    .get();
}

export async function getActiveStaff(db: Db, staffId: string) {
  return db
    .select()
    .from(schema.staffAccounts)
    .where(and(eq(schema.staffAccounts.id, staffId), eq(schema.staffAccounts.active, true)))
    .get();
}

export function updateStaffPasswordHashStatement(db: Db, staffId: string, passwordHash: string) {
  return db.update(schema.staffAccounts).set({ passwordHash }).where(eq(schema.staffAccounts.id, staffId));
}

/** Saves the TOTP secret after the first correct code; never overwrites one already set. */
export function saveTotpSecretStatement(db: Db, staffId: string, secret: string) {
  return db
    .update(schema.staffAccounts)
    .set({ totpSecret: secret })
    .where(and(eq(schema.staffAccounts.id, staffId), isNull(schema.staffAccounts.totpSecret)));
}

export const ROLE_LABELS: Record<StaffAccount["role"], string> = {
  officer: "職員",
  supervisor: "統括職員",
};

/** How long a used time step is remembered: longer than the ±1 step window (90 s) that verifyTotp accepts. */
export const USED_STEP_TTL_SECONDS = 120;
/** How long a TOTP secret being set up waits for its first correct code. */
export const TOTP_SETUP_TTL_SECONDS = 15 * 60;

const usedStepKey = (staffId: string) => `totp-step:${staffId}`;
/**
 * The secret being set up belongs to one half session (issue 9 #4): another sign-in with the same password does
 * not see the QR code that an enrolment code unlocked.
 */
const setupKey = (staffId: string, sessionId: string) => `totp-setup:${staffId}:${sessionId}`;

/** True when `step` is not later than the last step this account used (a replayed code). */
export async function isReplayedStep(kv: KVNamespace, clock: Clock, staffId: string, step: number): Promise<boolean> {
  const last = await getUnexpired<number>(kv, usedStepKey(staffId), clock);
  return last !== null && step <= last.value;
}

export async function rememberUsedStep(kv: KVNamespace, clock: Clock, staffId: string, step: number): Promise<void> {
  await putExpiring(kv, usedStepKey(staffId), step, clock, USED_STEP_TTL_SECONDS);
}

export async function getPendingTotpSecret(kv: KVNamespace, clock: Clock, staffId: string, sessionId: string): Promise<string | null> {
  return (await getUnexpired<string>(kv, setupKey(staffId, sessionId), clock))?.value ?? null;
}

export async function putPendingTotpSecret(kv: KVNamespace, clock: Clock, staffId: string, sessionId: string, secret: string): Promise<void> {
  await putExpiring(kv, setupKey(staffId, sessionId), secret, clock, TOTP_SETUP_TTL_SECONDS);
}

export async function deletePendingTotpSecret(kv: KVNamespace, staffId: string, sessionId: string): Promise<void> {
  await kv.delete(setupKey(staffId, sessionId));
}

/**
 * A PHC string with the current parameters that matches no password: unknown addresses are checked
 * against it so that the answer takes as long as for a known one (R-AUTH-3, no enumeration by timing).
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c3RhZmYtc2lnbmluLWR1bW15$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * The budgets a staff password check reserves before the hash (R-AUTH-3, issue 9 #3): the e-mail key (known or
 * not), then the client.
 */
export function staffSignInBudgets(request: Request, key: string): Budget[] {
  return [
    { scope: accountScope("staff", key), limit: LIMITS.account },
    { scope: clientScope(request), limit: LIMITS.client },
  ];
}

/**
 * A failed password or TOTP entry keeps its reserved tries; when it took a scope's last try, writes
 * "staff.signin.locked" to the audit log (without the address typed).
 */
export async function recordStaffFailedTry(
  db: Db,
  clock: Clock,
  held: HeldTry[],
  stage: "password" | "totp",
  staff?: { id: string; officeCode: string },
): Promise<void> {
  const locked = lockedBy(held);
  if (locked.length === 0) return;
  await db.batch([
    auditStatement(db, clock, {
      actorType: "anonymous",
      action: "staff.signin.locked",
      subjectType: "staff_account",
      subjectId: staff?.id ?? null,
      officeCode: staff?.officeCode ?? null,
      details: { stage, scopes: locked.map((scope) => (scope.startsWith("client:") ? "client" : "account")) },
    }),
  ]);
}

export function signInAuditStatement(db: Db, clock: Clock, staff: { id: string; officeCode: string }, details: Record<string, unknown> = {}) {
  return auditStatement(db, clock, {
    actorType: "staff",
    actorId: staff.id,
    action: "staff.signin",
    subjectType: "staff_account",
    subjectId: staff.id,
    officeCode: staff.officeCode,
    details,
  });
}

export function signOutAuditStatement(db: Db, clock: Clock, staff: { id: string; officeCode: string }) {
  return auditStatement(db, clock, {
    actorType: "staff",
    actorId: staff.id,
    action: "staff.signout",
    subjectType: "staff_account",
    subjectId: staff.id,
    officeCode: staff.officeCode,
  });
}

/** After sign-in only staff pages are followed (no open redirect, no employer pages). */
export function staffRedirectTarget(to: string | null | undefined): string {
  const target = safeRedirect(to, "/staff");
  const path = target.split(/[?#]/)[0]!;
  if (path.startsWith("/staff/login") || path.startsWith("/staff/logout")) return "/staff";
  if (path !== "/staff" && !path.startsWith("/staff/")) return "/staff";
  return target;
}
