/**
 * 求職者マイページのパスワード登録 ⑤–⑥ (issue 12; R-OPEN-5, R-OPEN-6 for seekers): the address, the mailed 認証キー
 * and a new password (the employer's policy). With the right key the account is active and the seeker is signed in
 * (a seeker session). An unknown address answers exactly like a wrong key.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { KeyCompletionPage } from "../components/opening";
import { keyCompletionAction, keyCompletionPageData } from "../models/opening.server";

export const meta: MetaFunction = () => [{ title: "パスワード登録（認証キーとパスワードの入力） | 求職者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: the key itself proves control of the mailbox.
  return keyCompletionPageData(context.cloudflare.env);
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the key (single use, 30 minutes, void after 5 wrong entries) and the per-client limit.
  return keyCompletionAction(request, context, "seeker", "/seeker");
}

export default function SeekerPasswordRegistrationCompletePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <KeyCompletionPage
      {...page}
      title="パスワード登録（認証キーとパスワードの入力）"
      intro="メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了すると求職者マイページが開設され、そのままログインします。"
      submitLabel="パスワードを登録する"
      reissuePath="/seeker/password-registration"
    />
  );
}
