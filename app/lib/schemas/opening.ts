/**
 * Form fields of opening a My Page and of the online 仮登録 (R-OPEN-2, R-OPEN-4–6, R-OPEN-8), shared by
 * the client (Conform's onValidate) and the server. The password policy (common-password list) is
 * server-only: `withPasswordPolicy` in app/models/login-accounts.server.ts adds it in the action, so the
 * list is never shipped to the browser.
 */
import { z } from "./zod-ja";
import { normalizeEmailInput } from "../normalize";

export const EMAIL_MAX = 100;

/** The login e-mail address (R-OPEN-2): NFKC + trimmed, ≤ 100 characters, a valid address. */
export const emailField = z
  .string({ error: "メールアドレスを入力してください。" })
  .transform(normalizeEmailInput)
  .pipe(
    z
      .string()
      .min(1, { error: "メールアドレスを入力してください。" })
      .max(EMAIL_MAX, { error: `メールアドレスは${EMAIL_MAX}文字以内で入力してください。` })
      .pipe(z.email({ error: "メールアドレスを「name@example.jp」の形で、半角英数字で入力してください。" })),
  );

/** Agreement to 利用規約 and プライバシーポリシー (R-OPEN-4, R-OPEN-7): both checkboxes required. */
export const agreementFields = {
  agreeTerms: z.literal("on", { error: "利用規約を確認し、同意する場合はチェックを入れてください。" }),
  agreePrivacy: z.literal("on", { error: "プライバシーポリシーを確認し、同意する場合はチェックを入れてください。" }),
};

/** The mailed 認証キー: 8 digits; full-width digits, spaces and hyphens are accepted. */
export const authKeyField = z
  .string({ error: "メールでお知らせした認証キーを入力してください。" })
  .transform((v) => v.normalize("NFKC").replace(/[\s\-‐‑‒–—―−ー]/g, ""))
  .pipe(z.string().regex(/^\d{8}$/, { error: "認証キーは、メールに記載された8桁の数字で入力してください。" }));

/** A new password and its confirmation (never trimmed; the policy is checked on the server). */
export const newPasswordFields = {
  password: z.string({ error: "パスワードを入力してください。" }),
  passwordConfirm: z.string({ error: "確認のため、同じパスワードをもう一度入力してください。" }),
};

/** The password fields are never sent back to the browser (Conform's hideFields). */
export const PASSWORD_FIELDS = ["password", "passwordConfirm"];

function confirmationMatches(value: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx) {
  // Refinements may run after other fields failed: only compare two strings.
  if (typeof value.password !== "string" || typeof value.passwordConfirm !== "string") return;
  if (value.password !== value.passwordConfirm) {
    ctx.addIssue({
      code: "custom",
      path: ["passwordConfirm"],
      message: "確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。",
    });
  }
}

/** ②–④ パスワード登録 and the online 仮登録's first step: address + both agreements. */
export const keyRequestSchema = z.object({ email: emailField, ...agreementFields });

/** ⑤–⑥ and the 仮登録's second step: address + key + password twice. */
export const keyCompletionSchema = z.object({ email: emailField, key: authKeyField, ...newPasswordFields }).superRefine(confirmationMatches);

/** Adding a login account (R-OPEN-2). */
export const addAccountSchema = z.object({ intent: z.literal("add"), email: emailField });
