/**
 * メッセージ: the first message to a seeker, from a referral or application (`?referral=`) or a 直接リクエスト
 * (`?request=`) of the establishment (R-MSG-1, issue 12). Data and action: start.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReplyForm } from "../../components/messages";
import { RouteRefusalError } from "../../components/posting-error";
import { startAction, startPage } from "./start.server";

export const meta: MetaFunction = () => [{ title: "メッセージを送る | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return startPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return startAction(request, context);
}

export default function StartMessage() {
  const { party, refusal, formAction } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/mypage/messages">メッセージ一覧</Link>
      </p>
      <h1 className="mb-6 break-all text-std-32B-150">{`${party}へのメッセージ`}</h1>
      <p className="mb-6">メッセージが届いたことは、求職者にメールでお知らせします（メールに本文は含まれません）。</p>
      <ReplyForm refusal={refusal} lastResult={lastResult} action={formAction} />
      <p>
        <Link to="/mypage/messages">メッセージ一覧へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <RouteRefusalError
      refusedTitle="メッセージは利用できません"
      notFound={{ title: "求職者が見つかりません", body: "お探しの応募者または直接リクエストは見つかりませんでした。応募者管理からお選びください。" }}
      back={{ to: "/mypage/messages", label: "メッセージ一覧へ戻る" }}
    />
  );
}
