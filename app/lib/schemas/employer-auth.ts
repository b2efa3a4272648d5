/**
 * The employer's sign-in, one-time code, password reset and password change forms (R-AUTH-1, R-AUTH-2), shared by
 * client (Conform onValidate) and server. The e-mail, key and new-password fields shared with other forms are in
 * ./fields.ts; the password policy (common-password list) is added on the server only (withPasswordPolicy).
 */
import { emailField, keyField, newPasswordFields, passwordConfirmationMatches } from "./fields";
import { z } from "./zod-ja";

/** A password being typed to sign in (no policy: only present and of a sane length). */
export const currentPasswordField = z
  .string({ error: "パスワードを入力してください。" })
  .max(1024, { error: "パスワードが長すぎます。正しいパスワードを入力してください。" });

/** Optional local path to return to after sign-in (checked again with safeRedirect, app/lib/redirect.ts, on the server). */
export const redirectToField = z.string().max(2000).optional();

/** /login: e-mail and password (R-AUTH-1). */
export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  redirectTo: redirectToField,
});

/** /login/verify: the mailed 6-digit one-time code and "trust this browser" (R-AUTH-1). */
export const loginCodeSchema = z.object({
  code: keyField("ワンタイムパスワード", 6),
  trust: z.boolean({ error: "「このブラウザを30日間信頼する」は、チェックを入れるか外してください。" }).optional(),
  redirectTo: redirectToField,
});

/** /password-reset: the address to mail the key to (R-AUTH-2). */
export const resetRequestSchema = z.object({ email: emailField });

/** /password-reset/complete: address, mailed key and the new password twice (R-AUTH-2). */
export const resetCompletionSchema = z
  .object({
    email: emailField,
    key: keyField("認証キー", 8),
    ...newPasswordFields("新しいパスワード"),
  })
  .superRefine(passwordConfirmationMatches);

/** /mypage/settings/password: the current password and the new one twice (R-AUTH-1: ends the other sessions). */
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "現在のパスワードを入力してください。" }).max(1024, { error: "現在のパスワードが正しくありません。" }),
    ...newPasswordFields("新しいパスワード"),
  })
  .superRefine(passwordConfirmationMatches);
