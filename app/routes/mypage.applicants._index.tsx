/**
 * 応募者管理 (R-REF-2): the establishment's applicants — referrals (紹介) and, later, online applications — overall or
 * for one posting (`?posting=ID`), by state (`?status=screening|hired|rejected|declined`), sorted by 紹介日 (new / old)
 * or 経過日数 (`?sort=new|old|days`), 50 a page (`?page=N`). Each row: 氏名 (linking the applicant), 年齢, 求人番号・職種,
 * 応募経路 (ハローワーク紹介 / オンライン自主応募), 紹介元, 紹介日・応募日, 経過日数, 状態, and 「未登録（3週間経過）」 from day 21 without a result (rules/referral isOverdue).
 * Only while R-GATE-1 allows (`applicants.view`: a valid posting, or an open R-REF-3 window of some referral); refused
 * with the reason otherwise. The rows are the establishment's only (scoped in SQL).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ApplicantRouteError } from "../components/applicant-error";
import { Button, plainField, SelectField } from "../components/form";
import { Pager } from "../components/pager";
import { TableHead } from "../components/table";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { LIST_PAGE_SIZE, pageHref, pageInfo, requestedPage } from "../lib/paging";
import {
  APPLICANT_SORTS,
  APPLICANT_STATUSES,
  applicantFilterOf,
  applicantRowView,
  applicantsPageQuery,
  referredPostingsQuery,
} from "../models/applicants.server";
import { REFERRAL_STATUS_LABELS } from "../rules/referral";
import { requireEmployer } from "../utils/auth.server";
import { requireCapability } from "../utils/capabilities.server";

export const meta: MetaFunction = () => [{ title: "応募者管理 | 求人者マイページ" }];

const PATH = "/mypage/applicants";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filter = applicantFilterOf(params, requestedPage(params));
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ rows: applicantsPageQuery(db, establishmentId, filter), postings: referredPostingsQuery(db, establishmentId) }),
  });
  requireCapability(employer, "applicants.view");
  const today = todayJst(employer.clock);
  const { rows, postings } = employer.reads;
  const { page, pageCount, total } = pageInfo(rows, filter.page);
  const shown = rows.map((row) => applicantRowView(row, today));
  const posting = filter.postingId ? (postings.find((p) => p.id === filter.postingId) ?? null) : null;
  return {
    rows: shown.map((row) => ({ ...row, referredOn: formatJapaneseDate(row.referredOn) })),
    filter: { posting: filter.postingId ?? "", status: filter.status ?? "", sort: filter.sort },
    statusOptions: APPLICANT_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })),
    sortOptions: Object.entries(APPLICANT_SORTS).map(([value, label]) => ({ value, label })),
    postingTitle: posting ? `${posting.jobNumber ?? ""} ${posting.jobTitle ?? ""}`.trim() : null,
    postings: postings.map((p) => ({ value: p.id, label: `${p.jobNumber ?? "求人番号なし"} ${p.jobTitle || "（職種未入力）"}（${p.count}人）` })),
    pages: {
      page,
      pageCount,
      total,
      from: total === 0 ? 0 : (page - 1) * LIST_PAGE_SIZE + 1,
      to: (page - 1) * LIST_PAGE_SIZE + shown.length,
      prev: page > 1 ? pageHref(PATH, params, page - 1) : null,
      next: page < pageCount ? pageHref(PATH, params, page + 1) : null,
    },
  };
}

export default function ApplicantsList() {
  const { rows, filter, postings, postingTitle, pages, statusOptions, sortOptions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">応募者管理</h1>
      <p className="mb-6">
        ハローワークから紹介された応募者と、直接リクエストに応えてオンライン自主応募した応募者の一覧です（応募経路で区別できます）。応募者を選ぶと、応募者が開示に同意した情報と紹介の内容を確認し、選考結果を登録できます。紹介日から3週間を過ぎても選考結果が登録されていない応募者には「未登録（3週間経過）」と表示されます。
      </p>
      <section aria-labelledby="filter-title" className="mb-8 rounded-8 border border-solid-gray-420 p-4">
        <h2 id="filter-title" className="mb-4 text-std-20B-150">
          絞り込みと並べ替え
        </h2>
        <Form method="get" action={PATH} className="grid gap-x-6 md:grid-cols-3">
          <SelectField meta={plainField("posting", filter.posting)} label="求人" options={postings} placeholder="すべての求人" marker={false} />
          <SelectField meta={plainField("status", filter.status)} label="状態" options={statusOptions} placeholder="すべての状態" marker={false} />
          <SelectField meta={plainField("sort", filter.sort)} label="並び順" options={sortOptions} placeholder="紹介日の新しい順" marker={false} />
          <div className="md:col-span-3">
            <Button>この条件で表示する</Button>
          </div>
        </Form>
      </section>
      <p className="mb-4" data-page-count>
        {`${postingTitle ? `求人「${postingTitle}」の` : ""}応募者は${pages.total}人です${pages.pageCount > 1 ? `（${pages.from}〜${pages.to}人目を表示）` : ""}。`}
      </p>
      {rows.length === 0 ? (
        <p className="mb-10">条件に合う応募者はいません。</p>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="w-full min-w-[64rem] border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">応募者の一覧</caption>
            <TableHead columns={["氏名", "年齢", "求人番号・職種", "応募経路", "紹介元", "紹介日・応募日", "経過日数", "状態"]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-referral-id={r.id}>
                  <th scope="row" className="p-2 font-normal">
                    <Link to={`${PATH}/${r.id}`} className="break-all text-std-16B-170">
                      {r.name}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap p-2">{`${r.age}歳`}</td>
                  <td className="p-2">
                    <span className="block whitespace-nowrap">{r.jobNumber}</span>
                    <span className="break-all">{r.jobTitle}</span>
                  </td>
                  <td className="p-2" data-channel>
                    {r.channelLabel}
                  </td>
                  <td className="p-2">{r.officeName}</td>
                  <td className="whitespace-nowrap p-2">{r.referredOn}</td>
                  <td className="whitespace-nowrap p-2">{`${r.days}日`}</td>
                  <td className="p-2">
                    {r.statusLabel}
                    {r.overdue ? (
                      <strong className="mt-1 block text-dns-14B-130 text-red-900" data-overdue>
                        未登録（3週間経過）
                      </strong>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager label="応募者の一覧のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      <p className="mt-6">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <ApplicantRouteError back={{ to: "/mypage", label: "マイページトップへ戻る" }} />;
}
