/**
 * 求職者マイページのログインID (issue 12): the account's state and, until the seeker has set a password, the form that
 * opens the マイページ and registers (or corrects) the address. The seeker then does パスワード登録 at
 * /seeker/password-registration.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Button, FormErrors, TextField } from "../../../components/form";
import { SEEKER_LOGIN_INTENT, seekerLoginSchema } from "../../../lib/schemas/seeker-login";

export interface SeekerLoginState {
  email: string;
  status: "pending" | "active" | "disabled";
}

const STATUS_TEXT = {
  pending: "ログインIDを登録済み（求職者のパスワード登録待ち）",
  active: "開設済み（ログインできます）",
  disabled: "利用停止",
} as const;

export function SeekerLoginSection({ login, lastResult }: { login: SeekerLoginState | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "seeker-login",
    lastResult,
    defaultValue: { email: login?.email ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seekerLoginSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="seeker-login-title" className="mb-10">
      <h2 id="seeker-login-title" className="mb-4 text-std-24B-150">
        求職者マイページのログインID
      </h2>
      <p className="mb-4">{login ? `${STATUS_TEXT[login.status]}：${login.email}` : "ログインIDは登録されていません。"}</p>
      {login && login.status !== "pending" ? null : (
        <Form method="post" {...getFormProps(form)} className="max-w-2xl">
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value={SEEKER_LOGIN_INTENT} />
          <TextField
            meta={fields.email}
            label="ログインIDにするメールアドレス"
            type="email"
            required
            autoComplete="off"
            hint="求職者本人のメールアドレス（100文字以内）。登録すると求職者マイページを開設し、求職者は「パスワード登録」から認証キーを受け取ってパスワードを設定します。"
          />
          <Button>{login ? "ログインIDを変更する" : "求職者マイページを開設してログインIDを登録する"}</Button>
        </Form>
      )}
    </section>
  );
}
