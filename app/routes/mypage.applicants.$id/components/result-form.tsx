/** The employer's 選考結果 form (R-REF-3): a first registration, or a correction prefilled with the current result. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData } from "@remix-run/react";
import { Button, FormErrors } from "../../../components/form";
import { CurrentResult, ResultFields, Section } from "../../../components/referral-parts";
import type { ReferralPageView, ResultValuesView } from "../../../lib/referral-view";
import { resultSchema } from "../../../lib/schemas/selection-result";
import type { action } from "../route";

function defaultsOf(values: ResultValuesView) {
  if (values.status !== "hired" && values.status !== "rejected") return undefined;
  return {
    result: values.status,
    hireDate: values.hireDate ?? "",
    conditionsDiffer: values.conditionsDiffer === null || values.conditionsDiffer === undefined ? "" : String(values.conditionsDiffer),
    differences: Object.fromEntries((values.differences ?? []).map((d) => [d, "on"])),
    differenceNote: values.differenceNote ?? "",
  };
}

function Notice({ children, kind }: { children: string; kind: string }) {
  return (
    <p role="status" className="mb-6 rounded-8 border-2 border-orange-600 bg-orange-50 p-4 text-dns-16B-130" data-result-closed={kind}>
      {children}
    </p>
  );
}

export function ResultFormSection({
  view,
  register,
  declinedMessage,
}: {
  view: ReferralPageView;
  register: { allowed: boolean; reason: string | null };
  declinedMessage: string | null;
}) {
  const lastResult = useActionData<typeof action>();
  const correcting = view.status !== "screening";
  const [form, fields] = useForm({
    id: "result",
    lastResult,
    defaultValue: defaultsOf(view.result.values),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resultSchema }),
    shouldValidate: "onSubmit",
  });
  const title = correcting ? "選考結果の訂正" : "選考結果の登録";
  let body;
  if (!register.allowed) body = <Notice kind="gate">{`選考結果の登録は利用できません。${register.reason ?? ""}`}</Notice>;
  else if (!view.window.open && view.window.closedMessage) body = <Notice kind="window">{view.window.closedMessage}</Notice>;
  else if (declinedMessage) body = <Notice kind="declined">{declinedMessage}</Notice>;
  else
    body = (
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <p className="mb-4">
          {correcting
            ? "登録した選考結果を訂正できます。訂正前と訂正後の内容は履歴に残ります（選考中には戻せません）。"
            : "応募者に選考結果を知らせたあと、ハローワークへ選考結果を登録してください。"}
          {view.window.lastDay ? `オンラインでの登録は${view.window.lastDay}までです。` : ""}
        </p>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="version" value={view.version} />
        <ResultFields fields={fields} />
        <Button>{correcting ? "選考結果を訂正する" : "選考結果を登録する"}</Button>
      </Form>
    );
  return (
    <Section id="result-title" title={title}>
      <CurrentResult view={view} />
      {body}
    </Section>
  );
}
