/**
 * Screen 3 仕事内容情報 (R-JOB-1; reference/hellowork-domain.md §2.2 C, §2.3 1, §9.2): 職種, 仕事内容 and the 2024-04
 * 変更の範囲, 雇用形態, 派遣・請負等, 雇用期間 (更新・更新上限), 試用期間, 就業場所 (転勤・変更の範囲), 受動喫煙対策, 年齢
 * (不問, or an 例外事由 with its range and reason), 学歴, 経験, PCスキル, 免許・資格 and 募集理由. Without JavaScript every
 * field is shown: those that only apply to one answer say so in their hint, and the screen's schema ignores them
 * otherwise (e.g. the 契約期間 of an indefinite contract).
 */
import { CheckboxField, FieldError, FieldGroup, optionsOf, RadioGroupField, SelectField, TextAreaField, TextField, yesNoOptions } from "../form";
import { CONTRACT_KIND_LABELS, RENEWAL_LABELS } from "../../lib/posting-labels";
import { AGE_CODES, DISPATCH_FORMS, EDUCATIONS, EMPLOYMENT_TYPES, RECRUITMENT_REASONS, REQUIREMENTS, SMOKING_MEASURES } from "../../lib/schemas/posting";
import { AGE_EXCEPTION_LABELS } from "../../rules/posting/age";
import { PREFECTURE_NAMES } from "../../lib/prefectures";
import { hintOf, lengthHint, Note, Section } from "./fields";
import { PostalCodeAutofill } from "../postal-code-autofill";
import type { StepProps } from "./types";

// Sorted by code: "10"–"47" would otherwise come before "01"–"09" (integer-like keys are enumerated first).
const PREFECTURE_OPTIONS = Object.entries(PREFECTURE_NAMES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([value, label]) => ({ value, label }));
const DATE_HINT = "「2026-04-01」のように年月日で入力してください";

export function Step3Fields({ form, context }: StepProps<3>) {
  const fields = form.getFieldset();
  const contract = fields.contract.getFieldset();
  const renewalCap = contract.renewalCap.getFieldset();
  const trial = fields.trialPeriod.getFieldset();
  const workplace = fields.workplace.getFieldset();
  const detail = fields.workplaceDetail.getFieldset();
  const smoking = fields.smoking.getFieldset();
  const age = fields.age.getFieldset();
  const pcSkills = fields.pcSkills.getFieldset();
  const licenses = fields.licenses.getFieldset();
  const e = context.establishment;

  return (
    <>
      <Section id="step3-job" title="仕事の内容">
        <TextField meta={fields.jobTitle} label="職種" required hint={hintOf(lengthHint("jobTitle"), "例：ゆば製造スタッフ")} />
        <TextAreaField
          meta={fields.jobDescription}
          label="仕事内容"
          required
          rows={12}
          hint={hintOf(
            lengthHint("jobDescription"),
            "具体的な業務の内容を書いてください。下の「従事すべき業務の変更の範囲」を使わない場合は、仕事内容の中に「変更範囲：変更なし」のように記載してください",
          )}
        />
        <TextAreaField
          meta={fields.dutiesChangeScope}
          label="従事すべき業務の変更の範囲"
          rows={3}
          hint={hintOf(
            lengthHint("dutiesChangeScope"),
            "2024年4月からの明示事項です。変更がない場合は「変更なし」、ある場合は将来従事する可能性のある業務（例：会社の定める業務）を入力してください",
          )}
        />
      </Section>

      <Section id="step3-employment" title="雇用形態・雇用期間">
        <RadioGroupField meta={fields.employmentType} label="雇用形態" required options={optionsOf(EMPLOYMENT_TYPES)} inline={false} />
        <TextField
          meta={fields.employmentTypeName}
          label="雇用形態の名称"
          hint={hintOf("「正社員以外」の場合は入力してください（例：契約社員、パート労働者）", lengthHint("employmentTypeName"))}
        />
        <RadioGroupField meta={fields.dispatch} label="派遣・請負等" required options={optionsOf(DISPATCH_FORMS)} />

        <FieldGroup legend="雇用期間" required>
          <RadioGroupField meta={contract.kind} label="雇用期間の定め" required options={optionsOf(["indefinite", "fixed"], CONTRACT_KIND_LABELS)} />
          <p className="mb-4 text-dns-16N-130 text-solid-gray-800">以下は「雇用期間の定めあり」の場合に入力してください。</p>
          <TextField
            meta={contract.months}
            label="契約期間"
            hint="定めありの場合：月数、または下の開始日と終了日のどちらかを入力してください（例：12）"
            inputMode="numeric"
            unit="か月"
            size="short"
          />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField meta={contract.startDate} label="契約期間の開始日" hint={DATE_HINT} size="short" />
            <TextField meta={contract.endDate} label="契約期間の終了日" hint={DATE_HINT} size="short" />
          </div>
          <RadioGroupField
            meta={contract.renewal}
            label="契約更新の可能性"
            hint="定めありの場合は選択してください"
            options={optionsOf(["automatic", "conditional", "none"], RENEWAL_LABELS)}
            inline={false}
          />
          <TextAreaField
            meta={contract.renewalConditions}
            label="契約更新の条件"
            rows={3}
            hint={hintOf(
              "「条件付きで更新あり」の場合に入力してください（例：契約期間満了時の業務量、勤務成績により判断）",
              lengthHint("contract.renewalConditions"),
            )}
          />
          <div id={contract.renewalCap.id}>
            <RadioGroupField
              meta={renewalCap.present}
              label="更新上限の有無"
              hint="契約更新の可能性がある場合は選択してください（2024年4月からの明示事項）"
              options={yesNoOptions("あり", "なし")}
            />
            <FieldError meta={contract.renewalCap} />
            <div className="grid gap-x-6 sm:grid-cols-2">
              <TextField
                meta={renewalCap.totalYears}
                label="通算契約期間の上限"
                hint="更新上限ありの場合：年数（例：5）"
                inputMode="numeric"
                unit="年"
                size="short"
              />
              <TextField
                meta={renewalCap.renewalCount}
                label="更新回数の上限"
                hint="更新上限ありの場合：回数（例：3）"
                inputMode="numeric"
                unit="回"
                size="short"
              />
            </div>
          </div>
        </FieldGroup>

        <FieldGroup legend="試用期間">
          <RadioGroupField meta={trial.present} label="試用期間" options={yesNoOptions("あり", "なし")} />
          <TextField meta={trial.months} label="試用期間の長さ" hint="ありの場合：月数（例：3）" inputMode="numeric" unit="か月" size="short" />
          <RadioGroupField
            meta={trial.sameConditions}
            label="試用期間中の労働条件"
            hint="ありの場合は選択してください"
            options={yesNoOptions("本採用時と同じ", "本採用時と異なる")}
          />
          <TextField
            meta={trial.wageMin}
            label="試用期間中の賃金（下限額）"
            hint="労働条件が異なる場合：月額などの金額を数字で（例：180000）"
            inputMode="numeric"
            unit="円"
            size="short"
          />
        </FieldGroup>
      </Section>

      <Section id="step3-workplace" title="就業場所">
        <FieldGroup legend="就業場所の所在地">
          <CheckboxField
            meta={detail.sameAsEstablishment}
            label="事業所所在地と同じ"
            hint={`事業所所在地：${e.postalCode ? `〒${e.postalCode} ` : ""}${e.address}`}
          />
          <p className="mb-4 text-dns-16N-130 text-solid-gray-800">以下は「事業所所在地と同じ」にチェックを入れない場合に入力してください。</p>
          <TextField
            meta={detail.postalCode}
            label="郵便番号"
            hint="「321-1272」のように7桁で入力してください"
            autoComplete="postal-code"
            inputMode="numeric"
            size="short"
          />
          <PostalCodeAutofill postalCode={detail.postalCode} prefecture={workplace.prefectureCode} address={detail.address} municipalityInAddress />
          <SelectField meta={workplace.prefectureCode} label="都道府県" options={PREFECTURE_OPTIONS} />
          <TextField meta={detail.address} label="住所" hint="市区町村から入力してください（例：日光市今市1-2-3）" />
        </FieldGroup>
        <FieldGroup legend="アクセス">
          <TextField meta={detail.nearestStation} label="最寄り駅" hint="例：JR日光線 今市駅" />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField meta={detail.access} label="最寄り駅からの交通手段" hint="例：徒歩、バス" />
            <TextField meta={detail.accessMinutes} label="所要時間" hint="分単位の数字（例：10）" inputMode="numeric" unit="分" size="short" />
          </div>
          <RadioGroupField meta={detail.carCommute} label="マイカー通勤" required options={yesNoOptions("可", "不可")} />
          <RadioGroupField meta={detail.parking} label="駐車場" options={yesNoOptions("あり", "なし")} />
        </FieldGroup>
        <RadioGroupField meta={workplace.transferPossible} label="転勤の可能性" required options={yesNoOptions("あり", "なし")} />
        <TextAreaField
          meta={workplace.changeScope}
          label="就業場所の変更の範囲（転勤範囲）"
          rows={2}
          hint={hintOf(
            "転勤の可能性がある場合は必ず入力してください（例：本社及び全国の支店）。ない場合は「変更なし」と入力できます",
            lengthHint("workplace.changeScope"),
          )}
        />
        <RadioGroupField meta={smoking.measure} label="受動喫煙対策" required options={optionsOf(SMOKING_MEASURES)} />
        <TextAreaField
          meta={smoking.note}
          label="受動喫煙対策（補足）"
          rows={2}
          hint={hintOf("「その他」「屋内喫煙可」の場合は内容を入力してください", lengthHint("smoking.note"))}
        />
      </Section>

      <Section id="step3-requirements" title="応募の条件">
        <FieldGroup legend="年齢">
          <Note>年齢は原則「不問」です。年齢を制限できるのは、法令で認められた例外事由に当たる場合だけで、その理由を求人票に表示します。</Note>
          <RadioGroupField
            meta={age.kind}
            label="年齢制限"
            required
            options={[
              { value: "none", label: "不問" },
              { value: "exception", label: "制限あり" },
            ]}
          />
          <p className="mb-4 text-dns-16N-130 text-solid-gray-800">以下は「制限あり」の場合に入力してください。</p>
          <SelectField meta={age.code} label="年齢制限の例外事由" options={AGE_CODES.map((code) => ({ value: code, label: AGE_EXCEPTION_LABELS[code] }))} />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField meta={age.min} label="下限年齢" hint="例：18（ない場合は空欄）" inputMode="numeric" unit="歳以上" size="short" />
            <TextField meta={age.max} label="上限年齢" hint="例：59（ない場合は空欄）" inputMode="numeric" unit="歳以下" size="short" />
          </div>
          <TextAreaField meta={age.reason} label="年齢制限の理由" rows={2} hint={hintOf("求人票に表示されます", lengthHint("age.reason"))} />
        </FieldGroup>
        <SelectField meta={fields.education} label="学歴" required options={optionsOf(EDUCATIONS)} />
        <FieldGroup legend="必要な経験等">
          <RadioGroupField meta={fields.experience} label="必要な経験" options={optionsOf(["不問", "必要"])} />
          <TextAreaField
            meta={fields.experienceDetail}
            label="必要な経験の内容"
            rows={2}
            hint={hintOf("「必要」の場合は入力してください（例：食品製造の経験1年以上）", lengthHint("experienceDetail"))}
          />
        </FieldGroup>
        <FieldGroup legend="必要なPCスキル">
          <RadioGroupField meta={pcSkills.requirement} label="PCスキル" options={optionsOf(REQUIREMENTS)} />
          <TextAreaField
            meta={pcSkills.detail}
            label="PCスキルの内容"
            rows={2}
            hint={hintOf("「必須」「あれば尚可」の場合は入力してください（例：Excelで表を作成できる）", lengthHint("pcSkills.detail"))}
          />
        </FieldGroup>
        <FieldGroup legend="必要な免許・資格">
          <RadioGroupField meta={licenses.requirement} label="免許・資格" options={optionsOf(REQUIREMENTS)} />
          <TextAreaField
            meta={licenses.detail}
            label="免許・資格の名称"
            rows={2}
            hint={hintOf("「必須」「あれば尚可」の場合は入力してください（例：普通自動車運転免許（AT限定可））", lengthHint("licenses.detail"))}
          />
        </FieldGroup>
        <SelectField meta={fields.recruitmentReason} label="募集理由" options={optionsOf(RECRUITMENT_REASONS)} />
      </Section>
    </>
  );
}
