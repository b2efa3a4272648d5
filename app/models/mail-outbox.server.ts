/**
 * Dead mail for supervisors (issue 9 #11): mail the outbox gave up on (a permanent refusal by Resend, or the retry
 * schedule ran out), addressed to an account of the supervisor's office — an employer account of one of its
 * establishments, an online 仮登録 in its 管轄, or one of its officers. Scoped in SQL; the body (which may hold a
 * code or key) is never read.
 */
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { schema, type Db } from "../utils/db.server";

const m = schema.mailOutbox;
const ea = schema.employerAccounts;
const e = schema.establishments;
const p = schema.provisionalRegistrations;
const st = schema.staffAccounts;

/** How many dead mails the page lists (newest first). */
export const DEAD_MAIL_LIMIT = 100;

/** The office's dead mail, as a query for the guard's batch. */
export function deadMailQuery(db: Db, officeCode: string | SQL) {
  const to = sql`lower(${m.toAddress})`;
  const ofOffice = or(
    sql`${to} IN (SELECT ${ea.emailNormalized} FROM ${ea} INNER JOIN ${e} ON ${e.id} = ${ea.establishmentId} WHERE ${e.officeCode} = ${officeCode})`,
    sql`${to} IN (SELECT ${ea.emailNormalized} FROM ${ea} INNER JOIN ${p} ON ${p.accountId} = ${ea.id} WHERE ${p.officeCode} = ${officeCode})`,
    sql`${to} IN (SELECT ${st.emailNormalized} FROM ${st} WHERE ${st.officeCode} = ${officeCode})`,
  );
  return db
    .select({
      id: m.id,
      toAddress: m.toAddress,
      subject: m.subject,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      closedAt: m.closedAt,
    })
    .from(m)
    .where(and(eq(m.status, "dead"), ofOffice))
    .orderBy(desc(m.closedAt), desc(m.createdAt))
    .limit(DEAD_MAIL_LIMIT);
}
