/**
 * 仮登録の確認 (R-OPEN-8): the online provisional registrations waiting for 本登録 at the officer's
 * office, with the last day on which the employer can come, searchable by e-mail or name.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffSearchForm } from "../components/staff-search";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJapaneseDate, formatJstDateTime } from "../lib/clock";
import { daysRemaining, pendingProvisionalForOfficeQuery } from "../models/provisional.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "仮登録の確認 | 求人者マイページ" }];

function remainingLabel(days: number): string {
  if (days < 0) return "期限切れ";
  if (days === 0) return "本日まで";
  return `あと${days}日`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ rows: pendingProvisionalForOfficeQuery(db, officeCode, q) }),
  });
  const rows = reads.rows;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    q,
    registrations: rows.map((r) => {
      const days = daysRemaining(r.expiresOn, context.clock);
      return {
        id: r.id,
        name: r.name || "（事業所名未入力）",
        email: r.email,
        createdAt: formatJstDateTime(r.createdAt),
        expiresOn: formatJapaneseDate(r.expiresOn),
        remaining: remainingLabel(days),
        expired: days < 0,
      };
    }),
  };
}

export default function StaffProvisionalList() {
  const { staff, q, registrations } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">仮登録の確認</h1>
      <p className="mb-6">
        オンラインで仮登録され、{staff.officeName}
        の管轄となる事業所です。事業主が来所したら、入力内容を確認して本登録してください。期限までに本登録されなかった仮登録は削除されます。
      </p>
      <StaffSearchForm name="仮登録の検索" label="メールアドレスまたは事業所名" q={q} maxLength={100} />
      <section aria-labelledby="result-title">
        <h2 id="result-title" className="mb-4 text-std-24B-150">
          {q ? `「${q}」の検索結果（${registrations.length}件）` : `本登録待ち（${registrations.length}件）`}
        </h2>
        {registrations.length === 0 ? (
          <p>本登録を待っている仮登録はありません。</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <TableHead columns={["事業所名", "メールアドレス", "仮登録日時", "本登録の期限"]} />
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-420">
                  <td className="p-2">
                    <Link to={`/staff/provisional/${r.id}`}>{r.name}</Link>
                  </td>
                  <td className="p-2 break-all">{r.email}</td>
                  <td className="p-2">{r.createdAt}</td>
                  <td className="p-2">
                    {r.expiresOn}
                    <span className={r.expired ? "ml-2 text-dns-16B-130 text-red-900" : "ml-2"}>{`（${r.remaining}）`}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
