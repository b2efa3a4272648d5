/**
 * 退会 (R-DEL-1) for an officer of the jurisdictional office: when the establishment withdrew, when it is erased, and —
 * within the 30 days — 「退会を取り消す（マイページを復元）」 at the employer's request, with the request's content and a
 * confirmation step (no JavaScript: the first POST shows 「この内容で退会を取り消しますか」, the second acts).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextAreaField } from "../../components/form";
import { BackToEstablishment, ConfirmStep, EffectList, EstablishmentActionHeading, ToConfirmButton } from "../../components/staff-establishment-action";
import { StaffHeader } from "../../components/staff-header";
import { restoreWithdrawalSchema } from "../../lib/schemas/withdrawal";
import { RESTORE_NOTE_MAX } from "../../rules/withdrawal";
import { withdrawalAction, withdrawalPage } from "./withdrawal.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `退会（${data?.establishment.name ?? "事業所"}） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return withdrawalPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return withdrawalAction(request, context, params.id ?? "");
}

const RESTORE_EFFECTS = [
  "求人者マイページを利用中に戻し、これまでのログインアカウントとパスワードで再びログインできるようにします。",
  "退会のときに終了したメッセージのやり取りを再開します。退会のときに停止した求人は停止したままです（事業主が改めて申し込みます）。",
  "事業所のお知らせと、ログインアカウントへのメールで知らせます。",
];

export default function WithdrawalRestorePage() {
  const { staff, establishment: e, withdrawal, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "restore-withdrawal",
    lastResult: result?.lastResult,
    defaultValue: { note: result?.note ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: restoreWithdrawalSchema }),
    shouldValidate: "onBlur",
  });
  const confirming = !refusal && result?.step === "confirm";
  return (
    <>
      <StaffHeader staff={staff} />
      <EstablishmentActionHeading title="退会" establishment={e} />
      {withdrawal ? (
        <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
          <dt className="text-std-16B-170">退会の手続きをした日時</dt>
          <dd>{withdrawal.at}</dd>
          <dt className="text-std-16B-170">消去予定日</dt>
          <dd data-erased-from>{`${withdrawal.erasedFrom}以降に消去`}</dd>
          <dt className="text-std-16B-170">復元できる期限</dt>
          <dd>{withdrawal.restorableUntil}</dd>
        </dl>
      ) : null}
      {refusal ? (
        // After a refused POST (a stale page, day 31) the reason is an alert; otherwise it just says why nothing is offered.
        result ? (
          <FormErrors errors={[refusal]} id="restore-refused" />
        ) : (
          <p className="mb-8" data-restore-refused>
            {refusal}
          </p>
        )
      ) : confirming ? (
        <ConfirmStep name="restore" question="この内容で退会を取り消しますか" intent="restore" act="退会を取り消す" hidden={{ note: result.note ?? "" }}>
          <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-std-16B-170">事業主からの申出の内容</dt>
            <dd className="whitespace-pre-line break-all" data-confirm-note>
              {result.note}
            </dd>
          </dl>
          <EffectList effects={RESTORE_EFFECTS} />
        </ConfirmStep>
      ) : (
        <section aria-labelledby="form-title" className="mb-10 max-w-3xl">
          <h2 id="form-title" className="mb-4 text-std-24B-150">
            退会を取り消す（マイページを復元）
          </h2>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextAreaField
              meta={fields.note}
              label="事業主からの申出の内容"
              required
              hint={`${RESTORE_NOTE_MAX}文字以内。監査記録に残ります（事業所には表示されません）。`}
            />
            <ToConfirmButton />
          </Form>
        </section>
      )}
      <BackToEstablishment id={e.id} />
    </>
  );
}
