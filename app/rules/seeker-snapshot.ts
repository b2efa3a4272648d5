/**
 * The snapshot of a seeker that a cross-shard 紹介 writes into the posting's shard (issue 14, ADR 0028, scale.md §3
 * "Cross-office 紹介"): that shard's 応募者管理 must show the applicant without reading the seeker's shard, and may show
 * only what R-REF-2 allows (rules/disclosure.ts) — so only that is copied. 氏名, カナ and the birth date (for 年齢; shown
 * itself only when agreed) always; each other item only when agreed, else left blank. The prefecture is kept because
 * the row needs one (it is shown only inside the address, an item like the others). Never published there, never a
 * 求職者マイページ there: the copy is not a seeker of that shard.
 */
import { parseDisclosure, type SeekerForDisclosure } from "./disclosure";

/** The seeker's columns the snapshot is made from (a job_seekers row has them). */
export type SeekerRecord = Omit<SeekerForDisclosure, "prefectureName" | "municipalityName"> & {
  id: string;
  officeCode: string;
  seekerNumber: string;
  prefectureCode: string;
  municipalityCode: string | null;
  desiredPrefectureCode: string | null;
  desiredMunicipalityCode: string | null;
};

export type SeekerSnapshot = SeekerRecord & { hasMypage: false; publishProfile: false; homeShard: string };

/** The seeker as the posting's shard may hold it: undisclosed items blank, marked as a copy of `homeShard`'s seeker. */
export function seekerSnapshot(seeker: SeekerRecord, homeShard: string): SeekerSnapshot {
  const agreed = new Set(parseDisclosure(seeker.disclosure));
  const keep = <T>(item: Parameters<typeof agreed.has>[0], value: T, blank: T): T => (agreed.has(item) ? value : blank);
  const desired = agreed.has("desired");
  return {
    id: seeker.id,
    officeCode: seeker.officeCode,
    seekerNumber: seeker.seekerNumber,
    name: seeker.name,
    nameKana: seeker.nameKana,
    birthDate: seeker.birthDate,
    prefectureCode: seeker.prefectureCode,
    postalCode: keep("address", seeker.postalCode, ""),
    municipalityCode: keep("address", seeker.municipalityCode, null),
    address: keep("address", seeker.address, ""),
    phone: keep("phone", seeker.phone, ""),
    email: keep("email", seeker.email, null),
    licences: keep("licences", seeker.licences, ""),
    workHistory: keep("workHistory", seeker.workHistory, ""),
    selfPr: keep("selfPr", seeker.selfPr, ""),
    desiredOccupation: desired ? seeker.desiredOccupation : "",
    desiredPrefectureCode: desired ? seeker.desiredPrefectureCode : null,
    desiredMunicipalityCode: desired ? seeker.desiredMunicipalityCode : null,
    desiredEmploymentType: desired ? seeker.desiredEmploymentType : "",
    desiredWorkStyle: desired ? seeker.desiredWorkStyle : "either",
    desiredWageForm: desired ? seeker.desiredWageForm : null,
    desiredWage: desired ? seeker.desiredWage : null,
    desiredHours: desired ? seeker.desiredHours : "",
    disclosure: JSON.stringify([...agreed]),
    hasMypage: false,
    publishProfile: false,
    homeShard,
  };
}
