/**
 * R-GATE-2 利用不可: an officer of the jurisdictional office sets an open My Page to 利用不可 with a reason, and restores
 * it. One batch each: the compare-and-set on the status, the audit row (with the officer's reason: staff text, no
 * personal data), and — for 利用不可 — every session of every login account of the establishment deleted (an open session
 * ends at once; sign-in then says to contact the office, rules/sign-in unusableMessage), an お知らせ (read after the
 * restoration) and a mail to the accounts; for the restoration an お知らせ and a mail. A second officer's (or a double) submission loses the compare-and-set and
 * changes nothing.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Clock } from "../../lib/clock";
import type { MailContext } from "../../mail/templates";
import { restoredNotice, unusableNotice, type OfficeContact } from "../../rules/gates";
import { auditStatement } from "../../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { isLostRace, qualified, valueWhile } from "../../utils/sql.server";
import type { StaffScope } from "../establishment.server";
import { refused, type Outcome } from "../posting/outcome";
import { tellEstablishment } from "./tell.server";

const e = schema.establishments;
const a = schema.employerAccounts;

/** The establishment as the 利用不可 page shows it, with its active accounts and open employer sessions (batchable). */
export function usabilityQuery(db: Db, officeCode: ScopeValue, id: string) {
  const s = schema.sessions;
  return db
    .select({
      id: e.id,
      name: e.name,
      establishmentNumber: e.establishmentNumber,
      status: e.status,
      unusableAt: e.unusableAt,
      unusableReason: e.unusableReason,
      activeAccounts:
        sql<number>`(SELECT count(*) FROM ${a} WHERE ${qualified(a.establishmentId)} = ${qualified(e.id)} AND ${qualified(a.status)} = 'active')`.as(
          "active_accounts",
        ),
      openSessions:
        sql<number>`(SELECT count(*) FROM ${s} WHERE ${qualified(s.accountType)} = 'employer' AND ${qualified(s.accountId)} IN (SELECT ${qualified(a.id)} FROM ${a} WHERE ${qualified(a.establishmentId)} = ${qualified(e.id)}))`.as(
          "open_sessions",
        ),
    })
    .from(e)
    .where(and(eq(e.id, id), eq(e.officeCode, officeCode)))
    .limit(1);
}

export type UsabilityRow = Awaited<ReturnType<typeof usabilityQuery>>[number];

interface Change {
  scope: StaffScope;
  establishment: { id: string; name: string };
  office: OfficeContact;
  reason: string;
}

const TAKEN = "ほかの職員がすでに操作したか、事業所の状態が変わりました。画面を開き直して確認してください。";

/** One batch of an officer's change on an establishment (also 退会 and relocation, models/withdrawal): a lost compare-and-set is a refusal. */
export async function runEstablishmentChange(db: Db, statements: BatchItem<"sqlite">[], taken = TAKEN): Promise<Outcome> {
  try {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    return { ok: true };
  } catch (error) {
    if (isLostRace(error)) return refused("race", taken);
    throw error;
  }
}

const run = runEstablishmentChange;

/** SQL: the establishment is now in the state `condition` says (the condition of its audit row and side effects). */
export function establishmentStateIs(id: string, condition: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${id} AND ${condition})`;
}

/** 利用不可 (open → unusable): the status, the sessions, the audit row, the お知らせ and the mail in one batch. */
export async function setUnusable(db: Db, clock: Clock, mail: MailContext, change: Change): Promise<Outcome> {
  const { scope, establishment, reason } = change;
  const now = clock.now().getTime();
  return run(db, [
    db
      .update(e)
      .set({ status: "unusable", unusableAt: now, unusableReason: reason, updatedAt: now })
      .where(and(eq(e.id, establishment.id), eq(e.officeCode, scope.officeCode), eq(e.status, "open"))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("establishment.unusable", establishmentStateIs(establishment.id, sql`${e.status} = 'unusable' AND ${e.unusableAt} = ${now}`)),
      subjectType: "establishment",
      subjectId: establishment.id,
      officeCode: scope.officeCode,
      details: { reason },
    }),
    // Every session of every login account of the establishment: the employer's next request is sent to sign-in.
    db
      .delete(schema.sessions)
      .where(
        and(
          eq(schema.sessions.accountType, "employer"),
          sql`${schema.sessions.accountId} IN (SELECT ${a.id} FROM ${a} WHERE ${a.establishmentId} = ${establishment.id})`,
        ),
      ),
    // The お知らせ too (R-MSG-2, issue 12): nobody reads it while the My Page is unusable, but after the restoration the
    // one list of お知らせ shows the whole story (利用不可, then 利用再開).
    ...tellEstablishment(db, clock, mail, establishment, unusableNotice(change.office), { link: null, notice: true }),
  ]);
}

/** The restoration (unusable → open): the status, the audit row, the お知らせ and the mail in one batch. */
export async function restoreUsable(db: Db, clock: Clock, mail: MailContext, change: Change): Promise<Outcome> {
  const { scope, establishment, reason } = change;
  const now = clock.now().getTime();
  return run(db, [
    db
      .update(e)
      .set({ status: "open", unusableAt: null, unusableReason: null, updatedAt: now })
      .where(and(eq(e.id, establishment.id), eq(e.officeCode, scope.officeCode), eq(e.status, "unusable"))),
    auditStatement(db, clock, {
      actorType: "staff",
      actorId: scope.staffId,
      action: valueWhile("establishment.restore", establishmentStateIs(establishment.id, sql`${e.status} = 'open' AND ${e.updatedAt} = ${now}`)),
      subjectType: "establishment",
      subjectId: establishment.id,
      officeCode: scope.officeCode,
      details: { reason },
    }),
    ...tellEstablishment(db, clock, mail, establishment, restoredNotice(change.office), { link: "/mypage", notice: true }),
  ]);
}
