/**
 * The supervisor's forms: add a revision (the office's prefecture only), and for a revision not yet in force, correct
 * it (amount / 発効日) or withdraw it (取消), each with a reason. A change of more than ±20 % comes back with the
 * warning beside the amount and a confirmation checkbox (plain HTML: works without JavaScript).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "../../../components/form";
import { formatJapaneseDate } from "../../../lib/clock";
import { CONFIRM_CHANGE_PERCENT } from "../../../rules/minimum-wage-revision";
import type { RevisionActionData } from "../minimum-wages.server";
import { addRevisionSchema, correctRevisionSchema, REASON_MAX, SOURCE_MAX, withdrawRevisionSchema, type RevisionIntent } from "../schema";

/** The action's answer, when it is about this form. */
function useAnswer(intent: RevisionIntent): RevisionActionData | undefined {
  const answer = useActionData<RevisionActionData>();
  return answer?.intent === intent ? answer : undefined;
}

/** The confirmation asked for after a change of more than ±20 % (tied to the amount's warning). */
function ConfirmationBox({ formId, value, amountErrorId }: { formId: string; value: string | undefined; amountErrorId: string }) {
  if (!value) return null;
  const id = `${formId}-confirm`;
  return (
    <div className="mb-6 rounded-8 border-2 border-orange-600 p-4">
      <div className="flex items-start gap-3">
        <input id={id} type="checkbox" name="confirmChange" value={value} aria-describedby={amountErrorId} className="mt-1.5 h-5 w-5" />
        <label htmlFor={id} className="text-std-16B-170">
          この金額で登録することを確認しました（適用中の金額から{CONFIRM_CHANGE_PERCENT}%を超える変更）
        </label>
      </div>
    </div>
  );
}

export function AddRevisionForm({
  today,
  prefectures,
  defaultPrefecture,
}: {
  today: string;
  prefectures: { code: string; name: string }[];
  defaultPrefecture?: string;
}) {
  const answer = useAnswer("add");
  const [form, fields] = useForm({
    id: "add-revision",
    lastResult: answer?.result,
    defaultValue: { prefectureCode: defaultPrefecture ?? prefectures[0]?.code ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addRevisionSchema(today) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const names = prefectures.map((p) => p.name).join("・");
  return (
    <section aria-labelledby="add-title" className="mb-10">
      <h2 id="add-title" className="mb-4 text-std-24B-150">
        改定の登録（統括職員）
      </h2>
      <p className="mb-6 max-w-2xl">
        決定された{names}の地域別最低賃金の改定を、発効日とともに登録します（所属するハローワークの都道府県に限ります）。発効日は本日（
        {formatJapaneseDate(today)}）以降の日付に限ります。過去の改定の訂正は、運用担当者が一括取込みで行います。
      </p>
      {/* An explicit action, so a re-render after an error never carries the previous "added" notice. */}
      <Form
        method="post"
        action={defaultPrefecture ? `/staff/minimum-wages?prefecture=${defaultPrefecture}` : "/staff/minimum-wages"}
        {...getFormProps(form)}
        className="max-w-2xl"
      >
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="add" />
        <SelectField meta={fields.prefectureCode} label="都道府県" required options={prefectures.map((p) => ({ value: p.code, label: p.name }))} />
        <TextField
          meta={fields.amountYen}
          label="金額（時間額・円）"
          hint="1円から9999円までの整数。例：1068"
          required
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField meta={fields.effectiveFrom} label="発効日" hint="例：2026-10-01（本日以降）" required type="date" />
        <TextField meta={fields.source} label="出典・備考" hint={`${SOURCE_MAX}文字以内。例：令和8年度 地域別最低賃金`} required autoComplete="off" />
        <ConfirmationBox formId={form.id} value={answer?.confirmation} amountErrorId={fields.amountYen.errorId} />
        <Button>改定を登録する</Button>
      </Form>
    </section>
  );
}

interface Revision {
  effectiveFromValue: string;
  effectiveFrom: string;
  amount: string;
  amountYen: number;
  changeable: boolean;
}

export function RevisionChangeForms({ today, prefectureCode, revision }: { today: string; prefectureCode: string; revision: Revision }) {
  const correction = useAnswer("correct");
  const withdrawal = useAnswer("withdraw");
  const action = `/staff/minimum-wages?prefecture=${prefectureCode}&revision=${revision.effectiveFromValue}`;
  const [correctForm, correctFields] = useForm({
    id: "correct-revision",
    lastResult: correction?.result,
    defaultValue: { amountYen: String(revision.amountYen), effectiveFrom: revision.effectiveFromValue },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: correctRevisionSchema(today) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [withdrawForm, withdrawFields] = useForm({
    id: "withdraw-revision",
    lastResult: withdrawal?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: withdrawRevisionSchema }),
    shouldValidate: "onSubmit",
  });
  const title = `${revision.effectiveFrom}から ${revision.amount}`;
  if (!revision.changeable) {
    const refused = [...(correction?.result.error?.[""] ?? []), ...(withdrawal?.result.error?.[""] ?? [])];
    return (
      <section aria-labelledby="change-title" className="mb-10">
        <h2 id="change-title" className="mb-4 text-std-24B-150">
          {title}
        </h2>
        <FormErrors errors={refused} id="change-errors" />
        <p className="max-w-2xl">
          訂正・取消できるのは、発効日が明日以降の改定予定だけです。この最低賃金は適用中（または過去のもの）か、所属するハローワークの都道府県のものではないため、ここでは変更できません。
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="change-title" className="mb-10">
      <h2 id="change-title" className="mb-4 text-std-24B-150">
        改定予定の訂正・取消：{title}
      </h2>
      <p className="mb-6 max-w-2xl">発効日の前日まで、訂正または取消ができます。理由は監査ログに記録され、この都道府県の履歴に表示されます。</p>
      <h3 className="mb-2 text-std-20B-150">訂正</h3>
      <Form method="post" action={action} {...getFormProps(correctForm)} className="mb-10 max-w-2xl">
        <FormErrors errors={correctForm.errors} id={correctForm.errorId} />
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="revision" value={revision.effectiveFromValue} />
        <TextField meta={correctFields.amountYen} label="金額（時間額・円）" hint="1円から9999円までの整数" required inputMode="numeric" autoComplete="off" />
        <TextField meta={correctFields.effectiveFrom} label="発効日" hint="本日以降" required type="date" />
        <TextAreaField meta={correctFields.correctionReason} label="訂正の理由" hint={`${REASON_MAX}文字以内`} required rows={3} />
        <ConfirmationBox formId={correctForm.id} value={correction?.confirmation} amountErrorId={correctFields.amountYen.errorId} />
        <Button>訂正する</Button>
      </Form>
      <h3 className="mb-2 text-std-20B-150">取消</h3>
      <Form method="post" action={action} {...getFormProps(withdrawForm)} className="max-w-2xl">
        <FormErrors errors={withdrawForm.errors} id={withdrawForm.errorId} />
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="revision" value={revision.effectiveFromValue} />
        <TextAreaField meta={withdrawFields.withdrawalReason} label="取消の理由" hint={`${REASON_MAX}文字以内`} required rows={3} />
        <Button variant="secondary">この改定を取り消す</Button>
      </Form>
    </section>
  );
}
