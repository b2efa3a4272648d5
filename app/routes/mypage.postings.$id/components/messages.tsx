/** The page's messages: what was just done (the query-string flags), why an action was refused, the 修正依頼 comment. */
import type { ActionData, Page } from "../route";
import { alertClass, FindingList, statusClass } from "./parts";

export function PostingMessages({ page, result }: { page: Page; result: ActionData | undefined }) {
  const showResult = result?.message ? result : null;
  return (
    <>
      {page.flash.submitted ? (
        <p role="status" className={statusClass}>
          {page.changeStatus === "submitted"
            ? "内容変更を申し込みました。ハローワークが確認して受理するまで、公開中の求人票は変更前の内容のままです。結果はお知らせとメールでお伝えします。"
            : "求人を申し込みました。ハローワークが内容を確認し、結果をお知らせとメールでお伝えします。"}
        </p>
      ) : null}
      {page.flash.discarded ? (
        <p role="status" className={statusClass}>
          内容変更を取り消しました。求人票は公開中の内容に戻りました。
        </p>
      ) : null}
      {page.flash.stopped && page.status === "stopped" ? (
        <p role="status" className={statusClass}>
          {`募集を停止しました。求人無効日は${page.invalidatedOn}です。`}
        </p>
      ) : null}
      {page.flash.extension ? (
        <p role="status" className={statusClass}>
          有効期間の延長を申請しました。ハローワークの確認が終わるとお知らせとメールでお伝えします。
        </p>
      ) : null}
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
