import { currentVersion, PRIVACY, TERMS } from "../content/legal";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db } from "../utils/db.server";

/** Inserts recording agreement to the current 利用規約 and プライバシーポリシー (R-OPEN-7). */
export function consentStatements(db: Db, accountId: string, clock: Clock) {
  const at = clock.now().getTime();
  return [TERMS, PRIVACY].map((doc) =>
    db.insert(schema.consents).values({ id: newId(), accountId, document: doc.id, version: currentVersion(doc).version, agreedAt: at }),
  );
}

/** Agreement given on the consent page (R-OPEN-7, R-AUDIT-1): the consents and the audit row, one batch. */
export async function recordConsent(db: Db, clock: Clock, account: { id: string; officeCode: string }): Promise<void> {
  const [first, ...rest] = consentStatements(db, account.id, clock);
  const versions = Object.fromEntries([TERMS, PRIVACY].map((doc) => [doc.id, currentVersion(doc).version]));
  await db.batch([
    first!,
    ...rest,
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: account.id,
      action: "employer.consent",
      subjectType: "employer_account",
      subjectId: account.id,
      officeCode: account.officeCode,
      details: versions,
    }),
  ]);
}
