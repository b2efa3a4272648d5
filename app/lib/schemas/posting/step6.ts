/** Screen 6, 保険・年金・定年等情報 (R-JOB-1): 加入保険等, 企業年金, 退職金, 再雇用, 勤務延長, 住宅, 託児施設, 定年制. */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { checkbox, checkboxText, int, numberText, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[6];

/** 再雇用制度 / 勤務延長: あり/なし and the upper age. */
const presentWithAge = (label: string) => z.object({ present: yesNo(label), maxAge: int(`${label}の上限年齢`, 1, 120, "歳") }).prefault({});

export const schema = z.object({
  benefits: z
    .object({
      insurance: z
        .object({
          employment: checkbox(),
          industrialAccident: checkbox(),
          publicAccident: checkbox(),
          health: checkbox(),
          pension: checkbox(),
          other: text(),
        })
        .prefault({}),
      corporatePension: text(),
      retirementMutualAid: checkbox(),
      retirementAllowance: z.object({ present: yesNo("退職金制度"), minYears: int("退職金の勤続年数", 0, 50, "年") }).prefault({}),
      reemployment: presentWithAge("再雇用制度"),
      workExtension: presentWithAge("勤務延長"),
      housing: z.object({ single: checkbox(), family: checkbox(), note: text() }).prefault({}),
      childcare: z.object({ available: yesNo("利用可能託児施設"), note: text() }).prefault({}),
    })
    .prefault({}),
  retirement: z.object({ present: yesNo("定年制").transform((v) => v === true), age: int("定年年齢", 1, 120, "歳") }).prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { benefits, retirement } = content;
  const { insurance } = benefits;
  return {
    benefits: {
      insurance: {
        employment: checkboxText(insurance.employment),
        industrialAccident: checkboxText(insurance.industrialAccident),
        publicAccident: checkboxText(insurance.publicAccident),
        health: checkboxText(insurance.health),
        pension: checkboxText(insurance.pension),
        other: insurance.other,
      },
      corporatePension: benefits.corporatePension,
      retirementMutualAid: checkboxText(benefits.retirementMutualAid),
      retirementAllowance: { present: yesNoText(benefits.retirementAllowance.present), minYears: numberText(benefits.retirementAllowance.minYears) },
      reemployment: { present: yesNoText(benefits.reemployment.present), maxAge: numberText(benefits.reemployment.maxAge) },
      workExtension: { present: yesNoText(benefits.workExtension.present), maxAge: numberText(benefits.workExtension.maxAge) },
      housing: { single: checkboxText(benefits.housing.single), family: checkboxText(benefits.housing.family), note: benefits.housing.note },
      childcare: { available: yesNoText(benefits.childcare.available), note: benefits.childcare.note },
    },
    retirement: { present: String(retirement.present), age: numberText(retirement.age) },
  };
}
