/**
 * The forms of a posting's page that carry fields: 募集停止 (a reason and the confirmation that it cannot be undone)
 * and deleting a draft (the confirmation). Shared by the browser (Conform) and the action.
 */
import { z } from "../../lib/schemas/zod-ja";
import { STOP_REASONS } from "../../rules/posting/lifecycle";

export const STOP_CONFIRM = "募集を停止すると、この求人はすぐに無効になり、元に戻せません";
export const DELETE_CONFIRM = "この下書きを削除すると、元に戻せません";

const STOP_REASON_MESSAGE = "募集を停止する理由を選んでください。";

const confirmed = (label: string) =>
  z.boolean({ error: `「${label}」を確認して、チェックを入れてください。` }).refine((v) => v, { error: `「${label}」を確認して、チェックを入れてください。` });

/** 募集停止: the reason (one of STOP_REASONS) and the confirmation. */
export const stopSchema = z.object({
  reason: z.string({ error: STOP_REASON_MESSAGE }).refine((v) => (STOP_REASONS as readonly string[]).includes(v), { error: STOP_REASON_MESSAGE }),
  confirm: confirmed(STOP_CONFIRM),
});

export const deleteSchema = z.object({ confirmDelete: confirmed(DELETE_CONFIRM) });
