import { and, asc, eq, sql } from "drizzle-orm";
import { schema, type Db } from "../utils/db.server";

export type Office = typeof schema.offices.$inferSelect;

export async function listOffices(db: Db, prefectureCode?: string) {
  return db
    .select({
      code: schema.offices.code,
      name: schema.offices.name,
      phone: schema.offices.phone,
      postalCode: schema.offices.postalCode,
      address: schema.offices.address,
      prefectureCode: schema.offices.prefectureCode,
      illustrative: schema.offices.illustrative,
    })
    .from(schema.offices)
    .where(prefectureCode ? eq(schema.offices.prefectureCode, prefectureCode) : undefined)
    .orderBy(asc(schema.offices.code))
    .all();
}

export async function getOffice(db: Db, code: string) {
  return db.select().from(schema.offices).where(eq(schema.offices.code, code)).get();
}

/** Municipalities of a prefecture with the office that has jurisdiction (管轄) over each. */
export async function listMunicipalitiesWithOffice(db: Db, prefectureCode: string) {
  return db
    .select({
      code: schema.municipalities.code,
      name: schema.municipalities.name,
      officeCode: schema.jurisdictions.officeCode,
      officeName: schema.offices.name,
    })
    .from(schema.municipalities)
    .leftJoin(schema.jurisdictions, eq(schema.jurisdictions.municipalityCode, schema.municipalities.code))
    .leftJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(eq(schema.municipalities.prefectureCode, prefectureCode))
    .orderBy(asc(schema.municipalities.code))
    .all();
}

/** The office with jurisdiction over a municipality (R-OPEN-1), or undefined. */
export async function findJurisdictionalOffice(db: Db, municipalityCode: string) {
  return db
    .select({ code: schema.offices.code, name: schema.offices.name, phone: schema.offices.phone })
    .from(schema.jurisdictions)
    .innerJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(and(eq(schema.jurisdictions.municipalityCode, municipalityCode)))
    .get();
}

export async function listPrefectures(db: Db) {
  return db.select().from(schema.prefectures).orderBy(asc(schema.prefectures.code)).all();
}

/**
 * Takes the office's next serial atomically (one UPDATE … RETURNING), for 事業所番号 or 求人番号: two
 * registrations or acceptances at the same moment never get the same number. A serial taken by a write
 * that then fails is skipped.
 */
export async function takeOfficeSerial(db: Db, officeCode: string, kind: "establishment" | "job"): Promise<number> {
  const o = schema.offices;
  const column = kind === "establishment" ? o.nextEstablishmentSerial : o.nextJobSerial;
  const row = await db
    .update(o)
    .set(kind === "establishment" ? { nextEstablishmentSerial: sql`${column} + 1` } : { nextJobSerial: sql`${column} + 1` })
    .where(eq(o.code, officeCode))
    .returning({ serial: sql<number>`${column} - 1` })
    .get();
  if (!row) throw new Error(`office ${officeCode} not found`);
  return Number(row.serial);
}

/** A municipality with the office that has jurisdiction over it (either may be missing). */
export async function municipalityJurisdiction(db: Db, municipalityCode: string) {
  return db
    .select({
      name: schema.municipalities.name,
      prefectureCode: schema.municipalities.prefectureCode,
      officeCode: schema.offices.code,
      officeName: schema.offices.name,
    })
    .from(schema.municipalities)
    .leftJoin(schema.jurisdictions, eq(schema.jurisdictions.municipalityCode, schema.municipalities.code))
    .leftJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(eq(schema.municipalities.code, municipalityCode))
    .get();
}
