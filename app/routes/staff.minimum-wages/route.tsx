/**
 * 最低賃金の管理: the 地域別最低賃金 table as data (used by the 求人 checks, R-JOB-1). Any officer sees, per
 * prefecture, the amount in force today (JST) and the next scheduled revision, and the history of one prefecture
 * (`?prefecture=09`) with the record of who added, corrected or withdrew what and why. A supervisor changes the
 * prefecture of the office only (R-AUTH-4, issue 9 #9; an officer's POST is a 403): adds a revision for today or
 * later, and corrects or withdraws one not yet in force (`&revision=2026-12-01`), with a reason. Audited (R-AUDIT-1).
 * Data and intents: minimum-wages.server.ts; rules: rules/minimum-wage-revision.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../../components/staff-header";
import { AddRevisionForm, RevisionChangeForms } from "./components/revision-forms";
import { HistoryTable, OverviewTable, RevisionLog } from "./components/tables";
import { minimumWagesAction, minimumWagesPage } from "./minimum-wages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.detail ? `${data.detail.name}の最低賃金` : "最低賃金の管理"} | 求人者マイページ` },
];

export function loader(args: LoaderFunctionArgs) {
  return minimumWagesPage(args);
}

export function action(args: ActionFunctionArgs) {
  return minimumWagesAction(args);
}

export default function MinimumWages() {
  const { staff, canAdd, today, todayLabel, prefectures, ownPrefectures, ownPrefectureName, detail } = useLoaderData<typeof loader>();
  if (!detail) {
    return (
      <>
        <StaffHeader staff={staff} />
        <h1 className="mb-6 text-std-32B-150">最低賃金の管理</h1>
        <p className="mb-6 max-w-3xl">
          都道府県ごとの地域別最低賃金（時間額）です。本日（{todayLabel}）適用される金額と、決定済みの改定予定を示します。求人の賃金の確認に使われます。
          {canAdd ? `改定の登録・訂正・取消は、所属するハローワークの都道府県（${ownPrefectureName}）のものに限られます。` : "改定の登録は統括職員が行います。"}
        </p>
        <section aria-labelledby="list-title" className="mb-10">
          <h2 id="list-title" className="mb-4 text-std-24B-150">
            都道府県別の最低賃金（{prefectures.length}都道府県）
          </h2>
          <OverviewTable prefectures={prefectures} />
        </section>
        {canAdd && ownPrefectures.length > 0 ? <AddRevisionForm today={today} prefectures={ownPrefectures} /> : null}
      </>
    );
  }
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">{detail.name}の最低賃金</h1>
      <p className="mb-6">
        <Link to="/staff/minimum-wages">都道府県の一覧へ戻る</Link>
        {detail.revision ? (
          <Link to={`/staff/minimum-wages?prefecture=${detail.code}`} className="ml-6">
            {detail.name}の履歴へ戻る
          </Link>
        ) : null}
      </p>
      {detail.revision ? <RevisionChangeForms today={today} prefectureCode={detail.code} revision={detail.revision} /> : null}
      <section aria-labelledby="history-title" className="mb-10">
        <h2 id="history-title" className="mb-4 text-std-24B-150">
          改定の履歴（{detail.rows.length}件）
        </h2>
        {detail.rows.length === 0 ? (
          <p>登録されている最低賃金はありません。</p>
        ) : (
          <HistoryTable prefectureCode={detail.code} rows={detail.rows} canChange={detail.canChange} />
        )}
      </section>
      <RevisionLog log={detail.log} />
      {detail.canChange && !detail.revision ? <AddRevisionForm today={today} prefectures={ownPrefectures} defaultPrefecture={detail.code} /> : null}
    </>
  );
}
