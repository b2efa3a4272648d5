/** 確認待ち: new postings (申込み), 内容変更 and extension requests of the office, oldest first, 50 a page. */
import { Link } from "@remix-run/react";
import type { Page } from "../route";
import { Pager } from "../../../components/pager";
import { TableHead } from "../../../components/table";
import { EstablishmentCell } from "./establishment-cell";

export function QueueSection({ queue, pages }: { queue: Page["queue"]; pages: Page["queuePages"] }) {
  return (
    <section aria-labelledby="queue-title" className="mb-12">
      <h2 id="queue-title" className="mb-4 text-std-24B-150">
        確認待ち（{pages.total}件）
      </h2>
      {queue.length === 0 ? (
        <p>確認を待っている求人はありません。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">確認待ちの求人（古い順）</caption>
            <TableHead columns={["種類", "事業所", "職種", "求人番号", "申込み日時", "処理期限", "操作"]} />
            <tbody>
              {queue.map((r) => (
                <tr key={`${r.id}-${r.kind}`} className="border-b border-solid-gray-420">
                  <td className="p-2">
                    {r.kind}
                    {r.renewal ? "（更新求人）" : null}
                  </td>
                  <EstablishmentCell name={r.establishmentName} number={r.establishmentNumber} />
                  <td className="break-all p-2">{r.jobTitle}</td>
                  <td className="whitespace-nowrap p-2">{r.jobNumber ?? "（未受理）"}</td>
                  <td className="whitespace-nowrap p-2">{r.at}</td>
                  <td className="whitespace-nowrap p-2" data-decide-by={r.decideBy ?? ""}>
                    {r.decideBy ? `${r.decideBy}（紹介期限）` : "—"}
                  </td>
                  <td className="p-2">
                    <Link to={`/staff/postings/${r.id}`}>
                      内容を確認する
                      <span className="sr-only">
                        （{r.establishmentName}・{r.jobTitle}）
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label="確認待ちのページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
    </section>
  );
}
