/**
 * 入力内容の確認結果: the findings of a 求人票 on today's minimum wages, red and orange, each with its wizard screen. The
 * officer's review (/staff/postings/:id) and the 仮登録's 求人 (the registrant's /provisional and the officer's
 * /staff/provisional/:id, ADR 0016) show it.
 */
import type { ReactNode } from "react";

export interface ScreenFinding {
  field: string;
  code: string;
  severity: "error" | "warning";
  message: string;
  /** The title of the wizard screen the field is on. */
  screen: string;
}

export function FindingsSection({
  findings,
  id = "findings-title",
  level = 2,
  note = "本日時点の最低賃金などで確認した結果です。赤色のエラーが残っている間は受理できません。",
}: {
  findings: readonly ScreenFinding[];
  /** The heading's id (the section is labelled by it). */
  id?: string;
  level?: 2 | 3;
  note?: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  return (
    <section aria-labelledby={id} className="mb-10">
      <Heading id={id} className="mb-4 text-std-24B-150">
        入力内容の確認結果
      </Heading>
      {findings.length === 0 ? (
        <p>エラーも確認事項もありません（本日時点の最低賃金などで確認しています）。</p>
      ) : (
        <>
          <p className="mb-4">{note}</p>
          {errors.length ? (
            <div className="mb-6">
              <Sub className="mb-2 text-std-20B-150 text-red-900">エラー（赤）{errors.length}件</Sub>
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
              <Sub className="mb-2 text-std-20B-150 text-orange-900">確認事項（オレンジ）{warnings.length}件</Sub>
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
