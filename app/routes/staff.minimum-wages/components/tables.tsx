/** The overview of every prefecture, one prefecture's history, and its change record (from the audit log). */
import { Link } from "@remix-run/react";
import { TableHead } from "../../../components/table";

interface Wage {
  amount: string;
  effectiveFrom: string | null;
}

export function OverviewTable({ prefectures }: { prefectures: { code: string; name: string; inForce: Wage | null; upcoming: Wage | null }[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <TableHead columns={["都道府県", "本日適用の金額", "改定予定", "履歴"]} />
      <tbody>
        {prefectures.map((p) => (
          <tr key={p.code} className="border-b border-solid-gray-420">
            <th scope="row" className="p-2 text-left">
              {p.name}
            </th>
            <td className="p-2">
              {p.inForce ? (
                <>
                  {p.inForce.amount}
                  {p.inForce.effectiveFrom ? <span className="ml-2 text-dns-14N-130">（{p.inForce.effectiveFrom}から）</span> : null}
                </>
              ) : (
                "未登録"
              )}
            </td>
            <td className="p-2">{p.upcoming ? `${p.upcoming.effectiveFrom ?? ""}から ${p.upcoming.amount}` : "なし"}</td>
            <td className="p-2">
              <Link to={`/staff/minimum-wages?prefecture=${p.code}`} aria-label={`${p.name}の履歴を見る`}>
                履歴を見る
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface HistoryRow {
  key: string;
  amount: string;
  effectiveFrom: string;
  effectiveFromValue: string;
  state: string;
  source: string;
  createdAt: string;
  changeable: boolean;
}

export function HistoryTable({ prefectureCode, rows, canChange }: { prefectureCode: string; rows: HistoryRow[]; canChange: boolean }) {
  const columns = ["発効日", "金額（時間額）", "状態", "出典・備考", "登録日時", ...(canChange ? ["訂正・取消"] : [])];
  return (
    <table className="w-full border-collapse text-left">
      <TableHead columns={columns} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-solid-gray-420">
            <td className="p-2">{r.effectiveFrom}</td>
            <td className="p-2">{r.amount}</td>
            <td className="p-2">{r.state}</td>
            <td className="p-2 break-all">{r.source}</td>
            <td className="p-2">{r.createdAt}</td>
            {canChange ? (
              <td className="p-2">
                {r.changeable ? (
                  <Link
                    to={`/staff/minimum-wages?prefecture=${prefectureCode}&revision=${r.effectiveFromValue}`}
                    aria-label={`${r.effectiveFrom}からの改定を訂正・取消する`}
                  >
                    訂正・取消
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface LogRow {
  id: number;
  at: string;
  action: string;
  before: string | null;
  after: string | null;
  why: string;
  confirmed: boolean;
  who: string;
}

export function RevisionLog({ log }: { log: LogRow[] }) {
  return (
    <section aria-labelledby="log-title" className="mb-10">
      <h2 id="log-title" className="mb-4 text-std-24B-150">
        登録・訂正・取消の記録（{log.length}件）
      </h2>
      {log.length === 0 ? (
        <p>職員による登録・訂正・取消はまだありません。</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <TableHead columns={["日時", "操作", "変更前", "変更後", "理由・出典", "職員"]} />
          <tbody>
            {log.map((l) => (
              <tr key={l.id} className="border-b border-solid-gray-420">
                <td className="p-2">{l.at}</td>
                <td className="p-2">{l.action}</td>
                <td className="p-2">{l.before ?? "—"}</td>
                <td className="p-2">
                  {l.after ?? "—"}
                  {l.confirmed ? <span className="ml-2 text-dns-14N-130">（20%超の変更を確認済み）</span> : null}
                </td>
                <td className="p-2 break-all">{l.why}</td>
                <td className="p-2">{l.who}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
