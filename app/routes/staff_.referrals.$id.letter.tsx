/**
 * 紹介状 (R-REF-1) for an officer: a referral of the office, or to an establishment under its 管轄 (404 otherwise),
 * printable on A4 (components/referral-letter.tsx). The seeker's items are those disclosed to the employer — the letter
 * is what the employer receives — whichever office prints it. The `staff_` keeps it a page of its own.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { ReferralLetter } from "../components/referral-letter";
import { todayJst } from "../lib/clock";
import { referralDetailOf, referralDetailQueries } from "../models/applicants.server";
import { referralPageView } from "../models/referral-view.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `紹介状：${data?.view.seeker.name ?? "求職者"}（職員用） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { clock, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ detail: referralDetailQueries(db, { kind: "staff", officeCode }, params.id ?? "") }),
  });
  const detail = referralDetailOf(reads.detail);
  if (!detail) throw data(null, { status: 404 });
  return { view: referralPageView(detail, todayJst(clock)) };
}

export default function StaffReferralLetter() {
  const { view } = useLoaderData<typeof loader>();
  return <ReferralLetter view={view} back={{ to: `/staff/referrals/${view.id}`, label: "紹介のページへ戻る" }} />;
}
