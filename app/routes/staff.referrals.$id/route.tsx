/**
 * 紹介 (officer; R-REF-1, R-REF-3): one referral, for officers of the referring office or of the establishment's
 * jurisdictional office (404 otherwise). The seeker in full for the referring office's officer, as disclosed to the
 * employer for the jurisdictional office's; the 紹介, the current result and its history; forms to record a result
 * reported by phone (採用 / 不採用 with the employer's fields) or a 辞退 (date and note). Officers are not bound by the
 * online window. Data and action: referral.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { CurrentResult, HistorySection, ReferralSection, SeekerSection, Section } from "../../components/referral-parts";
import { StaffHeader } from "../../components/staff-header";
import { StaffResultForms } from "./components/staff-forms";
import { staffReferralAction, staffReferralPage } from "./referral.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `紹介：${data?.view.seeker.name ?? "求職者"}（職員用） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return staffReferralPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return staffReferralAction(request, context, params.id ?? "");
}

export default function StaffReferralPage() {
  const { staff, view, establishmentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 break-all text-std-32B-150">{`紹介：${view.seeker.name}`}</h1>
      <p className="mb-8 text-std-17N-170">
        {`${view.establishment.name}／${view.posting.jobNumber} ${view.posting.jobTitle}／状態：${view.statusLabel}${view.overdue ? "\u3000未登録（3週間経過）" : ""}`}
      </p>
      <SeekerSection view={view} />
      <ReferralSection view={view} postingHref={null} letterHref={`/staff/referrals/${view.id}/letter`} />
      <Section id="current-title" title="選考結果">
        <CurrentResult view={view} />
        {view.window.open ? (
          <p>
            {view.window.lastDay ? `事業所はオンラインで${view.window.lastDay}まで選考結果を登録できます。` : "事業所はオンラインで選考結果を登録できます。"}
          </p>
        ) : (
          <p>事業所のオンラインでの登録期限を過ぎています。連絡を受けた結果はこのページで記録してください。</p>
        )}
      </Section>
      <StaffResultForms view={view} actionData={actionData} />
      <HistorySection history={view.history} />
      {establishmentId ? (
        <p>
          <Link to={`/staff/establishments/${establishmentId}`}>事業所のページへ</Link>
        </p>
      ) : null}
      <p className="mt-2">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title" className="mb-4 text-std-32B-150">
        {notFound ? "紹介が見つかりません" : "ただいま処理できません"}
      </h1>
      <p className="mb-6">
        {notFound
          ? "お探しの紹介は見つかりませんでした。紹介した所、または事業所を管轄する所の職員だけが表示できます。"
          : "送信された内容を処理できませんでした。画面を読み込み直して、もう一度お試しください。"}
      </p>
      <p>
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </section>
  );
}
