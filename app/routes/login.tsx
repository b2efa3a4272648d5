/**
 * Employer sign-in, step 1 (R-AUTH-1): e-mail + password. A trusted browser is signed in at once; any
 * other gets a half session and a one-time code by e-mail (/login/verify). Failures are counted per
 * address (per address and browser for a browser that signed in before) and per client, reserved before the
 * password hash, and always get the same answer (R-AUTH-3); a 利用不可 My Page is told to contact its office
 * after a correct password (R-GATE-2).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { BatchItem } from "drizzle-orm/batch";
import { Button, FormErrors, TextField } from "../components/form";
import { needsRehash, hashPassword } from "../lib/password";
import { loginSchema } from "../lib/schemas/employer-auth";
import { emailKey } from "../lib/normalize";
import { findSignInAccountByEmail, setPasswordHashStatement } from "../models/employer-account.server";
import { safeRedirect } from "../lib/redirect";
import { getEmployerSession } from "../utils/auth.server";
import { decideSignIn, opensSession, refusalMessage } from "../rules/sign-in";
import { todayJst } from "../lib/clock";
import { getDb } from "../utils/db.server";
import {
  afterSignInPath,
  browserIsTrusted,
  employerSessionStatements,
  recordFailedTry,
  reserveSignIn,
  sessionSignInDecision,
  sendLoginCode,
  signInAuditStatement,
  SIGN_IN_FAILED,
  verifyCredentials,
} from "../models/employer-signin.server";
import { rememberDevice } from "../models/known-devices.server";
import { secondFactorLockedMessage, secondFactorLockedUntil } from "../models/second-factor.server";
import { mailFromAddress } from "../utils/env.server";
import { lockedMessage, provenStatements, releaseStatements, runStatements } from "../utils/throttle.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "ログイン | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const state = await getEmployerSession(request, context);
  const url = new URL(request.url);
  const redirectTo = url.searchParams.get("redirectTo");
  if (state.session?.twoFactorVerified) {
    // Already signed in: go on, unless the account can no longer sign in (then show the form).
    const decision = sessionSignInDecision(state);
    if (decision && (decision.kind === "mypage" || decision.kind === "provisional")) {
      throw redirect(afterSignInPath(decision, redirectTo));
    }
  }
  return {
    needsSignIn: redirectTo !== null && safeRedirect(redirectTo, "") !== "",
    // A form posted after the session ended was kept for this browser (ADR 0017); only the wording depends on it.
    kept: url.searchParams.get("kept") === "1",
    redirectTo: safeRedirect(redirectTo, ""),
    mailFrom: mailFromAddress(context.cloudflare.env),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { clock } = context;
  const env = context.cloudflare.env;
  const db = getDb(env);
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const key = emailKey(email);
  const refuse = (message: string, status = 400) => data(submission.reply({ fieldErrors: { password: [message] }, hideFields: ["password"] }), { status });

  // The try is reserved before the password hash (issue 9 #3); a known browser has its own budget (issue 9 #6).
  const found = await findSignInAccountByEmail(db, key);
  const tries = await reserveSignIn(db, clock, request, key, found?.id ?? null);
  if (!tries.ok) return refuse(lockedMessage(tries.until, clock), 429);

  const account = await verifyCredentials(found, password);
  const decision = account ? decideSignIn(account) : ({ kind: "refused" } as const);
  if (!account || decision.kind === "refused") {
    await recordFailedTry(db, clock, tries.held, found?.id ?? null, "employer.signin.locked");
    return refuse(SIGN_IN_FAILED);
  }
  if (!opensSession(decision)) {
    // R-GATE-2 利用不可, R-DEL-1 退会済み, R-DEL-3 closed: the password was right, so saying why reveals nothing new.
    await runStatements(db, releaseStatements(db, tries.held));
    const why = refusalMessage(account, todayJst(clock)) ?? SIGN_IN_FAILED;
    return data(submission.reply({ formErrors: [why], hideFields: ["password"] }), { status: 403 });
  }

  const proven = provenStatements(db, tries.held);
  const rehash: BatchItem<"sqlite">[] =
    account.passwordHash && needsRehash(account.passwordHash) ? [setPasswordHashStatement(db, account.id, await hashPassword(password))] : [];

  if (await browserIsTrusted(db, clock, request, account.id)) {
    const session = employerSessionStatements(db, clock, account.id, request, true);
    const device = rememberDevice(db, clock, request, account.id);
    await db.batch([signInAuditStatement(db, clock, account, "trusted-browser"), ...session.statements, device.statement, ...rehash, ...proven]);
    const headers = new Headers([
      ["Set-Cookie", session.cookie],
      ["Set-Cookie", device.cookie],
    ]);
    return redirect(afterSignInPath(decision, redirectTo), { status: 303, headers });
  }

  // The second factor is locked (issue 9 #1): no code is mailed. The password was right, so saying so reveals nothing new.
  const factorLocked = await secondFactorLockedUntil(db, clock, "employer", account.id);
  if (factorLocked) {
    await runStatements(db, [...proven, ...rehash]);
    return refuse(secondFactorLockedMessage("employer", factorLocked, clock), 429);
  }

  // Half session (second factor pending) and the one-time code, in one batch with the mail.
  const half = employerSessionStatements(db, clock, account.id, request, false);
  await sendLoginCode(env, db, clock, account, [...half.statements, ...rehash, ...proven]);
  const back = safeRedirect(redirectTo, "");
  const next = back ? `/login/verify?redirectTo=${encodeURIComponent(back)}` : "/login/verify";
  return redirect(next, { status: 303, headers: { "Set-Cookie": half.cookie } });
}

export default function LoginPage() {
  const { needsSignIn, kept, redirectTo, mailFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">ログイン</h1>
      {needsSignIn && kept ? (
        <p role="status" className="mb-6 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4 text-dns-16B-130" data-kept-form>
          ログインの有効時間（最後の操作から30分）が切れたため、ログアウトしました。入力した内容は一時的に保管しています。2時間以内に同じアカウントでログインし直すと、入力した内容が元の画面に戻ります（まだ保存されていません）。
        </p>
      ) : needsSignIn ? (
        <p className="mb-6">このページを利用するには、ログインしてください。</p>
      ) : null}
      <section aria-labelledby="login-title" className="mb-10">
        <h2 id="login-title" className="mb-4 text-std-24B-150">
          メールアドレスとパスワードでログイン
        </h2>
        <p className="mb-6">
          ログインすると、登録しているメールアドレスにワンタイムパスワードを送信します（このブラウザを信頼する設定にしている場合を除きます）。迷惑メール対策をしている場合は「
          <strong>{mailFrom}</strong>」からのメールを受信できるよう設定してください。
        </p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField meta={fields.email} label="メールアドレス（ログインID）" type="email" required autoComplete="username" />
          <TextField meta={fields.password} label="パスワード" type="password" required autoComplete="current-password" />
          <Button>ログイン</Button>
        </Form>
      </section>
      <section aria-labelledby="help-title">
        <h2 id="help-title" className="mb-4 text-std-24B-150">
          ログインできない方・はじめての方
        </h2>
        <ul className="grid list-disc gap-2 pl-6">
          <li>
            <Link to="/password-reset">パスワードを忘れた方</Link>
          </li>
          <li>
            <Link to="/password-registration">パスワード登録（窓口でメールアドレスを登録した方）</Link>
          </li>
          <li>
            <Link to="/register">事業所登録・求人申込み（仮登録）</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
