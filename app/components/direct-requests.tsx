/**
 * Parts of 求職情報検索 and 直接リクエスト (R-SEARCH-1, R-SEARCH-2, issue 12): the table of sent requests (the list page
 * with the seeker's 公開番号 and 「メッセージを送る」; the search detail without them), and the routes' error page.
 */
import { Link } from "@remix-run/react";
import { RouteRefusalError } from "./posting-error";
import { TableHead } from "./table";

export interface SentRequestRow {
  id: string;
  posting: string;
  sentAt: string;
  statusLabel: string;
  /** The seeker's 公開番号 (stored form and shown form), on the list page only. */
  seeker?: { publicNumber: string | null; label: string; canWrite: boolean };
}

export function SentRequestsTable({ rows, caption }: { rows: SentRequestRow[]; caption: string }) {
  const withSeeker = rows.some((r) => r.seeker);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-dns-16N-130">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={["求人番号・職種", withSeeker && "公開番号", "送った日時", "状態", withSeeker && "メッセージ"]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-request-id={r.id}>
              <th scope="row" className="p-2 font-normal">
                {r.posting}
              </th>
              {r.seeker ? (
                <td className="whitespace-nowrap p-2">
                  {r.seeker.publicNumber ? <Link to={`/mypage/search/${r.seeker.publicNumber}`}>{r.seeker.label}</Link> : r.seeker.label}
                </td>
              ) : null}
              <td className="whitespace-nowrap p-2">{r.sentAt}</td>
              <td className="p-2">{r.statusLabel}</td>
              {r.seeker ? (
                <td className="p-2">
                  {r.seeker.canWrite ? <Link to={`/mypage/messages/new?request=${encodeURIComponent(r.id)}`}>メッセージを送る</Link> : "—"}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The error page of the search routes: the capability's reason (403), a page or seeker not found (404). */
export function SearchRouteError({
  refusedTitle = "求職情報検索は利用できません",
  notFound = { title: "ページが見つかりません", body: "お探しのページは見つかりませんでした。" },
  back = { to: "/mypage/search", label: "求職情報検索へ戻る" },
}: {
  refusedTitle?: string;
  notFound?: { title: string; body: string };
  back?: { to: string; label: string };
}) {
  return <RouteRefusalError refusedTitle={refusedTitle} notFound={notFound} back={back} />;
}
