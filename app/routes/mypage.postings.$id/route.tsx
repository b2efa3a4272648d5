/**
 * One posting of the establishment (R-JOB-1…5) — for a draft, the wizard's summary screen (申込み前の確認):
 * - the status panel: 状態, 求人番号, 受理日, 紹介期限, 求人無効日, 延長 and 内容変更 (the published 求人票 stays until a
 *   内容変更 is accepted, R-JOB-3), and the officer's 修正依頼 comment;
 * - the findings of the whole 求人票 grouped by wizard screen, each screen linked: red ones block 申込み, orange ones
 *   are shown for a last look;
 * - the actions, each a plain POST form with an `intent`: submit (申込み / 内容変更の申込み), edit (open the wizard;
 *   on an accepted posting this starts a 内容変更), discardChange, extension (有効期間延長の申請), stop (募集停止, with
 *   a reason and a confirmation) and delete (a draft). Each is refused with 403 while the R-GATE-3 restriction holds
 *   (requireCapability); the page then shows the reason instead of the buttons;
 * - the 求人票 itself, a link to print it, and buttons to copy it (転用) or renew it (更新求人, R-JOB-5), which post to
 *   the 新しい求人 page's action.
 * Another establishment's posting is a 404 in the loader and in the action. Data and actions: posting.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Kyujinhyo } from "../../components/kyujinhyo";
import { PostingRouteError } from "../../components/posting-error";
import { applicantCountQuery } from "../../models/applicants.server";
import { postingPageReads } from "../../models/posting/pages.server";
import { requireEmployer } from "../../utils/auth.server";
import { loadCapabilityFacts } from "../../utils/capabilities.server";
import { mailContext } from "../../utils/mail.server";
import { ChangeSection, ExtensionSection, StopSection } from "./components/accepted-sections";
import { CheckSection } from "./components/check-section";
import { PostingMessages } from "./components/messages";
import { MinimumWageSection } from "./components/minimum-wage-section";
import { DeleteSection, MoreSection } from "./components/more-sections";
import { StatusSection } from "./components/status-section";
import { postingAction, postingPage } from "./posting.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data && "jobTitle" in data ? data.jobTitle : "求人"} | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // The posting's reads and the applicants' count (issue 11, R-REF-2) ride in the guard's batch (issue 14: one round trip).
  const id = params.id ?? "";
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({
      page: postingPageReads(db, { establishmentId, id }),
      applicants: applicantCountQuery(db, establishmentId, id),
    }),
  });
  const facts = await loadCapabilityFacts(employer);
  return { ...postingPage(employer, facts, employer.reads.page), applicantCount: employer.reads.applicants[0]?.count ?? 0 };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  return postingAction(employer, request, params.id ?? "", mailContext(context.cloudflare.env));
}

export type Page = ReturnType<typeof useLoaderData<typeof loader>>;
export type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

export default function PostingPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "intent" in actionData ? actionData : undefined;
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/mypage/postings">求人の一覧</Link>
      </p>
      <h1 className="mb-6 break-all text-std-32B-150">{page.stage === "new" ? `申込み前の確認：${page.jobTitle}` : `求人：${page.jobTitle}`}</h1>
      <PostingMessages page={page} result={result} />
      <StatusSection page={page} />
      {page.jobNumber || page.applicantCount > 0 ? (
        <p className="mb-10" data-applicants-link>
          <Link to={`/mypage/applicants?posting=${page.id}`} className="text-std-17B-170">{`この求人の応募者（${page.applicantCount}人）`}</Link>
        </p>
      ) : null}
      <MinimumWageSection page={page} />
      <CheckSection page={page} />
      <ChangeSection page={page} />
      <ExtensionSection page={page} />
      <StopSection page={page} result={result} />
      <section aria-labelledby="sheet-title" className="mb-10">
        <h2 id="sheet-title" className="mb-4 text-std-24B-150">
          求人票
        </h2>
        {page.status === "accepted" && page.changeStatus ? <p className="mb-4">変更中の内容を表示しています。</p> : null}
        <Kyujinhyo {...page.kyujinhyo} />
      </section>
      <MoreSection page={page} />
      <DeleteSection page={page} result={result} />
      <p>
        <Link to="/mypage/postings">求人の一覧へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <PostingRouteError refusedTitle="この操作は利用できません" />;
}
