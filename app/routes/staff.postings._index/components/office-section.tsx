/** この安定所の求人: the office's postings filtered by status or found by 求人番号, 50 a page. */
import { Form, Link } from "@remix-run/react";
import { OFFICE_POSTING_STATUSES } from "../../../lib/schemas/staff-posting";
import type { Page } from "../route";
import { TableHead } from "../../../components/table";
import { EstablishmentCell } from "./establishment-cell";

const STATUS_FILTER_LABELS: Record<(typeof OFFICE_POSTING_STATUSES)[number], string> = {
  submitted: "申込み（確認待ち）",
  returned: "修正依頼中",
  accepted: "受理（有効中）",
  stopped: "募集停止",
  expired: "紹介期限切れ",
};

function pageLink(page: number, status: string | null, q: string): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/staff/postings?${s}` : "/staff/postings";
}

export function OfficeSection({ status, q, searchError, list }: Pick<Page, "status" | "q" | "searchError" | "list">) {
  return (
    <section aria-labelledby="office-title">
      <h2 id="office-title" className="mb-4 text-std-24B-150">
        この安定所の求人
      </h2>
      <Form method="get" role="search" aria-label="この安定所の求人の絞り込み" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="status" className="mb-2 block text-std-17B-170">
            状態
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="rounded-8 border border-solid-gray-600 bg-white px-4 py-3">
            <option value="">すべて</option>
            {OFFICE_POSTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="mb-2 block text-std-17B-170">
            求人番号
          </label>
          <p id="q-hint" className="mb-2 text-dns-14N-130 text-solid-gray-800">
            例：09100-00000012（完全一致）
          </p>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={40}
            inputMode="numeric"
            aria-describedby={searchError ? "q-hint q-error" : "q-hint"}
            aria-invalid={searchError ? true : undefined}
            className="w-72 max-w-full rounded-8 border border-solid-gray-600 px-4 py-3 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-800"
          />
        </div>
        <button type="submit" className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white">
          表示する
        </button>
      </Form>
      {searchError ? (
        <p id="q-error" role="alert" className="mb-6 text-dns-16B-130 text-red-900">
          エラー：{searchError}
        </p>
      ) : null}
      <p className="mb-4" role="status">
        {list.total}件{list.pageCount > 1 ? `（${list.page}／${list.pageCount}ページ）` : ""}
      </p>
      {list.rows.length === 0 ? (
        <p>該当する求人はありません。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">この安定所の求人（更新の新しい順）</caption>
            <TableHead columns={["求人番号", "職種", "事業所", "状態", "紹介期限", "求人無効日"]} />
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-420">
                  <td className="whitespace-nowrap p-2">{r.jobNumber ?? "（未受理）"}</td>
                  <td className="break-all p-2">
                    <Link to={`/staff/postings/${r.id}`}>{r.jobTitle}</Link>
                  </td>
                  <EstablishmentCell name={r.establishmentName} number={r.establishmentNumber} />
                  <td className="p-2">{r.status}</td>
                  <td className="whitespace-nowrap p-2">{r.validUntil}</td>
                  <td className="whitespace-nowrap p-2">{r.invalidatedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label="ページ" className="mt-6">
          <ul className="flex flex-wrap gap-4">
            {list.page > 1 ? (
              <li>
                <Link to={pageLink(list.page - 1, status, q)}>前の50件</Link>
              </li>
            ) : null}
            {list.page < list.pageCount ? (
              <li>
                <Link to={pageLink(list.page + 1, status, q)}>次の50件</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
