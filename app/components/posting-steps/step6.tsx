/**
 * Screen 6 保険・年金・定年等情報 (R-JOB-1; reference/hellowork-domain.md §2.2 F): 加入保険等, 企業年金, 退職金,
 * 定年制 (一律), 再雇用制度, 勤務延長, 入居可能住宅, 利用可能託児施設.
 */
import { CheckboxField, FieldGroup, RadioGroupField, TextField, yesNoOptions } from "../form";
import { CheckboxGroup, Section } from "./fields";
import type { StepProps } from "./types";

export function Step6Fields({ form }: StepProps<6>) {
  const fields = form.getFieldset();
  const benefits = fields.benefits.getFieldset();
  const insurance = benefits.insurance.getFieldset();
  const retirementAllowance = benefits.retirementAllowance.getFieldset();
  const reemployment = benefits.reemployment.getFieldset();
  const workExtension = benefits.workExtension.getFieldset();
  const housing = benefits.housing.getFieldset();
  const childcare = benefits.childcare.getFieldset();
  const retirement = fields.retirement.getFieldset();

  return (
    <>
      <Section id="step6-insurance" title="加入保険・年金・退職金">
        <CheckboxGroup
          legend="加入保険等"
          group={benefits.insurance}
          hint="加入するものをすべて選んでください。"
          items={[
            { meta: insurance.employment, label: "雇用保険" },
            { meta: insurance.industrialAccident, label: "労災保険" },
            { meta: insurance.publicAccident, label: "公務災害補償" },
            { meta: insurance.health, label: "健康保険" },
            { meta: insurance.pension, label: "厚生年金" },
          ]}
        >
          <TextField meta={insurance.other} label="その他の保険等" hint="例：財形、団体生命保険" />
        </CheckboxGroup>
        <TextField meta={benefits.corporatePension} label="企業年金" hint="例：確定拠出年金（企業型）、確定給付年金" />
        <CheckboxField meta={benefits.retirementMutualAid} label="退職金共済に加入している" hint="中小企業退職金共済（中退共）など" />
        <FieldGroup legend="退職金制度">
          <RadioGroupField meta={retirementAllowance.present} label="退職金制度の有無" required options={yesNoOptions()} />
          <TextField
            meta={retirementAllowance.minYears}
            label="退職金の支給に必要な勤続年数（年）"
            inputMode="numeric"
            hint="退職金制度ありの場合。例：3（勤続3年以上）"
          />
        </FieldGroup>
      </Section>

      <Section id="step6-retirement" title="定年・再雇用・勤務延長">
        <FieldGroup legend="定年制（一律）">
          <RadioGroupField meta={retirement.present} label="定年制の有無" options={yesNoOptions()} />
          <TextField meta={retirement.age} label="定年年齢（歳）" inputMode="numeric" hint="定年制ありの場合は必須です。定年は60歳以上にしてください。例：65" />
        </FieldGroup>
        <FieldGroup legend="再雇用制度">
          <RadioGroupField meta={reemployment.present} label="再雇用制度の有無" required options={yesNoOptions()} />
          <TextField meta={reemployment.maxAge} label="再雇用の上限年齢（歳）" inputMode="numeric" hint="再雇用制度ありの場合。例：70" />
        </FieldGroup>
        <FieldGroup legend="勤務延長">
          <RadioGroupField meta={workExtension.present} label="勤務延長の有無" required options={yesNoOptions()} />
          <TextField meta={workExtension.maxAge} label="勤務延長の上限年齢（歳）" inputMode="numeric" hint="勤務延長ありの場合。例：70" />
        </FieldGroup>
      </Section>

      <Section id="step6-housing-childcare" title="住宅・託児施設">
        <CheckboxGroup
          legend="入居可能住宅"
          group={benefits.housing}
          hint="入居できる住宅がある場合に選んでください（両方選べます）。"
          items={[
            { meta: housing.single, label: "単身用" },
            { meta: housing.family, label: "世帯用" },
          ]}
        >
          <TextField meta={housing.note} label="入居可能住宅の補足" hint="例：社員寮あり（家賃月1万円）" />
        </CheckboxGroup>
        <FieldGroup legend="利用可能託児施設">
          <RadioGroupField meta={childcare.available} label="利用可能託児施設の有無" options={yesNoOptions()} />
          <TextField meta={childcare.note} label="託児施設の補足" hint="例：事業所内保育所あり（0〜5歳）" />
        </FieldGroup>
      </Section>
    </>
  );
}
