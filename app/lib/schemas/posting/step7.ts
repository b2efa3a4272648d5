/** Screen 7, 求人PR情報 (R-JOB-1, R-IMG-2): 求人PR, 制度, 特記事項 and up to MAX_POSTING_IMAGES approved images. */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { MAX_POSTING_IMAGES } from "./choices";
import { checkbox, checkboxText, text, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[7];

export const schema = z.object({
  pr: z
    .object({
      message: text(),
      jobPaySystem: checkbox(),
      reinstatement: checkbox(),
      training: text(),
      regularConversion: z.object({ present: yesNo("正社員登用の実績"), results: text() }).prefault({}),
      foreignWorkers: yesNo("外国人雇用実績"),
      imageIds: z
        .array(z.string())
        .prefault([])
        // Checked on the list, not per item: the form shows a message beside "pr.imageIds", never beside "pr.imageIds[0]".
        .refine((ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)), { error: "画像を選び直してください。" })
        .refine((ids) => ids.length <= MAX_POSTING_IMAGES, { error: `求人に表示する画像は${MAX_POSTING_IMAGES}枚までにしてください。` }),
    })
    .prefault({}),
  specialNotes: text(),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { pr } = content;
  return {
    pr: {
      message: pr.message,
      jobPaySystem: checkboxText(pr.jobPaySystem),
      reinstatement: checkboxText(pr.reinstatement),
      training: pr.training,
      regularConversion: { present: yesNoText(pr.regularConversion.present), results: pr.regularConversion.results },
      foreignWorkers: yesNoText(pr.foreignWorkers),
      imageIds: [...pr.imageIds],
    },
    specialNotes: content.specialNotes,
  };
}
