/**
 * The seeker's answer to a 直接リクエスト (R-SEARCH-2, issue 12) on /seeker/requests/:id: 応募する (`accept`) or 辞退する
 * (`decline`), first without `confirmed` (the page asks to confirm), then with `confirmed=1` (the answer is sent). No
 * free text: anything else is refused with a Japanese message.
 */
import type { RequestAnswer } from "../../rules/request-answer";
import { z } from "./zod-ja";

export const SEEKER_REQUEST_MESSAGES = {
  intent: "「応募する」または「辞退する」を選んでください。",
} as const;

export const seekerRequestAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"] satisfies RequestAnswer[], { error: SEEKER_REQUEST_MESSAGES.intent }),
  confirmed: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

export type SeekerRequestAnswerInput = z.infer<typeof seekerRequestAnswerSchema>;
