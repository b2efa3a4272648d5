/**
 * メッセージ (R-MSG-1, issue 12): the establishment's conversations with seekers — the seeker (the 氏名 when disclosed
 * through a referral or application, else the 公開番号), the subject posting, the last message, the unread count;
 * unread first, then newest. Reading stays possible while sending is refused (R-GATE-1/3): the page says why. Guard:
 * requireEmployer; one round trip (the list rides in the guard's batch).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { ThreadTable } from "../components/messages";
import { threadListView } from "../models/message-view.server";
import { threadsQuery } from "../models/messages.server";
import { decide } from "../rules/capabilities";
import { requireEmployer } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "メッセージ | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ threads: threadsQuery(db, { side: "employer", establishmentId }) }),
  });
  const send = decide("messages.send", employer.facts);
  return { threads: threadListView(employer.reads.threads, "employer"), refusal: send.allowed ? null : (send.reason ?? null) };
}

export default function EmployerMessages() {
  const { threads, refusal } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">メッセージ</h1>
      <p className="mb-6">
        紹介・応募を受けた求職者や、直接リクエストを送った求職者のうち、求職者マイページを開設している方とメッセージをやり取りできます。新しく始めるときは、応募者管理の応募者の画面から「メッセージ」を選んでください。
      </p>
      {refusal ? (
        <p className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4" data-refused-reason>
          {`メッセージの送信は利用できません。${refusal}これまでのメッセージは読めます。`}
        </p>
      ) : null}
      <ThreadTable threads={threads} hrefOf={(id) => `/mypage/messages/${id}`} partyColumn="求職者" />
      <p className="mt-8">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}
