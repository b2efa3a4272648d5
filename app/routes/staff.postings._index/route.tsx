/**
 * 求人の確認 (R-JOB-2, R-JOB-3): what waits for an officer of the office — new postings (申込み), 内容変更 and
 * extension requests — oldest first, 50 a page (`?queuePage=N`); and この安定所の求人, the office's postings filtered by status or found by
 * 求人番号 (full-width digits and dashes accepted), 50 a page. Another office's postings are never listed. The page's
 * reads are one batch (postings.server.ts).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../../components/staff-header";
import { todayJst } from "../../lib/clock";
import { officePostingsPageReads } from "../../models/posting/office.server";
import { requireStaff } from "../../utils/auth.server";
import { OfficeSection } from "./components/office-section";
import { MinimumWageAlertsSection } from "./components/minimum-wage-alerts-section";
import { QueueSection } from "./components/queue-section";
import { officePostingsPage, officePostingsRequest } from "./postings.server";

export const meta: MetaFunction = () => [{ title: "求人の確認 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = officePostingsRequest(request, todayJst(context.clock));
  const staff = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ page: officePostingsPageReads(db, officeCode, asked.options) }),
  });
  return officePostingsPage(staff, asked, staff.reads.page);
}

export type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffPostings() {
  const { staff, queue, queuePages, status, q, searchError, list, minimumWageAlerts } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">求人の確認</h1>
      <p className="mb-6">
        {staff.officeName}
        で受け付けた求人です。申込み・内容変更は内容を確認して受理するか、コメントを添えて修正依頼をしてください。結果は事業主にお知らせとメールで通知されます。
      </p>
      <QueueSection queue={queue} pages={queuePages} />
      <MinimumWageAlertsSection alerts={minimumWageAlerts} />
      <OfficeSection status={status} q={q} searchError={searchError} list={list} />
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
