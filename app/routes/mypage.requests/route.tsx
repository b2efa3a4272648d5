/**
 * 送った直接リクエスト (R-SEARCH-2, issue 12): the establishment's valid postings that accept オンライン自主応募 with the
 * remaining count each (10 per posting), and the requests sent — by posting, newest first — with their state, the
 * seeker's 公開番号 linking the search detail (where requests are sent) and 「メッセージを送る」 for a seeker with a
 * 求職者マイページ. Guards: requireEmployer; while capability `search` is refused (R-GATE-1/3) the page says why.
 * Data: requests.server.ts.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchRouteError, SentRequestsTable } from "../../components/direct-requests";
import { TableHead } from "../../components/table";
import { REQUESTS_PER_POSTING } from "../../rules/direct-request";
import { requestsPage } from "./requests.server";

const REQUESTS_PATH = "/mypage/requests";

export const meta: MetaFunction = () => [{ title: "送った直接リクエスト | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return requestsPage(request, context);
}

export default function DirectRequests() {
  const { refusal, postings, sent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">送った直接リクエスト</h1>
      <p className="mb-6">
        {`求職情報検索で見つけた求職者（求職者マイページを開設している方）に、オンライン自主応募を受け付けている有効中の求人への応募をお願いできます。リクエストは1つの求人につき${REQUESTS_PER_POSTING}件まで、同じ求職者には1つの求人につき1回だけ送れます。リクエストは求職情報検索の求職者の詳細から送ります。`}
      </p>
      {refusal ? (
        <p className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4" data-refused-reason>
          {refusal}
        </p>
      ) : (
        <p className="mb-6">
          <Link to="/mypage/search">求職情報検索で求職者を探す</Link>
        </p>
      )}
      <section aria-labelledby="postings-title" className="mb-10">
        <h2 id="postings-title" className="mb-4 text-std-24B-150">
          求人ごとの残り件数
        </h2>
        {postings.length === 0 ? (
          <p>リクエストを送れる求人はありません。</p>
        ) : (
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">リクエストを送れる求人と残り件数</caption>
            <TableHead columns={["求人番号・職種", "送信済み", "残り"]} />
            <tbody>
              {postings.map((p) => (
                <tr key={p.id} className="border-b border-solid-gray-420 align-top" data-posting-id={p.id}>
                  <th scope="row" className="p-2 font-normal">
                    {p.title}
                  </th>
                  <td className="whitespace-nowrap p-2">{`${p.sent}件`}</td>
                  <td className="p-2">{p.remainingText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="sent-title" className="mb-10">
        <h2 id="sent-title" className="mb-4 text-std-24B-150">
          送ったリクエスト
        </h2>
        {sent.length === 0 ? <p>まだリクエストを送っていません。</p> : <SentRequestsTable rows={sent} caption="送ったリクエストの一覧（求人ごと、新しい順）" />}
      </section>
      <p>
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <SearchRouteError refusedTitle="直接リクエストは利用できません" back={{ to: REQUESTS_PATH, label: "送った直接リクエストへ戻る" }} />;
}
