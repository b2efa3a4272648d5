/** The page's messages: why an action was refused, the 修正依頼 comment. */
import type { ActionData, Page } from "../route";
import { alertClass, FindingList } from "./parts";

export function PostingMessages({ page, result }: { page: Page; result: ActionData | undefined }) {
  const showResult = result?.message ? result : null;
  return (
    <>
      {showResult ? (
        <div role="alert" className={alertClass} data-action-error={showResult.intent}>
          <p className="text-dns-16B-130 text-red-900">{showResult.message}</p>
          {showResult.findings.length > 0 ? (
            <div className="mt-2">
              <FindingList items={showResult.findings} kind="error" />
            </div>
          ) : null}
        </div>
      ) : null}
      {page.reviewComment ? (
        <div role="alert" className={alertClass} data-review-comment>
          <p className="text-dns-16B-130 text-red-900">
            {page.changeStatus === "returned"
              ? "内容変更について、ハローワークから修正依頼があります。公開中の求人票は変更前の内容のままです。内容を直して、もう一度申し込んでください。"
              : "ハローワークから修正依頼があります。内容を直して、もう一度申し込んでください。"}
          </p>
          <p className="mt-2 whitespace-pre-wrap break-all">{`ハローワークからのコメント：${page.reviewComment}`}</p>
        </div>
      ) : null}
    </>
  );
}
