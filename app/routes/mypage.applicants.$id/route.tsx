/**
 * One applicant (R-REF-2, R-REF-3): what the seeker agreed to disclose (氏名, 年齢 always; the birth date never unless
 * agreed), the 紹介 (紹介元 and its phone, 紹介日, 面接日時・場所, the office's note), the 選考結果 form — 採用 / 不採用,
 * 雇用予定日 with 採用, 「求人票の労働条件と採用条件の相違」 with its items and note — which corrects an earlier result
 * (never back to 選考中; a 辞退 recorded by the office is corrected only by the office), and the history (who, when,
 * before → after). After the R-REF-3 window the page names the referring office and its phone instead of the form and
 * the server refuses the POST. Guards: requireEmployer; `applicants.view` to see, `selection.register` to post (R-GATE-1
 * with its exception; not refused by the R-GATE-3 restriction). Another establishment's applicant is a 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicantRouteError } from "../../components/applicant-error";
import { HistorySection, ReferralSection, SeekerSection } from "../../components/referral-parts";
import { applicantAction, applicantPage } from "./applicant.server";
import { ResultFormSection } from "./components/result-form";
import { ResultMessageSection } from "./components/result-message";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.seeker.name ?? "応募者"}（応募者管理） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return applicantPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return applicantAction(request, context, params.id ?? "");
}

export default function ApplicantPage() {
  const { view, register, declinedMessage, message } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/mypage/applicants">応募者管理</Link>
      </p>
      <h1 className="mb-2 break-all text-std-32B-150">{`応募者：${view.seeker.name}`}</h1>
      <p className="mb-8 text-std-17N-170">{`状態：${view.statusLabel}${view.overdue ? "\u3000未登録（3週間経過）" : ""}`}</p>
      <SeekerSection view={view} />
      <ReferralSection view={view} postingHref={`/mypage/postings/${view.posting.id}`} letterHref={`/mypage/applicants/${view.id}/letter`} />
      <ResultFormSection view={view} register={register} declinedMessage={declinedMessage} />
      <ResultMessageSection message={message} />
      <HistorySection history={view.history} />
      <p>
        <Link to={`/mypage/applicants?posting=${view.posting.id}`}>この求人の応募者一覧へ</Link>
      </p>
      <p className="mt-2">
        <Link to="/mypage/applicants">応募者管理へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ApplicantRouteError back={{ to: "/mypage/applicants", label: "応募者管理へ戻る" }} />;
}
