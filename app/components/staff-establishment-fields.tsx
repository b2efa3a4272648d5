/**
 * The fields of 事業所の基本情報 (app/lib/schemas/establishment.ts) as the officer fills them in at
 * 事業所登録 and checks them at 本登録 (R-OPEN-1, R-OPEN-8).
 */
import type { FieldMetadata } from "@conform-to/react";
import type { IndustryCatalog } from "../lib/industry";
import { CheckboxField, SelectField, TextField } from "./form";
import { PostalCodeAutofill } from "./postal-code-autofill";
import { IndustryFields } from "./industry-fields";

type Field = FieldMetadata<string | undefined | null>;

export interface EstablishmentFieldset {
  name: Field;
  nameKana: Field;
  isSoleProprietor: Field;
  corporateNumber: Field;
  postalCode: Field;
  municipalityCode: Field;
  address: Field;
  phone: Field;
  industryDivision: Field;
  industry: Field;
  employees: Field;
  representativeTitle: Field;
  representativeName: Field;
}

export interface MunicipalityOption {
  code: string;
  name: string;
  officeName: string | null;
  ownOffice: boolean;
}

export function EstablishmentFields({
  fields,
  municipalities,
  prefectureName,
  industries,
  municipalityHint = "この所の管轄外の市区町村は、管轄のハローワークで登録します。",
}: {
  fields: EstablishmentFieldset;
  municipalities: MunicipalityOption[];
  prefectureName: string;
  /** 産業分類 (日本標準産業分類 大分類 → 中分類), read by the page. */
  industries: IndustryCatalog;
  /** Who reads it decides the hint: officers register; employers may not move to another office's area. */
  municipalityHint?: string;
}) {
  return (
    <>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">事業所</legend>
        <TextField meta={fields.name} label="事業所名" required hint="例：株式会社日光ゆば工房（60文字以内）" />
        <TextField meta={fields.nameKana} label="事業所名（カナ）" required hint="全角カタカナ。例：カブシキガイシャニッコウユバコウボウ" />
        <CheckboxField meta={fields.isSoleProprietor} label="個人事業主（法人番号なし）" />
        <TextField meta={fields.corporateNumber} label="法人番号" inputMode="numeric" hint="13桁の数字。個人事業主の場合は空欄にしてください。" />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">所在地・連絡先</legend>
        <TextField meta={fields.postalCode} label="郵便番号" required inputMode="numeric" autoComplete="postal-code" hint="例：321-1272" />
        <PostalCodeAutofill postalCode={fields.postalCode} municipality={fields.municipalityCode} address={fields.address} proposeOffice />
        <SelectField
          meta={fields.municipalityCode}
          label={`市区町村（${prefectureName}）`}
          required
          hint={municipalityHint}
          options={municipalities.map((m) => ({
            value: m.code,
            label: m.ownOffice || !m.officeName ? m.name : `${m.name}（${m.officeName}の管轄）`,
          }))}
        />
        <TextField meta={fields.address} label="所在地（市区町村より後）" required hint="例：今市1-2-3 日光ビル2階" />
        <TextField meta={fields.phone} label="電話番号" type="tel" required inputMode="tel" hint="市外局番から。例：0288-22-0353" />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-4 text-std-20B-150">事業内容・代表者</legend>
        <IndustryFields division={fields.industryDivision} group={fields.industry} catalog={industries} />
        <TextField meta={fields.employees} label="従業員数（企業全体）" required inputMode="numeric" hint="人数を数字で。例：25" />
        <TextField meta={fields.representativeTitle} label="代表者の役職" hint="例：代表取締役" />
        <TextField meta={fields.representativeName} label="代表者の氏名" required hint="例：日光 太郎" />
      </fieldset>
    </>
  );
}
