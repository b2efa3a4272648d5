/**
 * Screen 5 労働時間情報 (R-JOB-1; reference/hellowork-domain.md §2.2 E, §2.3 4): 就業時間1–3 (fixed rows), 交替制,
 * 所定労働時間, 休憩, 変形労働時間制, 時間外労働, 休日. The 通常の労働者 weekly hours decide フルタイム/パート
 * (rules/posting postingKind), so the hint says so.
 */
import { VARIABLE_SYSTEMS, WEEKLY_TWO_DAYS_OFF } from "../../lib/schemas/posting";
import { VARIABLE_SYSTEM_LABELS } from "../../lib/posting-labels";
import { CheckboxField, FieldGroup, optionsOf, RadioGroupField, TextAreaField, TextField, yesNoOptions } from "../form";
import { hintOf, lengthHint, Section } from "./fields";
import type { StepProps } from "./types";

const DURATION_HINT = "「7:45」または「7時間45分」のように入力してください";
const TIME_HINT = "24時間制で「08:30」のように";

export function Step5Fields({ form }: StepProps<5>) {
  const hours = form.getFieldset().hours.getFieldset();
  const shifts = hours.shifts.getFieldList();
  const overtime = hours.overtime.getFieldset();

  return (
    <>
      <Section
        id="step5-shifts"
        title="就業時間"
        intro={<p>始業・終業の時刻を入力してください。時間帯が複数ある場合（交替制など）は、就業時間2・3にも入力します。使わない行は空欄のままにします。</p>}
      >
        {shifts.map((row, i) => {
          const s = row.getFieldset();
          return (
            <FieldGroup key={row.key ?? i} legend={`就業時間${i + 1}`} required={i === 0 ? true : undefined}>
              <div className="grid gap-x-6 sm:grid-cols-3">
                <TextField meta={s.start} label="始業時刻" required={i === 0} hint={`${TIME_HINT}（例：08:30）`} />
                <TextField meta={s.end} label="終業時刻" required={i === 0} hint={`${TIME_HINT}（例：17:30）`} />
                <TextField meta={s.breakMinutes} label="休憩時間" hint="例：1:00。空欄の場合は下の「休憩時間」" />
              </div>
            </FieldGroup>
          );
        })}
        <CheckboxField meta={hours.shiftSystem} label="交替制（シフト制）による" hint="就業時間1〜3の時間帯を交替で勤務する場合に選んでください。" />
        <TextAreaField
          meta={hours.hoursNote}
          label="就業時間に関する特記事項"
          rows={3}
          hint={hintOf("例：就業時間1〜3のうち、いずれかの時間帯で月10日程度の勤務", lengthHint("hours.hoursNote"))}
        />
      </Section>

      <Section id="step5-working-time" title="所定労働時間・休憩">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField meta={hours.dailyMinutes} label="1日の所定労働時間" required hint={`休憩を除いた時間。${DURATION_HINT}`} />
          <TextField meta={hours.weeklyMinutes} label="1週間の所定労働時間" required hint={`例：40:00。${DURATION_HINT}`} />
        </div>
        <TextField
          meta={hours.fullTimeWeeklyMinutes}
          label="通常の労働者（フルタイム）の1週間の所定労働時間"
          required
          hint={`この事業所の正社員など通常の労働者の時間です。求人の1週間の所定労働時間がこれより短いとパートタイム求人になります。${DURATION_HINT}`}
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField meta={hours.weeklyDays} label="週所定労働日数（日）" inputMode="numeric" hint="1〜7の数字。例：5" />
          <TextField meta={hours.breakMinutes} label="休憩時間" required hint="1日の休憩時間（ない場合は0）。例：1:00、45分" />
        </div>
        <RadioGroupField
          meta={hours.variableSystem}
          label="変形労働時間制"
          inline={false}
          hint="変形労働時間制やフレックスタイム制の場合は、その種類を選んでください。"
          options={VARIABLE_SYSTEMS.map((v) => ({ value: v, label: VARIABLE_SYSTEM_LABELS[v] }))}
        />
      </Section>

      <Section id="step5-overtime" title="時間外労働">
        <RadioGroupField meta={overtime.present} label="時間外労働" options={yesNoOptions()} />
        <TextField meta={overtime.monthlyAverageMinutes} label="月平均時間外労働時間" hint={`時間外労働ありの場合は必須です。例：10:00。${DURATION_HINT}`} />
        <CheckboxField
          meta={overtime.specialClause}
          label="36協定における特別条項あり"
          hint="臨時的に限度時間を超えて時間外労働をさせることがある場合に選んでください。"
        />
      </Section>

      <Section id="step5-holidays" title="休日・休暇">
        <TextField meta={hours.annualHolidays} label="年間休日数（日）" required inputMode="numeric" hint="例：105" />
        <TextAreaField
          meta={hours.holidaysText}
          label="休日等"
          required
          rows={2}
          hint={hintOf("休日の曜日など。例：土日祝、年末年始（12/29〜1/3）", lengthHint("hours.holidaysText"))}
        />
        <RadioGroupField meta={hours.weeklyTwoDaysOff} label="週休二日制" required options={optionsOf(WEEKLY_TWO_DAYS_OFF)} />
        <TextField meta={hours.paidLeaveDays} label="6か月経過後の年次有給休暇日数（日）" inputMode="numeric" hint="例：10" />
      </Section>
    </>
  );
}
