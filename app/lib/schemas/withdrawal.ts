/**
 * The forms of 退会 (R-DEL-1) and of the office's actions on it (R-DEL-1 restoration, R-DEL-3 relocation), client and
 * server. 退会: the main account's current password and the checkbox 「上記の内容を確認しました」. The officers' forms are
 * two steps without JavaScript like 利用不可 (schemas/gates.ts): `confirm` shows the confirmation screen, `back` returns
 * to the form with what was typed, the final intent acts.
 */
import { RESTORE_NOTE_MAX } from "../../rules/withdrawal";
import { normalizeJaText } from "../normalize";
import { currentPasswordField } from "./employer-auth";
import { z } from "./zod-ja";

export const withdrawalSchema = z.object({
  currentPassword: currentPasswordField.min(1, { error: "パスワードを入力してください。" }),
  confirmed: z.literal("on", { error: "表示された内容を確認し、退会する場合はチェックを入れてください。" }),
});

export const RESTORE_INTENTS = ["confirm", "back", "restore"] as const;

export const RESTORE_NOTE_REQUIRED = "事業主からの申出の内容を入力してください。監査記録に残ります。";

export const restoreWithdrawalSchema = z.object({
  intent: z.enum(RESTORE_INTENTS, { error: "操作を選び直してください。" }),
  note: z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""))
    .superRefine((v, ctx) => {
      if (v === "") ctx.addIssue({ code: "custom", message: RESTORE_NOTE_REQUIRED });
      else if ([...v].length > RESTORE_NOTE_MAX) {
        ctx.addIssue({ code: "custom", message: `申出の内容は${RESTORE_NOTE_MAX}文字以内で入力してください（現在${[...v].length}文字）。` });
      }
    }),
});

export const RELOCATION_INTENTS = ["confirm", "back", "relocate"] as const;

export const relocationSchema = z.object({
  intent: z.enum(RELOCATION_INTENTS, { error: "操作を選び直してください。" }),
  officeCode: z
    .string({ error: "新しい管轄のハローワークを選んでください。" })
    .regex(/^\d{4}$/, { error: "新しい管轄のハローワークを一覧から選んでください。" }),
});
