/**
 * 求職者マイページ メッセージ: one conversation with an establishment (R-MSG-1, issue 12) — the messages oldest first
 * with 既読 on the seeker's own, and the reply form (or why sending is refused). Data and action: thread.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Conversation, ReplyForm } from "../../components/messages";
import { RouteRefusalError } from "../../components/posting-error";
import { seekerThreadAction, seekerThreadPage } from "./thread.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.party ?? "メッセージ"}とのメッセージ | 求職者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return seekerThreadPage(request, context, params.threadId ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return seekerThreadAction(request, context, params.threadId ?? "");
}

export default function SeekerThread() {
  const { party, subject, messages, refusal } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/seeker/messages">メッセージ一覧</Link>
      </p>
      <h1 className="mb-2 break-all text-std-32B-150">{`${party}とのメッセージ`}</h1>
      <p className="mb-8">{`求人：${subject}`}</p>
      <Conversation messages={messages} mineLabel="あなた" otherLabel={party} />
      <ReplyForm refusal={refusal} lastResult={lastResult} />
      <p>
        <Link to="/seeker/messages">メッセージ一覧へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <RouteRefusalError
      refusedTitle="メッセージは利用できません"
      notFound={{ title: "メッセージが見つかりません", body: "お探しのメッセージは見つかりませんでした。メッセージ一覧からお選びください。" }}
      back={{ to: "/seeker/messages", label: "メッセージ一覧へ戻る" }}
    />
  );
}
