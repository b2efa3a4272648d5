/**
 * The fields of 事業所の基本情報 (app/lib/schemas/establishment.ts) as the employer fills them in to change
 * its 事業所情報. Same fields and order as the officer's form (staff-establishment-fields.tsx); the wording
 * speaks to the employer, and the municipality hint says that a move into another office's area is not a
 * change (R-DEL-3).
 */
import type { IndustryCatalog } from "../lib/industry";
import { EstablishmentFields, type EstablishmentFieldset, type MunicipalityOption } from "./staff-establishment-fields";
import { TableHead } from "./table";

export function EmployerEstablishmentFields({
  fields,
  municipalities,
  prefectureName,
  officeName,
  industries,
}: {
  fields: EstablishmentFieldset;
  municipalities: MunicipalityOption[];
  prefectureName: string;
  officeName: string;
  industries: IndustryCatalog;
}) {
  return (
    <EstablishmentFields
      fields={fields}
      municipalities={municipalities}
      prefectureName={prefectureName}
      industries={industries}
      municipalityHint={`${officeName}の管轄の市区町村だけを選べます。ほかのハローワークの管轄へ移転する場合は、移転先のハローワークで新たに事業所登録をしてください。`}
    />
  );
}

export interface ChangeTableRow {
  key: string;
  label: string;
  current: string;
  requested: string;
  changed: boolean;
}

/** Current and requested values side by side; a changed item says 「変更あり」 in text, not by colour only. */
export function ChangeTable({ rows, caption }: { rows: ChangeTableRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-dns-16N-130">
        <caption className="mb-2 text-left text-std-17B-170">{caption}</caption>
        <TableHead columns={["項目", "現在", "変更後"]} rule="light" />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`border-b border-solid-gray-420 ${r.changed ? "bg-yellow-50" : ""}`} data-changed={r.changed ? "true" : undefined}>
              <th scope="row" className="p-2 text-std-16B-170">
                {r.label}
                {r.changed ? <span className="ml-2 rounded-8 border border-solid-gray-900 px-1 text-dns-14B-130">変更あり</span> : null}
              </th>
              <td className="break-all p-2">{r.current || "（なし）"}</td>
              <td className="break-all p-2">{r.requested || "（なし）"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
