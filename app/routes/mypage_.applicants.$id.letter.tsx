/**
 * 紹介状 (R-REF-1) for the employer: an applicant of the establishment only (another's is a 404), as disclosed (the
 * birth date never unless agreed), printable on A4 (components/referral-letter.tsx). Viewing follows R-GATE-1 like the
 * applicant page (`applicants.view`). The `mypage_` keeps it out of the My Page layout, as the 求人票's print page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { ApplicantRouteError } from "../components/applicant-error";
import { ReferralLetter } from "../components/referral-letter";
import { todayJst } from "../lib/clock";
import { referralDetailOf, referralDetailQueries } from "../models/applicants.server";
import { referralPageView } from "../models/referral-view.server";
import { requireEmployer } from "../utils/auth.server";
import { requireCapability } from "../utils/capabilities.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `紹介状：${data?.view.seeker.name ?? "応募者"} | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ detail: referralDetailQueries(db, { kind: "employer", establishmentId }, params.id ?? "") }),
  });
  const detail = referralDetailOf(employer.reads.detail);
  if (!detail) throw data(null, { status: 404 });
  requireCapability(employer, "applicants.view");
  return { view: referralPageView(detail, todayJst(employer.clock)) };
}

export default function ApplicantLetter() {
  const { view } = useLoaderData<typeof loader>();
  return <ReferralLetter view={view} back={{ to: `/mypage/applicants/${view.id}`, label: "応募者のページへ戻る" }} />;
}

export function ErrorBoundary() {
  return <ApplicantRouteError back={{ to: "/mypage/applicants", label: "応募者管理へ戻る" }} />;
}
