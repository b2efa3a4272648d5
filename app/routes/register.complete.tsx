/**
 * 仮登録, second step (R-OPEN-8, R-OPEN-6, R-OPEN-7): the e-mail address, the mailed key and a new
 * password create the provisional login account and its 仮登録; the employer is signed in and goes to
 * the provisional area. A used address answers exactly like a wrong key.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MailFromNotice } from "../components/opening";
import { Button, TextField } from "../components/form";
import { keyCompletionSchema, PASSWORD_FIELDS } from "../lib/schemas/opening";
import { keyCompletionServerSchema } from "../models/login-accounts.server";
import { completeSignup } from "../models/provisional-employer.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { getDb } from "../utils/db.server";
import { startEmployerSession } from "../utils/employer-signin.server";
import { mailFromAddress } from "../utils/env.server";

export const meta: MetaFunction = () => [{ title: "アカウント登録（認証キーとパスワードの入力） | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: the key itself proves control of the mailbox.
  // The policy's numbers come from the server so the common-password list is not shipped to the browser.
  return { mailFrom: mailFromAddress(context.cloudflare.env), passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the key (single use, 30 minutes, void after 5 wrong entries) and the
  // per-client limit on wrong entries (R-AUTH-3), both inside completeSignup.
  const env = context.cloudflare.env;
  const submission = parseWithZod(await request.formData(), { schema: keyCompletionServerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: PASSWORD_FIELDS }), { status: 400 });
  const db = getDb(env);
  const outcome = await completeSignup(db, env.AUTH_KEYS, context.clock, request, submission.value);
  if (!outcome.ok) {
    return data(submission.reply({ fieldErrors: { key: [outcome.message] }, hideFields: PASSWORD_FIELDS }), { status: outcome.status });
  }
  const { cookie } = await startEmployerSession(db, context.clock, outcome.accountId, request);
  return redirect("/provisional", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function RegisterCompletePage() {
  const { mailFrom, passwordMin, passwordMax } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: keyCompletionSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">アカウント登録（認証キーとパスワードの入力）</h1>
      <p className="mb-4">
        メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了するとそのままログインし、事業所情報の仮登録に進みます。
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-6">
        <TextField meta={fields.email} label="メールアドレス" type="email" required autoComplete="email" hint="認証キーを受け取ったメールアドレス" />
        <TextField
          meta={fields.key}
          label="認証キー"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          hint="メールに記載された8桁の数字（発行から30分有効。5回間違えると無効になります）"
        />
        <TextField
          meta={fields.password}
          label="パスワード"
          type="password"
          required
          autoComplete="new-password"
          hint={`${passwordMin}文字以上${passwordMax}文字以内。文字の種類の決まりはありません。よく使われるパスワードやメールアドレスの「@」より前の部分を含むものは使えません。`}
        />
        <TextField meta={fields.passwordConfirm} label="パスワード（確認）" type="password" required autoComplete="new-password" hint="確認のため、同じパスワードをもう一度入力してください。" />
        <Button>登録する</Button>
      </Form>
      <section aria-labelledby="no-key-title" className="mt-10">
        <h2 id="no-key-title" className="mb-4 text-std-24B-150">
          認証キーが届かない・有効期限が切れた場合
        </h2>
        <MailFromNotice mailFrom={mailFrom} />
        <p>
          <Link to="/register">認証キーを発行し直す</Link>
        </p>
      </section>
    </>
  );
}
