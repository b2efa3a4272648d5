/**
 * R-OPEN-8, R-DEL-4: unfinished online 仮登録 expire after their last day (`expiresOn`, JST) and are
 * erased — the registration with its 求人 (ADR 0016), its login account and everything hanging on the account (sessions,
 * consents, trusted browsers, throttle counters, mail still in the outbox). Each chunk is one batch
 * with an audit row per erasure that holds no personal data, so a crash leaves nothing half erased and
 * a second run finds nothing more to do; an overlapping run erases (and audits) each registration once.
 */
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { todayJst } from "../lib/clock";
import { auditStatement } from "../utils/audit.server";
import { schema } from "../utils/db.server";
import { isLostRace, valueWhile } from "../utils/sql.server";
import { accountScope } from "../utils/throttle.server";
import { deleteInChunks, type Job } from "./job.server";

/**
 * Registrations per batch. D1 binds at most 100 parameters per statement, and the largest statement
 * here lists 4 throttle scopes per registration.
 */
export const PROVISIONAL_EXPIRY_CHUNK = 20;

export const provisionalExpiryJob: Job = {
  name: "provisional.expire",
  frequency: "daily",
  description: "本登録されないまま期限を過ぎた仮登録（ログインアカウントを含む）を消去する",
  async run({ db, clock }) {
    const p = schema.provisionalRegistrations;
    const a = schema.employerAccounts;
    // The last day itself still counts: erase only when today is after it.
    const expired = and(isNull(p.completedAt), isNull(p.establishmentId), lt(p.expiresOn, todayJst(clock)));
    return deleteInChunks(
      async (limit) => (await db.select({ id: p.id }).from(p).where(expired).orderBy(p.expiresOn, p.id).limit(limit).all()).map((r) => r.id),
      async (ids) => {
        const rows = await db
          .select({
            id: p.id,
            accountId: p.accountId,
            officeCode: p.officeCode,
            expiresOn: p.expiresOn,
            email: a.email,
            emailNormalized: a.emailNormalized,
            accountEstablishmentId: a.establishmentId,
          })
          .from(p)
          .leftJoin(a, eq(a.id, p.accountId))
          .where(and(inArray(p.id, ids), expired))
          .all();
        if (rows.length === 0) return 0;
        // Only accounts that were never linked to an establishment are erased with their 仮登録.
        const accountIds = rows.filter((r) => r.accountEstablishmentId === null).map((r) => r.accountId);
        const addresses = rows.flatMap((r) => (r.email ? [r.email, r.emailNormalized ?? r.email] : []));
        const scopes = rows.flatMap((r) =>
          r.emailNormalized ? (["employer", "signup", "reset", "open"] as const).map((kind) => accountScope(kind, r.emailNormalized!)) : [],
        );
        const now = clock.now().getTime();
        // The audit rows come first and exist only while their 仮登録 is still there (compare-and-set): when an
        // overlapping run erased it first, this batch fails whole and writes no second audit row (issue 9 #10).
        const audits = rows.map((r) =>
          auditStatement(db, clock, {
            actorType: "system",
            action: valueWhile(
              "provisional.expire",
              sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${r.id} AND ${p.completedAt} IS NULL AND ${p.establishmentId} IS NULL)`,
            ),
            subjectType: "provisional_registration",
            subjectId: r.id,
            officeCode: r.officeCode,
            details: { expiresOn: r.expiresOn, erasedAt: now },
          }),
        );
        try {
          await db.batch([
            audits[0]!,
            ...audits.slice(1),
            db.delete(schema.sessions).where(and(eq(schema.sessions.accountType, "employer"), inArray(schema.sessions.accountId, accountIds))),
            db.delete(schema.consents).where(inArray(schema.consents.accountId, accountIds)),
            db.delete(schema.trustedBrowsers).where(inArray(schema.trustedBrowsers.accountId, accountIds)),
            db.delete(schema.authThrottle).where(inArray(schema.authThrottle.scope, scopes)),
            db.delete(schema.mailOutbox).where(inArray(schema.mailOutbox.toAddress, addresses)),
            // Its 求人 (issue 10 #8, ADR 0016) first: it references the registration.
            db.delete(schema.provisionalPostings).where(
              inArray(
                schema.provisionalPostings.registrationId,
                rows.map((r) => r.id),
              ),
            ),
            // The registration first: it references the account.
            db.delete(p).where(
              and(
                inArray(
                  p.id,
                  rows.map((r) => r.id),
                ),
                expired,
              ),
            ),
            db.delete(a).where(and(inArray(a.id, accountIds), isNull(a.establishmentId))),
          ]);
        } catch (error) {
          // Another run erased some of these first: nothing was done here; the next round selects what is left.
          if (isLostRace(error)) return 0;
          throw error;
        }
        return rows.length;
      },
      PROVISIONAL_EXPIRY_CHUNK,
    );
  },
};
