/**
 * 求職者マイページ メッセージ: the seeker's first message to an establishment that sent a 直接リクエスト or to which the
 * seeker was referred or applied (R-MSG-1, issue 12). Data and action: start.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { MessagesRouteError, StartThreadRoutePage } from "../../components/messages";
import { seekerStartAction, seekerStartPage } from "./start.server";

export const meta: MetaFunction = () => [{ title: "メッセージを送る | 求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return seekerStartPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return seekerStartAction(request, context);
}

export default function SeekerStartMessage() {
  return <StartThreadRoutePage side="seeker" />;
}

export function ErrorBoundary() {
  return (
    <MessagesRouteError
      listHref="/seeker/messages"
      notFound={{ title: "事業所が見つかりません", body: "お探しの直接リクエストまたは応募は見つかりませんでした。求職者マイページからお選びください。" }}
    />
  );
}
