/**
 * メッセージ: the first message to a seeker, from a referral or application (`?referral=`) or a 直接リクエスト
 * (`?request=`) of the establishment (R-MSG-1, issue 12). Data and action: start.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { MessagesRouteError, StartThreadRoutePage } from "../../components/messages";
import { startAction, startPage } from "./start.server";

export const meta: MetaFunction = () => [{ title: "メッセージを送る | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return startPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return startAction(request, context);
}

export default function StartMessage() {
  return <StartThreadRoutePage side="employer" />;
}

export function ErrorBoundary() {
  return (
    <MessagesRouteError
      listHref="/mypage/messages"
      notFound={{ title: "求職者が見つかりません", body: "お探しの応募者または直接リクエストは見つかりませんでした。応募者管理からお選びください。" }}
    />
  );
}
