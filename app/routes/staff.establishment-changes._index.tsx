/**
 * 事業所情報の変更の確認: the change requests waiting for review (確認中) of the establishments under the
 * officer's office, oldest first. Another office's requests are never listed.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJstDateTime } from "../lib/clock";
import { pendingChangeRequestsForOfficeQuery } from "../models/establishment-change.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "事業所情報の変更の確認 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ requests: pendingChangeRequestsForOfficeQuery(db, officeCode) }),
  });
  const requests = reads.requests;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    requests: requests.map((r) => ({
      id: r.id,
      establishmentName: r.establishmentName,
      establishmentNumber: r.establishmentNumber,
      createdAt: formatJstDateTime(r.createdAt),
    })),
  };
}

export default function EstablishmentChangeList() {
  const { staff, requests } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">事業所情報の変更の確認</h1>
      <p className="mb-6">
        {staff.officeName}
        の管轄の事業所が申請した事業所情報の変更です。内容を確認し、承認するか、コメントを添えて差し戻してください。結果は事業主にメールで通知されます。
      </p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title" className="mb-4 text-std-24B-150">
          確認待ちの申請（{requests.length}件）
        </h2>
        {requests.length === 0 ? (
          <p>確認を待っている申請はありません。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <TableHead columns={["事業所名", "事業所番号", "申請日時", "操作"]} rule="light" />
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-420">
                    <td className="break-all p-2">{r.establishmentName}</td>
                    <td className="p-2">{r.establishmentNumber ?? "（未採番）"}</td>
                    <td className="p-2">{r.createdAt}</td>
                    <td className="p-2">
                      <Link to={`/staff/establishment-changes/${r.id}`}>
                        内容を確認する<span className="sr-only">（{r.establishmentName}）</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="mt-10">
        <Link to="/staff">職員メニューへ戻る</Link>
      </p>
    </>
  );
}
