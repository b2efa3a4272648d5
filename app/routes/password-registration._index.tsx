/**
 * パスワード登録 ②–④ (R-OPEN-4, R-OPEN-9): the employer enters the e-mail address registered at the
 * counter and agrees to the documents; an 認証キー is mailed. The next screen is the same whether or
 * not the address is registered, and names the sender address to allow through spam filters.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementFields, MailFromNotice } from "../components/opening";
import { Button, TextField } from "../components/form";
import { keyRequestSchema } from "../lib/schemas/opening";
import { keyRequestLockedMessage, requestOpenKey, throttleKeyRequest } from "../models/login-accounts.server";
import { getDb } from "../utils/db.server";
import { mailFromAddress } from "../utils/env.server";
import { mailContext } from "../utils/mail.server";
import { redirectWithFlash } from "../utils/flash.server";

export const meta: MetaFunction = () => [{ title: "パスワード登録 | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: anyone may ask for a key (R-OPEN-4); nothing here depends on who asks.
  return { mailFrom: mailFromAddress(context.cloudflare.env) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the per-address and per-client limit on key requests below.
  const env = context.cloudflare.env;
  const submission = parseWithZod(await request.formData(), { schema: keyRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const db = getDb(env);
  const { email } = submission.value;
  const until = await throttleKeyRequest(db, context.clock, "open", email, request);
  if (until) {
    return data(submission.reply({ fieldErrors: { email: [keyRequestLockedMessage(until, context.clock)] } }), { status: 429 });
  }
  await requestOpenKey(db, env.AUTH_KEYS, context.clock, mailContext(env, new URL(request.url).origin), email);
  // POST → redirect → GET: the next step's page, the same whether or not the address is registered (R-OPEN-4);
  // reloading it sends nothing again.
  return redirectWithFlash(
    "/password-registration/complete",
    "入力されたメールアドレスが登録されている場合は、認証キーを送信しました。30分以内に、メールアドレス、認証キー、パスワードを入力してください。窓口で登録したメールアドレスがわからない場合は、事業所所在地を管轄するハローワークにお問い合わせください。",
    { tone: "info" },
  );
}

export default function PasswordRegistrationPage() {
  const { mailFrom } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: keyRequestSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">パスワード登録</h1>
      <p className="mb-4">
        ハローワークの窓口で登録したメールアドレスを入力し、利用規約とプライバシーポリシーに同意してください。入力したメールアドレスに認証キー（30分有効）を送信します。
      </p>
      <MailFromNotice mailFrom={mailFrom} />
      <Form method="post" {...getFormProps(form)} className="mt-6">
        <TextField meta={fields.email} label="メールアドレス" type="email" required autoComplete="email" hint="窓口で登録したメールアドレス（100文字以内）" />
        <AgreementFields terms={fields.agreeTerms} privacy={fields.agreePrivacy} />
        <Button>同意して認証キーを送信する</Button>
      </Form>
      <p className="mt-8">
        認証キーを受け取った方は<Link to="/password-registration/complete">認証キーとパスワードの入力</Link>へ進んでください。
      </p>
    </>
  );
}
