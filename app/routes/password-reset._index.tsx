/**
 * パスワードを忘れた方 (R-AUTH-2), step 1: the employer enters the login e-mail; a 30-minute 認証キー is
 * mailed if the address belongs to an account that can sign in. The screen afterwards is the same
 * whether or not the address is registered (R-AUTH-3), and names the sender address (R-OPEN-9).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField } from "../components/form";
import { emailKey } from "../lib/normalize";
import { resetRequestSchema } from "../lib/schemas/employer-auth";
import { findSignInAccountByEmail } from "../models/employer-account.server";
import { issueAuthKey, KEY_STORE_UNAVAILABLE_MESSAGE, KeyStoreUnavailable } from "../utils/auth-keys.server";
import { getDb } from "../utils/db.server";
import { canResetPassword, RESET_ISSUE_LIMITS, resetIssueScopes, resetKeySubject } from "../models/employer-signin.server";
import { mailFromAddress } from "../utils/env.server";
import { enqueueMail, mailContext } from "../utils/mail.server";
import { reserveAttempts } from "../utils/throttle.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "パスワードを忘れた方 | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return {
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = context.cloudflare.env;
  const { clock } = context;
  const submission = parseWithZod(await readForm(request), { schema: resetRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const db = getDb(env);
  const key = emailKey(submission.value.email);
  const [addressScope, clientScope] = resetIssueScopes(request, key);

  // Beyond the issue limits nothing is sent, and the screen stays the same.
  // Each request takes one of the limited issues, in one conditional write per scope (issue 9 #3).
  const issues = await reserveAttempts(db, clock, [
    { scope: addressScope, limit: RESET_ISSUE_LIMITS.address },
    { scope: clientScope, limit: RESET_ISSUE_LIMITS.client },
  ]);
  if (issues.ok) {
    const account = await findSignInAccountByEmail(db, key);
    // A key is issued for unknown addresses too (never mailed): the key page answers alike for both.
    let issued: Awaited<ReturnType<typeof issueAuthKey>>;
    try {
      issued = await issueAuthKey(env.AUTH_KEYS, db, clock, "reset", resetKeySubject(account, key));
    } catch (error) {
      if (!(error instanceof KeyStoreUnavailable)) throw error;
      // Issue 14: KV down. Nothing was issued or mailed; the form keeps the address and says so beside it.
      console.error(error);
      return data(submission.reply({ fieldErrors: { email: [KEY_STORE_UNAVAILABLE_MESSAGE] } }), { status: 503 });
    }
    const mail = canResetPassword(account)
      ? [enqueueMail(db, clock, mailContext(env), account.email, "authKeyReset", { key: issued.key, expiresAt: issued.expiresAt })]
      : [];
    await db.batch([issued.attemptsRow, ...mail]);
  }
  return redirectWithFlash(
    "/password-reset/complete",
    "入力されたメールアドレスが登録されている場合は、認証キーを送信しました。30分以内に、メールアドレス、認証キー、新しいパスワードを入力してください。新しい認証キーを発行すると、以前の認証キーは使えなくなります。",
    { tone: "info" },
  );
}

export default function PasswordResetRequestPage() {
  const { mailFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetRequestSchema }),
  });
  const spamNote = (
    <p className="mb-6 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4">
      迷惑メール対策をしている場合は「<strong>{mailFrom}</strong>」からのメールを受信できるよう設定してください。
    </p>
  );
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">パスワードを忘れた方</h1>
      <p className="mb-4">ログインID（メールアドレス）を入力してください。パスワードを再登録するための認証キー（数字8桁、30分間有効）をメールで送信します。</p>
      {spamNote}
      <section aria-labelledby="request-title">
        <h2 id="request-title" className="mb-4 text-std-24B-150">
          メールアドレスの入力
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.email} label="メールアドレス（ログインID）" type="email" required autoComplete="username" />
          <Button>認証キーを送信する</Button>
        </Form>
      </section>
      <p className="mt-8">
        <Link to="/password-reset/complete">認証キーを受け取った方はこちら</Link>
      </p>
    </div>
  );
}
