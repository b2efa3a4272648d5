/** Screen 2, 事業所情報 (R-JOB-1): the 事業所 items kept in the posting (従業員数, 設立年, 資本金, 事業内容, 就業規則…). */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { int, numberText, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[2];

export const schema = z.object({
  company: z
    .object({
      employeesTotal: int("従業員数（企業全体）", 0, 9_999_999, "人"),
      employeesWorkplace: int("従業員数（就業場所）", 0, 9_999_999, "人"),
      employeesFemale: int("うち女性", 0, 9_999_999, "人"),
      employeesPartTime: int("うちパート", 0, 9_999_999, "人"),
      foundedYear: int("設立年", 1600, 2100, "年"),
      capitalYen: int("資本金", 0, 999_999_999_999_999, "円"),
      laborUnion: yesNo("労働組合"),
      businessDescription: text(),
      features: text(),
      homepage: text().refine((v) => v === "" || /^https?:\/\/[^\s]+$/.test(v), { error: "ホームページは「https://」から始まるURLで入力してください。" }),
      workRulesFullTime: yesNo("就業規則（フルタイム）"),
      workRulesPartTime: yesNo("就業規則（パートタイム）"),
      childcareLeaveTaken: yesNo("育児休業取得実績"),
      nursingCareLeaveTaken: yesNo("介護休業取得実績"),
      sickChildLeaveTaken: yesNo("看護休暇取得実績"),
    })
    .prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { company } = content;
  return {
    company: {
      employeesTotal: numberText(company.employeesTotal),
      employeesWorkplace: numberText(company.employeesWorkplace),
      employeesFemale: numberText(company.employeesFemale),
      employeesPartTime: numberText(company.employeesPartTime),
      foundedYear: numberText(company.foundedYear),
      capitalYen: numberText(company.capitalYen),
      laborUnion: yesNoText(company.laborUnion),
      businessDescription: company.businessDescription,
      features: company.features,
      homepage: company.homepage,
      workRulesFullTime: yesNoText(company.workRulesFullTime),
      workRulesPartTime: yesNoText(company.workRulesPartTime),
      childcareLeaveTaken: yesNoText(company.childcareLeaveTaken),
      nursingCareLeaveTaken: yesNoText(company.nursingCareLeaveTaken),
      sickChildLeaveTaken: yesNoText(company.sickChildLeaveTaken),
    },
  };
}
