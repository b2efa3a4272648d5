/** The 求人 of the 仮登録 as the officer sees it before 本登録 (ADR 0016): what 本登録 will make of it, its findings, the 求人票. */
import { Kyujinhyo } from "../../../components/kyujinhyo";
import { FindingsSection, type ScreenFinding } from "../../../components/posting-findings";
import type { KyujinhyoView } from "../../../lib/posting-view";

export interface ProvisionalPostingView {
  jobTitle: string;
  reached: number;
  /** What 本登録 makes of it: 申込み済み in the office's queue, or a draft of the new establishment. */
  status: "submitted" | "draft";
  findings: ScreenFinding[];
  kyujinhyo: KyujinhyoView;
}

export function ProvisionalPostingSection({
  posting,
  officeName,
  completed,
}: {
  posting: ProvisionalPostingView | null;
  officeName: string;
  completed: boolean;
}) {
  return (
    <section aria-labelledby="provisional-posting-title" className="mb-10">
      <h2 id="provisional-posting-title" className="mb-4 text-std-24B-150">
        求人（仮登録で入力された求人情報）
      </h2>
      {!posting ? (
        <p>
          {completed
            ? "仮登録の求人情報はありません（本登録の際に求人として引き継がれたか、入力されていません）。"
            : "求人情報は入力されていません（事業所情報だけの仮登録です）。本登録では事業所だけを登録します。"}
        </p>
      ) : (
        <>
          <p className="mb-2">
            職種：<strong>{posting.jobTitle || "（未入力）"}</strong>（入力した画面：{posting.reached}/8）
          </p>
          <p className="mb-6 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4" data-provisional-posting={posting.status}>
            {posting.status === "submitted"
              ? `本登録すると、この求人は${officeName}の「求人の確認」に申込み済みとして入ります（事業主が申し込んだものとして扱います）。受理・修正依頼は、求人の確認で行ってください。`
              : "8画面の入力が終わっていないか、赤色のエラーが残っています。本登録すると、この求人は事業所の下書きとして求人者マイページに引き継がれ、事業主が入力を続けて申し込みます。"}
          </p>
          <FindingsSection
            findings={posting.findings}
            id="provisional-findings-title"
            level={3}
            note="本日時点の最低賃金などで確認した結果です。求人の内容は本登録の画面では訂正しません。本登録の後、求人の確認で受理するか、修正依頼をしてください。"
          />
          <h3 className="mb-4 text-std-20B-150">求人票（仮登録の内容）</h3>
          <Kyujinhyo {...posting.kyujinhyo} headingLevel={3} />
        </>
      )}
    </section>
  );
}
