/**
 * 入力内容の確認 of a working copy (a draft, a returned posting, a 内容変更): the findings of the whole 求人票 by wizard
 * screen, each screen linked; red ones block 申込み (and a 更新求人 waits for its window), orange ones are for a last look.
 */
import { Form, Link } from "@remix-run/react";
import { Button } from "../../../components/form";
import type { Page } from "../route";
import { FindingList, Refusal } from "./parts";

export function CheckSection({ page }: { page: Page }) {
  if (!page.stage) return null;
  const here = `/mypage/postings/${page.id}`;
  const renewalClosed = page.renewalOf?.window && !page.renewalOf.window.allowed ? page.renewalOf.window.reason : null;
  return (
    <section aria-labelledby="check-title" className="mb-10">
      <h2 id="check-title" className="mb-4 text-std-24B-150">
        入力内容の確認
      </h2>
      {page.screens.length === 0 ? (
        <p className="mb-4" data-findings="none">
          入力内容に問題はありません。
        </p>
      ) : (
        <>
          <p className="mb-4">
            {page.errorCount > 0 ? `エラー（赤）が${page.errorCount}件あります。エラーをすべて修正すると申し込めます。` : "エラーはありません。"}
            {page.warningCount > 0 ? `確認事項（オレンジ）が${page.warningCount}件あります。内容に間違いがないか、もう一度確認してください。` : ""}
          </p>
          <ul className="mb-4 flex flex-col gap-4">
            {page.screens.map((s) => (
              <li key={s.number} className="rounded-8 border border-solid-gray-420 p-4" data-screen={s.number}>
                <h3 className="mb-2 text-std-18B-160">{`${s.number}. ${s.title}`}</h3>
                <FindingList items={s.errors} kind="error" />
                <FindingList items={s.warnings} kind="warning" />
                {page.decisions.edit.allowed ? <Link to={`${here}/step/${s.number}`}>{`「${s.title}」の画面で修正する`}</Link> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {page.decisions.edit.allowed ? (
        <details className="mb-6">
          <summary className="cursor-pointer text-std-16B-170">入力画面の一覧（画面を選んで修正できます）</summary>
          <ol className="mt-2 list-decimal pl-6">
            {page.steps.map((s) => (
              <li key={s.number}>
                <Link to={`${here}/step/${s.number}`}>{s.title}</Link>
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <h3 className="mb-4 text-std-20B-150">{page.stage === "change" ? "内容変更の申込み" : "求人の申込み"}</h3>
      {!page.decisions.submit.allowed ? (
        <Refusal
          reason={page.decisions.submit.reason}
          what={page.stage === "change" ? "求人の内容変更" : "求人の申込み"}
          capability={page.stage === "change" ? "postings.change" : "postings.apply"}
        />
      ) : (
        <>
          {page.errorCount > 0 ? <p className="mb-4 text-dns-16B-130 text-red-900">エラー（赤）を修正するまで申し込めません。</p> : null}
          {renewalClosed ? <p className="mb-4 text-dns-16B-130 text-red-900">{renewalClosed}</p> : null}
          <div className="flex flex-wrap gap-4">
            {page.errorCount === 0 && !renewalClosed ? (
              <Form method="post">
                <Button name="intent" value="submit">
                  {page.stage === "change" ? "内容変更を申し込む" : "この内容で申し込む"}
                </Button>
              </Form>
            ) : null}
            <Form method="post">
              <Button variant="secondary" name="intent" value="edit">
                {page.status === "draft" ? "入力を続ける" : "入力画面で修正する"}
              </Button>
            </Form>
            {page.stage === "change" ? (
              <Form method="post">
                <Button variant="secondary" name="intent" value="discardChange">
                  内容変更を取り消す
                </Button>
              </Form>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
