/**
 * The types the posting rules read. The 求人票 document itself is lib/posting-content.ts (the forms and views use it
 * too, and lib does not import rules); it is re-exported here so that rules/posting stays the one place to import from.
 */
export type * from "../../lib/posting-content";

/** One 地域別最低賃金 row (table minimum_wages): in force from `effectiveFrom` ("0000-01-01" = no known date). */
export interface MinimumWageRow {
  prefectureCode: string;
  amountYen: number;
  effectiveFrom: string;
}
