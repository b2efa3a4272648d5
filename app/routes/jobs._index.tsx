/**
 * 求人情報検索 (public, R-JOB-2, R-JOB-4): a GET form — works without JavaScript, the address of a result page can be
 * bookmarked — over the postings valid today whose 公開希望 is 1–3, newest 受理 first, 30 per page. Postings of
 * 公開希望 2 and 3 are listed without the establishment's name. Filters: keyword (全角・半角 alike), 就業場所の都道府県,
 * 雇用形態, 求人区分 and the 求人番号. A parameter that is not a valid choice is answered with a message beside its
 * field, never with an error page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, optionsOf, plainField, RadioGroupField, SelectField, TextField } from "../components/form";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { EMPLOYMENT_TYPES } from "../lib/schemas/posting";
import {
  MAX_PAGE,
  normalizeJobNumber,
  PAGE_SIZE,
  POSTING_KINDS,
  searchPublicPostingsAcross,
  type PublicSearchFilters,
  type PublicSearchResult,
} from "../models/job-search.server";
import { PREFECTURE_NAMES } from "../lib/prefectures";
import { shardsOf } from "../utils/shards.server";

export const meta: MetaFunction = () => [
  { title: "求人情報検索 | ハローワークインターネットサービス" },
  { name: "description", content: "ハローワークが受理した有効中の求人を、キーワード・就業場所・雇用形態などで検索できます。" },
];

/** 都道府県 in JIS order ("01"–"47"; Object.entries would put "10"–"47" first, as integer-like keys). */
const PREFECTURES = Object.entries(PREFECTURE_NAMES).sort(([a], [b]) => a.localeCompare(b));

/** Longest keyword input accepted (characters). */
const KEYWORD_MAX = 100;

type FieldName = "q" | "pref" | "type" | "kind" | "no";

/** What the form shows again: the raw values (cut to a sane length) and a message per field. */
interface SearchForm {
  values: Record<FieldName, string>;
  errors: Partial<Record<FieldName, string>>;
}

function readForm(params: URLSearchParams): { form: SearchForm; filters: PublicSearchFilters; page: number } {
  const raw = (name: FieldName) => [...(params.get(name) ?? "")].slice(0, 300).join("");
  const values: Record<FieldName, string> = { q: raw("q"), pref: raw("pref"), type: raw("type"), kind: raw("kind"), no: raw("no") };
  const errors: SearchForm["errors"] = {};
  const filters: PublicSearchFilters = {};

  const keyword = values.q.normalize("NFKC").trim();
  if ([...keyword].length > KEYWORD_MAX) errors.q = `キーワードは${KEYWORD_MAX}文字以内で入力してください。`;
  else if (keyword) filters.keyword = keyword;

  if (values.pref) {
    if (Object.hasOwn(PREFECTURE_NAMES, values.pref)) filters.prefectureCode = values.pref;
    else errors.pref = "就業場所の都道府県は、一覧から選んでください。";
  }
  if (values.type) {
    const type = EMPLOYMENT_TYPES.find((t) => t === values.type);
    if (type) filters.employmentType = type;
    else errors.type = "雇用形態は、一覧から選んでください。";
  }
  if (values.kind) {
    const kind = POSTING_KINDS.find((k) => k === values.kind);
    if (kind) filters.kind = kind;
    else errors.kind = "求人区分は、フルタイムかパートを選んでください。";
  }
  const jobNumber = normalizeJobNumber(values.no);
  if (jobNumber === undefined) errors.no = "求人番号は「13010-45892141」のように、5桁と8桁の数字をハイフン（-）でつないで入力してください。";
  else if (jobNumber) filters.jobNumber = jobNumber;

  const pageRaw = (params.get("page") ?? "").normalize("NFKC").trim();
  const pageNumber = /^\d{1,6}$/.test(pageRaw) ? Number(pageRaw) : 1;
  const page = Math.min(Math.max(1, pageNumber), MAX_PAGE);
  return { form: { values, errors }, filters, page };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { form, filters, page } = readForm(new URL(request.url).searchParams);
  const valid = Object.keys(form.errors).length === 0;
  // Every shard that can hold a match (one today: exactly the single database's query).
  const shards = shardsOf(context.cloudflare.env);
  const result: PublicSearchResult | null = valid ? await searchPublicPostingsAcross(shards, todayJst(context.clock), filters, page) : null;
  // The query of the page links: the accepted filters in their canonical form.
  const query: Record<string, string> = {};
  if (filters.keyword) query.q = filters.keyword;
  if (filters.prefectureCode) query.pref = filters.prefectureCode;
  if (filters.employmentType) query.type = filters.employmentType;
  if (filters.kind) query.kind = filters.kind;
  if (filters.jobNumber) query.no = filters.jobNumber;
  const from = result && result.rows.length > 0 ? (result.page - 1) * PAGE_SIZE + 1 : 0;
  const to = result ? from + result.rows.length - 1 : 0;
  return { form, result, query, from, to, kinds: POSTING_KINDS };
}

function pageHref(query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/jobs?${search}` : "/jobs";
}

function Pagination({ result, query }: { result: PublicSearchResult; query: Record<string, string> }) {
  if (result.pageCount <= 1) return null;
  const { page, pageCount } = result;
  const first = Math.max(1, Math.min(page - 2, pageCount - 4));
  const pages = Array.from({ length: Math.min(5, pageCount) }, (_, i) => first + i).filter((p) => p <= pageCount);
  return (
    <nav aria-label="検索結果のページ" className="mt-8 print:hidden">
      <ul className="flex flex-wrap items-center gap-2 text-dns-16N-130">
        {page > 1 ? (
          <li>
            <Link to={pageHref(query, page - 1)} className="inline-block px-3 py-2">
              前のページ
            </Link>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="inline-block rounded-8 bg-blue-900 px-3 py-2 text-white">
                {p}
              </span>
            ) : (
              <Link to={pageHref(query, p)} className="inline-block px-3 py-2" aria-label={`${p}ページ目`}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={pageHref(query, page + 1)} className="inline-block px-3 py-2">
              次のページ
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export default function JobSearch() {
  const { form, result, query, from, to, kinds } = useLoaderData<typeof loader>();
  const { values, errors } = form;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <h1 className="mb-4 text-std-32B-150">求人情報検索</h1>
      <p className="mb-8 text-std-17N-170">
        ハローワークが受理した有効中の求人のうち、公開を希望している求人を掲載しています。事業所名等を公開していない求人もあります。
      </p>

      <section aria-labelledby="search-title" className="mb-10">
        <h2 id="search-title" className="mb-4 text-std-24B-150">
          検索条件
        </h2>
        {hasErrors ? (
          <p role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
            検索条件に誤りがあります。各項目のメッセージを確認してください。
          </p>
        ) : null}
        <Form method="get" action="/jobs" className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            meta={plainField("q", values.q, errors.q)}
            label="キーワード"
            marker={false}
            hint={`職種・仕事内容・就業場所などに含まれる言葉。スペースで区切ると、すべてを含む求人を探します（${KEYWORD_MAX}文字以内）。`}
            className="sm:col-span-2"
          />
          <SelectField
            meta={plainField("pref", errors.pref ? "" : values.pref, errors.pref)}
            label="就業場所（都道府県）"
            marker={false}
            placeholder="指定しない"
            options={PREFECTURES.map(([code, name]) => ({ value: code, label: name }))}
          />
          <SelectField
            meta={plainField("type", errors.type ? "" : values.type, errors.type)}
            label="雇用形態"
            marker={false}
            placeholder="指定しない"
            options={optionsOf(EMPLOYMENT_TYPES)}
          />
          <RadioGroupField
            meta={plainField("kind", errors.kind ? "" : values.kind, errors.kind)}
            label="求人区分"
            marker={false}
            options={[{ value: "", label: "指定しない" }, ...optionsOf(kinds)]}
          />
          <TextField
            meta={plainField("no", values.no, errors.no)}
            label="求人番号"
            marker={false}
            hint="例：13010-45892141（求人番号がわかる場合）"
            inputMode="numeric"
            autoComplete="off"
          />
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
            <Button>検索する</Button>
            <Link to="/jobs" className="px-2 py-3 text-std-16N-170">
              条件をクリア
            </Link>
          </div>
        </Form>
      </section>

      {result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="mb-4 text-std-24B-150">
            検索結果
          </h2>
          {result.total === 0 ? (
            <p role="status" className="rounded-8 bg-solid-gray-50 p-4">
              条件に合う求人は見つかりませんでした。キーワードを減らすか、条件を変えて検索してください。
            </p>
          ) : result.rows.length === 0 ? (
            <p role="status" className="rounded-8 bg-solid-gray-50 p-4">
              {`${result.total}件の求人がありますが、このページには表示する求人がありません。`}
              <Link to={pageHref(query, 1)}>最初のページへ</Link>
            </p>
          ) : (
            <>
              <p role="status" className="mb-4 text-std-17N-170">
                {`${result.total}件の求人が見つかりました（${from}〜${to}件目を表示、新しく受理された順）。`}
              </p>
              <ol className="grid gap-4">
                {result.rows.map((r) => (
                  <li key={r.jobNumber} className="rounded-8 border border-solid-gray-420 p-4">
                    <article aria-labelledby={`job-${r.jobNumber}`}>
                      <h3 id={`job-${r.jobNumber}`} className="mb-2 text-std-20B-150">
                        <Link to={`/jobs/${r.jobNumber}`}>{r.jobTitle || "（職種未設定）"}</Link>
                      </h3>
                      <p className="mb-3 text-dns-16N-130">{r.establishmentName ?? "事業所名等は公開していません"}</p>
                      <dl className="grid gap-x-6 gap-y-1 text-dns-16N-130 sm:grid-cols-[auto_1fr_auto_1fr]">
                        <dt className="font-bold">就業場所</dt>
                        <dd>{r.prefecture}</dd>
                        <dt className="font-bold">雇用形態</dt>
                        <dd>{r.employmentType}</dd>
                        <dt className="font-bold">賃金</dt>
                        <dd>{r.wage}</dd>
                        <dt className="font-bold">求人区分</dt>
                        <dd>{r.kind}</dd>
                        <dt className="font-bold">受付年月日</dt>
                        <dd>{formatJapaneseDate(r.acceptedOn)}</dd>
                        <dt className="font-bold">紹介期限日</dt>
                        <dd>{formatJapaneseDate(r.validUntil)}</dd>
                        <dt className="font-bold">求人番号</dt>
                        <dd>{r.jobNumber}</dd>
                      </dl>
                    </article>
                  </li>
                ))}
              </ol>
              <Pagination result={result} query={query} />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
