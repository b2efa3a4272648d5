/**
 * Screen 8 選考方法情報 (R-JOB-1; reference/hellowork-domain.md §2.2 H): 採用人数, 選考方法, 選考結果の通知, 選考日時・
 * 場所, 応募書類等 and their sending, and the 担当者 the applicant contacts. The last screen: 完了 is the route's.
 */
import { SEND_METHODS } from "../../lib/schemas/posting";
import { FieldGroup, RadioGroupField, SelectField, TextAreaField, TextField, yesNoOptions } from "../form";
import { CheckboxGroup, hintOf, lengthHint, Section } from "./fields";
import type { StepProps } from "./types";

export function Step8Fields({ form }: StepProps<8>) {
  const selection = form.getFieldset().selection.getFieldset();
  const methods = selection.methods.getFieldset();
  const notifyBy = selection.notifyBy.getFieldset();
  const documents = selection.documents.getFieldset();
  const contact = selection.contact.getFieldset();

  return (
    <>
      <Section id="step8-selection" title="選考">
        <TextField meta={selection.hires} label="採用人数（人）" required inputMode="numeric" hint="例：1" />
        <CheckboxGroup
          legend="選考方法"
          group={selection.methods}
          required
          hint="行うものをすべて選んでください。"
          items={[
            { meta: methods.documents, label: "書類選考" },
            { meta: methods.interview, label: "面接" },
            { meta: methods.writtenTest, label: "筆記試験" },
            { meta: methods.other, label: "その他" },
          ]}
        >
          <TextField meta={selection.otherMethod} label="その他の選考方法" hint="「その他」を選んだ場合は必須です。例：適性検査" />
        </CheckboxGroup>
        <FieldGroup legend="選考結果の通知">
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField
              meta={selection.resultDaysAfterDocuments}
              label="書類選考結果の通知（書類到着後○日以内）"
              inputMode="numeric"
              hint="日数を数字で。例：7"
            />
            <TextField meta={selection.resultDaysAfterInterview} label="面接選考結果の通知（面接後○日以内）" inputMode="numeric" hint="日数を数字で。例：7" />
          </div>
        </FieldGroup>
        <CheckboxGroup
          legend="求職者への通知方法"
          group={selection.notifyBy}
          required
          hint="選考結果を知らせる方法をすべて選んでください。"
          items={[
            { meta: notifyBy.post, label: "郵送" },
            { meta: notifyBy.phone, label: "電話" },
            { meta: notifyBy.email, label: "Eメール" },
            { meta: notifyBy.mypage, label: "求職者マイページ" },
          ]}
        />
        <TextAreaField
          meta={selection.schedule}
          label="選考日時等"
          rows={2}
          hint={hintOf("例：随時（応募書類到着後、日程を連絡します）", lengthHint("selection.schedule"))}
        />
        <TextAreaField meta={selection.place} label="選考場所" rows={2} hint={hintOf("例：就業場所と同じ", lengthHint("selection.place"))} />
      </Section>

      <Section id="step8-documents" title="応募書類">
        <CheckboxGroup
          legend="応募書類等"
          group={selection.documents}
          required
          hint="応募に必要な書類をすべて選んでください。"
          items={[
            { meta: documents.referralLetter, label: "ハローワーク紹介状" },
            { meta: documents.resume, label: "履歴書（写真貼付）" },
            { meta: documents.careerHistory, label: "職務経歴書" },
            { meta: documents.other, label: "その他" },
          ]}
        >
          <TextField meta={selection.documentsOther} label="その他の応募書類の名称" hint="「その他」を選んだ場合は必須です。例：資格証明書の写し" />
        </CheckboxGroup>
        <RadioGroupField
          meta={selection.onlineDocuments}
          label="求職者マイページからの応募書類の登録"
          hint="求職者がマイページから応募書類を登録して応募できるようにするか"
          options={yesNoOptions("可", "否")}
        />
        <SelectField meta={selection.sendMethod} label="応募書類の送付方法" required options={SEND_METHODS.map((m) => ({ value: m, label: m }))} />
        <RadioGroupField meta={selection.returnDocuments} label="応募書類の返戻" options={yesNoOptions()} />
      </Section>

      <Section id="step8-contact" title="担当者">
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField meta={contact.title} label="役職" hint="例：総務課長" autoComplete="organization-title" />
          <TextField meta={contact.name} label="氏名" required hint="例：日光 花子" autoComplete="name" />
          <TextField meta={contact.nameKana} label="氏名（カナ）" hint="全角カタカナ。例：ニッコウ ハナコ" />
          <TextField meta={contact.phone} label="電話番号" type="tel" required inputMode="tel" autoComplete="tel" hint="市外局番から。例：0288-22-0353" />
          <TextField meta={contact.extension} label="内線" inputMode="numeric" hint="例：123" />
          <TextField meta={contact.fax} label="FAX番号" type="tel" inputMode="tel" hint="例：0288-22-0354" />
        </div>
        <TextField meta={contact.email} label="Eメール" type="email" inputMode="email" autoComplete="email" hint="例：saiyo@example.jp" />
      </Section>

      <Section id="step8-notes" title="補足事項">
        <TextAreaField meta={selection.notes} label="補足事項" rows={6} hint={hintOf("選考や応募についての補足", lengthHint("selection.notes"))} />
      </Section>
    </>
  );
}
