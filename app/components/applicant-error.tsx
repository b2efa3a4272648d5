/**
 * The error page of the 応募者管理 and 紹介 routes (R-REF-2/3): a refusal (403, R-GATE-1) with the capability's reason,
 * a referral that is not the reader's (404), a body over its limit (413), or anything else without details.
 */
import { RouteRefusalError } from "./posting-error";

export function ApplicantRouteError({ refusedTitle = "応募者管理は利用できません", back }: { refusedTitle?: string; back: { to: string; label: string } }) {
  return (
    <RouteRefusalError
      refusedTitle={refusedTitle}
      notFound={{ title: "応募者が見つかりません", body: "お探しの応募者（紹介）は見つかりませんでした。一覧からお探しください。" }}
      back={back}
    />
  );
}
