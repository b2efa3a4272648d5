/** The officer's two forms (R-REF-3): a result reported by phone (the employer's fields) and a 辞退 (date and note). */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Button, FormErrors, TextAreaField, TextField } from "../../../components/form";
import { ResultFields, Section } from "../../../components/referral-parts";
import type { ReferralPageView } from "../../../lib/referral-view";
import { DECLINE_NOTE_MAX, staffResultSchema } from "../../../lib/schemas/selection-result";

type ActionData = { intent: string; reply: SubmissionResult<string[]> } | undefined;

function useStaffForm(intent: "phone" | "declined", actionData: ActionData) {
  return useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffResultSchema }),
    shouldValidate: "onSubmit",
  });
}

export function StaffResultForms({ view, actionData }: { view: ReferralPageView; actionData: ActionData }) {
  const [phone, phoneFields] = useStaffForm("phone", actionData);
  const [declined, declinedFields] = useStaffForm("declined", actionData);
  return (
    <>
      <Section id="phone-title" title="電話で連絡を受けた選考結果の記録">
        <p className="mb-4">
          事業所から電話などで選考結果の連絡を受けたときに記録します。オンラインでの登録期限を過ぎた求人の結果も記録できます。登録済みの結果はこの内容に訂正されます。
        </p>
        <Form method="post" {...getFormProps(phone)} className="max-w-2xl">
          <FormErrors errors={phone.errors} id={phone.errorId} />
          <input type="hidden" name="intent" value="phone" />
          <input type="hidden" name="version" value={view.version} />
          <ResultFields fields={phoneFields} />
          <Button>電話で受けた選考結果を記録する</Button>
        </Form>
      </Section>
      <Section id="declined-title" title="辞退の記録">
        <p className="mb-4">求職者から辞退の連絡を受けたときに記録します。辞退は事業所からは変更できません。</p>
        <Form method="post" {...getFormProps(declined)} className="max-w-2xl">
          <FormErrors errors={declined.errors} id={declined.errorId} />
          <input type="hidden" name="intent" value="declined" />
          <input type="hidden" name="version" value={view.version} />
          <TextField meta={declinedFields.declinedOn} label="辞退の連絡を受けた日" type="date" size="short" required hint="例：2026-11-26" />
          <TextAreaField meta={declinedFields.declineNote} label="メモ" hint={`${DECLINE_NOTE_MAX}文字以内。辞退の理由など。`} rows={3} />
          <Button variant="secondary">辞退を記録する</Button>
        </Form>
      </Section>
    </>
  );
}
