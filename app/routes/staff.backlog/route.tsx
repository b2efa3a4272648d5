/**
 * 選考結果の未登録（事業所別） (R-GATE-4): the officer's office's establishments by the number of referrals without a
 * result 21 or more days after the 紹介日, most first — every one with at least 40 (要連絡 from 40 to 50, so the office
 * can call before the restriction falls) and every restricted one (制限中) — with the count, the oldest 紹介日 and a link
 * to its restriction page; one grouped query in the guard's batch, 50 a page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "../../components/pager";
import { StaffHeader } from "../../components/staff-header";
import { TableHead } from "../../components/table";
import { formatJapaneseDate, todayJst } from "../../lib/clock";
import { pageHref, pageInfo, requestedPage } from "../../lib/paging";
import { backlogPageQuery } from "../../models/gates/restriction.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { BACKLOG_LIMIT, BACKLOG_WATCH_FROM, backlogLevel } from "../../rules/referral";
import { requireStaff } from "../../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "選考結果の未登録（事業所別） | 求人者マイページ" }];

/** The mark of a row: 制限中 (restricted), 制限対象 (over the limit, restricted at the next daily check), 要連絡 (40–50). */
function markOf(restricted: boolean, overdue: number): { label: string; tone: "red" | "yellow" } | null {
  if (restricted) return { label: "制限中", tone: "red" };
  const level = backlogLevel(overdue);
  if (level === "over") return { label: "制限対象（次回の確認で制限）", tone: "red" };
  if (level === "watch") return { label: "要連絡", tone: "yellow" };
  return null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const requested = requestedPage(params);
  const today = todayJst(context.clock);
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ rows: backlogPageQuery(db, officeCode, today, requested) }),
  });
  const info = pageInfo(reads.rows, requested);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    rows: reads.rows.map((r) => ({
      id: r.id,
      name: r.name,
      establishmentNumber: r.establishmentNumber ?? "",
      overdue: r.overdue,
      oldest: r.oldest ? formatJapaneseDate(r.oldest) : "",
      mark: markOf(r.restrictedAt !== null, r.overdue),
    })),
    pages: {
      ...info,
      prev: info.page > 1 ? pageHref("/staff/backlog", params, info.page - 1) : null,
      next: info.page < info.pageCount ? pageHref("/staff/backlog", params, info.page + 1) : null,
    },
  };
}

const TONES = { red: "bg-red-50 text-red-900", yellow: "border border-yellow-700 bg-yellow-50 text-solid-gray-800" } as const;

export default function BacklogPage() {
  const { staff, rows, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">選考結果の未登録（事業所別）</h1>
      <p className="mb-6">
        {`${staff.officeName}の管轄の事業所のうち、紹介日から21日以上たっても選考結果が登録されていない紹介が${BACKLOG_WATCH_FROM}件以上ある事業所と、利用制限中の事業所です（多い順）。${BACKLOG_LIMIT}件を超えると、毎日の確認で利用が制限されます。${BACKLOG_WATCH_FROM}件から${BACKLOG_LIMIT}件の事業所には、制限の前に連絡してください。`}
      </p>
      {rows.length === 0 ? (
        <p>該当する事業所はありません。</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-dns-16N-130">{`選考結果の未登録が多い事業所（${pages.total}件）`}</caption>
          <TableHead columns={["事業所名", "事業所番号", "未登録（3週間経過）", "最も古い紹介日", "状態", "操作"]} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-solid-gray-420" data-establishment-id={r.id}>
                <td className="p-2 break-all">{r.name}</td>
                <td className="p-2">{r.establishmentNumber}</td>
                <td className="p-2" data-overdue>
                  {r.overdue}件
                </td>
                <td className="p-2">{r.oldest}</td>
                <td className="p-2">
                  {r.mark ? <span className={`rounded-8 px-2 py-0.5 text-dns-14B-130 ${TONES[r.mark.tone]}`}>{r.mark.label}</span> : null}
                </td>
                <td className="p-2">
                  <Link to={`/staff/establishments/${r.id}/restriction`}>利用制限の確認</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager label="選考結果の未登録の事業所のページ" page={pages.page} pageCount={pages.pageCount} prev={pages.prev} next={pages.next} />
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
