/**
 * 認証アプリ登録コード (issue 9 #4): an officer without an authenticator sets one up only with a one-time code
 * that a supervisor of the same office issued (shown once to the supervisor, stored as a SHA-256, valid 24 hours,
 * used once). Issuing a new code for an officer voids the unused ones; issue and use are audited.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { HOUR_MS, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { valueWhile } from "../utils/sql.server";

export const ENROLMENT_CODE_TTL_MS = 24 * HOUR_MS;
/** Digits of a code (about 40 bits): wrong entries count as failed sign-ins (R-AUTH-3) and a code lives 24 hours. */
export const ENROLMENT_CODE_DIGITS = 12;

const c = schema.staffEnrolmentCodes;
const s = schema.staffAccounts;

export function generateEnrolmentCode(): string {
  let out = "";
  while (out.length < ENROLMENT_CODE_DIGITS) {
    for (const byte of crypto.getRandomValues(new Uint8Array(ENROLMENT_CODE_DIGITS))) {
      if (byte < 250 && out.length < ENROLMENT_CODE_DIGITS) out += String(byte % 10); // no modulo bias
    }
  }
  return out;
}

/** `123456789012` → `1234-5678-9012` (as shown to the supervisor). */
export function formatEnrolmentCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** What the officer typed, as digits: full-width digits, spaces and hyphens are accepted. */
export function normalizeEnrolmentCode(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-‐－ー]/gu, "");
}

function codeHash(staffId: string, code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`staff-enrolment:${staffId}:${code}`)));
}

/** SQL: the officer is active, of this office, and has no authenticator yet. */
function enrollable(staffId: string, officeCode: string) {
  return sql`EXISTS (SELECT 1 FROM ${s} WHERE ${s.id} = ${staffId} AND ${s.officeCode} = ${officeCode} AND ${s.active} = 1 AND ${s.totpSecret} IS NULL)`;
}

/** The office's active staff without an authenticator, with the expiry of their unused, unexpired code (if any). */
/** The office's officers without an authenticator, with their unused code's expiry: a read for the guard's batch. */
export function staffWithoutAuthenticatorQuery(db: Db, clock: Clock, officeCode: ScopeValue) {
  const now = clock.now().getTime();
  return db
    .select({
      id: s.id,
      name: s.name,
      email: s.email,
      role: s.role,
      codeExpiresAt: sql<
        number | null
      >`(SELECT MAX(${c.expiresAt}) FROM ${c} WHERE ${c.staffId} = ${s.id} AND ${c.usedAt} IS NULL AND ${c.expiresAt} > ${now})`,
    })
    .from(s)
    .where(and(eq(s.officeCode, officeCode), eq(s.active, true), isNull(s.totpSecret)))
    .orderBy(asc(s.name));
}

/**
 * A supervisor issues a code for an officer of their own office without an authenticator: unused codes of that
 * officer are voided, the new one's hash is stored, and the issue is audited — one batch, which refuses itself
 * (nothing written) unless the officer is still enrollable. The code itself is returned to be shown once.
 */
export async function issueEnrolmentCode(
  db: Db,
  clock: Clock,
  supervisor: { id: string; officeCode: string },
  staffId: string,
): Promise<{ ok: true; code: string; expiresAt: number } | { ok: false }> {
  const target = await db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.id, staffId), eq(s.officeCode, supervisor.officeCode), eq(s.active, true), isNull(s.totpSecret)))
    .get();
  if (!target) return { ok: false };
  const code = generateEnrolmentCode();
  const now = clock.now().getTime();
  const expiresAt = now + ENROLMENT_CODE_TTL_MS;
  try {
    await db.batch([
      db.delete(c).where(and(eq(c.staffId, staffId), isNull(c.usedAt))),
      db.insert(c).values({
        id: newId(),
        staffId,
        officeCode: supervisor.officeCode,
        codeHash: valueWhile(codeHash(staffId, code), enrollable(staffId, supervisor.officeCode)),
        issuedBy: supervisor.id,
        createdAt: now,
        expiresAt,
        usedAt: null,
      }),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: supervisor.id,
        action: "staff.enrolment_code.issue",
        subjectType: "staff_account",
        subjectId: staffId,
        officeCode: supervisor.officeCode,
        details: { expiresAt },
      }),
    ]);
  } catch {
    return { ok: false }; // set up or moved meanwhile
  }
  return { ok: true, code, expiresAt };
}

/**
 * The officer's code: true when it is theirs, issued in their current office, unexpired and unused — it is then
 * marked used and the use audited, in one batch (a second use of the same code, even in parallel, is refused).
 */
export async function useEnrolmentCode(db: Db, clock: Clock, staff: { id: string; officeCode: string }, input: string): Promise<boolean> {
  const code = normalizeEnrolmentCode(input);
  if (!/^\d+$/.test(code)) return false;
  const now = clock.now().getTime();
  const hash = codeHash(staff.id, code);
  const mine = and(eq(c.staffId, staff.id), eq(c.codeHash, hash), eq(c.officeCode, staff.officeCode));
  const useId = newId();
  try {
    await db.batch([
      db
        .update(c)
        .set({ usedAt: now, useId })
        .where(and(mine, isNull(c.usedAt), gt(c.expiresAt, now))),
      auditStatement(db, clock, {
        actorType: "staff",
        actorId: staff.id,
        action: valueWhile("staff.enrolment_code.use", sql`EXISTS (SELECT 1 FROM ${c} WHERE ${mine} AND ${c.useId} = ${useId})`),
        subjectType: "staff_account",
        subjectId: staff.id,
        officeCode: staff.officeCode,
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}
