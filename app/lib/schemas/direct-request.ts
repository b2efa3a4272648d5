/**
 * 直接リクエスト (R-SEARCH-2): the employer's form on a seeker's page of 求職情報検索 (/mypage/search/:公開番号; the
 * seeker is the page's, never a field) — the posting (one of the establishment's that can take requests) and an
 * optional plain-text message (≤ REQUEST_MESSAGE_MAX characters, normalised as Japanese text).
 */
import { REQUEST_MESSAGE_MAX } from "../../rules/direct-request";
import { normalizeJaText, normalizeText } from "../normalize";
import { z } from "./zod-ja";

export const DIRECT_REQUEST_MESSAGES = {
  postingId: "リクエストする求人を選んでください。",
  messageMax: `メッセージは${REQUEST_MESSAGE_MAX}文字以内で入力してください。`,
} as const;

/** An id as the pages write it: letters, digits and hyphens (a UUID), at most 64. */
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

const id = (required: string, format: string) =>
  z
    .string({ error: required })
    .transform((v) => normalizeText(v))
    .pipe(z.string().min(1, { error: required }).regex(ID_PATTERN, { error: format }));

export const directRequestSchema = z.object({
  postingId: id(DIRECT_REQUEST_MESSAGES.postingId, DIRECT_REQUEST_MESSAGES.postingId),
  message: z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""))
    .refine((v) => [...v].length <= REQUEST_MESSAGE_MAX, { error: DIRECT_REQUEST_MESSAGES.messageMax }),
});

export type DirectRequestInput = z.infer<typeof directRequestSchema>;
