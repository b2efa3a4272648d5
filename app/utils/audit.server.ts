/**
 * Audit log (R-AUDIT-1). Returns an insert statement so the caller puts it in the same `db.batch()` as
 * the change it records. The table refuses UPDATE and DELETE (migration 0001).
 *
 * `action` may be SQL: `valueWhile("posting.accept", condition)` (utils/sql.server.ts) makes the row — and so
 * the whole batch — fail unless the change it records took effect, which is how a racing request's batch
 * rolls back (its お知らせ and mail with it).
 */
import { sql, type SQL } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { schema, type Db } from "./db.server";

export interface AuditEntry {
  actorType: "employer" | "staff" | "seeker" | "system" | "anonymous";
  actorId?: string | null;
  action: string | SQL;
  subjectType: string;
  subjectId?: string | null;
  officeCode?: string | null;
  /**
   * The establishment the entry concerns (the officers' audit filter, issue 13). When not given: the subject itself when
   * it is an establishment, else `details.establishmentId`, else the owner of a subject row that belongs to one (looked
   * up in SQL when the row is written — give it explicitly when the batch deletes the subject before this row).
   */
  establishmentId?: string | SQL | null;
  details?: Record<string, unknown>;
}

/** Subject types whose row names its establishment (establishment_id). */
const OWNED_SUBJECTS = {
  job_posting: schema.jobPostings,
  establishment_image: schema.establishmentImages,
  employer_account: schema.employerAccounts,
  referral: schema.referrals,
  directRequest: schema.directRequests,
  provisional_registration: schema.provisionalRegistrations,
  messageThread: schema.messageThreads,
} as const;

/** The establishment an entry concerns (see AuditEntry.establishmentId). */
export function auditEstablishmentId(entry: Pick<AuditEntry, "establishmentId" | "subjectType" | "subjectId" | "details">): string | SQL | null {
  if (entry.establishmentId !== undefined) return entry.establishmentId;
  if (entry.subjectType === "establishment") return entry.subjectId ?? null;
  const named = entry.details?.establishmentId;
  if (typeof named === "string" && named !== "") return named;
  const owner = Object.hasOwn(OWNED_SUBJECTS, entry.subjectType) ? OWNED_SUBJECTS[entry.subjectType as keyof typeof OWNED_SUBJECTS] : undefined;
  if (!owner || !entry.subjectId) return null;
  return sql`(SELECT ${owner.establishmentId} FROM ${owner} WHERE ${owner.id} = ${entry.subjectId})`;
}

export function auditStatement(db: Db, clock: Clock, entry: AuditEntry) {
  return db.insert(schema.auditLog).values({
    at: clock.now().getTime(),
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    officeCode: entry.officeCode ?? null,
    establishmentId: auditEstablishmentId(entry),
    details: JSON.stringify(entry.details ?? {}),
  });
}
