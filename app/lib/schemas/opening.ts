/**
 * Form fields of opening a My Page and of the online 仮登録 (R-OPEN-2, R-OPEN-4–6, R-OPEN-8), shared by
 * the client (Conform's onValidate) and the server. The password policy (common-password list) is
 * server-only: `withPasswordPolicy` in app/models/login-accounts.server.ts adds it in the action, so the
 * list is never shipped to the browser.
 */
import { z } from "./zod-ja";
import { emailField, keyField, newPasswordFields, passwordConfirmationMatches } from "./fields";

/** Agreement to 利用規約 and プライバシーポリシー (R-OPEN-4, R-OPEN-7): both checkboxes required. */
export const agreementFields = {
  agreeTerms: z.literal("on", { error: "利用規約を確認し、同意する場合はチェックを入れてください。" }),
  agreePrivacy: z.literal("on", { error: "プライバシーポリシーを確認し、同意する場合はチェックを入れてください。" }),
};

/** The mailed 認証キー: 8 digits, as the opening screens explain it. */
const authKeyField = keyField("認証キー", 8, {
  missing: "メールでお知らせした認証キーを入力してください。",
  invalid: "認証キーは、メールに記載された8桁の数字で入力してください。",
});

/** ②–④ パスワード登録 and the online 仮登録's first step: address + both agreements. */
export const keyRequestSchema = z.object({ email: emailField, ...agreementFields });

/** ⑤–⑥ and the 仮登録's second step: address + key + password twice. */
export const keyCompletionSchema = z.object({ email: emailField, key: authKeyField, ...newPasswordFields() }).superRefine(passwordConfirmationMatches);

/** Adding a login account (R-OPEN-2). */
export const addAccountSchema = z.object({ intent: z.literal("add"), email: emailField });
