/**
 * Audit log (R-AUDIT-1). Returns an insert statement so the caller puts it in the same `db.batch()` as
 * the change it records. The table refuses UPDATE and DELETE (migration 0001).
 */
import type { Clock } from "../lib/clock";
import { schema, type Db } from "./db.server";

export interface AuditEntry {
  actorType: "employer" | "staff" | "system" | "anonymous";
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  officeCode?: string | null;
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
    details: JSON.stringify(entry.details ?? {}),
  });
}
