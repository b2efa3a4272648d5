/**
 * メッセージ (R-MSG-1, issue 12): the one field of the employer's and the seeker's message forms (/mypage/messages/…,
 * /seeker/messages/…): plain text, normalised by rules/message normalizeMessageBody (invisible control characters
 * removed, trimmed), not empty, at most MESSAGE_MAX characters.
 */
import { MESSAGE_MAX, messageLength, normalizeMessageBody } from "../../rules/message";
import { z } from "./zod-ja";

export const MESSAGE_FORM_MESSAGES = {
  empty: "メッセージを入力してください。",
  max: `メッセージは${MESSAGE_MAX}文字以内で入力してください。`,
} as const;

export const messageSchema = z.object({
  body: z
    .string({ error: MESSAGE_FORM_MESSAGES.empty })
    .transform((v) => normalizeMessageBody(v))
    .pipe(
      // Conform reads a value that normalises to "" as absent inside the pipe: the same message then.
      z
        .string({ error: MESSAGE_FORM_MESSAGES.empty })
        .min(1, { error: MESSAGE_FORM_MESSAGES.empty })
        .refine((v) => messageLength(v) <= MESSAGE_MAX, { error: MESSAGE_FORM_MESSAGES.max }),
    ),
});

export type MessageInput = z.infer<typeof messageSchema>;
