/**
 * Rows as stored, for the assertions of the tests of an establishment's state changes (issue 13: 退会, relocation): the
 * establishment, its audit rows of one action, an account's sessions.
 */
import { and, eq } from "drizzle-orm";
import { schema } from "../../app/utils/db.server";
import { db } from "./factories";

export async function establishmentRow(id: string) {
  return (await db().select().from(schema.establishments).where(eq(schema.establishments.id, id)).get())!;
}

/** The audit rows of `action` about the subject `subjectId`. */
export async function auditRows(subjectId: string, action: string) {
  return db()
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.subjectId, subjectId), eq(schema.auditLog.action, action)))
    .all();
}

export async function sessionsOf(accountId: string) {
  return db().select().from(schema.sessions).where(eq(schema.sessions.accountId, accountId)).all();
}
