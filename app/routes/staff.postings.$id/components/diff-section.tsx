/** 内容変更の内容 (R-JOB-3): what changes against the published version, before and after. */
import type { Page } from "../route";
import { TableHead } from "../../../components/table";

export function DiffSection({ diff }: { diff: Page["diff"] }) {
  if (!diff) return null;
  return (
    <section aria-labelledby="diff-title" className="mb-10">
      <h2 id="diff-title" className="mb-4 text-std-24B-150">
        内容変更の内容（{diff.length}項目）
      </h2>
      {diff.length === 0 ? (
        <p>公開中の内容から変わった項目はありません。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left">公開中の内容（変更前）と申し込まれた変更後の内容</caption>
            <TableHead columns={["画面", "項目", "変更前（公開中）", "変更後"]} />
            <tbody>
              {diff.map((c) => (
                <tr key={c.path} className="border-b border-solid-gray-420 align-top" data-diff-path={c.path}>
                  <td className="p-2">{c.screen}</td>
                  <th scope="row" className="p-2 text-left">
                    {c.label}
                  </th>
                  <td className="whitespace-pre-wrap break-all p-2">{c.before}</td>
                  <td className="whitespace-pre-wrap break-all p-2">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
