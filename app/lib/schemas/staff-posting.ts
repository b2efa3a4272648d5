/**
 * The officer's decision on a posting (R-JOB-2, R-JOB-3): 受理, 修正依頼 with a comment (NFKC, trimmed, 1–1000
 * characters), or the decision on an extension request. One schema for the review page's forms, client and server.
 */
import { normalizeJaText } from "../normalize";
import { z } from "./zod-ja";

/** The 修正依頼 comment's limit (characters, counted as the employer sees them). */
export const RETURN_COMMENT_MAX = 1000;
export const RETURN_COMMENT_REQUIRED = "修正依頼の内容（コメント）を入力してください。事業主に表示され、メールでも通知されます。";

/** The statuses an officer sees in the office's list (drafts are the employer's own until 申込み). */
export const OFFICE_POSTING_STATUSES = ["submitted", "returned", "accepted", "stopped", "expired"] as const;
export type OfficePostingStatus = (typeof OFFICE_POSTING_STATUSES)[number];

export function isOfficePostingStatus(value: string | null): value is OfficePostingStatus {
  return (OFFICE_POSTING_STATUSES as readonly string[]).includes(value ?? "");
}

export const STAFF_POSTING_INTENTS = ["accept", "return", "extension-approve", "extension-refuse"] as const;
export type StaffPostingIntent = (typeof STAFF_POSTING_INTENTS)[number];

export const staffPostingSchema = z
  .object({
    intent: z.enum(STAFF_POSTING_INTENTS, { error: "操作を選び直してください。" }),
    comment: z
      .string()
      .optional()
      .transform((v) => normalizeJaText(v ?? "")),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "return") return;
    if (value.comment === "") ctx.addIssue({ code: "custom", path: ["comment"], message: RETURN_COMMENT_REQUIRED });
    else if ([...value.comment].length > RETURN_COMMENT_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: `コメントは${RETURN_COMMENT_MAX}文字以内で入力してください（現在${[...value.comment].length}文字）。`,
      });
    }
  });
