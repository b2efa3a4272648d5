/**
 * Screen 4 賃金・手当情報 (R-JOB-1; reference/hellowork-domain.md §2.2 D, §2.3 2–3): 賃金形態, 基本給 (a), 定額的に
 * 支払われる手当 (b, fixed rows), 固定残業代 (c), その他の手当等付記事項 (d), 通勤手当, 締切日・支払日, 昇給, 賞与, 年収例.
 * Every field is always shown (no JavaScript): fields that only apply to one answer say so in their hint, and the
 * screen's schema ignores them otherwise.
 */
import { ALLOWANCE_KINDS, COMMUTING_KINDS, PAYMENT_MONTHS, WAGE_FORMS } from "../../lib/schemas/posting";
import { ALLOWANCE_KIND_LABELS } from "../../lib/posting-labels";
import { CheckboxField, FieldGroup, optionsOf, RadioGroupField, SelectField, TextAreaField, TextField, yesNoOptions } from "../form";
import { hintOf, lengthHint, Note, Section } from "./fields";
import type { StepProps } from "./types";

const YEN_HINT = "数字で入力してください（例：200000）";
const DURATION_HINT = "「7:45」または「7時間45分」のように入力してください";

export function Step4Fields({ form }: StepProps<4>) {
  const fields = form.getFieldset();
  const wage = fields.wage.getFieldset();
  const allowances = wage.allowances.getFieldList();
  const fixedOvertime = wage.fixedOvertime.getFieldset();
  const bonus = wage.bonus.getFieldset();
  const payTerms = fields.payTerms.getFieldset();
  const raise = payTerms.raise.getFieldset();
  const bonusLastYear = payTerms.bonusLastYear.getFieldset();
  const commuting = fields.commuting.getFieldset();

  return (
    <>
      <Section id="step4-wage" title="賃金（基本給）">
        <RadioGroupField meta={wage.form} label="賃金形態" required options={optionsOf(WAGE_FORMS)} />
        <FieldGroup legend="基本給（a）" required hint="固定残業代や手当を含めない基本給の額です。月給は月額、日給は日額、時間給は時間額を入力してください。">
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField
              meta={wage.baseMin}
              label="基本給（下限額）"
              required
              inputMode="numeric"
              hint={`下限は最も低い条件の方（経験のない方など）に支払う額です。${YEN_HINT}`}
            />
            <TextField meta={wage.baseMax} label="基本給（上限額）" inputMode="numeric" hint="上限がない場合や下限と同じ場合は空欄" />
          </div>
        </FieldGroup>
        <TextField
          meta={wage.monthlyWorkingDays}
          label="月平均労働日数"
          inputMode="decimal"
          hint="月給の場合と、日給・時間給で月額の手当がある場合（年間休日数がないとき）は必須です。小数点以下1桁まで（例：21.7）"
        />
        <Note title="最低賃金の確認方法">
          <p className="mb-2">
            就業場所の都道府県の地域別最低賃金（時間額）と比べます。基本給の下限額と、最低賃金に算入する手当（「その他の手当」の種類のもの）を合わせて、時間額に換算します。
          </p>
          <ul className="mb-2 list-disc pl-6">
            <li>月給：（基本給＋算入する手当）×12 ÷ 年間所定労働時間（1日の所定労働時間 ×（365日 − 年間休日数））</li>
            <li>日給：日給 ÷ 1日の所定労働時間（算入する手当は月給と同じように時間額にして加えます）</li>
            <li>時間給：時間給の額（算入する手当は月給と同じように時間額にして加えます）</li>
          </ul>
          <p className="mb-2">年間休日数が入力されていない場合は、月平均労働日数 × 12 を年間の労働日数とします。</p>
          <p>
            通勤手当・精皆勤手当・家族手当・固定残業代・賞与は含めません。試用期間中の賃金も確認します。1円未満は切り捨てて比べます。労働時間は次の画面（労働時間情報）で入力します。
          </p>
        </Note>
      </Section>

      <Section
        id="step4-allowances"
        title="定額的に支払われる手当（b）"
        intro={
          <p>
            毎月決まった額を支払う手当（職務手当、資格手当など）を、1行に1つずつ入力してください。使わない行は空欄のままにします。固定残業代はここではなく、下の「固定残業代（c）」に入力してください。
          </p>
        }
      >
        {allowances.map((row, i) => {
          const a = row.getFieldset();
          return (
            <FieldGroup key={row.key ?? i} legend={`手当${i + 1}`}>
              <div className="grid gap-x-6 sm:grid-cols-3">
                <TextField meta={a.name} label="手当の名称" hint="例：職務手当" />
                <TextField meta={a.amountYen} label="月額（円）" inputMode="numeric" hint="例：10000" />
                <SelectField
                  meta={a.kind}
                  label="手当の種類"
                  hint="最低賃金の計算に含めるかを決めます"
                  options={ALLOWANCE_KINDS.map((k) => ({ value: k, label: ALLOWANCE_KIND_LABELS[k] }))}
                />
              </div>
            </FieldGroup>
          );
        })}
        <TextAreaField
          meta={payTerms.otherAllowancesNote}
          label="その他の手当等付記事項（d）"
          rows={3}
          hint={hintOf("毎月は支払われない手当（残業手当、出張手当など）や、手当の条件", lengthHint("payTerms.otherAllowancesNote"))}
        />
      </Section>

      <Section
        id="step4-fixed-overtime"
        title="固定残業代（c）"
        intro={
          <p>
            固定残業代がある場合は、基本給とは分けて、金額と何時間分の時間外労働に当たるかを示し、それを超える時間外労働などには割増賃金を追加で支払うことを明示しなければ、求人を受理できません。
          </p>
        }
      >
        <RadioGroupField meta={fixedOvertime.present} label="固定残業代" required options={yesNoOptions()} />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            meta={fixedOvertime.amountYen}
            label="固定残業代の金額（月額・円）"
            inputMode="numeric"
            hint={`固定残業代ありの場合は必須です。${YEN_HINT}`}
          />
          <TextField
            meta={fixedOvertime.minutes}
            label="固定残業時間（月）"
            hint={`固定残業代ありの場合は必須です。何時間分の時間外労働に当たるか。${DURATION_HINT}`}
          />
        </div>
        <CheckboxField
          meta={fixedOvertime.excessPaidStatement}
          label="固定残業時間を超える時間外労働、休日労働及び深夜労働に対しては割増賃金を追加で支給します"
          hint="固定残業代ありの場合は、この明示が必要です。"
        />
        <CheckboxField
          meta={fixedOvertime.includedInBasePay}
          label="固定残業代を基本給に含めている"
          hint="基本給（a）には固定残業代を含めないでください。含めている場合は、基本給から固定残業代を差し引いた額を基本給に入力し直してください。"
        />
      </Section>

      <Section id="step4-commuting" title="通勤手当">
        <RadioGroupField meta={commuting.kind} label="通勤手当" required options={optionsOf(COMMUTING_KINDS)} />
        <TextField
          meta={commuting.monthlyYen}
          label="通勤手当の月額（円）"
          inputMode="numeric"
          hint="実費支給の場合は上限の月額（上限がなければ空欄）、定額の場合はその月額（必須）。例：20000"
        />
      </Section>

      <Section id="step4-pay-terms" title="賃金の締切日・支払日">
        <TextField meta={payTerms.closingDay} label="賃金締切日" required hint="例：末日、20日" />
        <FieldGroup legend="賃金支払日" required>
          <RadioGroupField meta={payTerms.paymentMonth} label="支払月" required options={optionsOf(PAYMENT_MONTHS)} />
          <TextField meta={payTerms.paymentDay} label="支払日" required hint="例：25日、末日" />
        </FieldGroup>
      </Section>

      <Section id="step4-raise-bonus" title="昇給・賞与">
        <FieldGroup legend="昇給">
          <RadioGroupField meta={raise.present} label="昇給制度" options={yesNoOptions()} />
          <RadioGroupField meta={raise.lastYear} label="昇給（前年度実績）" options={yesNoOptions()} />
          <TextField meta={raise.description} label="昇給の金額・率" hint="例：月3,000円〜5,000円（前年度実績）" />
        </FieldGroup>
        <FieldGroup legend="賞与">
          <RadioGroupField meta={bonus.present} label="賞与制度" options={yesNoOptions()} />
          <TextAreaField
            meta={bonus.description}
            label="賞与の内容"
            rows={2}
            hint={hintOf("賞与ありの場合は必須です。例：年2回・計2.0か月分", lengthHint("wage.bonus.description"))}
          />
          <RadioGroupField meta={bonusLastYear.paid} label="賞与（前年度実績）" options={yesNoOptions()} />
          <TextField meta={bonusLastYear.times} label="前年度の賞与の回数（回）" inputMode="numeric" hint="例：2" />
          <TextField meta={bonusLastYear.description} label="前年度の賞与の金額" hint="例：計40万円〜60万円 又は 計2.0か月分" />
        </FieldGroup>
        <TextAreaField
          meta={payTerms.annualIncomeExample}
          label="年収例"
          rows={2}
          hint={hintOf("例：入社3年目 年収350万円（賞与・時間外手当を含む）", lengthHint("payTerms.annualIncomeExample"))}
        />
      </Section>
    </>
  );
}
