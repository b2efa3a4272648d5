/**
 * 求職者マイページ home (issue 12): the signed-in seeker's name and 求職番号; the 直接リクエスト received (R-SEARCH-2:
 * 未回答 first, then newest — 事業所, 職種, 求人番号, the employer's message, the date and the state, each opening
 * /seeker/requests/:id to answer); 「メッセージ」 with the number of unread messages, linking /seeker/messages. One round
 * trip: the guard's batch.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "../components/form";
import { TableHead } from "../components/table";
import { formatJstDateTime } from "../lib/clock";
import { seekerUnreadCountQuery } from "../models/messages.server";
import { seekerRequestsQuery } from "../models/seeker-requests.server";
import { seekerRequestStatusLabel } from "../rules/request-answer";
import { requireSeeker } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "求職者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { seeker, account, reads } = await requireSeeker(request, context, {
    reads: ({ db, seekerId, today }) => ({ requests: seekerRequestsQuery(db, seekerId, today), unread: seekerUnreadCountQuery(db, seekerId) }),
  });
  return {
    name: seeker.name,
    seekerNumber: seeker.seekerNumber,
    email: account.email,
    unreadMessages: reads.unread[0]?.unread ?? 0,
    requests: reads.requests.map((r) => ({
      id: r.id,
      establishmentName: r.establishmentName,
      jobTitle: r.jobTitle || "（職種未入力）",
      jobNumber: r.jobNumber ?? "―",
      message: r.message,
      sentAt: formatJstDateTime(r.createdAt),
      waiting: r.status === "requested",
      statusLabel: seekerRequestStatusLabel({ status: r.status, postingOpen: Boolean(r.postingOpen) }),
    })),
  };
}

export default function SeekerHomePage() {
  const { name, seekerNumber, email, requests, unreadMessages } = useLoaderData<typeof loader>();
  const waiting = requests.filter((r) => r.waiting).length;
  return (
    <div className="max-w-5xl">
      <h1 className="mb-2 text-std-32B-150">求職者マイページ</h1>
      <p className="mb-8">
        {name} 様（求職番号 {seekerNumber}）
      </p>
      <section aria-labelledby="seeker-requests-title" className="mb-8">
        <h2 id="seeker-requests-title" className="mb-3 text-std-24B-150">
          直接リクエスト
        </h2>
        {requests.length === 0 ? (
          <p>事業所から届いた直接リクエストは、ここに表示されます。現在、表示できる直接リクエストはありません。</p>
        ) : (
          <>
            <p className="mb-3" data-waiting-count>
              {waiting > 0
                ? `未回答の直接リクエストが${waiting}件あります。内容を見て、応募するか辞退するかを選んでください。`
                : "未回答の直接リクエストはありません。"}
            </p>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] border-collapse text-left text-dns-16N-130">
                <caption className="sr-only">届いた直接リクエストの一覧（未回答を先に、新しい順）</caption>
                <TableHead columns={["事業所・職種", "求人番号", "事業所からのメッセージ", "届いた日時", "状態"]} />
                <tbody>
                  {requests.map((r) => (
                    <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-request-id={r.id} data-waiting={r.waiting ? "true" : undefined}>
                      <th scope="row" className="p-2 font-normal">
                        <span className="block break-all">{r.establishmentName}</span>
                        <Link to={`/seeker/requests/${r.id}`} className="break-all text-std-16B-170">
                          {r.jobTitle}
                        </Link>
                      </th>
                      <td className="whitespace-nowrap p-2">{r.jobNumber}</td>
                      <td className="whitespace-pre-line break-all p-2">{r.message || "―"}</td>
                      <td className="whitespace-nowrap p-2">{r.sentAt}</td>
                      <td className="p-2">{r.waiting ? <strong>{r.statusLabel}</strong> : r.statusLabel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="seeker-messages-title" className="mb-8">
        <h2 id="seeker-messages-title" className="mb-3 text-std-24B-150">
          メッセージ
        </h2>
        <p className="mb-2">{unreadMessages > 0 ? `未読のメッセージが${unreadMessages}件あります。` : "未読のメッセージはありません。"}</p>
        <p>
          <Link to="/seeker/messages" className="text-std-17B-170">
            メッセージ一覧
          </Link>
        </p>
      </section>
      <section aria-labelledby="seeker-account-title">
        <h2 id="seeker-account-title" className="mb-3 text-std-24B-150">
          ログイン情報
        </h2>
        <p className="mb-4 break-all">ログインID（メールアドレス）：{email}</p>
        <Form method="post" action="/seeker/logout">
          <Button variant="secondary">ログアウト</Button>
        </Form>
      </section>
    </div>
  );
}
