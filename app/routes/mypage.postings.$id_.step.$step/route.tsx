/**
 * One screen of the 求人申込み wizard (R-JOB-1), also used for a 内容変更 of an accepted posting (R-JOB-3): the screen's
 * fields (components/posting-steps), pre-filled from the stored working copy, in a plain POST form with three buttons:
 * - 一時保存 (intent=save): form checks only (STEP_SCHEMAS), then the screen is saved as it is, incomplete or not;
 * - 戻る (intent=back): saved the same way, then the previous screen;
 * - 次へ進む (intent=next; 確認へ進む on screen 8): saved, then the screen's findings on the stored 求人票 — red ones
 *   stop it with their messages beside the fields, orange ones stop it once (they come back as hidden `acknowledged`
 *   keys, and the same warnings acknowledged let it go on). Then the next screen, or after screen 8 the posting's
 *   page (申込み前の確認).
 * Screens can't be skipped: a screen beyond the one reached redirects to it; the reached screen only advances when
 * 次へ進む goes on. Another establishment's posting is a 404 (loader and action); a posting that cannot be edited now
 * goes to its page; under the R-GATE-3 restriction the page shows the reason instead of the form and the action is
 * refused with 403. Data and save: step.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostingRouteError } from "../../components/posting-error";
import { PostingStepForm } from "../../components/posting-step-form";
import { stepPath } from "../../components/posting-wizard";
import type { StepActionData } from "../../lib/posting-wizard";
import { KeptFormNotice, SessionTimeNotice } from "../../components/session-timeout";
import { wizardScreenReads } from "../../models/posting/pages.server";
import { STEPS } from "../../rules/posting/steps";
import { requireEmployer } from "../../utils/auth.server";
import { loadCapabilityFacts } from "../../utils/capabilities.server";
import { stepAction, stepPage } from "./step.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const title = page && "step" in page ? STEPS[page.step - 1]!.title : "求人の申込み";
  return [{ title: `${title} | 求人の申込み | 求人者マイページ` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    keepForm: true,
    reads: ({ db, establishmentId }) => ({ screen: wizardScreenReads(db, { establishmentId, id: params.id ?? "" }) }),
  });
  const facts = await loadCapabilityFacts(employer);
  return { ...stepPage(employer, facts, employer.reads.screen, params), keptForm: employer.keptForm };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context, { keepForm: true });
  return stepAction(employer, request, params);
}

export default function PostingStepPage() {
  const page = useLoaderData<typeof loader>();
  // A fresh form per screen: Conform's state (and the last result) belongs to one screen.
  return <StepScreen key={`${page.posting.id}-${page.step}`} />;
}

function StepScreen() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as StepActionData | undefined;
  const { posting } = page;
  const heading = posting.isChange ? "求人の内容変更" : "求人の申込み";

  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to={`/mypage/postings/${posting.id}`}>{posting.isChange ? "求人の詳細へ戻る" : "申込み前の確認へ"}</Link>
      </p>
      <p className="mb-1 text-std-16B-170 text-solid-gray-800">{`${heading}（${page.step}/8）`}</p>
      <h1 className="mb-6 text-std-32B-150">{page.title}</h1>
      <KeptFormNotice kept={page.keptForm.kept} saveLabel="一時保存」または「次へ進む" />
      <SessionTimeNotice end={page.keptForm} />

      {page.decision.allowed ? (
        <PostingStepForm
          step={page.step}
          reached={page.reached}
          defaults={page.defaults}
          context={page.context}
          actionData={actionData}
          restored={page.keptForm.kept?.result}
          stepHref={(n) => stepPath(posting.id, n)}
          before={
            <>
              {posting.isChange ? (
                <p className="mb-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4" data-change-note>
                  {`受理済みの求人${posting.jobNumber ? `（求人番号 ${posting.jobNumber}）` : ""}の内容を変更しています。公開中の求人票は、変更の申込みがハローワークで受理されるまで、今の内容のまま変わりません。`}
                </p>
              ) : null}
              {posting.renewal ? (
                <p className="mb-6 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-4">
                  この求人は更新求人として申し込みます（受理されると新しい求人番号になります）。
                </p>
              ) : null}
              {posting.reviewComment ? (
                <div role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4">
                  <p className="text-dns-16B-130 text-red-900">ハローワークから修正依頼があります。内容を直して、もう一度申し込んでください。</p>
                  <p className="mt-2 whitespace-pre-wrap break-all">{`ハローワークからのコメント：${posting.reviewComment}`}</p>
                </div>
              ) : null}
            </>
          }
        />
      ) : (
        <p
          role="alert"
          className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900"
          data-refused={posting.isChange ? "postings.change" : "postings.apply"}
        >
          {`現在、${heading}は利用できません。${page.decision.reason ?? ""}`}
        </p>
      )}
      <p className="mt-10">
        <Link to="/mypage/postings">求人の一覧へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <PostingRouteError refusedTitle="求人の申込み・内容変更は利用できません" />;
}
