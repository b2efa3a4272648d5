/** 求人の状態: 状態, 求人番号, dates, 延長, 内容変更 (the published 求人票 stays until it is accepted, R-JOB-3), 更新求人. */
import type { Page } from "../route";

export function StatusSection({ page }: { page: Page }) {
  return (
    <section aria-labelledby="status-title" className="mb-10">
      <h2 id="status-title" className="mb-4 text-std-24B-150">
        求人の状態
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-status={page.status}>
        <dt className="text-std-16B-170">状態</dt>
        <dd>{page.statusLabel}</dd>
        <dt className="text-std-16B-170">求人番号</dt>
        <dd>{page.jobNumber ?? "受理されると表示されます"}</dd>
        <dt className="text-std-16B-170">受理日</dt>
        <dd>{page.acceptedOn ?? "—"}</dd>
        {page.publicFrom ? (
          <>
            <dt className="text-std-16B-170">公開開始日</dt>
            <dd data-public-from>{`${page.publicFrom}（大卒等求人）`}</dd>
          </>
        ) : null}
        <dt className="text-std-16B-170">紹介期限</dt>
        <dd>{page.validUntil ?? "—"}</dd>
        <dt className="text-std-16B-170">求人無効日</dt>
        <dd data-invalidated-on>{page.invalidatedOn ?? "—"}</dd>
        {page.stopReason ? (
          <>
            <dt className="text-std-16B-170">募集停止の理由</dt>
            <dd className="break-all">{page.stopReason}</dd>
          </>
        ) : null}
        {page.status === "accepted" || page.extensionLabel ? (
          <>
            <dt className="text-std-16B-170">有効期間の延長</dt>
            <dd>{page.extensionLabel ?? "なし（延長は1回、1か月まで申請できます）"}</dd>
          </>
        ) : null}
        {page.status === "accepted" ? (
          <>
            <dt className="text-std-16B-170">内容変更</dt>
            <dd data-change-status={page.changeStatus ?? "none"}>{page.changeLabel ?? "なし"}</dd>
          </>
        ) : null}
        {page.renewalOf ? (
          <>
            <dt className="text-std-16B-170">更新求人</dt>
            <dd>{`求人番号 ${page.renewalOf.jobNumber ?? "—"}（紹介期限 ${page.renewalOf.validUntil ?? "—"}）の更新求人です。`}</dd>
          </>
        ) : null}
      </dl>
      {page.status === "accepted" && page.changeStatus ? (
        <p className="mt-4" data-published-stays>
          内容変更がハローワークで受理されるまで、公開中の求人票（求職者やハローワークが見る内容）は変更前のままです。
        </p>
      ) : null}
      {page.status === "submitted" ? <p className="mt-4">ハローワークが申込みの内容を確認しています。確認が終わるまで内容は変更できません。</p> : null}
      {page.changeStatus === "submitted" ? (
        <p className="mt-4">ハローワークが内容変更を確認しています。確認が終わるまで、さらに変更することはできません。</p>
      ) : null}
    </section>
  );
}
