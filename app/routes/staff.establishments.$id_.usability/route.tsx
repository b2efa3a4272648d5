/**
 * 利用不可の設定 (R-GATE-2) for an officer of the jurisdictional office: an open My Page is set to 利用不可 with a reason,
 * a 利用不可 one is restored with a reason; each through a confirmation screen (no JavaScript: the first POST shows
 * 「この内容で利用不可にしますか」 with the reason, the second acts). Another office's establishment is a 404.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField } from "../../components/form";
import { BackToEstablishment, ConfirmStep, EffectList, EstablishmentActionHeading, ToConfirmButton } from "../../components/staff-establishment-action";
import { StaffHeader } from "../../components/staff-header";
import { usabilitySchema } from "../../lib/schemas/gates";
import { GATE_REASON_MAX } from "../../rules/gates";
import { usabilityAction, usabilityPage } from "./usability.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `利用不可の設定（${data?.establishment.name ?? "事業所"}） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return usabilityPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return usabilityAction(request, context, params.id ?? "");
}

const WORDS = {
  unusable: {
    section: "利用不可にする",
    label: "利用不可にする理由",
    question: "この内容で利用不可にしますか",
    act: "利用不可にする",
    effects: (accounts: number, sessions: number) => [
      "この事業所の求人者マイページは、利用を再開するまで一切使えなくなります。",
      `ログイン中のセッション（${sessions}件）はすべて直ちに終了します。ログインしようとすると、管轄のハローワークに問い合わせるよう表示されます。`,
      `ログインアカウント（${accounts}件）に、利用不可になったこととハローワークの連絡先をメールで知らせます（理由はメールに書きません）。`,
    ],
  },
  restore: {
    section: "利用を再開する",
    label: "利用を再開する理由",
    question: "この内容で利用を再開しますか",
    act: "利用を再開する",
    effects: (accounts: number) => [
      "この事業所の求人者マイページを、再び利用できるようにします。",
      `事業所のお知らせと、ログインアカウント（${accounts}件）へのメールで知らせます。`,
    ],
  },
} as const;

export default function UsabilityPage() {
  const { staff, establishment: e, mode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "usability",
    lastResult: result?.lastResult,
    defaultValue: { reason: result?.reason ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: usabilitySchema }),
    shouldValidate: "onBlur",
  });
  const words = mode ? WORDS[mode] : null;
  const confirming = words && result?.step === "confirm";
  return (
    <>
      <StaffHeader staff={staff} />
      <EstablishmentActionHeading title="利用不可の設定" establishment={e} />
      {e.unusableAt ? (
        <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="text-std-16B-170">利用不可にした日時</dt>
          <dd>{e.unusableAt}</dd>
          <dt className="text-std-16B-170">利用不可の理由</dt>
          <dd className="whitespace-pre-line break-all">{e.unusableReason}</dd>
        </dl>
      ) : null}
      {!words ? (
        <p className="mb-8">マイページが開設されていないか、退会または閉鎖（管轄変更）した事業所のため、利用不可の設定はできません。</p>
      ) : confirming ? (
        <ConfirmStep name={mode ?? ""} question={words.question} intent={mode ?? ""} act={words.act} hidden={{ reason: result.reason ?? "" }}>
          <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
            <dt className="text-std-16B-170">理由</dt>
            <dd className="whitespace-pre-line break-all" data-confirm-reason>
              {result.reason}
            </dd>
          </dl>
          <EffectList effects={words.effects(e.activeAccounts, e.openSessions)} />
        </ConfirmStep>
      ) : (
        <section aria-labelledby="form-title" className="mb-10 max-w-3xl">
          <h2 id="form-title" className="mb-4 text-std-24B-150">
            {words.section}
          </h2>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextAreaField
              meta={fields.reason}
              label={words.label}
              required
              hint={`${GATE_REASON_MAX}文字以内。監査記録に残ります（事業所には表示されません）。`}
            />
            <ToConfirmButton />
          </Form>
        </section>
      )}
      <BackToEstablishment id={e.id} />
    </>
  );
}
