/**
 * 管轄の変更（移転） (R-DEL-3): the officer records that the establishment moved into another office's area; after a
 * confirmation step (no JavaScript: the first POST shows 「この内容で求人者マイページを閉鎖しますか」, the second acts) the
 * old My Page is closed. No data is carried over: the new office registers the establishment afresh.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField } from "../../components/form";
import { BackToEstablishment, ConfirmStep, EffectList, EstablishmentActionHeading, ToConfirmButton } from "../../components/staff-establishment-action";
import { StaffHeader } from "../../components/staff-header";
import { relocationSchema } from "../../lib/schemas/withdrawal";
import { relocationAction, relocationPage } from "./relocation.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `管轄の変更（${data?.establishment.name ?? "事業所"}） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return relocationPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return relocationAction(request, context, params.id ?? "");
}

const RELOCATION_EFFECTS = [
  "この事業所の求人者マイページを閉鎖します。有効中の求人は本日で募集を停止し、メッセージのやり取りを終了します。",
  "すべてのログインアカウントは直ちにログアウトされ、ログインできなくなります。",
  "登録された情報は新しい管轄のハローワークに引き継がれず、31日後に消去されます。",
  "ログインアカウントに、新しい管轄のハローワークで改めて事業所登録するようメールで知らせます。",
];

export default function RelocationPage() {
  const { staff, establishment: e, closed, canRelocate, offices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "relocation",
    lastResult: result?.lastResult,
    defaultValue: { officeCode: result?.officeCode ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: relocationSchema }),
    shouldValidate: "onBlur",
  });
  const confirming = canRelocate && result?.step === "confirm";
  return (
    <>
      <StaffHeader staff={staff} />
      <EstablishmentActionHeading title="管轄の変更（移転）" establishment={e} />
      {closed ? (
        <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="text-std-16B-170">閉鎖した日時</dt>
          <dd>{closed.at}</dd>
          <dt className="text-std-16B-170">消去予定日</dt>
          <dd data-erased-from>{`${closed.erasedFrom}以降に消去`}</dd>
        </dl>
      ) : null}
      {!canRelocate ? (
        <p className="mb-8">{closed ? "この事業所の求人者マイページは閉鎖済みです。" : "この事業所は退会しているため、管轄の変更はできません。"}</p>
      ) : confirming ? (
        <ConfirmStep
          name="relocate"
          question="この内容で求人者マイページを閉鎖しますか"
          intent="relocate"
          act="求人者マイページを閉鎖する"
          hidden={{ officeCode: result.officeCode ?? "" }}
        >
          <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-std-16B-170">新しい管轄</dt>
            <dd data-confirm-office>{result.officeName}</dd>
          </dl>
          <EffectList effects={RELOCATION_EFFECTS} />
        </ConfirmStep>
      ) : (
        <section aria-labelledby="form-title" className="mb-10 max-w-3xl">
          <h2 id="form-title" className="mb-4 text-std-24B-150">
            新しい管轄のハローワーク
          </h2>
          <p className="mb-4">所在地の変更により、ほかのハローワークの管轄となった場合に記録します。求人者マイページは閉鎖され、データは引き継がれません。</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <SelectField meta={fields.officeCode} label="新しい管轄のハローワーク" required options={offices} />
            <ToConfirmButton />
          </Form>
        </section>
      )}
      <BackToEstablishment id={e.id} />
    </>
  );
}
