/**
 * Fields that several forms share (sign-in, opening, 仮登録, password reset and change, login accounts), one
 * definition each, used by client (Conform onValidate) and server alike. Messages are Japanese and say how to
 * fix the input. The password policy (common-password list) is not here: it is server-only, layered on by
 * `withPasswordPolicy` in app/models/login-accounts.server.ts, so the list is never shipped to the browser.
 */
import { z } from "./zod-ja";
import { normalizeEmailInput, normalizePostalCode } from "../normalize";
import { PASSWORD_MAX } from "../password-policy";

export const EMAIL_MAX = 100;

/** An e-mail address (R-OPEN-2): full-width letters accepted (NFKC), trimmed, ≤ 100 characters, a valid address. */
export const emailField = z
  .string({ error: "メールアドレスを入力してください。" })
  .transform(normalizeEmailInput)
  .pipe(
    z
      .string()
      .min(1, { error: "メールアドレスを入力してください。" })
      .max(EMAIL_MAX, { error: `メールアドレスは${EMAIL_MAX}文字以内で入力してください。` })
      .pipe(z.email({ error: "メールアドレスを「name@example.jp」の形で入力してください。使える文字は半角英数字と記号です。" })),
  );

export const POSTAL_CODE_MESSAGE = "郵便番号は「321-1272」のように7桁で入力してください。";
const POSTAL_CODE = /^\d{3}-\d{4}$/;

/**
 * A 郵便番号 (issue 10): 〒, full-width digits and every dash look-alike accepted as typed, stored as "NNN-NNNN"
 * (normalizePostalCode). Every form that asks for a postal code uses this field or its optional variant.
 */
export const postalCodeField = z
  .string({ error: "郵便番号を入力してください。" })
  .transform(normalizePostalCode)
  .pipe(
    z.string({ error: "郵便番号を入力してください。" }).min(1, { error: "郵便番号を入力してください。" }).regex(POSTAL_CODE, { error: POSTAL_CODE_MESSAGE }),
  );

/** The same, where a postal code may be left empty ("" stays ""). */
export const optionalPostalCodeField = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = normalizePostalCode(raw ?? "");
    if (v === "" || POSTAL_CODE.test(v)) return v;
    ctx.issues.push({ code: "custom", input: raw, message: POSTAL_CODE_MESSAGE });
    return z.NEVER;
  });

/** What people type between the digits of a key: spaces and every hyphen, dash and long-vowel variant. */
const KEY_SEPARATORS = /[\s\-‐‑‒–—―−ー]/g;

/** A typed key or code as compared: NFKC (full-width digits), without separators. */
export function normalizeKeyInput(value: string): string {
  return value.normalize("NFKC").replace(KEY_SEPARATORS, "");
}

/**
 * The digits of a mailed key or code (認証キー, ワンタイムパスワード): full-width digits, spaces, hyphens and the
 * dash / long-vowel variants are accepted as typed; the value is the digits alone. `messages` replaces the
 * default texts for screens that explain where the key comes from.
 */
export function keyField(what: string, digits: number, messages: { missing?: string; invalid?: string } = {}) {
  const missing = messages.missing ?? `${what}を入力してください。`;
  const invalid = messages.invalid ?? `${what}は数字${digits}桁で入力してください。`;
  return z
    .string({ error: missing })
    .max(64, { error: invalid })
    .transform(normalizeKeyInput)
    .pipe(z.string().regex(new RegExp(`^\\d{${digits}}$`), { error: invalid }));
}

/**
 * A new password and its confirmation (never trimmed). `label` is the field's label on the screen
 * (「パスワード」 or 「新しいパスワード」). The length bound here only protects the server; the policy with its
 * 128-character limit is checked by `withPasswordPolicy` on the server.
 */
export function newPasswordFields(label = "パスワード") {
  const tooLong = { error: `パスワードは${PASSWORD_MAX}文字以内で入力してください。` };
  return {
    password: z.string({ error: `${label}を入力してください。` }).max(PASSWORD_MAX * 4, tooLong),
    passwordConfirm: z.string({ error: "確認のため、同じパスワードをもう一度入力してください。" }).max(PASSWORD_MAX * 4, tooLong),
  };
}

/** The password fields are never sent back to the browser (Conform's hideFields). */
export const PASSWORD_FIELDS = ["password", "passwordConfirm"];

/** The confirmation must repeat the new password (superRefine of a schema with `newPasswordFields`). */
export function passwordConfirmationMatches(value: { password?: unknown; passwordConfirm?: unknown }, ctx: z.RefinementCtx) {
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
