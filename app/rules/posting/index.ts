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
import { checkRequired } from "./required";
import { extendedValidUntil as extendedValidUntilFor, validUntil as validUntilFor } from "./validity";
import { formatJapaneseDate } from "../../lib/clock";

export * from "./types";
export * from "./findings";
export { checkAge, AGE_EXCEPTION_LABELS } from "./age";
export { checkDisclosures2024 } from "./disclosures-2024";
export { checkFixedOvertime } from "./fixed-overtime";
export { checkLabourStandards } from "./labour-standards";
export { checkLengths, countCharacters, countLines, normalizePostingText, LENGTH_LIMITS } from "./lengths";
export { checkMinimumWage, checkWageRange, hourlyEquivalent, hourlyYen, meetsMinimum, minimumWageOn, REVISION_BLOCK_DAYS } from "./minimum-wage";
export {
  canExtend,
  canSubmitRenewal,
  extendedValidUntil,
  isPublicOn,
  isValidOn,
  publicFrom,
  renewalOpensOn,
  universityGraduateTerm,
  validUntil,
} from "./validity";
export { prefectureName } from "../../lib/prefectures";
export { checkRequired } from "./required";
export { anonymisedContent, ANONYMOUS_PUBLICATIONS, hidesEstablishmentFor, postingKind, postingKindLabel, publicFacts, searchTextOf } from "./public-facts";
export { STEPS, STEP_COUNT, stepOf, findingsForStep, isStepNumber, withScreens, type WizardStep } from "./steps";
export { wageRange, wageRangeLabel, yenRangeLabel } from "./wage-range";
export { diffContent, valueText, type ContentChange } from "./diff";
export * from "./lifecycle";

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
  /** Checking an extension (issue 10 #4): `validUntil` is the extended 紹介期限 (see MinimumWageContext.extension). */
  extension?: boolean;
}

export function validatePosting(content: PostingContent, context: PostingRuleContext): Finding[] {
  const validUntil = context.validUntil ?? validUntilFor(context.today, { universityGraduate: content.universityGraduate });
  return [
    ...checkLengths(content),
    ...checkAge(content),
    ...checkWageRange(content),
    ...checkMinimumWage(content, { minimumWages: context.minimumWages, checkDate: context.today, validUntil, extension: context.extension }),
    ...checkFixedOvertime(content),
    ...checkDisclosures2024(content),
    ...checkLabourStandards(content),
  ];
}

/**
 * 有効期間延長 (R-JOB-2, issue 10 #4): the extension is checked against every posting rule for the extended period — the
 * published 求人票 (what stays valid) with the new 紹介期限 — and a red finding refuses it, both the employer's request and
 * the officer's approval. E.g. 秋田, 時間給 1,000円, 紹介期限 2026-02-28: the extension to 2026-03-31 reaches the revision
 * to 1,031円 of 2026-03-31 and is refused, on 2026-02-20 as on any other day.
 */
export function extensionCheck(
  content: PostingContent,
  context: { today: string; minimumWages: readonly MinimumWageRow[]; validUntil: string },
): { validUntil: string; findings: Finding[]; reason: string | null } {
  const extended = extendedValidUntilFor(context.validUntil);
  const findings = validatePosting(content, { today: context.today, minimumWages: context.minimumWages, validUntil: extended, extension: true });
  const errors = findings.filter((f) => f.severity === "error");
  const reason =
    errors.length === 0
      ? null
      : `延長後の紹介期限（${formatJapaneseDate(extended)}）までの期間について求人票に赤色のエラーがあるため、有効期間を延長できません。${errors.map((f) => f.message).join("")}`;
  return { validUntil: extended, findings, reason };
}

/** Everything the employer's wizard, the summary and the officer's review show: 必須 items, then the legal rules. */
export function reviewPosting(content: PostingContent, context: PostingRuleContext): Finding[] {
  return [...checkRequired(content), ...validatePosting(content, context)];
}

/** A blank 求人票 (what a new draft starts from). */
export function emptyPostingContent(): PostingContent {
  return {
    category: { onlineApplication: null, trialEmployment: null, disabilityPosting: false, publication: null },
    company: {
      employeesTotal: null,
      employeesWorkplace: null,
      employeesFemale: null,
      employeesPartTime: null,
      foundedYear: null,
      capitalYen: null,
      laborUnion: null,
      businessDescription: "",
      features: "",
      homepage: "",
      workRulesFullTime: null,
      workRulesPartTime: null,
      childcareLeaveTaken: null,
      nursingCareLeaveTaken: null,
      sickChildLeaveTaken: null,
    },
    dispatch: null,
    workplaceDetail: {
      sameAsEstablishment: true,
      postalCode: "",
      address: "",
      nearestStation: "",
      access: "",
      accessMinutes: null,
      carCommute: null,
      parking: null,
    },
    education: null,
    experienceDetail: "",
    pcSkills: { requirement: "不問", detail: "" },
    licenses: { requirement: "不問", detail: "" },
    recruitmentReason: null,
    payTerms: {
      closingDay: "",
      paymentMonth: null,
      paymentDay: "",
      raise: { present: false, lastYear: null, description: "" },
      bonusLastYear: { paid: null, times: null, description: "" },
      annualIncomeExample: "",
      otherAllowancesNote: "",
    },
    commuting: { kind: null, monthlyYen: null },
    benefits: {
      insurance: { employment: false, industrialAccident: false, publicAccident: false, health: false, pension: false, other: "" },
      corporatePension: "",
      retirementMutualAid: false,
      retirementAllowance: { present: null, minYears: null },
      reemployment: { present: null, maxAge: null },
      workExtension: { present: null, maxAge: null },
      housing: { single: false, family: false, note: "" },
      childcare: { available: null, note: "" },
    },
    pr: {
      message: "",
      jobPaySystem: false,
      reinstatement: false,
      training: "",
      regularConversion: { present: null, results: "" },
      foreignWorkers: null,
      imageIds: [],
    },
    selection: {
      hires: null,
      methods: { documents: false, interview: false, writtenTest: false, other: false },
      otherMethod: "",
      resultDaysAfterDocuments: null,
      resultDaysAfterInterview: null,
      notifyBy: { post: false, phone: false, email: false, mypage: false },
      schedule: "",
      place: "",
      documents: { referralLetter: false, resume: false, careerHistory: false, other: false },
      documentsOther: "",
      onlineDocuments: null,
      sendMethod: null,
      returnDocuments: null,
      contact: { title: "", name: "", nameKana: "", phone: "", extension: "", fax: "", email: "" },
      notes: "",
    },
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
      fullTimeWeeklyMinutes: 2400,
      weeklyDays: null,
      shiftSystem: false,
      hoursNote: "",
      weeklyTwoDaysOff: null,
      paidLeaveDays: null,
    },
    age: { kind: "none", min: null, max: null },
    retirement: { present: false, age: null },
    experience: "不問",
    specialNotes: "",
  };
}
