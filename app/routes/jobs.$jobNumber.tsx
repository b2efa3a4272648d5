/**
 * The public 求人票 of one posting (R-JOB-2, R-JOB-6): only while it is public — valid today and 公開希望 1–3; an
 * expired, stopped, not yet accepted or 公開希望 4 posting (and anything that is not a 求人番号, such as a draft's id) is
 * a Japanese 404 page. What is shown is the published version. For 公開希望 2 and 3 the 事業所名等 are left out (on the
 * server, see models/posting/view.server.ts). The page's reads are one batch (readPublicPostingPage).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { Kyujinhyo, PrintControls } from "../components/kyujinhyo";
import { todayJst } from "../lib/clock";
import { hidesEstablishment, readPublicPostingPage } from "../models/job-search.server";
import { kyujinhyoView } from "../models/posting/view.server";
import { shardFor } from "../utils/shards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.props.content.jobTitle || "求人情報"}（求人番号 ${data.jobNumber}） | 求人情報 | ハローワークインターネットサービス`
      : "ページが見つかりません | ハローワークインターネットサービス",
  },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  // The shard that holds the 求人番号's office (issue 14; one database unless SHARDS says otherwise).
  const shard = shardFor(context.cloudflare.env, { kind: "jobNumber", value: params.jobNumber ?? "" });
  const page = shard ? await readPublicPostingPage(shard.db, todayJst(context.clock), params.jobNumber ?? "") : undefined;
  const posting = page?.sheet.posting;
  if (!page || !posting?.jobNumber) throw data(null, { status: 404 });
  const jobNumber = posting.jobNumber;
  const props = kyujinhyoView(page.sheet, page.images, {
    published: true,
    hideEstablishment: hidesEstablishment(posting),
    imageSrc: (imageId) => `/jobs/${jobNumber}/images/${encodeURIComponent(imageId)}`,
  });
  return { props, jobNumber, publication: posting.publication };
}

export default function PublicPosting() {
  const { props, jobNumber, publication } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-4 print:hidden">
        <Link to="/jobs">求人情報検索へ戻る</Link>
      </p>
      <h1 className="mb-2 text-std-32B-150 print:text-std-24B-150">{props.content.jobTitle || "求人情報"}</h1>
      <p className="mb-6 text-std-17N-170">求人番号 {jobNumber}</p>
      {publication === 2 ? (
        <p className="mb-6 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4 text-dns-16B-130 print:border-black print:bg-white">
          事業所名等は、ハローワークに求職登録した方に公開しています。応募を希望する方は、お近くのハローワークにご相談ください。
        </p>
      ) : null}
      <PrintControls />
      <Kyujinhyo {...props} />
    </>
  );
}
