/**
 * 求職者 and 紹介 set-up (issue 11) for integration and fuzz tests: rows written directly, as a registration or a
 * referral through the pages would leave them, so a test of a later step (応募者管理, 選考結果, the backlog job) does
 * not depend on the forms of an earlier one. The features' own tests go through their pages.
 */
import { newId } from "../../app/lib/ids";
import { formatJobNumber } from "../../app/lib/identifiers";
import { schema } from "../../app/utils/db.server";
import { db, seedReference } from "./factories";

let seekerSerial = 5000;

export type SeekerRow = typeof schema.jobSeekers.$inferSelect;
export type ReferralRow = typeof schema.referrals.$inferSelect;

/** A registered 求職者 (fictitious) of an office (ハローワーク日光 unless said otherwise). */
export async function createSeeker(overrides: Partial<typeof schema.jobSeekers.$inferInsert> = {}): Promise<SeekerRow> {
  await seedReference();
  const now = Date.now();
  const officeCode = overrides.officeCode ?? "0910";
  const row: typeof schema.jobSeekers.$inferInsert = {
    id: newId(),
    officeCode,
    seekerNumber: formatJobNumber(officeCode === "0901" ? "09010" : "09100", ++seekerSerial),
    name: "架空 花子",
    nameKana: "カクウ ハナコ",
    birthDate: "1990-05-15",
    postalCode: "321-1261",
    prefectureCode: "09",
    municipalityCode: "09206",
    address: "今市本町1-1",
    phone: "090-0000-1234",
    email: null,
    desiredOccupation: "食品製造オペレーター",
    desiredPrefectureCode: "09",
    desiredEmploymentType: "正社員",
    desiredWorkStyle: "full",
    desiredWageForm: "月給",
    desiredWage: 200000,
    licences: "普通自動車第一種運転免許",
    workHistory: "2012年4月〜2025年3月 食品工場で製造ライン作業",
    selfPr: "体力には自信があります。",
    disclosure: "[]",
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await db().insert(schema.jobSeekers).values(row);
  return row as SeekerRow;
}

export interface ReferralSpec {
  seekerId: string;
  posting: { id: string; establishmentId: string; officeCode: string };
  referredOn: string;
  status?: ReferralRow["status"];
  /** HW紹介 (default) or an オンライン自主応募 (no office). */
  channel?: ReferralRow["channel"];
  officeCode?: string;
  referredBy?: string | null;
}

function referralRow(spec: ReferralSpec): typeof schema.referrals.$inferInsert {
  const now = Date.now();
  const status = spec.status ?? "screening";
  const decided = status !== "screening";
  return {
    id: newId(),
    seekerId: spec.seekerId,
    postingId: spec.posting.id,
    establishmentId: spec.posting.establishmentId,
    channel: spec.channel ?? "referral",
    officeCode: spec.channel === "application" ? null : (spec.officeCode ?? spec.posting.officeCode),
    referredBy: spec.referredBy ?? null,
    referredOn: spec.referredOn,
    status,
    conditionsDiffer: decided && status !== "declined" ? false : null,
    resultAt: decided ? now : null,
    resultByType: decided ? (status === "declined" ? "staff" : "employer") : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** One referral (紹介) of a seeker to a posting, with the given 紹介日 and state. */
export async function createReferral(spec: ReferralSpec): Promise<ReferralRow> {
  const row = referralRow(spec);
  await db().insert(schema.referrals).values(row);
  return row as ReferralRow;
}

/**
 * `count` referrals to a posting, each of a new seeker (one open referral per seeker and posting), all with the same
 * 紹介日 and state: the backlog tests' 50 and 51. Inserted in chunks under D1's 100 bound parameters per statement.
 */
export async function createReferrals(count: number, spec: Omit<ReferralSpec, "seekerId"> & { seekerOffice?: string }): Promise<ReferralRow[]> {
  const rows: (typeof schema.referrals.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const seeker = await createSeeker({ officeCode: spec.seekerOffice ?? "0910", name: `架空 太郎${i + 1}` });
    rows.push(referralRow({ ...spec, seekerId: seeker.id }));
  }
  for (let i = 0; i < rows.length; i += 4)
    await db()
      .insert(schema.referrals)
      .values(rows.slice(i, i + 4));
  return rows as ReferralRow[];
}
