/**
 * 求職者マイページ sign-in, step 1 (issue 12, R-AUTH-1, R-AUTH-3): e-mail + password, then a one-time code by mail
 * (/seeker/login/verify). The employer's machinery with the account type "seeker" (models/seeker-signin.server.ts):
 * failures counted per address and per client before the hash, one answer whether or not the address exists.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, TextField } from "../components/form";
import { safeRedirect } from "../lib/redirect";
import { loginSchema } from "../lib/schemas/employer-auth";
import { SEEKER_HOME, seekerSignInAction } from "../models/seeker-signin.server";
import { getSeekerSession } from "../utils/auth.server";
import { mailFromAddress } from "../utils/env.server";

export const meta: MetaFunction = () => [{ title: "ログイン | 求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Public page; a seeker already signed in goes home.
  const { session, account } = await getSeekerSession(request, context);
  if (session?.twoFactorVerified && account?.status === "active") throw redirect(SEEKER_HOME);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { redirectTo: safeRedirect(redirectTo, ""), needsSignIn: redirectTo !== null, mailFrom: mailFromAddress(context.cloudflare.env) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the throttle per address and client, reserved before the password hash.
  return seekerSignInAction(request, context);
}

export default function SeekerLoginPage() {
  const { redirectTo, needsSignIn, mailFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">求職者マイページへのログイン</h1>
      {needsSignIn ? <p className="mb-6">このページを利用するには、ログインしてください。</p> : null}
      <section aria-labelledby="seeker-login-title" className="mb-10">
        <h2 id="seeker-login-title" className="mb-4 text-std-24B-150">
          メールアドレスとパスワードでログイン
        </h2>
        <p className="mb-6">
          ログインすると、登録しているメールアドレスにワンタイムパスワードを送信します。迷惑メール対策をしている場合は「<strong>{mailFrom}</strong>
          」からのメールを受信できるよう設定してください。
        </p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField meta={fields.email} label="メールアドレス（ログインID）" type="email" required autoComplete="username" />
          <TextField meta={fields.password} label="パスワード" type="password" required autoComplete="current-password" />
          <Button>ログイン</Button>
        </Form>
      </section>
      <section aria-labelledby="seeker-help-title">
        <h2 id="seeker-help-title" className="mb-4 text-std-24B-150">
          はじめての方
        </h2>
        <ul className="grid list-disc gap-2 pl-6">
          <li>
            <Link to="/seeker/password-registration">パスワード登録（窓口でメールアドレスを登録した方）</Link>
          </li>
          <li>パスワードを忘れた場合は、ご登録のハローワークにお問い合わせください。</li>
        </ul>
      </section>
    </div>
  );
}
