/**
 * 住所の自動入力 (issue 10): a 郵便番号's addresses from Japan Post's table (`postal_codes`, loaded by
 * `npm run import:reference`; ADR 0018), each with the office that has jurisdiction (管轄) over its municipality
 * when the reference data knows one. One statement: the look-up route makes one D1 round trip.
 */
import { asc, eq, sql } from "drizzle-orm";
import { PREFECTURE_NAMES } from "../lib/prefectures";
import { schema, type Db } from "../utils/db.server";

export interface PostalAddress {
  prefectureCode: string;
  prefecture: string;
  municipalityCode: string;
  municipality: string;
  town: string;
  /** The 管轄 office proposed for an establishment there; null outside the offices of the reference data. */
  office: { code: string; name: string } | null;
}

/** More rows than any real code has (the longest, 452-0961, names 66 towns). */
const MAX_ROWS = 200;

export function postalCodeQuery(db: Db, digits: string) {
  return db
    .select({
      prefectureCode: schema.postalCodes.prefectureCode,
      municipalityCode: schema.postalCodes.municipalityCode,
      municipality: schema.postalCodes.municipality,
      town: schema.postalCodes.town,
      officeCode: schema.jurisdictions.officeCode,
      officeName: sql<string | null>`${schema.offices.name}`.as("office_name"),
    })
    .from(schema.postalCodes)
    .leftJoin(schema.jurisdictions, eq(schema.jurisdictions.municipalityCode, schema.postalCodes.municipalityCode))
    .leftJoin(schema.offices, eq(schema.offices.code, schema.jurisdictions.officeCode))
    .where(eq(schema.postalCodes.code, digits))
    .orderBy(asc(schema.postalCodes.municipalityCode), asc(schema.postalCodes.town))
    .limit(MAX_ROWS);
}

/** The addresses of a 7-digit code ("3211261"); empty when Japan Post's table (as loaded) does not know it. */
export async function lookUpPostalCode(db: Db, digits: string): Promise<PostalAddress[]> {
  const rows = await postalCodeQuery(db, digits);
  return rows.map((r) => ({
    prefectureCode: r.prefectureCode,
    prefecture: PREFECTURE_NAMES[r.prefectureCode] ?? "",
    municipalityCode: r.municipalityCode,
    municipality: r.municipality,
    town: r.town,
    office: r.officeCode && r.officeName ? { code: r.officeCode, name: r.officeName } : null,
  }));
}
