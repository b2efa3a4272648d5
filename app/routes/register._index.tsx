/**
 * 事業所登録・求人申込み（仮登録）, first step (R-OPEN-8, R-OPEN-9): anyone enters an e-mail address and
 * agrees to the documents; a key is mailed if the address is not used yet. The next screen is the same
 * either way (no enumeration) and names the sender address to allow.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { KeyRequestForm, MailFromNotice } from "../components/opening";
import { keyRequestAction } from "../models/opening.server";
import { PROVISIONAL_DAYS } from "../models/provisional-employer.server";
import { mailFromAddress } from "../utils/env.server";

export const meta: MetaFunction = () => [{ title: "アカウント登録（仮登録） | 求人者マイページ" }];

export async function loader({ context }: LoaderFunctionArgs) {
  // Public page: anyone may start a 仮登録 (R-OPEN-8).
  return { mailFrom: mailFromAddress(context.cloudflare.env), days: PROVISIONAL_DAYS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Public form: the guard is the per-address and per-client limit on key requests (inside keyRequestAction).
  // The next step's page says the same whether or not a key was sent (R-AUTH-3).
  return keyRequestAction(request, context, "signup", {
    to: "/register/complete",
    message:
      "入力されたメールアドレスでアカウントを登録できる場合は、認証キーを送信しました。30分以内に、メールアドレス、認証キー、パスワードを入力してください。すでに求人者マイページのログインアカウントとして使われているメールアドレスには送信されません（その場合はログインしてください）。",
  });
}

export default function RegisterPage() {
  const { mailFrom, days } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">アカウント登録（仮登録）</h1>
      <p className="mb-4">
        ハローワークに事業所登録をしていない事業主の方は、ここでログインアカウントを作成し、事業所情報を仮登録できます。仮登録は求人者マイページの開設ではありません。仮登録の内容は公開されません。
      </p>
      <p className="mb-4">
        仮登録の日から{days}
        日以内（その日が閉庁日の場合は直前の開庁日まで）に、事業所所在地を管轄するハローワークの窓口で本登録の手続きをしてください。期限までに本登録をしなかった仮登録は、自動的に消去されます。
      </p>
      <MailFromNotice mailFrom={mailFrom} />
      <KeyRequestForm hint="ログインアカウントとして使う事業所のメールアドレス（100文字以内）" />
      <p className="mt-8">
        すでに事業所登録をしている方は、窓口でメールアドレスを登録のうえ<Link to="/password-registration">パスワード登録</Link>
        をしてください。
      </p>
    </>
  );
}
