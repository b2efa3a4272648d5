/**
 * Fields of the employer's sign-in forms that only they use, shared by client (Conform onValidate) and server.
 * The e-mail, key and new-password fields shared with other forms are in ./fields.ts.
 */
import { z } from "./zod-ja";

/** A password being typed to sign in (no policy: only present and of a sane length). */
export const currentPasswordField = z
  .string({ error: "パスワードを入力してください。" })
  .max(1024, { error: "パスワードが長すぎます。正しいパスワードを入力してください。" });

/** Optional local path to return to after sign-in (checked again with safeRedirect on the server). */
export const redirectToField = z.string().max(2000).optional();
