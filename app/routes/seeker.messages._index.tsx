/**
 * 求職者マイページ メッセージ (R-MSG-1, issue 12): the seeker's conversations with establishments — the establishment,
 * the subject posting's 求人番号 and 職種, the last message, the unread count; unread first, then newest. Guard:
 * requireSeeker (only the seeker's own threads, in SQL); one round trip.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { ThreadTable } from "../components/messages";
import { threadListView } from "../models/message-view.server";
import { threadsQuery } from "../models/messages.server";
import { requireSeeker } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "メッセージ | 求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { reads } = await requireSeeker(request, context, {
    reads: ({ db, seekerId }) => ({ threads: threadsQuery(db, { side: "seeker", seekerId }) }),
  });
  return { threads: threadListView(reads.threads, "seeker") };
}

export default function SeekerMessages() {
  const { threads } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">メッセージ</h1>
      <p className="mb-6">紹介・応募した求人や、直接リクエストを受けた求人の事業所とのメッセージです。</p>
      <ThreadTable threads={threads} hrefOf={(id) => `/seeker/messages/${id}`} partyColumn="事業所" />
      <p className="mt-8">
        <Link to="/seeker">求職者マイページトップへ戻る</Link>
      </p>
    </>
  );
}
