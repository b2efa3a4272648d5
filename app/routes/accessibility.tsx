import type { MetaFunction } from "@remix-run/cloudflare";

export const meta: MetaFunction = () => [{ title: "ウェブアクセシビリティ方針 | 求人者マイページ" }];

export default function AccessibilityPage() {
  return (
    <article aria-labelledby="a11y-title">
      <h1 id="a11y-title" className="mb-6 text-std-32B-150">
        ウェブアクセシビリティ方針
      </h1>
      <p className="mb-4">
        求人者マイページは、高齢の方や障害のある方を含むすべての利用者が、支障なく情報を得て手続きができるよう、JIS X 8341-3:2016
        の適合レベルAAに準拠することを目標としています。
      </p>
      <h2 className="mb-3 mt-8 text-std-22B-150">取り組み</h2>
      <ul className="list-disc pl-6">
        <li>すべての画面はキーボードだけで操作でき、JavaScriptを無効にしても手続きができます。</li>
        <li>入力に誤りがある場合は、項目のすぐそばに日本語で理由と直し方を表示し、入力した内容は消えません。</li>
        <li>自動テストで、表示するすべての画面をアクセシビリティ検査ツール（axe-core）により検査しています。</li>
        <li>デジタル庁デザインシステムの色・文字の大きさを用い、十分なコントラストを確保しています。</li>
      </ul>
    </article>
  );
}
