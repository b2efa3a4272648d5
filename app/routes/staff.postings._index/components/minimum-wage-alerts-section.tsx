/**
 * 最低賃金の改定を下回る求人 (issue 10 #3, ADR 0015): the office's valid or pending postings whose wage falls below a
 * minimum-wage revision, from 発効日 − 7 days; from the 発効日 they are 公開保留 until a 内容変更 raising the wage is accepted.
 */
import { Link } from "@remix-run/react";
import type { Page } from "../route";
import { TableHead } from "../../../components/table";
import { EstablishmentCell } from "./establishment-cell";

export function MinimumWageAlertsSection({ alerts }: { alerts: Page["minimumWageAlerts"] }) {
  return (
    <section aria-labelledby="minimum-wage-alerts-title" className="mb-12">
      <h2 id="minimum-wage-alerts-title" className="mb-4 text-std-24B-150">
        最低賃金の改定を下回る求人（{alerts.length}件）
      </h2>
      {alerts.length === 0 ? (
        <p>最低賃金の改定を下回る求人はありません。</p>
      ) : (
        <>
          <p className="mb-4">
            発効日の7日前から表示します。事業所には内容変更をお知らせとメールで依頼しています。発効日を過ぎても下回っている求人は、賃金を引き上げる内容変更を受理するまで公開と紹介を停止しています（公開保留）。
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">最低賃金の改定を下回る求人（発効日の早い順）</caption>
              <TableHead columns={["事業所", "職種", "求人番号", "状態", "改定後の最低賃金", "公開", "操作"]} />
              <tbody>
                {alerts.map((r) => (
                  <tr key={r.key} className="border-b border-solid-gray-420">
                    <EstablishmentCell name={r.establishmentName} number={r.establishmentNumber} />
                    <td className="break-all p-2">{r.jobTitle}</td>
                    <td className="whitespace-nowrap p-2">{r.jobNumber ?? "（未受理）"}</td>
                    <td className="p-2">{r.status}</td>
                    <td className="p-2">{r.revision}</td>
                    <td className="p-2">{r.suspended ? "公開保留中" : "発効日から公開保留"}</td>
                    <td className="p-2">
                      <Link to={`/staff/postings/${r.postingId}`}>
                        内容を確認する
                        <span className="sr-only">
                          （{r.establishmentName}・{r.jobTitle}・最低賃金）
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
