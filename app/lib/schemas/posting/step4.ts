/** Screen 4, 賃金・手当情報 (R-JOB-1): 賃金形態, 基本給, 手当, 固定残業代, 賞与, 締切日・支払日, 昇給, 通勤手当. */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { ALLOWANCE_KINDS, ALLOWANCE_ROWS, COMMUTING_KINDS, PAYMENT_MONTHS, WAGE_FORMS } from "./choices";
import { checkbox, checkboxText, choice, decimal1, duration, formatDuration, int, numberText, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[4];

export const schema = z.object({
  wage: z
    .object({
      form: choice("賃金形態", WAGE_FORMS).transform((v) => v ?? "月給"),
      baseMin: int("基本給（下限額）", 1, 99_999_999, "円"),
      baseMax: int("基本給（上限額）", 1, 99_999_999, "円"),
      allowances: z
        .array(
          z.object({
            name: text(),
            amountYen: int("手当の金額", 0, 9_999_999, "円"),
            kind: choice("手当の種類", ALLOWANCE_KINDS).transform((v) => v ?? "other"),
          }),
        )
        .prefault([])
        .transform((rows) => rows.filter((allowance) => allowance.name !== "" || allowance.amountYen !== null)),
      fixedOvertime: z
        .object({
          present: yesNo("固定残業代"),
          amountYen: int("固定残業代の金額", 1, 9_999_999, "円"),
          minutes: duration("固定残業時間", 200 * 60),
          excessPaidStatement: checkbox(),
          includedInBasePay: checkbox(),
        })
        .prefault({})
        .transform((fixedOvertime): PostingContent["wage"]["fixedOvertime"] =>
          fixedOvertime.present
            ? {
                present: true,
                amountYen: fixedOvertime.amountYen,
                minutes: fixedOvertime.minutes,
                excessPaidStatement: fixedOvertime.excessPaidStatement,
                includedInBasePay: fixedOvertime.includedInBasePay,
              }
            : { present: false },
        ),
      bonus: z.object({ present: yesNo("賞与").transform((v) => v === true), description: text() }).prefault({}),
      monthlyWorkingDays: decimal1("月平均労働日数", 1, 31),
    })
    .prefault({}),
  payTerms: z
    .object({
      closingDay: text(),
      paymentMonth: choice("賃金支払日（月）", PAYMENT_MONTHS),
      paymentDay: text(),
      raise: z.object({ present: yesNo("昇給").transform((v) => v === true), lastYear: yesNo("昇給（前年度実績）"), description: text() }).prefault({}),
      bonusLastYear: z.object({ paid: yesNo("賞与（前年度実績）"), times: int("賞与の回数", 0, 12, "回"), description: text() }).prefault({}),
      annualIncomeExample: text(),
      otherAllowancesNote: text(),
    })
    .prefault({}),
  commuting: z.object({ kind: choice("通勤手当", COMMUTING_KINDS), monthlyYen: int("通勤手当の月額", 0, 9_999_999, "円") }).prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票 (with ALLOWANCE_ROWS rows of 手当, or more when stored). */
export function formValues(content: PostingContent) {
  const { wage, payTerms, commuting } = content;
  const { fixedOvertime } = wage;
  return {
    wage: {
      form: wage.form,
      baseMin: numberText(wage.baseMin),
      baseMax: numberText(wage.baseMax),
      allowances: Array.from({ length: Math.max(ALLOWANCE_ROWS, wage.allowances.length) }, (_, row) => {
        const allowance = wage.allowances[row];
        return allowance
          ? { name: allowance.name, amountYen: numberText(allowance.amountYen), kind: allowance.kind }
          : { name: "", amountYen: "", kind: "other" };
      }),
      fixedOvertime: fixedOvertime.present
        ? {
            present: "true",
            amountYen: numberText(fixedOvertime.amountYen),
            minutes: formatDuration(fixedOvertime.minutes),
            excessPaidStatement: checkboxText(fixedOvertime.excessPaidStatement),
            includedInBasePay: checkboxText(fixedOvertime.includedInBasePay),
          }
        : { present: "false" },
      bonus: { present: String(wage.bonus.present), description: wage.bonus.description },
      monthlyWorkingDays: numberText(wage.monthlyWorkingDays),
    },
    payTerms: {
      closingDay: payTerms.closingDay,
      paymentMonth: payTerms.paymentMonth ?? "",
      paymentDay: payTerms.paymentDay,
      raise: { present: String(payTerms.raise.present), lastYear: yesNoText(payTerms.raise.lastYear), description: payTerms.raise.description },
      bonusLastYear: {
        paid: yesNoText(payTerms.bonusLastYear.paid),
        times: numberText(payTerms.bonusLastYear.times),
        description: payTerms.bonusLastYear.description,
      },
      annualIncomeExample: payTerms.annualIncomeExample,
      otherAllowancesNote: payTerms.otherAllowancesNote,
    },
    commuting: { kind: commuting.kind ?? "", monthlyYen: numberText(commuting.monthlyYen) },
  };
}
