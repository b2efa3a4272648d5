/**
 * Test set-up for 求人 (R-JOB-*): what the pages would do, done directly — a draft straight to 申込み without the
 * checks, and the mail context the models need where a rule says a mail is sent (the Worker's own, from env).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import type { Clock } from "../../app/lib/clock";
import type { MailContext } from "../../app/mail/templates";
import { schema, type Db } from "../../app/utils/db.server";
import { mailContext } from "../../app/utils/mail.server";

/** The mail context of the Worker under test (MAIL_FROM, APP_ORIGIN of wrangler.toml). */
export function testMail(): MailContext {
  return mailContext(env, env.APP_ORIGIN);
}

/** A draft straight to 申込み, without the checks of submitPosting (for tests of what follows: 受理, 修正依頼…). */
export async function submitForReview(db: Db, clock: Clock, scope: { establishmentId: string }, postingId: string): Promise<boolean> {
  const now = clock.now().getTime();
  const t = schema.jobPostings;
  const updated = await db
    .update(t)
    .set({ status: "submitted", submittedAt: now, updatedAt: now })
    .where(and(eq(t.id, postingId), eq(t.establishmentId, scope.establishmentId)))
    .returning({ id: t.id });
  return updated.length === 1;
}

/** Removes the outbox rows a set-up wrote (e.g. the 受理 mail), so that a test counts only the mail it causes. */
export async function clearOutbox(db: Db): Promise<void> {
  await db.delete(schema.mailOutbox);
}
