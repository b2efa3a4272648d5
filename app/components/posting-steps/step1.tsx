/**
 * Screen 1 求人区分等情報 (R-JOB-1; reference/hellowork-domain.md §2.2 A): 大卒等求人, オンライン自主応募の受付,
 * トライアル雇用併用の希望, 障害者求人 and 公開希望. 求人区分 フルタイム/パート is not chosen here: it follows the working
 * hours of screen 5 (a posting shorter than the establishment's full-time week is パート).
 */
import { PUBLICATION_LABELS } from "../../lib/posting-labels";
import { PUBLICATIONS } from "../../lib/schemas/posting";
import { CheckboxField, RadioGroupField, yesNoOptions } from "../form";
import { Note, Section } from "./fields";
import type { StepProps } from "./types";

export function Step1Fields({ form }: StepProps<1>) {
  const fields = form.getFieldset();
  const category = fields.category.getFieldset();
  return (
    <>
      <Section id="step1-kind" title="求人区分">
        <Note title="求人区分（フルタイム・パート）について">
          フルタイムかパートかは選ぶ必要はありません。「労働時間情報」（画面5）で入力する1週間の所定労働時間が、事業所の通常の労働者（フルタイム）より短い場合はパート求人、そうでなければフルタイム求人になります。
        </Note>
        <CheckboxField
          meta={fields.universityGraduate}
          label="大卒等求人（大学・大学院・短大・高専・専修学校等の卒業予定者・卒業後おおむね3年以内の方を対象とする求人）"
          hint="大卒等求人の紹介期限は、受理日にかかわらず3月31日です。"
        />
        <CheckboxField meta={category.disabilityPosting} label="障害者求人（障害のある方を対象とする求人）" />
      </Section>
      <Section id="step1-application" title="応募の受付">
        <RadioGroupField
          meta={category.onlineApplication}
          label="オンライン自主応募の受付"
          required
          options={yesNoOptions("可（求職者マイページから直接応募を受け付ける）", "否（ハローワークの紹介による応募のみ）")}
          hint="「可」にすると、求職者がハローワークの紹介を受けずに、求職者マイページから直接応募できます。"
          inline={false}
        />
        <RadioGroupField
          meta={category.trialEmployment}
          label="トライアル雇用併用の希望"
          required
          options={yesNoOptions("あり", "なし")}
          hint="トライアル雇用助成金の対象となる求職者を、原則3か月の試行雇用で受け入れることを希望する場合は「あり」を選んでください。"
        />
      </Section>
      <Section id="step1-publication" title="公開希望">
        <RadioGroupField
          meta={category.publication}
          label="求人情報・事業所名の公開範囲"
          required
          options={PUBLICATIONS.map((p) => ({ value: p, label: PUBLICATION_LABELS[Number(p) as 1 | 2 | 3 | 4] }))}
          hint="ハローワークインターネットサービスで、求人情報と事業所名等をどこまで公開するかを選んでください。"
          inline={false}
        />
      </Section>
    </>
  );
}
