/**
 * The fields of 事業所の基本情報 (app/lib/schemas/establishment.ts) as the employer fills them in to change
 * its 事業所情報. Same fields and order as the officer's form (staff-establishment-fields.tsx); the wording
 * speaks to the employer, and the municipality hint says that a move into another office's area is not a
 * change (R-DEL-3).
 */
import { INDUSTRIES } from "../lib/schemas/establishment";
import { CheckboxField, SelectField, TextField } from "./form";
import type { EstablishmentFieldset, MunicipalityOption } from "./staff-establishment-fields";

export function EmployerEstablishmentFields({
  fields,
  municipalities,
  prefectureName,
  officeName,
}: {
  fields: EstablishmentFieldset;
  municipalities: MunicipalityOption[];
  prefectureName: string;
  officeName: string;
}) {
  return (
    <>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">事業所</legend>
        <TextField meta={fields.name} label="事業所名" required hint="60文字以内" />
        <TextField meta={fields.nameKana} label="事業所名（カナ）" required hint="全角カタカナ、100文字以内" />
        <CheckboxField meta={fields.isSoleProprietor} label="個人事業主（法人番号なし）" />
        <TextField meta={fields.corporateNumber} label="法人番号" inputMode="numeric" hint="13桁の数字。個人事業主の場合は空欄にしてください。" />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">所在地・連絡先</legend>
        <TextField meta={fields.postalCode} label="郵便番号" required inputMode="numeric" autoComplete="postal-code" hint="例：321-1272" />
        <SelectField
          meta={fields.municipalityCode}
          label={`市区町村（${prefectureName}）`}
          required
          hint={`${officeName}の管轄の市区町村だけを選べます。ほかのハローワークの管轄へ移転する場合は、移転先のハローワークで新たに事業所登録をしてください。`}
          options={municipalities.map((m) => ({
            value: m.code,
            label: m.ownOffice || !m.officeName ? m.name : `${m.name}（${m.officeName}の管轄）`,
          }))}
        />
        <TextField meta={fields.address} label="所在地（市区町村より後）" required hint="120文字以内。例：今市1-2-3 日光ビル2階" />
        <TextField meta={fields.phone} label="電話番号" type="tel" required inputMode="tel" autoComplete="tel" hint="市外局番から。例：0288-22-0353" />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">事業内容・代表者</legend>
        <SelectField meta={fields.industry} label="産業分類（大分類）" required options={INDUSTRIES.map((i) => ({ value: i, label: i }))} />
        <TextField meta={fields.employees} label="従業員数（企業全体）" required inputMode="numeric" hint="人数を数字で。例：25" />
        <TextField meta={fields.representativeTitle} label="代表者の役職" hint="例：代表取締役（30文字以内）" />
        <TextField meta={fields.representativeName} label="代表者の氏名" required hint="40文字以内" />
      </fieldset>
    </>
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
        <thead>
          <tr className="border-b border-solid-gray-420">
            <th scope="col" className="p-2">
              項目
            </th>
            <th scope="col" className="p-2">
              現在
            </th>
            <th scope="col" className="p-2">
              変更後
            </th>
          </tr>
        </thead>
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
