/**
 * 求人票の印刷 (R-JOB-6) for an officer: postings of the officer's own office only (another office's is a 404). By
 * default the working copy (what waits for review); `?version=published` prints the published version. Only the 求人票
 * is printed (A4): the site's header and footer, links and buttons are not.
 *
 * The file name's `staff_` keeps this page out of any staff postings layout, so it renders as a print page of its own.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { PrintPostingPage } from "../components/print-posting";
import { printPageOf, printPageReads } from "../models/posting/pages.server";
import { printPageData } from "../models/posting/view.server";
import { todayJst } from "../lib/clock";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `求人票の印刷：${data?.props.content.jobTitle || "求人"}（職員用） | 求人者マイページ` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { clock, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ print: printPageReads(db, { officeCode, id: params.id ?? "" }) }),
  });
  const read = printPageOf(reads.print, todayJst(clock));
  const page = read ? printPageData(read.sheet, read.images, request, "/staff") : null;
  if (!page) throw data(null, { status: 404 });
  return page;
}

export default function StaffPrintPosting() {
  return <PrintPostingPage page={useLoaderData<typeof loader>()} backLabel="求人の確認へ戻る" />;
}
