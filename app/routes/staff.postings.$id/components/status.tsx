/** 事業所 and 求人の状態 of the posting under review. */
import { Link } from "@remix-run/react";
import type { Page } from "../route";

export function EstablishmentSection({ establishment }: { establishment: Page["establishment"] }) {
  return (
    <section aria-labelledby="establishment-title" className="mb-10">
      <h2 id="establishment-title" className="mb-4 text-std-24B-150">
        事業所
      </h2>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
        <dt className="text-std-16B-170">事業所名</dt>
        <dd className="break-all">
          {establishment.linkable ? <Link to={`/staff/establishments/${establishment.id}`}>{establishment.name}</Link> : establishment.name}
        </dd>
        <dt className="text-std-16B-170">事業所番号</dt>
        <dd>{establishment.number ?? "（未採番）"}</dd>
      </dl>
    </section>
  );
}

function Dates({ posting }: { posting: Page["posting"] }) {
  const row = (term: string, value: string | null) => (
    <>
      <dt className="text-std-16B-170">{term}</dt>
      <dd className="break-all">{value ?? "—"}</dd>
    </>
  );
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
      {row("状態", [posting.status, posting.changeStatus, posting.extensionStatus].filter(Boolean).join("・"))}
      {row("求人区分", posting.kindLabel)}
      {row("求人番号", posting.jobNumber)}
      {row("受理日", posting.acceptedOn)}
      {row("紹介期限", posting.validUntil ? `${posting.validUntil}${posting.extended ? "（延長済み）" : ""}` : null)}
      {row("求人無効日", posting.invalidatedOn)}
      {row("申込み日時", posting.submittedAt)}
      {posting.changeSubmittedAt ? row("内容変更の申込み日時", posting.changeSubmittedAt) : null}
      {posting.renewalOf ? row("更新求人", "紹介期限を迎える求人の更新として申し込まれました") : null}
    </dl>
  );
}

export function StatusSection({ posting }: { posting: Page["posting"] }) {
  return (
    <section aria-labelledby="status-title" className="mb-10">
      <h2 id="status-title" className="mb-4 text-std-24B-150">
        求人の状態
      </h2>
      <Dates posting={posting} />
      {posting.reviewComment ? <p className="mt-4 whitespace-pre-wrap break-all">前回の修正依頼のコメント：{posting.reviewComment}</p> : null}
    </section>
  );
}
