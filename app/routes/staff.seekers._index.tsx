/**
 * 求職者一覧 (issue 11): the seekers registered at the officer's office only, newest first, searchable by 氏名, カナ or
 * 求職番号 (full-width digits and dashes accepted), 50 a page (`?page=N`). The list rides in the guard's batch.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffSearchForm } from "../components/staff-search";
import { Pager } from "../components/pager";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJapaneseDate, jstDate, todayJst } from "../lib/clock";
import { pageHref, pageInfo, requestedPage } from "../lib/paging";
import { seekersPageQuery } from "../models/seekers.server";
import { ROLE_LABELS } from "../models/staff.server";
import { ageOn } from "../rules/referral";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "求職者一覧 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 40);
  const asked = requestedPage(params);
  const { staff, office, clock, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ seekers: seekersPageQuery(db, officeCode, { q, page: asked }) }),
  });
  const today = todayJst(clock);
  const { page, pageCount, total } = pageInfo(reads.seekers, asked);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    q,
    pages: {
      page,
      pageCount,
      total,
      prev: page > 1 ? pageHref("/staff/seekers", params, page - 1) : null,
      next: page < pageCount ? pageHref("/staff/seekers", params, page + 1) : null,
    },
    seekers: reads.seekers.map((s) => ({
      id: s.id,
      seekerNumber: s.seekerNumber,
      name: s.name,
      nameKana: s.nameKana,
      age: ageOn(s.birthDate, today),
      desiredOccupation: s.desiredOccupation,
      registeredOn: formatJapaneseDate(jstDate(s.createdAt)),
    })),
  };
}

export default function StaffSeekers() {
  const { staff, q, seekers, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">求職者一覧</h1>
      <p className="mb-6">
        {staff.officeName}で求職登録した方です。求職者を選ぶと、登録内容の確認・変更と求人への紹介ができます。
        <Link to="/staff/seekers/new" className="ml-2 text-std-16B-170">
          求職者を登録する
        </Link>
      </p>
      <StaffSearchForm name="求職者の検索" label="氏名・カナまたは求職番号" q={q} maxLength={40} />
      <section aria-labelledby="result-title">
        <h2 id="result-title" className="mb-4 text-std-24B-150">
          {q ? `「${q}」の検索結果（${pages.total}件）` : `求職者（${pages.total}件）`}
        </h2>
        {seekers.length === 0 ? (
          <p>該当する求職者はいません。</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">求職者の一覧</caption>
            <TableHead columns={["求職番号", "氏名（カナ）", "年齢", "希望職種", "登録日"]} />
            <tbody>
              {seekers.map((s) => (
                <tr key={s.id} className="border-b border-solid-gray-420">
                  <td className="p-2 whitespace-nowrap">{s.seekerNumber}</td>
                  <td className="p-2">
                    <Link to={`/staff/seekers/${s.id}`}>{s.name}</Link>
                    <span className="block text-dns-14N-130">{s.nameKana}</span>
                  </td>
                  <td className="p-2 whitespace-nowrap">{s.age}歳</td>
                  <td className="p-2">{s.desiredOccupation}</td>
                  <td className="p-2 whitespace-nowrap">{s.registeredOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager label="求職者の一覧のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      </section>
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
