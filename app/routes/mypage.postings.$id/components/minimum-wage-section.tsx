/**
 * 最低賃金の改定 (issue 10 #3, ADR 0015): the published 求人票 of an accepted posting against a minimum-wage revision of
 * its 就業場所's prefecture — orange while more than 7 days remain, red from 発効日 − 7, and from the 発効日 公開保留 (not
 * public, not referred) until a 内容変更 that raises the wage is accepted.
 */
import type { Page } from "../route";
import { FindingList } from "./parts";

export function MinimumWageSection({ page }: { page: Page }) {
  const mw = page.minimumWage;
  if (!mw) return null;
  const errors = mw.findings.filter((f) => f.severity === "error");
  const warnings = mw.findings.filter((f) => f.severity === "warning");
  return (
    <section aria-labelledby="minimum-wage-title" className="mb-10 rounded-8 border-2 border-red-900 p-4" data-minimum-wage={mw.phase}>
      <h2 id="minimum-wage-title" className="mb-4 text-std-24B-150">
        最低賃金の改定
      </h2>
      <p className="mb-4 text-dns-16B-130">
        {mw.phase === "suspended"
          ? "公開中の求人票の賃金が最低賃金を下回っているため、この求人の公開と紹介を停止しています（公開保留）。賃金を引き上げる内容変更が受理されると再開します。"
          : `公開中の求人票の賃金は、${mw.effectiveFrom}から適用される最低賃金を下回ります。${mw.effectiveFrom}以降も下回ったままの場合、内容変更が受理されるまで公開と紹介を停止します。`}
      </p>
      <FindingList items={errors} kind="error" />
      <FindingList items={warnings} kind="warning" />
      <p>
        {page.changeStatus === "submitted"
          ? "申し込んだ内容変更をハローワークが確認しています。"
          : page.changeStatus
            ? "内容変更の入力画面で賃金を引き上げ、内容変更を申し込んでください。"
            : "「内容変更を始める」から賃金を最低賃金以上に引き上げ、内容変更を申し込んでください。"}
      </p>
    </section>
  );
}
