/** Step 2 of 紹介 (R-REF-1): the 求人番号 confirmed (read-only), 紹介日, 面接日時・場所, 備考, and the button. */
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { formatJapaneseDate } from "../../../lib/clock";
import { SEEKER_LIMITS } from "../../../lib/schemas/seeker";
import { Button, FieldError, FormErrors, Hint, Label, TextAreaField, TextField, inputClass, useDescribedBy } from "../../../components/form";

type Field = FieldMetadata<string | undefined | null>;

export interface ReferralFieldset {
  jobNumber: Field;
  referredOn: Field;
  interviewDate: Field;
  interviewTime: Field;
  interviewPlace: Field;
  note: Field;
}

function ConfirmedJobNumber({ meta }: { meta: Field }) {
  const hint = "上で確認した求人です。別の求人に紹介するときは、上で求人番号を入力し直してください。";
  const props = getInputProps(meta as FieldMetadata<string>, { type: "text", ariaDescribedBy: useDescribedBy(meta, true) });
  return (
    <div className="mb-6">
      <Label htmlFor={meta.id} label="求人番号" required />
      <Hint meta={meta} hint={hint} />
      <input {...props} readOnly required={undefined} className={`${inputClass} max-w-60 bg-solid-gray-50`} />
      <FieldError meta={meta} />
    </div>
  );
}

export function ReferralFields({
  fields,
  errors,
  errorId,
  today,
  earliest,
}: {
  fields: ReferralFieldset;
  errors?: string[];
  errorId: string;
  today: string;
  earliest: string;
}) {
  return (
    <>
      <FormErrors errors={errors} id={errorId} />
      <ConfirmedJobNumber meta={fields.jobNumber} />
      <TextField
        meta={fields.referredOn}
        label="紹介日"
        type="date"
        required
        size="short"
        hint={`${formatJapaneseDate(earliest)}から${formatJapaneseDate(today)}（今日）までの日付`}
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField meta={fields.interviewDate} label="面接日" type="date" size="short" hint="決まっている場合" />
        <TextField meta={fields.interviewTime} label="面接の時刻" size="short" hint="例：10:30" inputMode="numeric" />
      </div>
      <TextField meta={fields.interviewPlace} label="面接場所" hint={`例：本社2階 会議室（${SEEKER_LIMITS.interviewPlace}文字以内）`} />
      <TextAreaField meta={fields.note} label="備考" rows={3} hint={`事業所への連絡事項など（${SEEKER_LIMITS.note}文字以内）`} />
      <Button>紹介する</Button>
    </>
  );
}
