/**
 * What each posting page reads, in ONE D1 round trip: one `db.batch([...])` of independent statements, each scoped by
 * the actor in its own SQL (the posting's scope is repeated as a subquery where a statement needs the posting's
 * establishment or its stored content). Each page's statements come as `…Reads` (a group a route hands to its guard
 * as `reads`, the scope being the session's establishment or office in SQL, so that the session, the capability facts
 * and the page's data are one batch: issue 14) with a mapper of their results (`…Of`); `read…` runs them alone.
 *
 * The minimum wages are those of the prefecture of the 就業場所 in the stored working copy (minimumWagesOfContent): a
 * subquery on the stored JSON gives exactly the rows the 最低賃金 rule needs, whatever prefecture the establishment is
 * in, without reading the whole table.
 *
 * Each reader returns the posting as of `today` (rules/posting asOf, issue 10 #6): after its 紹介期限 an accepted posting
 * is 紹介期限切れ with its 求人無効日, whether or not the daily job has recorded it yet.
 */
import { sql, type SQL } from "drizzle-orm";
import { asOf } from "../../rules/posting";
import type { Db, ScopeValue } from "../../utils/db.server";
import { readBatch, type BatchResults } from "../../utils/request-batch.server";
import { firstRow, jobPostings as t, minimumWagesOfContent, ofEstablishment, ofOffice } from "./queries.server";
import { officePostingWhere } from "./office.server";
import { approvedImagesOf, postingSheet } from "./view.server";

/** The sheet with its posting as of today. */
function asOfToday<S extends { posting: Parameters<typeof asOf>[0] }>(sheet: S | undefined, today: string): S | undefined {
  return sheet ? { ...sheet, posting: asOf(sheet.posting, today) } : undefined;
}

/** The establishment of the posting a WHERE selects, as a subquery (for a statement in the same batch). */
function establishmentOf(where: SQL): SQL {
  return sql`(SELECT ${t.establishmentId} FROM ${t} WHERE ${where})`;
}

/**
 * A posting of the establishment for its page (/mypage/postings/:id): the posting with its 求人票's surroundings and
 * renewal source, the minimum wages for its findings, the establishment's approved images.
 */
export function postingPageReads(db: Db, scope: { establishmentId: ScopeValue; id: string }) {
  const where = ofEstablishment(scope.establishmentId, scope.id);
  return [postingSheet(db, where), minimumWagesOfContent(db, where), approvedImagesOf(db, scope.establishmentId)] as const;
}

export function postingPageOf([sheets, minimumWages, images]: BatchResults<ReturnType<typeof postingPageReads>>, today: string) {
  const sheet = asOfToday(firstRow(sheets), today);
  return sheet ? { sheet, minimumWages, images } : undefined;
}

export async function readPostingPage(db: Db, scope: { establishmentId: string; id: string }, today: string) {
  return postingPageOf(await readBatch(db, postingPageReads(db, scope)), today);
}

/**
 * A posting of the office for the officer's review page (/staff/postings/:id): not a draft (not submitted to the
 * office yet), with its establishment, the minimum wages for its findings and the establishment's approved images.
 */
export function reviewPageReads(db: Db, scope: { officeCode: ScopeValue; id: string }) {
  const where = officePostingWhere(scope.officeCode, scope.id);
  return [postingSheet(db, where), minimumWagesOfContent(db, where), approvedImagesOf(db, establishmentOf(where))] as const;
}

export const reviewPageOf = postingPageOf;

export async function readReviewPage(db: Db, scope: { officeCode: string; id: string }, today: string) {
  return reviewPageOf(await readBatch(db, reviewPageReads(db, scope)), today);
}

/** A posting for its print page, by the viewer's scope (the establishment's, or the office's). */
export function printPageReads(db: Db, scope: { establishmentId: ScopeValue; id: string } | { officeCode: ScopeValue; id: string }) {
  const where = "establishmentId" in scope ? ofEstablishment(scope.establishmentId, scope.id) : ofOffice(scope.officeCode, scope.id);
  return [postingSheet(db, where), approvedImagesOf(db, establishmentOf(where))] as const;
}

export function printPageOf([sheets, images]: BatchResults<ReturnType<typeof printPageReads>>, today: string) {
  const sheet = asOfToday(firstRow(sheets), today);
  return sheet ? { sheet, images } : undefined;
}

export async function readPrintPage(db: Db, scope: { establishmentId: string; id: string } | { officeCode: string; id: string }, today: string) {
  return printPageOf(await readBatch(db, printPageReads(db, scope)), today);
}

/**
 * A posting of the establishment for a wizard screen: the posting with the establishment's place names (the 事業所
 * screen shows its full address) and the approved images the employer may choose (screen 7; ≤ 10 rows, read for every
 * screen so that the batch is the same).
 */
export function wizardScreenReads(db: Db, scope: { establishmentId: ScopeValue; id: string }) {
  return printPageReads(db, scope);
}

export const wizardScreenOf = printPageOf;

export async function readWizardScreen(db: Db, scope: { establishmentId: string; id: string }, today: string) {
  return wizardScreenOf(await readBatch(db, wizardScreenReads(db, scope)), today);
}
