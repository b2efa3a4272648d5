import { and, desc, eq } from "drizzle-orm";
import { currentVersion, PRIVACY, TERMS, type LegalDocumentId } from "../content/legal";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { schema, type Db } from "../utils/db.server";

/** Inserts recording agreement to the current 利用規約 and プライバシーポリシー (R-OPEN-7). */
export function consentStatements(db: Db, accountId: string, clock: Clock) {
  const at = clock.now().getTime();
  return [TERMS, PRIVACY].map((doc) =>
    db.insert(schema.consents).values({ id: newId(), accountId, document: doc.id, version: currentVersion(doc).version, agreedAt: at }),
  );
}

/** The documents whose current version the account has not agreed to yet. */
export async function pendingConsents(db: Db, accountId: string): Promise<LegalDocumentId[]> {
  const pending: LegalDocumentId[] = [];
  for (const doc of [TERMS, PRIVACY]) {
    const latest = await db
      .select({ version: schema.consents.version })
      .from(schema.consents)
      .where(and(eq(schema.consents.accountId, accountId), eq(schema.consents.document, doc.id)))
      .orderBy(desc(schema.consents.agreedAt))
      .get();
    if (latest?.version !== currentVersion(doc).version) pending.push(doc.id);
  }
  return pending;
}
