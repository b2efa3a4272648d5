/**
 * The error page of the 応募者管理 and 紹介 routes (R-REF-2/3): a refusal (403, R-GATE-1) with the capability's reason,
 * a referral that is not the reader's (404), a body over its limit (413), or anything else without details.
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { TOO_LARGE_COPY } from "./error-copy";

export function ApplicantRouteError({ refusedTitle = "応募者管理は利用できません", back }: { refusedTitle?: string; back: { to: string; label: string } }) {
  const error = useRouteError();
  let title = "ただいま処理できません";
  let body = "システムで問題が発生したため、処理を完了できませんでした。時間をおいて、もう一度お試しください。";
  if (isRouteErrorResponse(error) && error.status === 403) {
    title = refusedTitle;
    body = (error.data as { reason?: string } | null)?.reason ?? "このアカウントでは利用できません。";
  } else if (isRouteErrorResponse(error) && error.status === 404) {
    title = "応募者が見つかりません";
    body = "お探しの応募者（紹介）は見つかりませんでした。一覧からお探しください。";
  } else if (isRouteErrorResponse(error) && error.status === 413) {
    ({ title, body } = TOO_LARGE_COPY);
  } else if (!isRouteErrorResponse(error)) {
    console.error(error);
  }
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title" className="mb-4 text-std-32B-150">
        {title}
      </h1>
      <p className="mb-6" data-refused-reason>
        {body}
      </p>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </section>
  );
}
