import { currentVersion, PRIVACY, TERMS } from "../content/legal";
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
