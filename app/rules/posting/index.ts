/**
 * The legal rules of a 求人票 (R-JOB-1) as pure functions: validatePosting runs them all and returns the findings,
 * red ("error": blocks) and orange ("warning": the employer may go on after a second look, see mustStop).
 * No database, no clock: the caller passes today's JST date, the minimum-wage rows and, for an accepted posting,
 * its 紹介期限.
 */
import { checkAge } from "./age";
import { checkDisclosures2024 } from "./disclosures-2024";
import type { Finding } from "./findings";
import { checkFixedOvertime } from "./fixed-overtime";
import { checkLabourStandards } from "./labour-standards";
import { checkLengths } from "./lengths";
import { checkMinimumWage, checkWageRange } from "./minimum-wage";
import type { MinimumWageRow, PostingContent } from "./types";
import { validUntil as validUntilFor } from "./validity";

export * from "./types";
export * from "./findings";
export { checkAge, AGE_EXCEPTION_LABELS } from "./age";
export { checkDisclosures2024 } from "./disclosures-2024";
export { checkFixedOvertime } from "./fixed-overtime";
export { checkLabourStandards } from "./labour-standards";
export { checkLengths, countCharacters, countLines, normalizePostingText, LENGTH_LIMITS } from "./lengths";
export { checkMinimumWage, checkWageRange, hourlyEquivalent, hourlyYen, meetsMinimum, minimumWageOn, REVISION_BLOCK_DAYS } from "./minimum-wage";
export { canExtend, canSubmitRenewal, extendedValidUntil, isValidOn, renewalOpensOn, validUntil } from "./validity";
export { prefectureName } from "./prefectures";

export interface PostingRuleContext {
  /** Today in Japan (YYYY-MM-DD): the date of the check. */
  today: string;
  /** 地域別最低賃金 rows (at least those of the 就業場所's prefecture). */
  minimumWages: readonly MinimumWageRow[];
  /**
   * The posting's 紹介期限 if it is accepted already (a 内容変更); otherwise the one it would get if accepted today
   * is used, so that a revision taking effect while it will be valid is found.
   */
  validUntil?: string;
}

export function validatePosting(content: PostingContent, context: PostingRuleContext): Finding[] {
  const validUntil = context.validUntil ?? validUntilFor(context.today, { universityGraduate: content.universityGraduate });
  return [
    ...checkLengths(content),
    ...checkAge(content),
    ...checkWageRange(content),
    ...checkMinimumWage(content, { minimumWages: context.minimumWages, checkDate: context.today, validUntil }),
    ...checkFixedOvertime(content),
    ...checkDisclosures2024(content),
    ...checkLabourStandards(content),
  ];
}

/** A blank 求人票 (what a new draft starts from). */
export function emptyPostingContent(): PostingContent {
  return {
    universityGraduate: false,
    jobTitle: "",
    jobDescription: "",
    dutiesChangeScope: "",
    employmentType: null,
    employmentTypeName: "",
    contract: { kind: "indefinite" },
    trialPeriod: { present: false },
    workplace: { prefectureCode: null, transferPossible: null, changeScope: "" },
    smoking: { measure: null, note: "" },
    wage: {
      form: "月給",
      baseMin: null,
      baseMax: null,
      allowances: [],
      fixedOvertime: { present: false },
      bonus: { present: false, description: "" },
      monthlyWorkingDays: null,
    },
    hours: {
      dailyMinutes: null,
      weeklyMinutes: null,
      shifts: [],
      breakMinutes: null,
      variableSystem: "none",
      overtime: { present: false, monthlyAverageMinutes: null, specialClause: false },
      annualHolidays: null,
      holidaysText: "",
    },
    age: { kind: "none", min: null, max: null },
    retirement: { present: false, age: null },
    experience: "不問",
    specialNotes: "",
  };
}
