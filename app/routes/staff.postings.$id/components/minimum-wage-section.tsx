/**
 * 最低賃金の改定 (issue 10 #3, ADR 0015) on the officer's review page: the published 求人票 of an accepted posting against
 * a revision it falls below — red from 発効日 − 7, 公開保留 from the 発効日 until a 内容変更 raising the wage is accepted.
 */
import type { Page } from "../route";

export function MinimumWageSection({ minimumWage }: { minimumWage: Page["minimumWage"] }) {
  if (!minimumWage) return null;
  return (
    <section aria-labelledby="minimum-wage-title" className="mb-10" data-minimum-wage={minimumWage.phase}>
      <h2 id="minimum-wage-title" className="mb-4 text-std-24B-150">
        最低賃金の改定（公開中の求人票）
      </h2>
      <p className="mb-4">
        {minimumWage.phase === "suspended"
          ? "公開中の求人票の賃金が最低賃金を下回っているため、公開と紹介を停止しています（公開保留）。賃金を引き上げる内容変更を受理すると再開します。"
          : `公開中の求人票の賃金は、${minimumWage.effectiveFrom}からの最低賃金を下回ります。事業所に内容変更を依頼しています。`}
      </p>
      <ul className="list-disc space-y-2 pl-6">
        {minimumWage.messages.map((m) => (
          <li key={`${m.code}:${m.message}`} className={m.severity === "error" ? "text-red-900" : "text-orange-900"} data-severity={m.severity}>
            {m.severity === "error" ? "エラー：" : "確認："}
            {m.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
