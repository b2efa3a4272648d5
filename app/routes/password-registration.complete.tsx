/**
 * パスワード登録 ⑤–⑥ (R-OPEN-5, R-OPEN-6, R-OPEN-7): the e-mail address, the mailed 認証キー and a new
 * password. With the right key the account is opened (the My Page too, for the main account of a
 * registered establishment) and the employer is signed in. Additional login accounts (R-OPEN-2) open
 * themselves here with their own key. An unknown address answers exactly like a wrong key.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { useActionData, useLoaderData } from "@remix-run/react";
import { KeyCompletionPage } from "../components/opening";
import { PASSWORD_FIELDS } from "../lib/schemas/fields";
import { keyCompletionSchema } from "../lib/schemas/opening";
import { completeOpening, keyCompletionServerSchema } from "../models/login-accounts.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { getDb } from "../utils/db.server";
import { startEmployerSession } from "../models/employer-signin.server";
import { mailFromAddress } from "../utils/env.server";
import { mailContext } from "../utils/mail.server";

export const meta: MetaFunction = () => [{ title: "パスワード登録（認証キーとパスワードの入力） | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: the key itself proves control of the mailbox.
  // The policy's numbers come from the server so the common-password list is not shipped to the browser.
  return { mailFrom: mailFromAddress(context.cloudflare.env), passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the key (single use, 30 minutes, void after 5 wrong entries) and the
  // per-client limit on wrong entries (R-AUTH-3), both inside completeOpening.
  const env = context.cloudflare.env;
  const submission = parseWithZod(await request.formData(), { schema: keyCompletionServerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: PASSWORD_FIELDS }), { status: 400 });
  const db = getDb(env);
  const outcome = await completeOpening(db, env.AUTH_KEYS, context.clock, mailContext(env, new URL(request.url).origin), request, submission.value);
  if (!outcome.ok) {
    return data(submission.reply({ fieldErrors: { key: [outcome.message] }, hideFields: PASSWORD_FIELDS }), { status: outcome.status });
  }
  const { cookie } = await startEmployerSession(db, context.clock, outcome.accountId, request);
  return redirect("/mypage", { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function PasswordRegistrationCompletePage() {
  const { mailFrom, passwordMin, passwordMax } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: keyCompletionSchema }),
  });
  return (
    <KeyCompletionPage
      title="パスワード登録（認証キーとパスワードの入力）"
      intro="メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了すると求人者マイページが開設され、そのままログインします。"
      submitLabel="パスワードを登録する"
      reissuePath="/password-registration"
      mailFrom={mailFrom}
      passwordMin={passwordMin}
      passwordMax={passwordMax}
      formProps={getFormProps(form)}
      fields={fields}
    />
  );
}
