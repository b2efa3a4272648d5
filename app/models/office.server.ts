import { and, asc, eq, sql } from "drizzle-orm";
import { schema, type Db, type ScopeValue } from "../utils/db.server";

export type Office = typeof schema.offices.$inferSelect;

export function officesQuery(db: Db, prefectureCode?: string) {
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
    .orderBy(asc(schema.offices.code));
}

export function officeQuery(db: Db, code: ScopeValue) {
  return db.select().from(schema.offices).where(eq(schema.offices.code, code)).limit(1);
}

/** Municipalities of a prefecture with the office that has jurisdiction (管轄) over each (batchable). */
export function municipalitiesWithOfficeQuery(db: Db, prefectureCode: ScopeValue) {
  return db
    .select({
      code: schema.municipalities.code,
      name: schema.municipalities.name,
      officeCode: schema.jurisdictions.officeCode,
      officeName: sql<string | null>`${schema.offices.name}`.as("office_name"),
    })
    .from(schema.municipalities)
    .leftJoin(schema.jurisdictions, eq(schema.jurisdictions.municipalityCode, schema.municipalities.code))
    .leftJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(eq(schema.municipalities.prefectureCode, prefectureCode))
    .orderBy(asc(schema.municipalities.code));
}

export function prefectureQuery(db: Db, code: ScopeValue) {
  return db.select({ name: schema.prefectures.name }).from(schema.prefectures).where(eq(schema.prefectures.code, code)).limit(1);
}

/** The statements of a municipality select (管轄 marked): put them in the page's batch, then `municipalityChoices`. */
export function municipalityChoicesQueries(db: Db, prefectureCode: ScopeValue) {
  return [municipalitiesWithOfficeQuery(db, prefectureCode), prefectureQuery(db, prefectureCode)] as const;
}

type MunicipalityRow = Awaited<ReturnType<typeof municipalitiesWithOfficeQuery>>[number];

/** The municipalities of a prefecture for a select, marking those under `officeCode` (the actor's office). */
export function municipalityChoices([rows, prefecture]: readonly [MunicipalityRow[], { name: string }[]], officeCode: string) {
  return {
    prefectureName: prefecture[0]?.name ?? "",
    municipalities: rows.map((m) => ({ code: m.code, name: m.name, officeName: m.officeName, ownOffice: m.officeCode === officeCode })),
  };
}

/** The office with jurisdiction over a municipality (R-OPEN-1): at most one row. Batchable. */
export function jurisdictionalOfficeQuery(db: Db, municipalityCode: string) {
  return db
    .select({ code: schema.offices.code, name: schema.offices.name, phone: schema.offices.phone })
    .from(schema.jurisdictions)
    .innerJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(and(eq(schema.jurisdictions.municipalityCode, municipalityCode)))
    .limit(1);
}

/** The office with jurisdiction over a municipality (R-OPEN-1), or undefined. */
export async function findJurisdictionalOffice(db: Db, municipalityCode: string) {
  const [office] = await jurisdictionalOfficeQuery(db, municipalityCode);
  return office;
}

export async function listPrefectures(db: Db) {
  return db.select().from(schema.prefectures).orderBy(asc(schema.prefectures.code)).all();
}

/**
 * Takes the office's next serial atomically (one UPDATE … RETURNING), for 事業所番号, 求人番号 or 求職番号: two
 * registrations or acceptances at the same moment never get the same number. A serial taken by a write
 * that then fails is skipped.
 */
export async function takeOfficeSerial(db: Db, officeCode: string, kind: "establishment" | "job" | "seeker"): Promise<number> {
  const o = schema.offices;
  const column = { establishment: o.nextEstablishmentSerial, job: o.nextJobSerial, seeker: o.nextSeekerSerial }[kind];
  const next = sql`${column} + 1`;
  const row = await db
    .update(o)
    .set(kind === "establishment" ? { nextEstablishmentSerial: next } : kind === "job" ? { nextJobSerial: next } : { nextSeekerSerial: next })
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
