/**
 * 仮登録, second step (R-OPEN-8, R-OPEN-6, R-OPEN-7): the e-mail address, the mailed key and a new
 * password create the provisional login account and its 仮登録; the employer is signed in and goes to
 * the provisional area. A used address answers exactly like a wrong key.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { KeyCompletionPage } from "../components/opening";
import { PASSWORD_FIELDS } from "../lib/schemas/fields";
import { keyCompletionSchema } from "../lib/schemas/opening";
import { keyCompletionServerSchema } from "../models/login-accounts.server";
import { completeSignup } from "../models/provisional-employer.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { getDb } from "../utils/db.server";
import { startEmployerSession } from "../models/employer-signin.server";
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
    <KeyCompletionPage
      title="アカウント登録（認証キーとパスワードの入力）"
      intro="メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了するとそのままログインし、事業所情報の仮登録に進みます。"
      submitLabel="登録する"
      reissuePath="/register"
      mailFrom={mailFrom}
      passwordMin={passwordMin}
      passwordMax={passwordMax}
      formProps={getFormProps(form)}
      fields={fields}
    />
  );
}
