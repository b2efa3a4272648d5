/**
 * パスワードの変更 (R-AUTH-1, R-OPEN-6): current password + new password + confirmation. On success, in
 * one batch: the new hash, the end of every OTHER session of the account (this one stays) and of every
 * browser trusted for 30 days (this one too: the next sign-in asks for the mailed code, issue 9 #5), a
 * notice by mail and an audit row. Wrong current passwords count like failed sign-ins (R-AUTH-3).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, TextField } from "../components/form";
import { hashPassword } from "../lib/password";
import { PASSWORD_MAX, PASSWORD_MIN } from "../lib/password-policy";
import { passwordChangeSchema } from "../lib/schemas/employer-auth";
import { forgetTrustedBrowsersStatement, setPasswordHashStatement } from "../models/employer-account.server";
import { withPasswordPolicy } from "../models/key-entry.server";
import { auditStatement } from "../utils/audit.server";
import { requireEmployer } from "../utils/auth.server";
import { checkCurrentPassword } from "../models/employer-signin.server";
import { enqueueMail, mailContext } from "../utils/mail.server";
import { invalidateOtherSessionsStatement } from "../utils/session.server";
import { provenStatements } from "../utils/throttle.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "パスワードの変更 | 求人者マイページ" }];

const HIDDEN = ["currentPassword", "password", "passwordConfirm"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { account } = await requireEmployer(request, context);
  return { email: account.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, account, session, establishment } = await requireEmployer(request, context);
  const { clock } = context;
  const env = context.cloudflare.env;
  const submission = parseWithZod(await readForm(request), { schema: withPasswordPolicy(passwordChangeSchema, () => account.email) });
  if (submission.status !== "success") return data(submission.reply({ hideFields: HIDDEN }), { status: 400 });
  const refuse = (message: string, status = 400) => data(submission.reply({ fieldErrors: { currentPassword: [message] }, hideFields: HIDDEN }), { status });

  // The try is reserved before the password hash, in the sign-in budgets (R-AUTH-3, issue 9 #3).
  const { currentPassword, password } = submission.value;
  const tries = await checkCurrentPassword(db, clock, request, account, currentPassword);
  if (!tries.ok) return refuse(tries.message, tries.status);

  const passwordHash = await hashPassword(password);
  await db.batch([
    setPasswordHashStatement(db, account.id, passwordHash),
    invalidateOtherSessionsStatement(db, "employer", account.id, session.id),
    forgetTrustedBrowsersStatement(db, account.id),
    enqueueMail(db, clock, mailContext(env), account.email, "passwordChanged", { at: clock.now().getTime() }),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: account.id,
      action: "employer.password.change",
      subjectType: "employer_account",
      subjectId: account.id,
      officeCode: establishment.officeCode,
    }),
    ...provenStatements(db, tries.held),
  ]);
  return redirectWithFlash(
    "/mypage/settings/password",
    "パスワードを変更しました。ほかの端末やブラウザでのログインはすべて終了し、「30日間信頼する」ブラウザの登録も解除しました。",
  );
}

export default function PasswordChangePage() {
  const { email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordChangeSchema }),
  });
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-std-32B-150">パスワードの変更</h1>
      <p className="mb-6">
        パスワードを変更すると、この画面以外のすべての端末・ブラウザでのログインが終了し、「30日間信頼する」としたブラウザの登録もすべて解除されます（次回のログインではワンタイムパスワードを入力します）。登録メールアドレスにお知らせを送信します。
      </p>
      <section aria-labelledby="change-title">
        <h2 id="change-title" className="mb-4 text-std-24B-150">
          新しいパスワードの入力
        </h2>
        <Form method="post" {...getFormProps(form)}>
          {/* Lets password managers file the new password under the right login ID. */}
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <TextField meta={fields.currentPassword} label="現在のパスワード" type="password" required autoComplete="current-password" />
          <TextField
            meta={fields.password}
            label="新しいパスワード"
            type="password"
            required
            autoComplete="new-password"
            hint={`${PASSWORD_MIN}文字以上${PASSWORD_MAX}文字以内。文字の種類の決まりはありません。よく使われるパスワードや、メールアドレスの「@」より前の部分を含むものは使えません。`}
          />
          <TextField meta={fields.passwordConfirm} label="新しいパスワード（確認）" type="password" required autoComplete="new-password" />
          <Button>パスワードを変更する</Button>
        </Form>
      </section>
    </div>
  );
}
