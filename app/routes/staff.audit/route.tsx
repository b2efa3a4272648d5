/**
 * 監査ログ (R-AUDIT-1, issue 13): every officer browses the audit log of their own office — newest first, 50 a page — and
 * filters it by 事業所 (事業所番号, name, or the id an erasure report shows), 職員, 操作 and 期間 (JST dates, inclusive)
 * in a GET form that works without JavaScript; 「CSVでダウンロード」 exports the same entries (../staff.audit[.csv].tsx).
 * Guard: requireStaff. Data: audit.server.ts.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, queryFields, SelectField, TextField } from "../../components/form";
import { Pager } from "../../components/pager";
import { StaffHeader } from "../../components/staff-header";
import { TableHead } from "../../components/table";
import { AUDIT_ESTABLISHMENT_MAX } from "../../lib/schemas/audit-filter";
import { erasedTableLabel } from "../../lib/audit-labels";
import { AUDIT_PATH } from "../../lib/audit-view";
import { auditPage } from "./audit.server";

export const meta: MetaFunction = () => [{ title: "監査ログ | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return auditPage(request, context);
}

type Data = Awaited<ReturnType<typeof auditPage>>;

function FilterForm({ values, errors, options }: Pick<Data, "values" | "errors" | "options">) {
  const field = queryFields(values, errors);
  return (
    <Form method="get" action={AUDIT_PATH} className="grid gap-x-6 md:grid-cols-2">
      <TextField
        meta={field("establishment")}
        label="事業所"
        marker={false}
        hint={`事業所番号または事業所名（${AUDIT_ESTABLISHMENT_MAX}文字以内）。消去された事業所は、消去の記録に表示された事業所IDで探せます。`}
      />
      <SelectField meta={field("staff", true)} label="職員" marker={false} placeholder="指定しない" options={options.officers} />
      <SelectField meta={field("action", true)} label="操作" marker={false} placeholder="指定しない" options={options.actions} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField meta={field("from")} label="期間（開始日）" marker={false} hint="例：2026-11-01" inputMode="numeric" />
        <TextField meta={field("to")} label="期間（終了日）" marker={false} hint="例：2026-11-30（この日を含みます）" inputMode="numeric" />
      </div>
      <div className="flex flex-wrap items-center gap-4 md:col-span-2">
        <Button>絞り込む</Button>
        <Link to={AUDIT_PATH} className="px-2 py-3 text-std-16N-170">
          条件をクリア
        </Link>
      </div>
    </Form>
  );
}

function Details({ details, counts }: Pick<Data["rows"][number], "details" | "counts">) {
  return (
    <>
      {details.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-dns-14N-130">
          {details.map(([label, value], i) => (
            <div key={i} className="contents">
              <dt className="font-bold">{label}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {counts ? (
        <table className="mt-2 border-collapse text-dns-14N-130">
          <caption className="text-left font-bold">消去した件数（テーブル別）</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-solid-gray-420 px-2 text-left">
                テーブル
              </th>
              <th scope="col" className="border border-solid-gray-420 px-2 text-right">
                件数
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([table, n]) => (
              <tr key={table}>
                <th scope="row" className="border border-solid-gray-420 px-2 text-left font-normal">
                  {erasedTableLabel(table)}
                </th>
                <td className="border border-solid-gray-420 px-2 text-right">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function Entries({ rows, pages, csvHref, csvCapped, csvMax }: Pick<Data, "rows" | "pages" | "csvHref" | "csvCapped" | "csvMax">) {
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title" className="mb-4 text-std-24B-150">
        記録（{pages.total}件）
      </h2>
      <p className="mb-4 flex flex-wrap items-center gap-4">
        {/* A download, not a page: reloadDocument leaves Remix's client navigation out. */}
        <Link to={csvHref} reloadDocument className="text-std-16B-170">
          CSVでダウンロード
        </Link>
        <span className="text-dns-14N-130">
          {csvCapped
            ? `該当する記録が多いため、CSVには新しい順に${csvMax.toLocaleString("ja-JP")}件まで入ります。期間を絞ってダウンロードしてください。`
            : `絞り込んだ記録をCSV（UTF-8、Excel対応）で保存します（新しい順に${csvMax.toLocaleString("ja-JP")}件まで）。`}
        </span>
      </p>
      {rows.length === 0 ? (
        <p role="status">条件に合う記録はありません。</p>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="w-full min-w-[64rem] border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">監査ログ（新しい順）</caption>
            <TableHead columns={["日時", "操作者", "操作", "対象", "詳細"]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-audit-id={r.id}>
                  <td className="whitespace-nowrap p-2">{r.at}</td>
                  <td className="p-2">{r.actor}</td>
                  <td className="p-2">{r.action}</td>
                  <td className="break-all p-2">{r.target}</td>
                  <td className="p-2">
                    <Details details={r.details} counts={r.counts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label="監査ログのページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
    </section>
  );
}

export default function StaffAudit() {
  const { staff, values, errors, valid, options, rows, pages, csvHref, csvCapped, csvMax } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-4 text-std-32B-150">監査ログ</h1>
      <p className="mb-6">
        {staff.officeName}
        の記録です。職員の操作、事業所の状態の変更（利用制限、利用不可、退会、消去など）、選考結果の登録などを、変更と同時に記録しています。記録は変更・削除できません。
      </p>
      <section aria-labelledby="filter-title" className="mb-10 rounded-8 border border-solid-gray-420 p-4">
        <h2 id="filter-title" className="mb-4 text-std-24B-150">
          絞り込み
        </h2>
        {valid ? null : (
          <p role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
            絞り込みの条件に誤りがあります。各項目のメッセージを確認してください。
          </p>
        )}
        <FilterForm values={values} errors={errors} options={options} />
      </section>
      {valid ? <Entries rows={rows} pages={pages} csvHref={csvHref} csvCapped={csvCapped} csvMax={csvMax} /> : null}
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
