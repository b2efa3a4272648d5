/**
 * 仮登録, second step (R-OPEN-8, R-OPEN-6, R-OPEN-7): the e-mail address, the mailed key and a new
 * password create the provisional login account and its 仮登録; the employer is signed in and goes to
 * the provisional area. A used address answers exactly like a wrong key.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { KeyCompletionPage } from "../components/opening";
import { keyCompletionAction, keyCompletionPageData } from "../models/opening.server";

export const meta: MetaFunction = () => [{ title: "アカウント登録（認証キーとパスワードの入力） | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: the key itself proves control of the mailbox.
  return keyCompletionPageData(context.cloudflare.env);
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the key (single use, 30 minutes, void after 5 wrong entries) and the
  // per-client limit on wrong entries (R-AUTH-3), both inside completeSignup.
  return keyCompletionAction(request, context, "signup", "/provisional");
}

export default function RegisterCompletePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <KeyCompletionPage
      {...page}
      title="アカウント登録（認証キーとパスワードの入力）"
      intro="メールでお知らせした認証キーと、これから使うパスワードを入力してください。登録が完了するとそのままログインし、事業所情報の仮登録に進みます。"
      submitLabel="登録する"
      reissuePath="/register"
    />
  );
}
