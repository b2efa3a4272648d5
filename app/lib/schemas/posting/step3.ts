/**
 * Screen 3, 仕事内容情報 (R-JOB-1): 職種 and 仕事内容, 雇用形態, 雇用期間, 試用期間, 就業場所, 受動喫煙対策, 年齢, 学歴, 経験,
 * PCスキル, 免許・資格, 募集理由.
 */
import type { PostingContent } from "../../posting-content";
import { optionalPostalCodeField } from "../fields";
import { PREFECTURE_NAMES } from "../../prefectures";
import { z } from "../zod-ja";
import { AGE_CODES, DISPATCH_FORMS, EDUCATIONS, EMPLOYMENT_TYPES, RECRUITMENT_REASONS, REQUIREMENTS, SMOKING_MEASURES } from "./choices";
import { checkbox, checkboxText, choice, date, int, numberText, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[3];

export const schema = z.object({
  jobTitle: text(),
  jobDescription: text(),
  dutiesChangeScope: text(),
  employmentType: choice("雇用形態", EMPLOYMENT_TYPES),
  employmentTypeName: text(),
  dispatch: choice("派遣・請負等", DISPATCH_FORMS),
  contract: z
    .object({
      kind: choice("雇用期間", ["indefinite", "fixed"] as const),
      months: int("契約期間", 1, 60, "か月"),
      startDate: date("契約期間の開始日"),
      endDate: date("契約期間の終了日"),
      renewal: choice("契約更新の可能性", ["none", "automatic", "conditional"] as const),
      renewalConditions: text(),
      renewalCap: z
        .object({ present: yesNo("更新上限の有無"), totalYears: int("通算契約期間の上限", 1, 10, "年"), renewalCount: int("更新回数の上限", 0, 99, "回") })

        .prefault({}),
    })
    .prefault({})
    .transform((contract): PostingContent["contract"] =>
      contract.kind === "fixed"
        ? {
            kind: "fixed",
            months: contract.months,
            startDate: contract.startDate,
            endDate: contract.endDate,
            renewal: contract.renewal,
            renewalConditions: contract.renewalConditions,
            renewalCap:
              contract.renewalCap.present === null
                ? null
                : contract.renewalCap.present
                  ? { present: true, totalYears: contract.renewalCap.totalYears, renewalCount: contract.renewalCap.renewalCount }
                  : { present: false },
          }
        : { kind: "indefinite" },
    ),
  trialPeriod: z
    .object({
      present: yesNo("試用期間"),
      months: int("試用期間の長さ", 1, 12, "か月"),
      sameConditions: yesNo("試用期間中の労働条件"),
      wageMin: int("試用期間中の賃金", 1, 99_999_999, "円"),
    })
    .prefault({})
    .transform((trial): PostingContent["trialPeriod"] =>
      trial.present
        ? {
            present: true,
            months: trial.months,
            sameConditions: trial.sameConditions !== false,
            wageMin: trial.sameConditions === false ? trial.wageMin : null,
          }
        : { present: false },
    ),
  workplace: z
    .object({
      prefectureCode: choice("就業場所の都道府県", Object.keys(PREFECTURE_NAMES)),
      transferPossible: yesNo("転勤の可能性"),
      changeScope: text(),
    })
    .prefault({}),
  workplaceDetail: z
    .object({
      sameAsEstablishment: checkbox(),
      postalCode: optionalPostalCodeField,
      address: text(),
      nearestStation: text(),
      access: text(),
      accessMinutes: int("所要時間", 0, 999, "分"),
      carCommute: yesNo("マイカー通勤"),
      parking: yesNo("駐車場"),
    })
    .prefault({}),
  smoking: z.object({ measure: choice("受動喫煙対策", SMOKING_MEASURES), note: text() }).prefault({}),
  age: z
    .object({
      kind: choice("年齢", ["none", "exception"] as const),
      code: choice("年齢制限の例外事由", AGE_CODES),
      min: int("下限年齢", 0, 200, "歳"),
      max: int("上限年齢", 0, 200, "歳"),
      reason: text(),
    })
    .prefault({})
    .transform((age): PostingContent["age"] =>
      age.kind === "exception" ? { kind: "exception", code: age.code, min: age.min, max: age.max, reason: age.reason } : { kind: "none", min: null, max: null },
    ),
  education: choice("学歴", EDUCATIONS),
  experience: choice("必要な経験", ["不問", "必要"] as const).transform((v) => v ?? "不問"),
  experienceDetail: text(),
  pcSkills: z.object({ requirement: choice("必要なPCスキル", REQUIREMENTS).transform((v) => v ?? "不問"), detail: text() }).prefault({}),
  licenses: z.object({ requirement: choice("必要な免許・資格", REQUIREMENTS).transform((v) => v ?? "不問"), detail: text() }).prefault({}),
  recruitmentReason: choice("募集理由", RECRUITMENT_REASONS),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { contract, trialPeriod, workplace, workplaceDetail, smoking, age } = content;
  const renewalCap = contract.kind === "fixed" ? contract.renewalCap : null;
  return {
    jobTitle: content.jobTitle,
    jobDescription: content.jobDescription,
    dutiesChangeScope: content.dutiesChangeScope,
    employmentType: content.employmentType ?? "",
    employmentTypeName: content.employmentTypeName,
    dispatch: content.dispatch ?? "",
    contract:
      contract.kind === "fixed"
        ? {
            kind: "fixed",
            months: numberText(contract.months),
            startDate: contract.startDate ?? "",
            endDate: contract.endDate ?? "",
            renewal: contract.renewal ?? "",
            renewalConditions: contract.renewalConditions,
            renewalCap: {
              present: renewalCap === null ? "" : String(renewalCap.present),
              totalYears: renewalCap?.present ? numberText(renewalCap.totalYears) : "",
              renewalCount: renewalCap?.present ? numberText(renewalCap.renewalCount) : "",
            },
          }
        : { kind: "indefinite" },
    trialPeriod: trialPeriod.present
      ? {
          present: "true",
          months: numberText(trialPeriod.months),
          sameConditions: String(trialPeriod.sameConditions),
          wageMin: numberText(trialPeriod.wageMin),
        }
      : { present: "false" },
    workplace: {
      prefectureCode: workplace.prefectureCode ?? "",
      transferPossible: yesNoText(workplace.transferPossible),
      changeScope: workplace.changeScope,
    },
    workplaceDetail: {
      sameAsEstablishment: checkboxText(workplaceDetail.sameAsEstablishment),
      postalCode: workplaceDetail.postalCode,
      address: workplaceDetail.address,
      nearestStation: workplaceDetail.nearestStation,
      access: workplaceDetail.access,
      accessMinutes: numberText(workplaceDetail.accessMinutes),
      carCommute: yesNoText(workplaceDetail.carCommute),
      parking: yesNoText(workplaceDetail.parking),
    },
    smoking: { measure: smoking.measure ?? "", note: smoking.note },
    age:
      age.kind === "exception"
        ? { kind: "exception", code: age.code ?? "", min: numberText(age.min), max: numberText(age.max), reason: age.reason }
        : { kind: "none" },
    education: content.education ?? "",
    experience: content.experience,
    experienceDetail: content.experienceDetail,
    pcSkills: { ...content.pcSkills },
    licenses: { ...content.licenses },
    recruitmentReason: content.recruitmentReason ?? "",
  };
}
