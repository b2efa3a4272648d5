/**
 * パスワード登録 ⑤–⑥ (R-OPEN-5, R-OPEN-6, R-OPEN-7): the e-mail address, the mailed 認証キー and a new
 * password. With the right key the account is opened (the My Page too, for the main account of a
 * registered establishment) and the employer is signed in. Additional login accounts (R-OPEN-2) open
 * themselves here with their own key. An unknown address answers exactly like a wrong key.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { KeyCompletionPage } from "../components/opening";
import { keyCompletionAction, keyCompletionPageData } from "../models/opening.server";

export const meta: MetaFunction = () => [{ title: "パスワード登録（認証キーとパスワードの入力） | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: the key itself proves control of the mailbox.
  return keyCompletionPageData(context.cloudflare.env);
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the key (single use, 30 minutes, void after 5 wrong entries) and the
  // per-client limit on wrong entries (R-AUTH-3), both inside completeOpening.
  return keyCompletionAction(request, context, "open", "/mypage");
}

export default function PasswordRegistrationCompletePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <KeyCompletionPage
      {...page}
      title="パスワード登録（認証キーとパスワードの入力）"
      intro="メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了すると求人者マイページが開設され、そのままログインします。"
      submitLabel="パスワードを登録する"
      reissuePath="/password-registration"
    />
  );
}
