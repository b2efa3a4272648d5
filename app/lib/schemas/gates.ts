/**
 * The officers' forms on an establishment's My Page (R-GATE-2, R-GATE-4), client and server: 利用不可 and its restoration
 * (a reason, required: NFKC for Latin letters and digits, trimmed, 1–200 characters) and the lift of a backlog
 * restriction (an optional note, ≤ 200). Each is two steps without JavaScript: `confirm` shows the confirmation screen,
 * `back` returns to the form with what was typed, the final intent (`unusable`, `restore`, `lift`) acts.
 */
import { GATE_REASON_MAX, LIFT_NOTE_MAX } from "../../rules/gates";
import { normalizeJaText } from "../normalize";
import { z } from "./zod-ja";

export const USABILITY_INTENTS = ["confirm", "back", "unusable", "restore"] as const;
export type UsabilityIntent = (typeof USABILITY_INTENTS)[number];

export const GATE_REASON_REQUIRED = "理由を入力してください。事業所には表示されず、監査記録に残ります。";

const reasonField = z
  .string()
  .optional()
  .transform((v) => normalizeJaText(v ?? ""))
  .superRefine((v, ctx) => {
    if (v === "") ctx.addIssue({ code: "custom", message: GATE_REASON_REQUIRED });
    else if ([...v].length > GATE_REASON_MAX) {
      ctx.addIssue({ code: "custom", message: `理由は${GATE_REASON_MAX}文字以内で入力してください（現在${[...v].length}文字）。` });
    }
  });

export const usabilitySchema = z.object({
  intent: z.enum(USABILITY_INTENTS, { error: "操作を選び直してください。" }),
  reason: reasonField,
});

export const LIFT_INTENTS = ["confirm", "back", "lift"] as const;
export type LiftIntent = (typeof LIFT_INTENTS)[number];

export const liftSchema = z.object({
  intent: z.enum(LIFT_INTENTS, { error: "操作を選び直してください。" }),
  note: z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""))
    .superRefine((v, ctx) => {
      if ([...v].length > LIFT_NOTE_MAX) {
        ctx.addIssue({ code: "custom", message: `メモは${LIFT_NOTE_MAX}文字以内で入力してください（現在${[...v].length}文字）。` });
      }
    }),
});
