/**
 * 求職情報検索 (R-SEARCH-1, issue 12): the employer searches the seekers who chose to publish their profile — anonymised:
 * a 公開番号 instead of the 求職番号, an age band, places down to the municipality; never 氏名, カナ, 住所, 電話, メール
 * or 生年月日. A GET form (works without JavaScript, a result page can be bookmarked): キーワード (自己PR, 職歴, 希望職種,
 * 免許・資格), 希望職種, 希望勤務地, 年齢層, 雇用形態, フルタイム/パート, 免許・資格, 賃金 (the employer's offer: seekers who
 * want at most that), 並び順; 30 a page, the pager keeping every filter. Guards: requireEmployer, capability `search`
 * (refused: the reason, no results). Data: search.server.ts.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, queryFields, RadioGroupField, SelectField, TextField } from "../../components/form";
import { Pager } from "../../components/pager";
import { SearchRouteError } from "../../components/direct-requests";
import { TableHead } from "../../components/table";
import { SEEKER_SEARCH_TEXT_MAX } from "../../lib/schemas/seeker-search";
import { searchPage } from "./search.server";

const SEARCH_PATH = "/mypage/search";

export const meta: MetaFunction = () => [{ title: "求職情報検索 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return searchPage(request, context);
}

type Data = Awaited<ReturnType<typeof searchPage>>;

function SearchForm({ values, errors, options }: Pick<Data, "values" | "errors" | "options">) {
  const field = queryFields(values, errors);
  return (
    <Form method="get" action={SEARCH_PATH} className="grid gap-x-6 md:grid-cols-2">
      <TextField
        meta={field("q")}
        label="キーワード"
        marker={false}
        hint={`自己PR・職歴・希望職種・免許・資格に含まれる言葉。スペースで区切ると、すべてを含む求職者を探します（${SEEKER_SEARCH_TEXT_MAX}文字以内）。`}
        className="md:col-span-2"
      />
      <TextField meta={field("occupation")} label="希望職種" marker={false} hint="例：介護職員、ドライバー" />
      <TextField meta={field("licence")} label="免許・資格" marker={false} hint="例：介護福祉士、フォークリフト" />
      <SelectField meta={field("pref", true)} label="希望勤務地（都道府県）" marker={false} placeholder="指定しない" options={options.prefectures} />
      <SelectField
        meta={field("muni", true)}
        label="希望勤務地（市区町村）"
        marker={false}
        placeholder="指定しない"
        options={options.municipalities}
        hint="都道府県を選んで検索すると、その市区町村から選べます。"
      />
      <SelectField meta={field("age", true)} label="年齢層" marker={false} placeholder="指定しない" options={options.ages} />
      <SelectField meta={field("type", true)} label="雇用形態" marker={false} placeholder="指定しない" options={options.types} />
      <RadioGroupField
        meta={field("style", true)}
        label="フルタイム・パート"
        marker={false}
        options={[{ value: "", label: "指定しない" }, ...options.styles]}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField meta={field("wageForm", true)} label="賃金の形態" marker={false} placeholder="指定しない" options={options.wageForms} />
        <TextField meta={field("wage")} label="賃金（円）" marker={false} hint="この金額以下を希望する求職者を探します。" inputMode="numeric" />
      </div>
      <SelectField meta={field("sort", true)} label="並び順" marker={false} placeholder="新着順" options={options.sorts.filter((s) => s.value !== "updated")} />
      <div className="flex flex-wrap items-center gap-4 md:col-span-2">
        <Button>検索する</Button>
        <Link to={SEARCH_PATH} className="px-2 py-3 text-std-16N-170">
          条件をクリア
        </Link>
      </div>
    </Form>
  );
}

function Results({ rows, pages, sortLabel }: Pick<Data, "rows" | "pages" | "sortLabel">) {
  if (!pages) return null;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" className="mb-4 text-std-24B-150">
        検索結果
      </h2>
      <p role="status" className="mb-4" data-result-count>
        {pages.total === 0
          ? "条件に合う求職者は見つかりませんでした。キーワードを減らすか、条件を変えて検索してください。"
          : `${pages.total}人の求職者が見つかりました（${pages.from}〜${pages.to}人目を表示、${sortLabel}）。`}
      </p>
      {rows.length > 0 ? (
        <div className="mb-6 overflow-x-auto">
          <table className="w-full min-w-[64rem] border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">検索結果の求職者（公開番号をえらぶと詳細と直接リクエスト）</caption>
            <TableHead columns={["公開番号", "年齢層", "希望職種", "希望勤務地", "雇用形態", "希望賃金", "希望就業時間", "免許・資格", "自己PR"]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.publicNumber} className="border-b border-solid-gray-420 align-top" data-public-number={r.publicNumber}>
                  <th scope="row" className="whitespace-nowrap p-2 font-normal">
                    <Link to={`${SEARCH_PATH}/${r.publicNumber}`} className="text-std-16B-170" aria-label={`公開番号 ${r.publicNumberLabel} の詳細`}>
                      {r.publicNumberLabel}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap p-2">{r.ageBand}</td>
                  <td className="p-2">{r.occupation}</td>
                  <td className="p-2">{r.place}</td>
                  <td className="p-2">{r.employment}</td>
                  <td className="whitespace-nowrap p-2">{r.wage}</td>
                  <td className="p-2">{r.hours}</td>
                  <td className="p-2">{r.licences}</td>
                  <td className="p-2">{r.selfPr}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager label="検索結果のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
    </section>
  );
}

export default function SeekerSearch() {
  const { values, errors, options, rows, pages, sortLabel } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-4 text-std-32B-150">求職情報検索</h1>
      <p className="mb-6">
        求職情報の公開を希望している求職者を検索できます。氏名・住所・連絡先など個人を特定できる情報は表示されません。公開番号から詳細を確認し、自社の求人への直接リクエストを送れます。
      </p>
      <section aria-labelledby="conditions-title" className="mb-10 rounded-8 border border-solid-gray-420 p-4">
        <h2 id="conditions-title" className="mb-4 text-std-24B-150">
          検索条件
        </h2>
        {Object.keys(errors).length > 0 ? (
          <p role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
            検索条件に誤りがあります。各項目のメッセージを確認してください。
          </p>
        ) : null}
        <SearchForm values={values} errors={errors} options={options} />
      </section>
      <Results rows={rows} pages={pages} sortLabel={sortLabel} />
      <p className="mt-6 flex flex-wrap gap-6">
        <Link to="/mypage/requests">送った直接リクエスト</Link>
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <SearchRouteError back={{ to: "/mypage", label: "マイページトップへ戻る" }} />;
}
