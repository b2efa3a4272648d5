/**
 * Field schemas of the employer's sign-in, password reset and password change forms, shared by client
 * (Conform onValidate) and server. Messages are Japanese and say how to fix the input.
 */
import { z } from "./zod-ja";
import { normalizeEmailInput } from "../normalize";
import { passwordProblem, PASSWORD_MAX } from "../password-policy";

export const EMAIL_MAX = 100;

/** The login ID (R-OPEN-2): full-width letters accepted (NFKC), trimmed, ≤ 100 characters. */
export const emailField = z
  .string({ error: "メールアドレスを入力してください。" })
  .transform(normalizeEmailInput)
  .pipe(
    z
      .string()
      .max(EMAIL_MAX, { error: `メールアドレスは${EMAIL_MAX}文字以内で入力してください。` })
      .pipe(z.email({ error: "メールアドレスを「name@example.jp」の形で入力してください。" })),
  );

/** A password being typed to sign in (no policy: only present and of a sane length). */
export const currentPasswordField = z
  .string({ error: "パスワードを入力してください。" })
  .max(1024, { error: "パスワードが長すぎます。正しいパスワードを入力してください。" });

/** Digits of a mailed key or code: full-width digits, spaces and hyphens allowed as typed. */
export function keyField(what: string, digits: number) {
  return z
    .string({ error: `${what}を入力してください。` })
    .max(64, { error: `${what}は数字${digits}桁で入力してください。` })
    .refine((v) => new RegExp(`^\\d{${digits}}$`).test(v.normalize("NFKC").replace(/[\s-]/g, "")), {
      error: `${what}は数字${digits}桁で入力してください。`,
    });
}

/** Optional local path to return to after sign-in (checked again with safeRedirect on the server). */
export const redirectToField = z.string().max(2000).optional();

/**
 * New password + confirmation with the policy (R-OPEN-6, NIST SP 800-63B). `email` is the account's
 * address (its local part may not appear in the password).
 */
export function refineNewPassword(
  value: { password: string; passwordConfirm: string },
  ctx: z.RefinementCtx,
  email: string | undefined,
  names: { password: string; passwordConfirm: string } = { password: "password", passwordConfirm: "passwordConfirm" },
) {
  const problem = passwordProblem(value.password, email);
  if (problem) {
    ctx.addIssue({ code: "custom", path: [names.password], message: problem });
    return;
  }
  if (value.password !== value.passwordConfirm) {
    ctx.addIssue({
      code: "custom",
      path: [names.passwordConfirm],
      message: "確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。",
    });
  }
}

export const newPasswordField = z
  .string({ error: "新しいパスワードを入力してください。" })
  .max(PASSWORD_MAX * 4, { error: `パスワードは${PASSWORD_MAX}文字以内で入力してください。` });

export const passwordConfirmField = z
  .string({ error: "確認のため、同じパスワードをもう一度入力してください。" })
  .max(PASSWORD_MAX * 4, { error: `パスワードは${PASSWORD_MAX}文字以内で入力してください。` });
