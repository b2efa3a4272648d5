/**
 * 求人票の印刷 (R-JOB-6) for an officer: postings of the officer's own office only (another office's is a 404). By
 * default the working copy (what waits for review); `?version=published` prints the published version. Only the 求人票
 * is printed (A4): the site's header and footer, links and buttons are not.
 *
 * The file name's `staff_` keeps this page out of any staff postings layout, so it renders as a print page of its own.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { Kyujinhyo, PrintControls } from "../components/kyujinhyo";
import { STATUS_LABELS } from "../lib/posting-labels";
import { getPostingOfOffice } from "../models/job-posting.server";
import { kyujinhyoProps } from "../models/posting-view.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `求人票の印刷：${data?.props.content.jobTitle || "求人"}（職員用） | 求人者マイページ` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db, office } = await requireStaff(request, context);
  const posting = await getPostingOfOffice(db, office.code, params.id ?? "");
  if (!posting) throw data(null, { status: 404 });
  const published = new URL(request.url).searchParams.get("version") === "published";
  if (published && !posting.publishedContent) throw data(null, { status: 404 });
  const props = await kyujinhyoProps(db, posting, {
    published,
    showPublication: true,
    imageSrc: (imageId) => `/staff/images/${encodeURIComponent(imageId)}`,
  });
  return {
    props,
    id: posting.id,
    published,
    /** A 内容変更 in progress: the working copy and the published version differ. */
    changing: posting.publishedContent !== null && posting.changeStatus !== null,
    statusLabel: STATUS_LABELS[posting.status],
  };
}

export default function StaffPrintPosting() {
  const { props, id, published, changing, statusLabel } = useLoaderData<typeof loader>();
  return (
    <div data-print-page="">
      <nav aria-label="求人票の印刷" className="mb-4 print:hidden">
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-dns-16N-130">
          <li>
            <Link to={`/staff/postings/${id}`}>求人の確認へ戻る</Link>
          </li>
          {changing ? (
            <li>
              {published ? <Link to={`/staff/postings/${id}/print`}>変更中の内容を印刷する</Link> : <Link to={`/staff/postings/${id}/print?version=published`}>公開中の内容を印刷する</Link>}
            </li>
          ) : null}
        </ul>
      </nav>
      <h1 className="mb-2 text-std-32B-150 print:text-std-24B-150">{`求人票${published ? "（公開中の内容）" : changing ? "（変更中の内容）" : ""}`}</h1>
      <p className="mb-6 text-dns-16N-130 print:hidden">{`状態：${statusLabel}`}</p>
      <PrintControls />
      <Kyujinhyo {...props} />
    </div>
  );
}
