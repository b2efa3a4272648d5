/**
 * 求職者マイページ sign-in, step 2 (issue 12, R-AUTH-1): the 6-digit one-time code mailed at step 1 (10 minutes, void
 * after 5 wrong entries; 5 wrong codes in a day lock the second factor for an hour, R-AUTH-3). A correct code rotates
 * the half session into a signed-in one. (File name `seeker.login_.verify`: not nested in /seeker/login's layout.)
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField } from "../components/form";
import { safeRedirect } from "../lib/redirect";
import { loginCodeSchema } from "../lib/schemas/employer-auth";
import { requireHalfSeekerSignIn, seekerVerifyAction } from "../models/seeker-signin.server";
import { mailFromAddress } from "../utils/env.server";

export const meta: MetaFunction = () => [{ title: "ワンタイムパスワードの入力 | 求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { account } = await requireHalfSeekerSignIn(request, context);
  return {
    email: account.email,
    redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), ""),
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Guarded inside: requireHalfSeekerSignIn (the half session of an account that may still sign in).
  return seekerVerifyAction(request, context);
}

export default function SeekerVerifyPage() {
  const { email, redirectTo, mailFrom } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData && "verify" in actionData ? actionData.verify : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginCodeSchema }),
  });
  const resendMessage = actionData && "resend" in actionData ? actionData.resend : null;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">ワンタイムパスワードの入力</h1>
      <p className="mb-4">
        <strong className="break-all">{email}</strong>{" "}
        にワンタイムパスワード（数字6桁）を送信しました。メールに記載されたワンタイムパスワードを10分以内に入力してください。
      </p>
      <p className="mb-6">
        メールが届かない場合は、迷惑メールフォルダを確認し、「<strong>{mailFrom}</strong>」からのメールを受信できるよう設定してから、再送信してください。
      </p>
      <section aria-labelledby="seeker-code-title" className="mb-10">
        <h2 id="seeker-code-title" className="mb-4 text-std-24B-150">
          ワンタイムパスワード
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            meta={fields.code}
            label="ワンタイムパスワード"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            hint="数字6桁（全角でも入力できます）"
          />
          <Button>ログイン</Button>
        </Form>
      </section>
      <section aria-labelledby="seeker-resend-title" className="mb-10">
        <h2 id="seeker-resend-title" className="mb-4 text-std-24B-150">
          ワンタイムパスワードが届かない場合
        </h2>
        {resendMessage ? (
          <p role="alert" className="mb-4 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
            {resendMessage}
          </p>
        ) : null}
        <Form method="post">
          <Button variant="secondary" name="intent" value="resend">
            ワンタイムパスワードを再送信する
          </Button>
        </Form>
      </section>
      <p>
        <Link to="/seeker/login">ログイン画面に戻る</Link>
      </p>
    </div>
  );
}
