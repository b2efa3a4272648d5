/**
 * 求人票の印刷 (R-JOB-6) for the employer: the establishment's own posting only (another establishment's is a 404). By
 * default the working copy (what is being written or changed); `?version=published` prints the version the public and
 * referrals see. Only the 求人票 is printed (A4): the site's header and footer, links and buttons are not.
 *
 * The file name's `mypage_` keeps this page out of the My Page layout (its account bar and menu), so that it renders
 * as a print page of its own whatever other postings pages exist; the guard is the same requireEmployer.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { PrintPostingPage } from "../components/print-posting";
import { printPageOf, printPageReads } from "../models/posting/pages.server";
import { printPageData } from "../models/posting/view.server";
import { todayJst } from "../lib/clock";
import { requireEmployer } from "../utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `求人票の印刷：${data?.props.content.jobTitle || "求人"} | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { clock, reads } = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ print: printPageReads(db, { establishmentId, id: params.id ?? "" }) }),
  });
  const read = printPageOf(reads.print, todayJst(clock));
  const page = read ? printPageData(read.sheet, read.images, request, "/mypage") : null;
  if (!page) throw data(null, { status: 404 });
  return page;
}

export default function PrintPosting() {
  return <PrintPostingPage page={useLoaderData<typeof loader>()} backLabel="求人の詳細へ戻る" />;
}
