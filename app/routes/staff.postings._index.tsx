/**
 * 求人の確認 (R-JOB-2, R-JOB-3): what waits for an officer of the office — new postings (申込み), 内容変更 and
 * extension requests — oldest first; and この安定所の求人, the office's postings filtered by status or found by
 * 求人番号 (full-width digits and dashes accepted), 50 a page. Another office's postings are never listed.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../components/staff-header";
import { formatJapaneseDate, formatJstDateTime } from "../lib/clock";
import { JOB_NUMBER } from "../lib/identifiers";
import { normalizeNumberLike } from "../lib/normalize";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../lib/posting-labels";
import { isOfficePostingStatus, OFFICE_POSTING_STATUSES } from "../lib/schemas/staff-posting";
import { listReviewQueue } from "../models/job-posting.server";
import { ROLE_LABELS } from "../models/staff.server";
import { listOfficePostings } from "../models/staff-postings.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "求人の確認 | 求人者マイページ" }];

const KIND_LABELS = { new: "新規の申込み", change: "内容変更", extension: "有効期間の延長" } as const;

const STATUS_FILTER_LABELS: Record<(typeof OFFICE_POSTING_STATUSES)[number], string> = {
  submitted: "申込み（確認待ち）",
  returned: "修正依頼中",
  accepted: "受理（有効中）",
  stopped: "募集停止",
  expired: "紹介期限切れ",
};

/** "０９１００－００００００１２" or "0910000000012" → "09100-00000012"; null when it cannot be a 求人番号. */
function jobNumberQuery(raw: string): string | null {
  const v = normalizeNumberLike(raw);
  const withHyphen = /^\d{13}$/.test(v) ? `${v.slice(0, 5)}-${v.slice(5)}` : v;
  return JOB_NUMBER.test(withHyphen) ? withHyphen : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status");
  const status = isOfficePostingStatus(statusParam) ? statusParam : null;
  const q = (params.get("q") ?? "").slice(0, 40);
  const jobNumber = q.trim() === "" ? null : jobNumberQuery(q);
  const searchError = q.trim() !== "" && jobNumber === null ? "求人番号は「09100-00000012」のように、5桁と8桁の数字で入力してください。" : null;
  const page = Number.parseInt(params.get("page") ?? "1", 10);

  const queue = (await listReviewQueue(db, office.code)).sort((a, b) => a.at - b.at);
  const list = searchError
    ? { rows: [], total: 0, page: 1, pageCount: 1 }
    : await listOfficePostings(db, office.code, { status, jobNumber, page: Number.isFinite(page) ? page : 1 });

  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    queue: queue.map((r) => ({
      id: r.id,
      kind: KIND_LABELS[r.kind],
      renewal: r.kind === "new" && r.renewalOf !== null,
      jobNumber: r.jobNumber,
      jobTitle: r.jobTitle || "（職種未入力）",
      establishmentName: r.establishmentName,
      establishmentNumber: r.establishmentNumber,
      at: r.at ? formatJstDateTime(r.at) : "",
    })),
    status,
    q,
    searchError,
    list: {
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      rows: list.rows.map((r) => ({
        id: r.id,
        jobNumber: r.jobNumber,
        jobTitle: r.jobTitle || "（職種未入力）",
        establishmentName: r.establishmentName,
        establishmentNumber: r.establishmentNumber,
        status: [
          STATUS_LABELS[r.status],
          r.status === "accepted" && r.changeStatus ? CHANGE_STATUS_LABELS[r.changeStatus] : null,
          r.status === "accepted" && r.extensionStatus === "requested" ? EXTENSION_STATUS_LABELS.requested : null,
        ]
          .filter(Boolean)
          .join("・"),
        validUntil: r.validUntil ? formatJapaneseDate(r.validUntil) : "",
        invalidatedOn: r.invalidatedOn ? formatJapaneseDate(r.invalidatedOn) : "",
      })),
    },
  };
}

function pageLink(page: number, status: string | null, q: string): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/staff/postings?${s}` : "/staff/postings";
}

export default function StaffPostings() {
  const { staff, queue, status, q, searchError, list } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">求人の確認</h1>
      <p className="mb-6">
        {staff.officeName}
        で受け付けた求人です。申込み・内容変更は内容を確認して受理するか、コメントを添えて修正依頼をしてください。結果は事業主にお知らせとメールで通知されます。
      </p>

      <section aria-labelledby="queue-title" className="mb-12">
        <h2 id="queue-title" className="mb-4 text-std-24B-150">
          確認待ち（{queue.length}件）
        </h2>
        {queue.length === 0 ? (
          <p>確認を待っている求人はありません。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">確認待ちの求人（古い順）</caption>
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className="p-2">
                    種類
                  </th>
                  <th scope="col" className="p-2">
                    事業所
                  </th>
                  <th scope="col" className="p-2">
                    職種
                  </th>
                  <th scope="col" className="p-2">
                    求人番号
                  </th>
                  <th scope="col" className="p-2">
                    申込み日時
                  </th>
                  <th scope="col" className="p-2">
                    操作
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.map((r) => (
                  <tr key={`${r.id}-${r.kind}`} className="border-b border-solid-gray-420">
                    <td className="p-2">
                      {r.kind}
                      {r.renewal ? "（更新求人）" : null}
                    </td>
                    <td className="break-all p-2">
                      {r.establishmentName}
                      <br />
                      <span className="text-dns-14N-130">事業所番号 {r.establishmentNumber ?? "（未採番）"}</span>
                    </td>
                    <td className="break-all p-2">{r.jobTitle}</td>
                    <td className="whitespace-nowrap p-2">{r.jobNumber ?? "（未受理）"}</td>
                    <td className="whitespace-nowrap p-2">{r.at}</td>
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
      </section>

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
              <thead>
                <tr className="border-b-2 border-solid-gray-600">
                  <th scope="col" className="p-2">
                    求人番号
                  </th>
                  <th scope="col" className="p-2">
                    職種
                  </th>
                  <th scope="col" className="p-2">
                    事業所
                  </th>
                  <th scope="col" className="p-2">
                    状態
                  </th>
                  <th scope="col" className="p-2">
                    紹介期限
                  </th>
                  <th scope="col" className="p-2">
                    求人無効日
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-420">
                    <td className="whitespace-nowrap p-2">{r.jobNumber ?? "（未受理）"}</td>
                    <td className="break-all p-2">
                      <Link to={`/staff/postings/${r.id}`}>{r.jobTitle}</Link>
                    </td>
                    <td className="break-all p-2">
                      {r.establishmentName}
                      <br />
                      <span className="text-dns-14N-130">事業所番号 {r.establishmentNumber ?? "（未採番）"}</span>
                    </td>
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
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
