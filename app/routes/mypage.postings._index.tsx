/**
 * 求人の一覧 (R-JOB-1…5): the establishment's postings in three groups — 作成中・申込み中 (下書き, 申込み済み, 修正依頼),
 * 有効中 (受理) and 無効 (募集停止, 紹介期限切れ) — with their status (and 内容変更 / 延長 in progress), 職種, 求人番号,
 * 受理日, 紹介期限 and 求人無効日, each linking to the posting's page. A valid posting whose 紹介期限 is within 7 days
 * offers its 更新求人 (R-JOB-5). Viewing stays possible under the R-GATE-3 restriction; the button to apply is then
 * replaced by the reason. 50 postings a page (`?page=N`, 有効中 first; issue 9 #15), with the count and 前へ / 次へ.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../lib/posting-labels";
import { parseContent } from "../models/posting/content.server";
import { postingsPageOfEstablishment } from "../models/posting/queries.server";
import { decide } from "../rules/capabilities";
import { asOf, listGroupOf, renewalDue } from "../rules/posting";
import { requireEmployer } from "../utils/auth.server";
import { loadCapabilityFacts } from "../utils/capabilities.server";
import { Pager } from "../components/pager";
import { TableHead } from "../components/table";
import { LIST_PAGE_SIZE, pageHref, pageInfo, requestedPage } from "../lib/paging";

export const meta: MetaFunction = () => [{ title: "求人の一覧 | 求人者マイページ" }];

type Group = "working" | "valid" | "invalid";

const GROUPS: { key: Group; title: string; empty: string }[] = [
  { key: "valid", title: "有効中の求人", empty: "有効中の求人はありません。" },
  { key: "working", title: "作成中・申込み中の求人", empty: "作成中・申込み中の求人はありません。" },
  { key: "invalid", title: "無効になった求人", empty: "無効になった求人はありません。" },
];

const date = (d: string | null) => (d ? formatJapaneseDate(d) : "—");

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The page's own read: one statement (the page's rows and the total), in the guard's batch (issue 14: one round trip).
  const params = new URL(request.url).searchParams;
  const asked = requestedPage(params);
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId, today }) => ({ postings: postingsPageOfEstablishment(db, establishmentId, asked, today) }),
  });
  const today = todayJst(employer.clock);
  const facts = await loadCapabilityFacts(employer);
  const postings = employer.reads.postings;
  const { page, pageCount, total } = pageInfo(postings, asked);
  // Each posting as of today (issue 10 #6): one whose 紹介期限 has passed is 紹介期限切れ even before the daily job runs.
  const rows = postings.map((stored) => {
    const p = asOf(stored, today);
    const content = parseContent(p.publishedContent ?? p.content);
    const notes = [p.changeStatus ? CHANGE_STATUS_LABELS[p.changeStatus] : null, p.extensionStatus ? EXTENSION_STATUS_LABELS[p.extensionStatus] : null];
    return {
      id: p.id,
      group: listGroupOf(p.status),
      status: STATUS_LABELS[p.status],
      notes: notes.filter((n) => n !== null),
      jobTitle: content.jobTitle || "（職種未入力）",
      renewal: p.renewalOf !== null,
      jobNumber: p.jobNumber ?? "—",
      acceptedOn: date(p.acceptedOn),
      validUntil: date(p.validUntil),
      invalidatedOn: date(p.invalidatedOn),
      renewalOpen: renewalDue(p, today),
    };
  });
  const pages = {
    page,
    pageCount,
    total,
    from: total === 0 ? 0 : (page - 1) * LIST_PAGE_SIZE + 1,
    to: (page - 1) * LIST_PAGE_SIZE + rows.length,
    prev: page > 1 ? pageHref("/mypage/postings", params, page - 1) : null,
    next: page < pageCount ? pageHref("/mypage/postings", params, page + 1) : null,
  };
  return { rows, pages, apply: decide("postings.apply", facts) };
}

export default function PostingsList() {
  const { rows, pages, apply } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">求人の一覧</h1>
      <p className="mb-6">
        求人を選ぶと、求人票の内容と状態を確認できます。受理された求人の内容変更・有効期間の延長・募集停止も、求人ごとのページから行います。
      </p>
      {apply.allowed ? (
        <p className="mb-10">
          <Link
            to="/mypage/postings/new"
            className="inline-flex min-h-14 items-center rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:bg-blue-1000 hover:underline"
          >
            新しい求人を申し込む
          </Link>
        </p>
      ) : (
        <p role="alert" className="mb-10 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-refused="postings.apply">
          {`現在、求人の申込みは利用できません。${apply.reason ?? ""}`}
        </p>
      )}
      <p className="mb-6" data-page-count>
        {pages.pageCount > 1 ? `求人は${pages.total}件です（${pages.from}〜${pages.to}件目を表示）。` : `求人は${pages.total}件です。`}
      </p>
      {GROUPS.map((group) => {
        const items = rows.filter((r) => r.group === group.key);
        return (
          <section key={group.key} aria-labelledby={`group-${group.key}`} className="mb-10" data-group={group.key}>
            <h2 id={`group-${group.key}`} className="mb-4 text-std-24B-150">
              {pages.pageCount > 1 ? `${group.title}（このページに${items.length}件）` : `${group.title}（${items.length}件）`}
            </h2>
            {items.length === 0 ? (
              <p>{pages.pageCount > 1 ? `このページに表示する${group.title}はありません。` : group.empty}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[48rem] border-collapse text-left text-dns-16N-130">
                  <caption className="sr-only">{group.title}</caption>
                  <TableHead columns={["職種", "状態", "求人番号", "受理日", "紹介期限", "求人無効日"]} />
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-posting-id={r.id}>
                        <th scope="row" className="p-2 font-normal">
                          <Link to={`/mypage/postings/${r.id}`} className="break-all text-std-16B-170">
                            {r.jobTitle}
                          </Link>
                          {r.renewal ? <span className="ml-2 text-dns-14N-130">（更新求人）</span> : null}
                          {r.renewalOpen ? (
                            <p className="mt-1 text-dns-14B-130" data-renewal-open>
                              <Link to="/mypage/postings/new">
                                更新求人の申込みができます<span className="sr-only">（{r.jobTitle}）</span>
                              </Link>
                            </p>
                          ) : null}
                        </th>
                        <td className="p-2">
                          {r.status}
                          {r.notes.map((note) => (
                            <span key={note} className="block text-dns-14B-130">
                              {note}
                            </span>
                          ))}
                        </td>
                        <td className="whitespace-nowrap p-2">{r.jobNumber}</td>
                        <td className="whitespace-nowrap p-2">{r.acceptedOn}</td>
                        <td className="whitespace-nowrap p-2">{r.validUntil}</td>
                        <td className="whitespace-nowrap p-2">{r.invalidatedOn}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      <Pager label="求人の一覧のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      <p className="mt-6">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}
