/**
 * 求職者マイページのパスワード登録 ②–④ (issue 12; R-OPEN-4 for seekers): the seeker enters the address the officer
 * registered and agrees to the documents; an 認証キー (30 minutes) is mailed. The employer's key pages, kind "seeker":
 * the next screen is the same whether or not the address is registered.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { KeyRequestForm, MailFromNotice } from "../components/opening";
import { keyRequestAction } from "../models/opening.server";
import { mailFromAddress } from "../utils/env.server";

export const meta: MetaFunction = () => [{ title: "パスワード登録 | 求職者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: anyone may ask for a key; nothing here depends on who asks.
  return { mailFrom: mailFromAddress(context.cloudflare.env) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the per-address and per-client limit on key requests (inside keyRequestAction).
  return keyRequestAction(request, context, "seeker", {
    to: "/seeker/password-registration/complete",
    message:
      "入力されたメールアドレスが登録されている場合は、認証キーを送信しました。30分以内に、メールアドレス、認証キー、パスワードを入力してください。登録したメールアドレスがわからない場合は、ご登録のハローワークにお問い合わせください。",
  });
}

export default function SeekerPasswordRegistrationPage() {
  const { mailFrom } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">求職者マイページのパスワード登録</h1>
      <p className="mb-4">
        ハローワークの窓口で登録したメールアドレスを入力し、利用規約とプライバシーポリシーに同意してください。入力したメールアドレスに認証キー（30分有効）を送信します。
      </p>
      <MailFromNotice mailFrom={mailFrom} />
      <KeyRequestForm hint="窓口で登録したメールアドレス（100文字以内）" />
      <p className="mt-8">
        認証キーを受け取った方は<Link to="/seeker/password-registration/complete">認証キーとパスワードの入力</Link>へ進んでください。
      </p>
    </>
  );
}
