/**
 * Employer sign-in, step 2 (R-AUTH-1): the 6-digit one-time code mailed at step 1. A correct code
 * rotates the half session into a signed-in one and may trust this browser for 30 days. Wrong codes
 * count like failed sign-ins (R-AUTH-3); after 5 the code is void (R-OPEN-5 rules).
 * (File name `login_.verify`: the page is not nested in /login's layout.)
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CheckboxField, TextField } from "../components/form";
import { loginCodeSchema } from "../lib/schemas/employer-auth";
import { checkAuthKey, keyCheckMessage } from "../utils/auth-keys.server";
import { safeRedirect } from "../utils/auth.server";
import {
  afterSignInPath,
  employerSessionStatements,
  recordSignInFailure,
  requireHalfSignIn,
  RESEND_LIMIT,
  resendLockedMessage,
  resendScope,
  sendLoginCode,
  signInAuditStatement,
  signInLockedUntil,
  signInScopes,
  trustBrowser,
} from "../models/employer-signin.server";
import { mailFromAddress } from "../utils/env.server";
import { clearFailures, lockedMessage, lockedUntil, recordFailure } from "../utils/throttle.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "ワンタイムパスワードの入力 | 求人者マイページ" }];

function withRedirectTo(path: string, redirectTo: string | null | undefined): string {
  const to = safeRedirect(redirectTo, "");
  if (!to) return path;
  return `${path}${path.includes("?") ? "&" : "?"}redirectTo=${encodeURIComponent(to)}`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { account } = await requireHalfSignIn(request, context);
  const url = new URL(request.url);
  return {
    email: account.email,
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, account, decision } = await requireHalfSignIn(request, context);
  const { clock } = context;
  const env = context.cloudflare.env;
  const formData = await readForm(request);

  if (formData.get("intent") === "resend") {
    const redirectTo = formData.get("redirectTo");
    const scope = resendScope(account.id);
    const until = await lockedUntil(db, clock, [scope]);
    if (until) return data({ resend: resendLockedMessage(until, clock) }, { status: 429 });
    await recordFailure(db, clock, scope, RESEND_LIMIT);
    await sendLoginCode(env, db, clock, account);
    return redirectWithFlash(
      withRedirectTo("/login/verify", typeof redirectTo === "string" ? redirectTo : null),
      "新しいワンタイムパスワードを送信しました。以前のワンタイムパスワードは使えません。",
    );
  }

  const submission = parseWithZod(formData, { schema: loginCodeSchema });
  if (submission.status !== "success") return data({ verify: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
  const refuse = (message: string, status = 400) => data({ verify: submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }) }, { status });

  const emailKey = account.emailNormalized;
  const until = await signInLockedUntil(db, clock, request, emailKey);
  if (until) return refuse(lockedMessage(until, clock), 429);

  const check = await checkAuthKey(env.AUTH_KEYS, db, clock, "login", account.id, submission.value.code);
  if (!check.ok) {
    await recordSignInFailure(db, clock, request, emailKey, account.id);
    return refuse(keyCheckMessage(check, "ワンタイムパスワード"));
  }

  await clearFailures(db, signInScopes(request, emailKey)[0]);
  // Rotate: the half session (from the cookie) is deleted and a new, verified one is created.
  const session = employerSessionStatements(db, clock, account.id, request, true);
  const trusted = submission.value.trust ? trustBrowser(db, clock, account.id) : null;
  await db.batch([signInAuditStatement(db, clock, account, "mail-code"), ...session.statements, ...(trusted ? [trusted.statement] : [])]);
  const headers = new Headers();
  headers.append("Set-Cookie", session.cookie);
  if (trusted) headers.append("Set-Cookie", trusted.cookie);
  return redirect(afterSignInPath(decision, submission.value.redirectTo), { status: 303, headers });
}

export default function VerifyPage() {
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
      <section aria-labelledby="code-title" className="mb-10">
        <h2 id="code-title" className="mb-4 text-std-24B-150">
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
          <CheckboxField meta={fields.trust} label="このブラウザを30日間信頼する（共用のパソコンではチェックしないでください）" />
          <Button>ログイン</Button>
        </Form>
      </section>
      <section aria-labelledby="resend-title" className="mb-10">
        <h2 id="resend-title" className="mb-4 text-std-24B-150">
          ワンタイムパスワードが届かない場合
        </h2>
        {resendMessage ? (
          <p role="alert" className="mb-4 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
            {resendMessage}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Button variant="secondary" name="intent" value="resend">
            ワンタイムパスワードを再送信する
          </Button>
        </Form>
      </section>
      <p>
        <Link to="/login">ログイン画面に戻る</Link>
      </p>
    </div>
  );
}
