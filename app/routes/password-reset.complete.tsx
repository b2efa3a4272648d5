/**
 * パスワードを忘れた方 (R-AUTH-2), step 2: e-mail + 認証キー + new password. The key follows R-OPEN-5
 * (30 minutes, single use, void after 5 wrong entries); wrong entries are also throttled per address
 * and per client (R-AUTH-3), and unknown addresses get the same answers. On success every session and
 * trusted browser of the account ends, and a notice is mailed.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField } from "../components/form";
import { emailKey } from "../lib/normalize";
import { hashPassword } from "../lib/password";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { resetCompletionSchema } from "../lib/schemas/employer-auth";
import { endAllSessionsStatement, findSignInAccountByEmail, forgetTrustedBrowsersStatement, setPasswordHashStatement } from "../models/employer-account.server";
import { withPasswordPolicy } from "../models/key-entry.server";
import { auditStatement } from "../utils/audit.server";
import { checkAuthKey, keyCheckMessage } from "../utils/auth-keys.server";
import { getDb } from "../utils/db.server";
import { canResetPassword, forgetBrowserCookie, recordFailedTry, resetKeyBudgets, resetKeySubject } from "../models/employer-signin.server";
import { secondFactorScope } from "../models/second-factor.server";
import { mailFromAddress } from "../utils/env.server";
import { enqueueMail, mailContext } from "../utils/mail.server";
import { clearSessionCookie } from "../utils/session.server";
import { clearStatement, lockedMessage, provenStatements, reserveAttempts } from "../utils/throttle.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "パスワードの再登録 | 求人者マイページ" }];

const HIDDEN = ["password", "passwordConfirm", "key"];

export async function loader({ context }: LoaderFunctionArgs) {
  return { mailFrom: mailFromAddress(context.cloudflare.env) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = context.cloudflare.env;
  const { clock } = context;
  const submission = parseWithZod(await readForm(request), { schema: withPasswordPolicy(resetCompletionSchema, (value) => value.email) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  const db = getDb(env);
  const { email, key: enteredKey, password } = submission.value;
  const addressKey = emailKey(email);
  const refuse = (message: string, status = 400) => data(submission.reply({ fieldErrors: { key: [message] }, hideFields: HIDDEN }), { status });

  // The try is reserved before the key is checked (R-AUTH-3, issue 9 #3).
  const account = await findSignInAccountByEmail(db, addressKey);
  const tries = await reserveAttempts(db, clock, resetKeyBudgets(request, addressKey));
  if (!tries.ok) return refuse(lockedMessage(tries.until, clock), 429);

  const check = await checkAuthKey(env.AUTH_KEYS, db, clock, "reset", resetKeySubject(account, addressKey), enteredKey);
  if (!check.ok || !canResetPassword(account)) {
    await recordFailedTry(db, clock, tries.held, account?.id ?? null, "employer.password.reset.locked");
    return refuse(keyCheckMessage(check.ok ? { ok: false, reason: "invalid" } : check));
  }

  const passwordHash = await hashPassword(password);
  await db.batch([
    setPasswordHashStatement(db, account.id, passwordHash),
    endAllSessionsStatement(db, account.id),
    forgetTrustedBrowsersStatement(db, account.id),
    enqueueMail(db, clock, mailContext(env), account.email, "passwordChanged", { at: clock.now().getTime() }),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: account.id,
      action: "employer.password.reset",
      subjectType: "employer_account",
      subjectId: account.id,
      officeCode: account.officeCode,
    }),
    ...provenStatements(db, tries.held),
    // The mailbox is the employer's second factor: a reset by mail ends a lock of it (issue 9 #1).
    clearStatement(db, secondFactorScope("employer", account.id)),
  ]);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie("employer"));
  headers.append("Set-Cookie", forgetBrowserCookie());
  return redirectWithFlash("/login", "パスワードを再登録しました。新しいパスワードでログインしてください。", { headers });
}

export default function PasswordResetCompletePage() {
  const { mailFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetCompletionSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">パスワードの再登録</h1>
      <p className="mb-4">
        メールで受け取った認証キーと、新しいパスワードを入力してください。認証キーは発行から30分間、1回だけ使えます。5回続けて間違えると無効になります。
      </p>
      <p className="mb-6">
        認証キーのメールは「<strong>{mailFrom}</strong>」から送信しています。届かない場合は<Link to="/password-reset">認証キーを発行し直してください</Link>。
      </p>
      <section aria-labelledby="complete-title">
        <h2 id="complete-title" className="mb-4 text-std-24B-150">
          認証キーと新しいパスワード
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.email} label="メールアドレス（ログインID）" type="email" required autoComplete="username" />
          <TextField meta={fields.key} label="認証キー" required inputMode="numeric" autoComplete="one-time-code" hint="メールに記載された数字8桁" />
          <TextField
            meta={fields.password}
            label="新しいパスワード"
            type="password"
            required
            autoComplete="new-password"
            hint={`${PASSWORD_MIN}文字以上${PASSWORD_MAX}文字以内。文字の種類の決まりはありません。よく使われるパスワードや、メールアドレスの「@」より前の部分を含むものは使えません。`}
          />
          <TextField meta={fields.passwordConfirm} label="新しいパスワード（確認）" type="password" required autoComplete="new-password" />
          <Button>パスワードを再登録する</Button>
        </Form>
      </section>
    </div>
  );
}
