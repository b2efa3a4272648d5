/**
 * すべてのお知らせ (R-MSG-2, issue 12): every notice of the establishment — 紹介, オンライン自主応募, 審査結果 (受理・修正依頼),
 * 利用制限 and its 解除, 利用不可 and 利用再開, system notices — unread first, then newest, 50 a page (`?page=N`), unread
 * ones marked 「未読」. Each opens /mypage/notices/:id, which marks it read. Only the establishment's own (SQL scope).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "../components/pager";
import { formatJstDateTime } from "../lib/clock";
import { LIST_PAGE_SIZE, pageHref, pageInfo, requestedPage } from "../lib/paging";
import { noticesPageQuery, unreadNoticesQuery } from "../models/notices.server";
import { requireEmployer } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "お知らせ一覧 | 求人者マイページ" }];

const PATH = "/mypage/notices";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const requested = requestedPage(params);
  const { reads } = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ rows: noticesPageQuery(db, establishmentId, requested), unread: unreadNoticesQuery(db, establishmentId) }),
  });
  const { page, pageCount, total } = pageInfo(reads.rows, requested);
  return {
    notices: reads.rows.map((n) => ({ id: n.id, title: n.title, createdAt: formatJstDateTime(n.createdAt), unread: n.readAt === null })),
    unread: reads.unread[0]?.n ?? 0,
    pages: {
      page,
      pageCount,
      total,
      from: total === 0 ? 0 : (page - 1) * LIST_PAGE_SIZE + 1,
      to: (page - 1) * LIST_PAGE_SIZE + reads.rows.length,
      prev: page > 1 ? pageHref(PATH, params, page - 1) : null,
      next: page < pageCount ? pageHref(PATH, params, page + 1) : null,
    },
  };
}

export default function NoticesPage() {
  const { notices, unread, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">お知らせ一覧</h1>
      <p className="mb-4" data-notice-count>
        {`お知らせは${pages.total}件です${pages.pageCount > 1 ? `（${pages.from}〜${pages.to}件目を表示）` : ""}。${unread > 0 ? `未読のお知らせが${unread}件あります（未読を先に表示しています）。` : "未読のお知らせはありません。"}`}
      </p>
      {notices.length === 0 ? (
        <p className="mb-10">お知らせはありません。</p>
      ) : (
        <ul aria-label="お知らせの一覧（未読を先に、新しい順）" className="divide-y divide-solid-gray-420 border-y border-solid-gray-420">
          {notices.map((n) => (
            <li key={n.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3" data-notice-id={n.id} data-unread={n.unread ? "true" : undefined}>
              <span className="text-dns-16N-130 text-solid-gray-800">{n.createdAt}</span>
              {n.unread ? <span className="rounded-8 bg-red-50 px-2 py-0.5 text-dns-14B-130 text-red-900">未読</span> : null}
              <Link to={`${PATH}/${n.id}`} className={`break-all ${n.unread ? "text-std-17B-170" : "text-std-17N-170"}`}>
                {n.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager label="お知らせの一覧のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      <p className="mt-6">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}
