/**
 * The error page of the employer's 求人 routes: a refusal (403, R-GATE-3) with the capability's reason whatever the
 * client posted, a posting that is not the establishment's (404), a body over its limit (413), or anything else without details. (Rethrowing from
 * a boundary during server rendering would be logged as a rendering error, so every status is rendered here.)
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { TOO_LARGE_COPY } from "./error-copy";

export interface RefusalCopy {
  refusedTitle: string;
  notFound: { title: string; body: string };
  back: { to: string; label: string };
}

/** The error page of a guarded route: 403 with the capability's reason, 404 with the route's words, 413, or no details. */
export function RouteRefusalError({ refusedTitle, notFound, back }: RefusalCopy) {
  const error = useRouteError();
  let title = "ただいま処理できません";
  let body = "システムで問題が発生したため、処理を完了できませんでした。時間をおいて、もう一度お試しください。";
  if (isRouteErrorResponse(error) && error.status === 403) {
    title = refusedTitle;
    body = (error.data as { reason?: string } | null)?.reason ?? "このアカウントでは利用できません。";
  } else if (isRouteErrorResponse(error) && error.status === 404) {
    ({ title, body } = notFound);
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

export function PostingRouteError({ refusedTitle }: { refusedTitle: string }) {
  return (
    <RouteRefusalError
      refusedTitle={refusedTitle}
      notFound={{ title: "求人が見つかりません", body: "お探しの求人は、削除されたか、アドレスが変わった可能性があります。求人の一覧からお探しください。" }}
      back={{ to: "/mypage/postings", label: "求人の一覧へ戻る" }}
    />
  );
}
