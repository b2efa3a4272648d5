/**
 * The 求人 of an online 仮登録 (R-OPEN-8, issue 10 #8, ADR 0016): one draft per provisional registration, owned by the
 * registration (there is no establishment yet), in the same document shape and the same 8-screen wizard as the My
 * Page's postings (models/posting/wizard.server.ts). The registrant reaches only the draft of their own unfinished
 * registration (the account's id is in the SQL); the officer of the registration's office reads it at 本登録, where
 * `carryOverStatements` turns it into a job_postings row of the new establishment in the 本登録's batch.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { fullAddress } from "../lib/address";
import type { Clock } from "../lib/clock";
import type { KyujinhyoView } from "../lib/posting-view";
import { newId } from "../lib/ids";
import type { StepNumber, StepPatch } from "../lib/schemas/posting";
import { emptyPostingContent, provisionalPostingStatus, type Finding, type PostingContent } from "../rules/posting";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { nullIfLostRace, valueWhile } from "../utils/sql.server";
import { mergeStep, parseContent } from "./posting/content.server";
import { refused, type Outcome } from "./posting/outcome";

const pp = schema.provisionalPostings;
const p = schema.provisionalRegistrations;

export type ProvisionalPosting = typeof pp.$inferSelect;

/** The registrant's scope: their account and its unfinished registration. */
export interface RegistrantScope {
  accountId: string;
  registrationId: string;
}

/** The unfinished registration of an account, as a subquery. */
function registrationOf(accountId: ScopeValue): SQL {
  return sql`(SELECT ${p.id} FROM ${p} WHERE ${p.accountId} = ${accountId} AND ${p.completedAt} IS NULL)`;
}

/** The 求人 of the account's unfinished 仮登録 (none or one row): for the guard's batch. */
export function provisionalPostingOfAccount(db: Db, accountId: ScopeValue) {
  return db
    .select()
    .from(pp)
    .where(eq(pp.registrationId, registrationOf(accountId)))
    .limit(1);
}

/**
 * The 市区町村 of the account's entered 事業所情報 (the wizard's 事業所 screen shows the full address): for the guard's
 * batch. A malformed stored document has none.
 */
export function provisionalMunicipalityOfAccount(db: Db, accountId: ScopeValue) {
  const m = schema.municipalities;
  const code = sql`(SELECT CASE WHEN json_valid(${p.establishmentData}) THEN json_extract(${p.establishmentData}, '$.municipalityCode') END FROM ${p} WHERE ${p.accountId} = ${accountId})`;
  return db
    .select({ name: m.name })
    .from(m)
    .where(sql`${m.code} = ${code}`)
    .limit(1);
}

export async function getProvisionalPosting(db: Db, scope: RegistrantScope): Promise<ProvisionalPosting | undefined> {
  const [row] = await db
    .select()
    .from(pp)
    .where(and(eq(pp.registrationId, scope.registrationId), eq(pp.registrationId, registrationOf(scope.accountId))))
    .limit(1);
  return row;
}

/** The prefecture of the entered 市区町村 (its JIS code's first two digits), or "" before the 事業所情報 is entered. */
export function provisionalPrefectureCode(municipalityCode: string | undefined): string {
  return municipalityCode && /^\d{5}$/.test(municipalityCode) ? municipalityCode.slice(0, 2) : "";
}

/**
 * Starts the 求人 of the registrant's 仮登録 (once: a second start keeps the first): a blank 求人票 with the 就業場所 in
 * the entered prefecture, at screen 1, with its audit row.
 */
export async function startProvisionalPosting(db: Db, clock: Clock, scope: RegistrantScope & { officeCode: string | null; prefectureCode: string }) {
  const content = emptyPostingContent();
  content.workplace.prefectureCode = scope.prefectureCode;
  const now = clock.now().getTime();
  const id = newId();
  const owned = sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${scope.registrationId} AND ${p.accountId} = ${scope.accountId} AND ${p.completedAt} IS NULL)`;
  const started = sql`EXISTS (SELECT 1 FROM ${pp} WHERE ${pp.id} = ${id})`;
  await db
    .batch([
      db
        .insert(pp)
        .values({ id, registrationId: valueWhile(scope.registrationId, owned), content: JSON.stringify(content), draftStep: 1, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: pp.registrationId }),
      // Written only if this start created the draft.
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: scope.accountId,
        action: valueWhile("provisional.posting.start", started),
        subjectType: "provisional_registration",
        subjectId: scope.registrationId,
        officeCode: scope.officeCode,
      }),
    ])
    .catch(nullIfLostRace);
}

/** Saves one screen of the registrant's 求人 (一時保存 / 次へ進む); `reached` moves the screen reached on. */
export async function saveProvisionalStep(
  db: Db,
  clock: Clock,
  scope: RegistrantScope & { prefectureCode: string },
  posting: ProvisionalPosting,
  step: StepNumber,
  patch: StepPatch,
  options: { reached?: number } = {},
): Promise<Outcome<{ content: PostingContent }>> {
  const content = mergeStep(parseContent(posting.content), step, patch, scope.prefectureCode);
  const reached = Math.min(8, Math.max(posting.draftStep, options.reached ?? step));
  const updated = await db
    .update(pp)
    .set({ content: JSON.stringify(content), draftStep: reached, updatedAt: clock.now().getTime() })
    .where(and(eq(pp.id, posting.id), eq(pp.registrationId, registrationOf(scope.accountId))))
    .returning({ id: pp.id });
  return updated.length === 1 ? { ok: true, content } : refused("state", "この仮登録の求人は、今は修正できません。");
}

/** The 求人 of a registration of the office (for the officer at 本登録): a query for the page's batch. */
export function provisionalPostingForOffice(db: Db, officeCode: ScopeValue, registrationId: string) {
  return db
    .select()
    .from(pp)
    .where(and(eq(pp.registrationId, registrationId), sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${registrationId} AND ${p.officeCode} = ${officeCode})`))
    .limit(1);
}

/** The minimum wages of the prefecture of the 就業場所 of the 求人 a WHERE selects (its findings), newest first. */
function minimumWagesOf(db: Db, where: SQL) {
  const mw = schema.minimumWages;
  const prefecture = sql`(SELECT CASE WHEN json_valid(${pp.content}) THEN json_extract(${pp.content}, '$.workplace.prefectureCode') END FROM ${pp} WHERE ${where})`;
  return db
    .select({ prefectureCode: mw.prefectureCode, amountYen: mw.amountYen, effectiveFrom: mw.effectiveFrom })
    .from(mw)
    .where(sql`${mw.prefectureCode} = ${prefecture}`)
    .orderBy(desc(mw.effectiveFrom));
}

/** …of the 求人 of a registration of the office (the officer's page batch). */
export function minimumWagesOfProvisionalPosting(db: Db, officeCode: ScopeValue, registrationId: string) {
  return minimumWagesOf(
    db,
    and(eq(pp.registrationId, registrationId), sql`EXISTS (SELECT 1 FROM ${p} WHERE ${p.id} = ${registrationId} AND ${p.officeCode} = ${officeCode})`)!,
  );
}

/** …of the 求人 of the account's unfinished 仮登録 (the registrant's page batch). */
export function minimumWagesOfAccountPosting(db: Db, accountId: ScopeValue) {
  return minimumWagesOf(db, eq(pp.registrationId, registrationOf(accountId)));
}

export async function getProvisionalPostingForOffice(db: Db, officeCode: string, registrationId: string): Promise<ProvisionalPosting | undefined> {
  const [row] = await provisionalPostingForOffice(db, officeCode, registrationId);
  return row;
}

/**
 * 本登録 (ADR 0016): the statements that turn the 仮登録's 求人 into a posting of the new establishment — 申込み済み in
 * the office's review queue when provisionalPostingStatus says so (as if the employer had submitted it: its audit row
 * is the employer's posting.submit, naming the officer who completed 本登録), else a draft at the screen reached —,
 * and delete the provisional row. For the 本登録's batch: the insert refuses itself (NOT NULL content) if the registrant
 * saved a screen after it was read, so the batch fails whole.
 */
export function carryOverStatements(
  db: Db,
  clock: Clock,
  args: {
    posting: ProvisionalPosting;
    findings: readonly Finding[];
    establishmentId: string;
    officeCode: string;
    accountId: string;
    registrationId: string;
    staffId: string;
  },
) {
  const { posting } = args;
  const t = schema.jobPostings;
  const status = provisionalPostingStatus(posting, args.findings);
  const content = parseContent(posting.content);
  const now = clock.now().getTime();
  const id = newId();
  const unchanged = sql`EXISTS (SELECT 1 FROM ${pp} WHERE ${pp.id} = ${posting.id} AND ${pp.updatedAt} = ${posting.updatedAt})`;
  return {
    id,
    status,
    statements: [
      db.insert(t).values({
        id,
        establishmentId: args.establishmentId,
        officeCode: args.officeCode,
        status,
        universityGraduate: content.universityGraduate,
        publication: content.category.publication ?? 1,
        content: valueWhile(posting.content, unchanged),
        draftStep: posting.draftStep,
        submittedAt: status === "submitted" ? now : null,
        createdAt: posting.createdAt,
        updatedAt: now,
      }),
      db.delete(pp).where(eq(pp.id, posting.id)),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: args.accountId,
        action: status === "submitted" ? "posting.submit" : "posting.draft",
        subjectType: "job_posting",
        subjectId: id,
        officeCode: args.officeCode,
        details: {
          provisionalRegistrationId: args.registrationId,
          provisionalPostingId: posting.id,
          completedBy: args.staffId,
          warnings: args.findings.map((f) => f.code),
        },
      }),
    ] as const,
  };
}

/**
 * The 求人票 of a 仮登録's 求人 as the officer sees it at 本登録: the entered 事業所情報 (no 事業所番号 yet), the working
 * copy, no images (an establishment's images come after 本登録), 公開希望 shown.
 */
export function provisionalKyujinhyo(
  content: PostingContent,
  entered: Record<string, string>,
  places: { prefectureName: string; municipalityName: string | null; officeName: string },
): KyujinhyoView {
  return {
    content: { ...content, pr: { ...content.pr, imageIds: [] } },
    establishment: {
      establishmentNumber: null,
      name: entered.name ?? "",
      nameKana: entered.nameKana ?? "",
      postalCode: entered.postalCode ?? "",
      address: fullAddress(places.prefectureName, places.municipalityName, entered.address ?? ""),
      phone: entered.phone ?? "",
      industry: entered.industry ?? "",
      representative: [entered.representativeTitle, entered.representativeName].filter(Boolean).join(" "),
      corporateNumber: entered.corporateNumber || null,
    },
    meta: { jobNumber: null, acceptedOn: null, validUntil: null, invalidatedOn: null, officeName: places.officeName },
    images: [],
    showPublication: true,
  };
}
