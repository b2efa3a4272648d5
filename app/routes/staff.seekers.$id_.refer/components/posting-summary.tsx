/** The posting the officer confirms before referring (R-REF-1): what identifies it, never more. */
import { formatJapaneseDate } from "../../../lib/clock";
import type { ReferralPostingSummary } from "../../../models/referrals.server";

export function PostingSummary({ posting }: { posting: ReferralPostingSummary }) {
  return (
    <section aria-labelledby="posting-title" className="mb-10 rounded-8 border border-solid-gray-420 p-4">
      <h2 id="posting-title" className="mb-4 text-std-24B-150">
        紹介先の求人
      </h2>
      <dl className="grid gap-x-6 sm:grid-cols-[12rem_1fr] sm:gap-y-2">
        <dt className="text-std-16B-170">求人番号</dt>
        <dd>{posting.jobNumber}</dd>
        <dt className="text-std-16B-170">事業所名</dt>
        <dd>{posting.establishmentName}</dd>
        <dt className="text-std-16B-170">職種</dt>
        <dd>{posting.jobTitle}</dd>
        <dt className="text-std-16B-170">就業場所</dt>
        <dd className="break-all">{posting.workplace || "（未入力）"}</dd>
        <dt className="text-std-16B-170">紹介期限</dt>
        <dd>{posting.validUntil ? formatJapaneseDate(posting.validUntil) : "（未受理）"}</dd>
        <dt className="text-std-16B-170">受理した安定所</dt>
        <dd>{posting.officeName}</dd>
      </dl>
    </section>
  );
}
