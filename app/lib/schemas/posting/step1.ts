/** Screen 1, 求人区分等情報 (R-JOB-1): 大卒等求人 and the 求人区分等 (オンライン自主応募, トライアル雇用, 障害者求人, 公開希望). */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { PUBLICATIONS } from "./choices";
import { checkbox, checkboxText, choice, numberText, yesNo, yesNoText } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[1];

export const schema = z.object({
  universityGraduate: checkbox(),
  category: z
    .object({
      onlineApplication: yesNo("オンライン自主応募の受付"),
      trialEmployment: yesNo("トライアル雇用併用の希望"),
      disabilityPosting: checkbox(),
      publication: choice("公開希望", PUBLICATIONS).transform((v) => (v === null ? null : (Number(v) as 1 | 2 | 3 | 4))),
    })
    .prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票. */
export function formValues(content: PostingContent) {
  const { category } = content;
  return {
    universityGraduate: checkboxText(content.universityGraduate),
    category: {
      onlineApplication: yesNoText(category.onlineApplication),
      trialEmployment: yesNoText(category.trialEmployment),
      disabilityPosting: checkboxText(category.disabilityPosting),
      publication: numberText(category.publication),
    },
  };
}
