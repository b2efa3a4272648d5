/**
 * The officer's review of one posting of the office (R-JOB-2, R-JOB-3): the establishment, the status and dates, the
 * findings of the content under review (red ones block 受理: a minimum-wage revision may have come into force since
 * 申込み), for a 内容変更 what changes against the published version, and the 求人票 itself. The officer accepts
 * (受理: a new posting gets its 求人番号 and 紹介期限; a change is published, both kept) or returns it with a comment
 * (修正依頼), and decides an extension request. Each success redirects (303) back here with a message; a decision
 * another officer made first is reported, not a 500. Another office's posting is a 404 for the page and the action.
 * Data and decisions: review.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../../components/form";
import { Kyujinhyo } from "../../components/kyujinhyo";
import { FindingsSection } from "../../components/posting-findings";
import { StaffHeader } from "../../components/staff-header";
import { reviewPageReads } from "../../models/posting/pages.server";
import { requireStaff } from "../../utils/auth.server";
import { mailContext } from "../../utils/mail.server";
import { ExtensionSection, ReviewSection } from "./components/decisions";
import { DiffSection } from "./components/diff-section";
import { MinimumWageSection } from "./components/minimum-wage-section";
import { EstablishmentSection, StatusSection } from "./components/status";
import { reviewAction, reviewPage } from "./review.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "求人"}（求人の確認） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ review: reviewPageReads(db, { officeCode, id: params.id ?? "" }) }),
  });
  return reviewPage(staff, context.clock, staff.reads.review);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, context);
  return reviewAction(staff, context.clock, request, params.id ?? "", mailContext(context.cloudflare.env));
}

export type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StaffPostingReview() {
  const { title, staff, establishment, posting, review, acceptRefusal, extension, findings, diff, kyujinhyo, minimumWage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const returnResult = actionData?.intent === "return" ? actionData.result : undefined;
  const otherError = actionData && actionData.intent !== "return" ? (actionData.result.error?.[""] ?? []) : [];
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 break-all text-std-32B-150">求人の確認：{title}</h1>
      <p className="mb-6">
        <Link to="/staff/postings">求人の確認へ戻る</Link>
        <Link to={`/staff/postings/${posting.id}/print`} className="ml-6">
          求人票を印刷する
        </Link>
      </p>
      <FormErrors errors={otherError} id="decision-errors" />
      <EstablishmentSection establishment={establishment} />
      <StatusSection posting={posting} />
      <MinimumWageSection minimumWage={minimumWage} />
      <FindingsSection findings={findings} />
      <DiffSection diff={diff} />
      <ReviewSection review={review} acceptRefusal={acceptRefusal} returnResult={returnResult} />
      <ExtensionSection extension={extension} />
      <section aria-labelledby="kyujinhyo-title" className="mb-10">
        <h2 id="kyujinhyo-title" className="mb-4 text-std-24B-150">
          {review === "change" ? "求人票（変更後の内容）" : "求人票"}
        </h2>
        <Kyujinhyo {...kyujinhyo} showPublication headingLevel={3} />
      </section>
      <p>
        <Link to="/staff/postings">求人の確認へ戻る</Link>
      </p>
    </>
  );
}
