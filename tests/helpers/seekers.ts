/**
 * 求職者 and 紹介 through the officer's forms (issue 11, R-REF-1): a valid 求職者の登録 form, a valid 紹介 form, and the
 * stored values as the app normalises them (for the fuzzers). tests/helpers/referrals.ts writes rows directly for the
 * tests of later steps.
 */
import { env } from "cloudflare:test";
import { desc, eq } from "drizzle-orm";
import { normalizeEmailInput, normalizeJaText, normalizeNumberLike, normalizePostalCode, normalizeText } from "../../app/lib/normalize";
import { normalizeDateInput, normalizeJobNumberInput, normalizeSeekerKana, normalizeTimeInput } from "../../app/lib/schemas/seeker";
import { getDb, schema } from "../../app/utils/db.server";

const db = () => getDb(env);

/** A valid 求職者の登録 form (a fictitious person in 日光市, under ハローワーク日光's prefecture). */
export function seekerForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "架空 花子",
    nameKana: "カクウ ハナコ",
    birthDate: "1990-05-15",
    postalCode: "321-1261",
    prefectureCode: "09",
    municipalityCode: "09206",
    address: "今市本町1-1",
    phone: "090-0000-1234",
    email: "",
    desiredOccupation: "食品製造オペレーター",
    desiredPrefectureCode: "09",
    desiredMunicipalityCode: "",
    desiredEmploymentType: "正社員",
    desiredWorkStyle: "full",
    desiredWageForm: "月給",
    desiredWage: "200000",
    desiredHours: "8:30〜17:30",
    licences: "普通自動車第一種運転免許",
    workHistory: "2012年4月〜2025年3月 食品工場で製造ライン作業",
    selfPr: "体力には自信があります。",
    hasMypage: "false",
    publishProfile: "false",
    ...overrides,
  };
}

/** A valid 紹介 form for a posting (紹介日 = the day given). */
export function referralForm(jobNumber: string, referredOn: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { jobNumber, referredOn, interviewDate: "", interviewTime: "", interviewPlace: "", note: "", ...overrides };
}

/** The app's own normalisation of each 求職者 field, as stored (app/lib/schemas/seeker.ts). */
export function storedSeekerValue(field: string, value: string): string {
  switch (field) {
    case "name":
    case "address":
    case "desiredOccupation":
    case "desiredHours":
      return normalizeText(value);
    case "nameKana":
      return normalizeSeekerKana(value);
    case "birthDate":
      return normalizeDateInput(value);
    case "postalCode":
      return normalizePostalCode(value);
    case "phone":
      return normalizeNumberLike(value);
    case "email":
      return normalizeEmailInput(value);
    case "licences":
    case "workHistory":
    case "selfPr":
      return normalizeJaText(value);
    case "desiredWage":
      return String(Number(value.normalize("NFKC").replace(/[\s,，円]/g, "")));
    default:
      return value;
  }
}

/** A field of the newest seeker row, as text ("" for NULL); undefined when there is none. */
export async function readStoredSeeker(field: string): Promise<string | undefined> {
  const row = await db().select().from(schema.jobSeekers).orderBy(desc(schema.jobSeekers.updatedAt)).get();
  if (!row) return undefined;
  const value = (row as Record<string, unknown>)[field];
  return value === null || value === undefined ? "" : String(value);
}

/** The app's normalisation of the 紹介 fields, as stored. */
export function storedReferralValue(field: string, value: string): string {
  switch (field) {
    case "jobNumber":
      return normalizeJobNumberInput(value);
    case "referredOn":
      return normalizeDateInput(value);
    case "interviewPlace":
      return normalizeText(value);
    case "note":
      return normalizeJaText(value);
    case "interviewTime":
      return normalizeTimeInput(value);
    default:
      return value;
  }
}

/** A field of the (only) referral as the form names it ("jobNumber" is read through the posting). */
export async function readStoredReferral(field: string): Promise<string | undefined> {
  const row = await db()
    .select({ referral: schema.referrals, jobNumber: schema.jobPostings.jobNumber })
    .from(schema.referrals)
    .innerJoin(schema.jobPostings, eq(schema.jobPostings.id, schema.referrals.postingId))
    .get();
  if (!row) return undefined;
  const r = row.referral;
  switch (field) {
    case "jobNumber":
      return row.jobNumber ?? undefined;
    case "interviewDate":
      return r.interviewAt?.slice(0, 10) ?? "";
    case "interviewTime":
      return r.interviewAt?.slice(11) ?? "";
    default: {
      const value = (r as Record<string, unknown>)[field];
      return value === null || value === undefined ? "" : String(value);
    }
  }
}
