/**
 * The fields of 求職者の登録・変更 (app/lib/schemas/seeker.ts) as an officer fills them in (issue 11): 本人, 住所・連絡先
 * (〒 autofill as on the establishment forms), 希望条件, 経歴・自己PR, 求職者マイページ and 公開, and what the seeker agreed
 * to disclose to employers (rules/seeker.ts DISCLOSURE_ITEMS). The same component serves the new seeker and the edit.
 */
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { EMPLOYMENT_TYPES } from "../lib/schemas/posting/choices";
import { DESIRED_WAGE_MAX, SEEKER_LIMITS } from "../lib/schemas/seeker";
import { PREFECTURE_NAMES } from "../lib/prefectures";
import { ANY_EMPLOYMENT_TYPE_LABEL, DISCLOSURE_ITEMS, DISCLOSURE_LABELS, WAGE_FORMS, WORK_STYLE_LABELS, WORK_STYLES } from "../rules/seeker";
import { FieldError, RadioGroupField, SelectField, TextAreaField, TextField, optionsOf, useDescribedBy } from "./form";
import { PostalCodeAutofill } from "./postal-code-autofill";

type Field = FieldMetadata<string | undefined | null>;

export interface SeekerFieldset {
  name: Field;
  nameKana: Field;
  birthDate: Field;
  postalCode: Field;
  prefectureCode: Field;
  municipalityCode: Field;
  address: Field;
  phone: Field;
  email: Field;
  desiredOccupation: Field;
  desiredPrefectureCode: Field;
  desiredMunicipalityCode: Field;
  desiredEmploymentType: Field;
  desiredWorkStyle: Field;
  desiredWageForm: Field;
  desiredWage: Field;
  desiredHours: Field;
  licences: Field;
  workHistory: Field;
  selfPr: Field;
  hasMypage: Field;
  publishProfile: Field;
  disclosure: FieldMetadata<string[] | undefined>;
}

export interface SeekerMunicipality {
  code: string;
  name: string;
}

const PREFECTURE_OPTIONS = Object.entries(PREFECTURE_NAMES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([value, label]) => ({ value, label }));

function Group({ legend, children, hint }: { legend: string; children: React.ReactNode; hint?: string }) {
  return (
    <fieldset className="mb-8 rounded-8 border border-solid-gray-420 p-4">
      <legend className="px-2 text-std-20B-150">{legend}</legend>
      {hint ? <p className="mb-4 text-dns-16N-130 text-solid-gray-800">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** 開示に同意した項目: one checkbox per DISCLOSURE_ITEMS entry, all named "disclosure". */
function DisclosureChoice({ meta }: { meta: FieldMetadata<string[] | undefined> }) {
  const describedBy = useDescribedBy(meta, true);
  return (
    <fieldset className="mb-6" aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend className="mb-2 flex items-center gap-2 text-std-17B-170">
        事業所への開示に同意した項目<span className="text-dns-14N-130 text-solid-gray-800">任意</span>
      </legend>
      <p id={`${meta.id}-hint`} className="mb-4 text-dns-16N-130 text-solid-gray-800">
        氏名（カナ）と年齢は、紹介先の事業所に必ず表示されます。ほかの項目は、本人が同意したものだけが表示されます（生年月日に同意がなければ年齢だけが表示されます）。
      </p>
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        {DISCLOSURE_ITEMS.map((item, i) => {
          const id = `${meta.id}-${i}`;
          const props = getInputProps(meta as FieldMetadata<string>, { type: "checkbox", value: item });
          return (
            <div key={item} className="flex items-start gap-3">
              <input {...props} id={id} required={undefined} aria-describedby={undefined} className="mt-1.5 h-5 w-5 shrink-0" />
              {/* 「住所を開示」: a name of its own, not the same as the 住所 field's. */}
              <label htmlFor={id} className="text-std-16N-170">
                {DISCLOSURE_LABELS[item]}を開示
              </label>
            </div>
          );
        })}
      </div>
      <FieldError meta={meta} />
    </fieldset>
  );
}

export function SeekerFields({
  fields,
  municipalities,
  prefectureName,
}: {
  fields: SeekerFieldset;
  /** The municipalities of the office's prefecture (the 市区町村 selects). */
  municipalities: SeekerMunicipality[];
  prefectureName: string;
}) {
  const municipalityOptions = municipalities.map((m) => ({ value: m.code, label: m.name }));
  return (
    <>
      <Group legend="本人">
        <TextField meta={fields.name} label="氏名" required hint={`例：日光 花子（${SEEKER_LIMITS.name}文字以内）`} autoComplete="off" />
        <TextField meta={fields.nameKana} label="氏名（カナ）" required hint="カタカナ（ひらがなも可）。例：ニッコウ ハナコ" autoComplete="off" />
        <TextField meta={fields.birthDate} label="生年月日" type="date" required hint="例：1990-05-15（15歳以上）" size="short" />
      </Group>
      <Group legend="住所・連絡先">
        <TextField meta={fields.postalCode} label="郵便番号" required inputMode="numeric" autoComplete="off" hint="例：321-1261" size="short" />
        <PostalCodeAutofill postalCode={fields.postalCode} prefecture={fields.prefectureCode} municipality={fields.municipalityCode} address={fields.address} />
        <SelectField meta={fields.prefectureCode} label="都道府県" required options={PREFECTURE_OPTIONS} />
        <SelectField
          meta={fields.municipalityCode}
          label={`市区町村（${prefectureName}）`}
          hint={`${prefectureName}以外の場合や一覧にない場合は空欄にして、住所に市区町村から入力してください。`}
          options={municipalityOptions}
        />
        <TextField meta={fields.address} label="住所" required hint="市区町村を選んだ場合はその後から。例：今市本町1-1" autoComplete="off" />
        <TextField meta={fields.phone} label="電話番号" type="tel" required inputMode="tel" hint="例：090-1234-5678" autoComplete="off" />
        <TextField meta={fields.email} label="メールアドレス" type="email" inputMode="email" hint="100文字以内" autoComplete="off" />
      </Group>
      <Group legend="希望条件">
        <TextField meta={fields.desiredOccupation} label="希望職種" required hint={`例：食品製造オペレーター（${SEEKER_LIMITS.desiredOccupation}文字以内）`} />
        <SelectField meta={fields.desiredPrefectureCode} label="希望就業地（都道府県）" options={PREFECTURE_OPTIONS} placeholder="指定しない" />
        <SelectField
          meta={fields.desiredMunicipalityCode}
          label={`希望就業地（市区町村・${prefectureName}）`}
          options={municipalityOptions}
          placeholder="指定しない"
        />
        <SelectField meta={fields.desiredEmploymentType} label="希望雇用形態" options={optionsOf(EMPLOYMENT_TYPES)} placeholder={ANY_EMPLOYMENT_TYPE_LABEL} />
        <RadioGroupField
          meta={fields.desiredWorkStyle}
          label="フルタイム・パート"
          required
          options={WORK_STYLES.map((value) => ({ value, label: WORK_STYLE_LABELS[value] }))}
        />
        <SelectField meta={fields.desiredWageForm} label="希望賃金の形態" options={optionsOf(WAGE_FORMS)} placeholder="指定しない" />
        <TextField
          meta={fields.desiredWage}
          label="希望賃金（下限額）"
          inputMode="numeric"
          unit="円"
          size="short"
          hint={`形態に合わせた金額を整数で（例：月給なら 200000、時間給なら 1100）。${DESIRED_WAGE_MAX.toLocaleString("ja-JP")}円まで`}
        />
        <TextField meta={fields.desiredHours} label="希望就業時間" hint={`例：9:00〜17:00、土日休み（${SEEKER_LIMITS.desiredHours}文字以内）`} />
      </Group>
      <Group legend="経歴・自己PR">
        <TextAreaField meta={fields.licences} label="免許・資格" rows={3} hint={`1行に1つ（${SEEKER_LIMITS.licences}文字以内）`} />
        <TextAreaField meta={fields.workHistory} label="職歴" rows={5} hint={`${SEEKER_LIMITS.workHistory}文字以内`} />
        <TextAreaField meta={fields.selfPr} label="自己PR" rows={5} hint={`${SEEKER_LIMITS.selfPr}文字以内`} />
      </Group>
      <Group legend="求職者マイページと情報の開示">
        <RadioGroupField
          meta={fields.hasMypage}
          label="求職者マイページ"
          required
          options={[
            { value: "true", label: "開設している" },
            { value: "false", label: "開設していない" },
          ]}
        />
        <RadioGroupField
          meta={fields.publishProfile}
          label="求職情報の公開"
          required
          hint="求職情報検索で事業所に公開する（氏名・連絡先などは公開されません）"
          options={[
            { value: "true", label: "公開する" },
            { value: "false", label: "公開しない" },
          ]}
        />
        <DisclosureChoice meta={fields.disclosure} />
      </Group>
    </>
  );
}
