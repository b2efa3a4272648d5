/**
 * Audit log (R-AUDIT-1). Returns an insert statement so the caller puts it in the same `db.batch()` as
 * the change it records. The table refuses UPDATE and DELETE (migration 0001).
 *
 * `action` may be SQL: `valueWhile("posting.accept", condition)` (utils/sql.server.ts) makes the row — and so
 * the whole batch — fail unless the change it records took effect, which is how a racing request's batch
 * rolls back (its お知らせ and mail with it).
 */
import type { SQL } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { schema, type Db } from "./db.server";

export interface AuditEntry {
  actorType: "employer" | "staff" | "seeker" | "system" | "anonymous";
  actorId?: string | null;
  action: string | SQL;
  subjectType: string;
  subjectId?: string | null;
  officeCode?: string | null;
  /** The establishment the entry concerns (the officers' audit filter, issue 13). */
  establishmentId?: string | null;
  details?: Record<string, unknown>;
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
    establishmentId: entry.establishmentId ?? (entry.subjectType === "establishment" ? (entry.subjectId ?? null) : null),
    details: JSON.stringify(entry.details ?? {}),
  });
}
