/**
 * 求職者マイページ メッセージ: one conversation with an establishment (R-MSG-1, issue 12) — the messages oldest first
 * with 既読 on the seeker's own, and the reply form (or why sending is refused). Data and action: thread.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { MessagesRouteError, ThreadRoutePage } from "../../components/messages";
import { seekerThreadAction, seekerThreadPage } from "./thread.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.party ?? "メッセージ"}とのメッセージ | 求職者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return seekerThreadPage(request, context, params.threadId ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return seekerThreadAction(request, context, params.threadId ?? "");
}

export default function SeekerThread() {
  return <ThreadRoutePage side="seeker" />;
}

export function ErrorBoundary() {
  return <MessagesRouteError listHref="/seeker/messages" />;
}
