/**
 * 求人 set-up shared by the posting tests (integration and fuzz): drafts at a wizard screen, postings submitted (申込み)
 * and accepted (受理) through the models, the wizard's URLs and its form values as the browser posts them; and what
 * the pages would do, done directly — a draft straight to 申込み without the checks, the mail context the models need
 * where a rule says a mail is sent (the Worker's own, from env).
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { fixedClock, type Clock } from "../../app/lib/clock";
import { emptyPostingContent, type PostingContent } from "../../app/rules/posting";
import { formEntries, stepFormValues, type StepNumber } from "../../app/lib/schemas/posting";
import type { MailContext } from "../../app/mail/templates";
import { createDraft } from "../../app/models/posting/drafts.server";
import { acceptPosting } from "../../app/models/posting/review.server";
import { submitPosting } from "../../app/models/posting/submission.server";
import { getDb, schema, type Db } from "../../app/utils/db.server";
import { mailContext } from "../../app/utils/mail.server";
import { completePosting } from "../unit/posting-fixture";
import { createStaffAccount } from "./factories";
import type { MyPage } from "./mypage";
import { NOW, nowClock } from "./clock";

/** The mail context of the Worker under test (MAIL_FROM, APP_ORIGIN of wrangler.toml). */
export function testMail(): MailContext {
  return mailContext(env);
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

const db = () => getDb(env);

export const stepUrl = (id: string, step: number) => `/mypage/postings/${id}/step/${step}`;

/** A draft of the My Page's establishment, with the wizard reached up to `draftStep` (created at the opening tests' NOW). */
export async function draftOf(
  page: Pick<MyPage, "establishment" | "main">,
  content: PostingContent = emptyPostingContent(),
  draftStep = 1,
  clock: Clock = nowClock(),
) {
  return createDraft(db(), clock, page.establishment, content, { accountId: page.main.id, draftStep });
}

export async function postingRow(id: string) {
  return (await db().select().from(schema.jobPostings).where(eq(schema.jobPostings.id, id)).get())!;
}

/** Nested form values → flat field names ("contract.renewalCap.present"), as the form posts them. */
export function flatten(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(formEntries(values));
}

/** A screen's form values of a content, flat (what the screen shows after saving). */
export function shownFields(step: StepNumber, content: PostingContent): Record<string, string> {
  return flatten(stepFormValues(step, content));
}

/** Screen 1, all answered. */
export const SCREEN1 = {
  universityGraduate: "on",
  "category.onlineApplication": "true",
  "category.trialEmployment": "false",
  "category.publication": "2",
};

/** An officer of an office (the one already there, or a new one): the same officer for a whole test. */
export async function officerOf(officeCode: string) {
  const existing = await db()
    .select({ id: schema.staffAccounts.id })
    .from(schema.staffAccounts)
    .where(and(eq(schema.staffAccounts.officeCode, officeCode), eq(schema.staffAccounts.role, "officer")))
    .get();
  return { staffId: existing?.id ?? (await createStaffAccount(officeCode)).id, officeCode };
}

/** A complete posting of the My Page, submitted (申込み) by its main account at `when`. */
export async function submittedPosting(page: MyPage, when: string = NOW, content: PostingContent = completePosting()) {
  const clock = fixedClock(when);
  const posting = await draftOf(page, content, 1, clock);
  expect(await submitPosting(db(), clock, page.scope, posting.id)).toEqual({ ok: true, kind: "new" });
  return postingRow(posting.id);
}

/** A posting submitted and accepted (受理) by an officer of the establishment's office at `when`. */
export async function acceptedPosting(page: MyPage, when: string = NOW, content: PostingContent = completePosting()) {
  const posting = await submittedPosting(page, when, content);
  expect(await acceptPosting(db(), fixedClock(when), await officerOf(page.establishment.officeCode), posting.id, testMail())).toMatchObject({ ok: true });
  return postingRow(posting.id);
}
