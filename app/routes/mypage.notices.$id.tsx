/**
 * One お知らせ (R-MSG-2) of the establishment: title, date, body and the page it is about. Opening it marks it read;
 * that is done in the loader because it is idempotent (only the first opening sets the time) and harmless — a read
 * mark changes nothing but the 「未読」 label. Another establishment's notice is a 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { formatJstDateTime } from "../lib/clock";
import { localLink, markRead, noticeQuery } from "../models/notices.server";
import { requireEmployer } from "../utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "お知らせ"} | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db, clock, establishment, reads } = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ notice: noticeQuery(db, establishmentId, params.id ?? "") }),
  });
  const [notice] = reads.notice;
  if (!notice) throw data(null, { status: 404 });
  if (notice.readAt === null) await markRead(db, clock, establishment.id, notice.id);
  return {
    title: notice.title,
    body: notice.body,
    link: localLink(notice.link),
    createdAt: formatJstDateTime(notice.createdAt),
  };
}

export default function NoticePage() {
  const notice = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="notice-title">
      <p className="mb-2 text-dns-16N-130 text-solid-gray-800">お知らせ</p>
      <h1 id="notice-title" className="mb-2 break-all text-std-32B-150">
        {notice.title}
      </h1>
      <p className="mb-6 text-dns-16N-130 text-solid-gray-800">{notice.createdAt}</p>
      <p className="mb-8 whitespace-pre-wrap break-all">{notice.body}</p>
      {notice.link ? (
        <p className="mb-6">
          <Link to={notice.link} className="text-std-17B-170">
            関係するページを開く
          </Link>
        </p>
      ) : null}
      <p className="flex flex-wrap gap-6">
        <Link to="/mypage/notices">お知らせ一覧へ戻る</Link>
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </article>
  );
}
