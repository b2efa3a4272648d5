/** 入力内容の確認結果: the findings of the content under review on today's minimum wages, red and orange, by screen. */
import type { Page } from "../route";

export function FindingsSection({ findings }: { findings: Page["findings"] }) {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  return (
    <section aria-labelledby="findings-title" className="mb-10">
      <h2 id="findings-title" className="mb-4 text-std-24B-150">
        入力内容の確認結果
      </h2>
      {findings.length === 0 ? (
        <p>エラーも確認事項もありません（本日時点の最低賃金などで確認しています）。</p>
      ) : (
        <>
          <p className="mb-4">本日時点の最低賃金などで確認した結果です。赤色のエラーが残っている間は受理できません。</p>
          {errors.length ? (
            <div className="mb-6">
              <h3 className="mb-2 text-std-20B-150 text-red-900">エラー（赤）{errors.length}件</h3>
              <ul className="list-disc space-y-2 pl-6" data-findings="error">
                {errors.map((f) => (
                  <li key={`${f.field}:${f.code}`} className="text-red-900">
                    <span className="text-std-16B-170">【{f.screen}】</span>
                    エラー：{f.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {warnings.length ? (
            <div className="mb-6">
              <h3 className="mb-2 text-std-20B-150 text-orange-900">確認事項（オレンジ）{warnings.length}件</h3>
              <ul className="list-disc space-y-2 pl-6" data-findings="warning">
                {warnings.map((f) => (
                  <li key={`${f.field}:${f.code}`} className="text-orange-900">
                    <span className="text-std-16B-170">【{f.screen}】</span>
                    確認：{f.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
