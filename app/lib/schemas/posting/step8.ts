/** Screen 8, 選考方法情報 (R-JOB-1): 採用人数, 選考方法, 結果の通知, 応募書類, 担当者. */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { SEND_METHODS } from "./choices";
import { checkbox, checkboxTexts, choice, int, numberText, phoneNumber, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[8];

export const schema = z.object({
  selection: z
    .object({
      hires: int("採用人数", 1, 999, "人"),
      methods: z.object({ documents: checkbox(), interview: checkbox(), writtenTest: checkbox(), other: checkbox() }).prefault({}),
      otherMethod: text(),
      resultDaysAfterDocuments: int("書類選考結果の通知", 0, 90, "日"),
      resultDaysAfterInterview: int("面接選考結果の通知", 0, 90, "日"),
      notifyBy: z.object({ post: checkbox(), phone: checkbox(), email: checkbox(), mypage: checkbox() }).prefault({}),
      schedule: text(),
      place: text(),
      documents: z.object({ referralLetter: checkbox(), resume: checkbox(), careerHistory: checkbox(), other: checkbox() }).prefault({}),
      documentsOther: text(),
      onlineDocuments: yesNo("求職者マイページからの応募書類の登録"),
      sendMethod: choice("応募書類の送付方法", SEND_METHODS),
      returnDocuments: yesNo("応募書類の返戻"),
      contact: z
        .object({
          title: text(),
          name: text(),
          nameKana: text(),
          phone: phoneNumber("電話番号は「0288-22-0353」のように入力してください。"),
          extension: text(),
          fax: phoneNumber("FAX番号は「0288-22-0354」のように入力してください。"),
          email: z
            .string()
            .optional()
            .transform((v) => (v ?? "").normalize("NFKC").trim())
            .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: "メールアドレスは「saiyo@example.jp」のように入力してください。" }),
        })
        .prefault({}),
      notes: text(),
    })
    .prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { selection } = content;
  return {
    selection: {
      hires: numberText(selection.hires),
      methods: checkboxTexts(selection.methods),
      otherMethod: selection.otherMethod,
      resultDaysAfterDocuments: numberText(selection.resultDaysAfterDocuments),
      resultDaysAfterInterview: numberText(selection.resultDaysAfterInterview),
      notifyBy: checkboxTexts(selection.notifyBy),
      schedule: selection.schedule,
      place: selection.place,
      documents: checkboxTexts(selection.documents),
      documentsOther: selection.documentsOther,
      onlineDocuments: yesNoText(selection.onlineDocuments),
      sendMethod: selection.sendMethod ?? "",
      returnDocuments: yesNoText(selection.returnDocuments),
      contact: { ...selection.contact },
      notes: selection.notes,
    },
  };
}
