/**
 * 管轄の変更（移転） (R-DEL-3): the officer records that the establishment moved into another office's area; after a
 * confirmation step (no JavaScript: the first POST shows 「この内容で求人者マイページを閉鎖しますか」, the second acts) the
 * old My Page is closed. No data is carried over: the new office registers the establishment afresh.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, SelectField } from "../../components/form";
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
      <h1 className="mb-2 text-std-32B-150">管轄の変更（移転）</h1>
      <p className="mb-6 text-std-17N-170">
        <span className="mr-6">{e.name}</span>
        <span className="mr-6">
          事業所番号 <strong>{e.establishmentNumber}</strong>
        </span>
        状態：<strong data-relocation-status>{e.status}</strong>
      </p>
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
        <section aria-labelledby="confirm-title" className="mb-10 max-w-3xl rounded-8 border-2 border-red-800 p-6" data-confirm="relocate">
          <h2 id="confirm-title" className="mb-4 text-std-24B-150">
            この内容で求人者マイページを閉鎖しますか
          </h2>
          <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-std-16B-170">新しい管轄</dt>
            <dd data-confirm-office>{result.officeName}</dd>
          </dl>
          <ul className="mb-6 grid list-disc gap-2 pl-6">
            <li>この事業所の求人者マイページを閉鎖します。有効中の求人は本日で募集を停止し、メッセージのやり取りを終了します。</li>
            <li>すべてのログインアカウントは直ちにログアウトされ、ログインできなくなります。</li>
            <li>登録された情報は新しい管轄のハローワークに引き継がれず、31日後に消去されます。</li>
            <li>ログインアカウントに、新しい管轄のハローワークで改めて事業所登録するようメールで知らせます。</li>
          </ul>
          <Form method="post" className="flex flex-wrap gap-4">
            <input type="hidden" name="officeCode" value={result.officeCode ?? ""} />
            <Button name="intent" value="relocate">
              求人者マイページを閉鎖する
            </Button>
            <Button name="intent" value="back" variant="secondary">
              入力画面に戻る
            </Button>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="form-title" className="mb-10 max-w-3xl">
          <h2 id="form-title" className="mb-4 text-std-24B-150">
            新しい管轄のハローワーク
          </h2>
          <p className="mb-4">所在地の変更により、ほかのハローワークの管轄となった場合に記録します。求人者マイページは閉鎖され、データは引き継がれません。</p>
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <SelectField meta={fields.officeCode} label="新しい管轄のハローワーク" required options={offices} />
            <input type="hidden" name="intent" value="confirm" />
            <Button>確認画面へ進む</Button>
          </Form>
        </section>
      )}
      <p>
        <Link to={`/staff/establishments/${e.id}`}>事業所の詳細へ戻る</Link>
      </p>
    </>
  );
}
