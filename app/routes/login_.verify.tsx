/**
 * Employer sign-in, step 2 (R-AUTH-1): the 6-digit one-time code mailed at step 1. A correct code
 * rotates the half session into a signed-in one, marks the browser as known (its own sign-in budget, issue 9 #6)
 * and may trust it for 30 days. Wrong codes count in the account's second-factor budget, which a correct password
 * does not reset: 5 lock the second factor for an hour and the account holder is told by mail (R-AUTH-3, issue 9
 * #1); each code is void after 5 wrong entries anyway (R-OPEN-5 rules).
 * (File name `login_.verify`: the page is not nested in /login's layout.)
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CheckboxField, TextField } from "../components/form";
import { loginCodeSchema } from "../lib/schemas/employer-auth";
import { checkAuthKey, keyCheckMessage, voidAuthKey } from "../utils/auth-keys.server";
import { safeRedirect } from "../lib/redirect";
import {
  afterSignInPath,
  employerSessionStatements,
  recordFailedTry,
  requireHalfSignIn,
  RESEND_LIMIT,
  resendLockedMessage,
  resendScope,
  sendLoginCode,
  signInAuditStatement,
  trustBrowser,
} from "../models/employer-signin.server";
import { rememberDevice } from "../models/known-devices.server";
import {
  codeRefusedMessage,
  employerSecondFactorLockStatements,
  SECOND_FACTOR_LIMIT,
  secondFactorBudgets,
  secondFactorLockedMessage,
  secondFactorLockedUntil,
  secondFactorScope,
} from "../models/second-factor.server";
import { mailFromAddress } from "../utils/env.server";
import { lockedBy, provenStatements, reserveAttempts } from "../utils/throttle.server";
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
    const factorLocked = await secondFactorLockedUntil(db, clock, "employer", account.id);
    if (factorLocked) return data({ resend: secondFactorLockedMessage("employer", factorLocked, clock) }, { status: 429 });
    const resends = await reserveAttempts(db, clock, [{ scope: resendScope(account.id), limit: RESEND_LIMIT }]);
    if (!resends.ok) return data({ resend: resendLockedMessage(resends.until, clock) }, { status: 429 });
    await sendLoginCode(env, db, clock, account);
    return redirectWithFlash(
      withRedirectTo("/login/verify", typeof redirectTo === "string" ? redirectTo : null),
      "新しいワンタイムパスワードを送信しました。以前のワンタイムパスワードは使えません。",
    );
  }

  const submission = parseWithZod(formData, { schema: loginCodeSchema });
  if (submission.status !== "success") return data({ verify: submission.reply({ hideFields: ["code"] }) }, { status: 400 });
  const refuse = (message: string, status = 400) => data({ verify: submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }) }, { status });

  // The try is reserved before the check, in the account's second-factor budget, which a correct password does not
  // reset (issue 9 #1), and in the client's.
  const factorScope = secondFactorScope("employer", account.id);
  const tries = await reserveAttempts(db, clock, secondFactorBudgets(request, "employer", account.id));
  if (!tries.ok) return refuse(codeRefusedMessage("employer", tries, clock), 429);

  const check = await checkAuthKey(env.AUTH_KEYS, db, clock, "login", account.id, submission.value.code);
  if (!check.ok) {
    await recordFailedTry(
      db,
      clock,
      tries.held.filter((h) => h.scope !== factorScope),
      account.id,
      "employer.signin.locked",
    );
    if (!lockedBy(tries.held).includes(factorScope)) return refuse(keyCheckMessage(check, "ワンタイムパスワード"));
    // This wrong code locked the second factor: the code is void, the account holder is told by mail.
    await voidAuthKey(env.AUTH_KEYS, "login", account.id);
    await db.batch([...employerSecondFactorLockStatements(db, clock, env, account)]);
    return refuse(secondFactorLockedMessage("employer", clock.now().getTime() + SECOND_FACTOR_LIMIT.lockMs, clock), 429);
  }

  // Rotate: the half session (from the cookie) is deleted and a new, verified one is created.
  const session = employerSessionStatements(db, clock, account.id, request, true);
  const trusted = submission.value.trust ? trustBrowser(db, clock, account) : null;
  const device = rememberDevice(db, clock, request, account.id);
  await db.batch([
    signInAuditStatement(db, clock, account, "mail-code"),
    ...session.statements,
    ...(trusted ? trusted.statements : []),
    device.statement,
    ...provenStatements(db, tries.held),
  ]);
  const headers = new Headers();
  headers.append("Set-Cookie", session.cookie);
  if (trusted) headers.append("Set-Cookie", trusted.cookie);
  headers.append("Set-Cookie", device.cookie);
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
