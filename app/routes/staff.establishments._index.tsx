/** 事業所一覧 (R-OPEN-1): the establishments of the officer's office only, searchable by name or 事業所番号. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { StaffSearchForm } from "../components/staff-search";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { ESTABLISHMENT_STATUS_LABELS, establishmentsForOfficeQuery } from "../models/establishment.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "事業所一覧 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ rows: establishmentsForOfficeQuery(db, officeCode, q) }),
  });
  const rows = reads.rows;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    q,
    establishments: rows.map((r) => ({
      id: r.id,
      name: r.name,
      establishmentNumber: r.establishmentNumber ?? "",
      municipalityName: r.municipalityName,
      status: ESTABLISHMENT_STATUS_LABELS[r.status],
    })),
  };
}

export default function StaffEstablishments() {
  const { staff, q, establishments } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">事業所一覧</h1>
      <p className="mb-6">
        {staff.officeName}の管轄の事業所です。
        <Link to="/staff/establishments/new" className="ml-2 text-std-16B-170">
          事業所を登録する
        </Link>
      </p>
      <StaffSearchForm name="事業所の検索" label="事業所名または事業所番号" q={q} maxLength={100} />
      <section aria-labelledby="result-title">
        <h2 id="result-title" className="mb-4 text-std-24B-150">
          {q ? `「${q}」の検索結果（${establishments.length}件）` : `事業所（${establishments.length}件）`}
        </h2>
        {establishments.length === 0 ? (
          <p>該当する事業所はありません。</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <TableHead columns={["事業所番号", "事業所名", "所在地", "状態"]} />
            <tbody>
              {establishments.map((e) => (
                <tr key={e.id} className="border-b border-solid-gray-420">
                  <td className="p-2 whitespace-nowrap">{e.establishmentNumber}</td>
                  <td className="p-2">
                    <Link to={`/staff/establishments/${e.id}`}>{e.name}</Link>
                  </td>
                  <td className="p-2">{e.municipalityName}</td>
                  <td className="p-2">{e.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
