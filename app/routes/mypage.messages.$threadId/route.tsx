/**
 * メッセージ: one conversation with a seeker (R-MSG-1, issue 12) — the messages oldest first with 既読 on the
 * establishment's own, and the reply form (or why sending is refused). Data and action: thread.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { MessagesRouteError, ThreadRoutePage } from "../../components/messages";
import { employerThreadAction, employerThreadPage } from "./thread.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.party ?? "メッセージ"}とのメッセージ | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return employerThreadPage(request, context, params.threadId ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return employerThreadAction(request, context, params.threadId ?? "");
}

export default function EmployerThread() {
  return <ThreadRoutePage side="employer" />;
}

export function ErrorBoundary() {
  return <MessagesRouteError listHref="/mypage/messages" />;
}
