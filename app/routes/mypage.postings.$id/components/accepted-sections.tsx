/** What an accepted posting offers: 内容変更 (R-JOB-3), 有効期間の延長 (R-JOB-2) and 募集停止 (R-JOB-4, with its form). */
import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Button, CheckboxField, FormErrors, SelectField } from "../../../components/form";
import type { ActionData, Page } from "../route";
import { STOP_CONFIRM, stopSchema } from "../schema";
import { Refusal, useIntentForm } from "./parts";

export function ChangeSection({ page }: { page: Page }) {
  if (page.status !== "accepted" || page.changeStatus !== null) return null;
  const { change } = page.decisions;
  return (
    <section aria-labelledby="change-title" className="mb-10">
      <h2 id="change-title" className="mb-4 text-std-24B-150">
        求人の内容変更
      </h2>
      {change.allowed ? (
        <>
          <p className="mb-4">入力画面で内容を変更し、申し込んでください。ハローワークが変更を受理するまで、公開中の求人票は変更前の内容のままです。</p>
          <Form method="post">
            <Button variant="secondary" name="intent" value="edit">
              内容変更を始める
            </Button>
          </Form>
        </>
      ) : (
        <Refusal reason={change.reason} what="求人の内容変更" capability="postings.change" />
      )}
    </section>
  );
}

export function ExtensionSection({ page }: { page: Page }) {
  if (!page.extension) return null;
  const { change } = page.decisions;
  return (
    <section aria-labelledby="extension-title" className="mb-10">
      <h2 id="extension-title" className="mb-4 text-std-24B-150">
        有効期間の延長
      </h2>
      {!change.allowed ? (
        <Refusal reason={change.reason} what="有効期間の延長の申請" capability="postings.change" />
      ) : page.extension.allowed ? (
        <>
          <p className="mb-4">紹介期限を{page.extension.newValidUntil}まで延長するよう申請できます（1回限り）。ハローワークが承認すると延長されます。</p>
          <Form method="post">
            <Button variant="secondary" name="intent" value="extension">
              紹介期限を{page.extension.newValidUntil}まで延長（申請する）
            </Button>
          </Form>
        </>
      ) : (
        <p data-extension-refused>{page.extension.reason}</p>
      )}
    </section>
  );
}

export function StopSection({ page, result }: { page: Page; result: ActionData | undefined }) {
  const [stopForm, stopFields] = useIntentForm("stop", stopSchema, result);
  if (page.status !== "accepted") return null;
  const { stop } = page.decisions;
  return (
    <section aria-labelledby="stop-title" className="mb-10">
      <h2 id="stop-title" className="mb-4 text-std-24B-150">
        募集停止
      </h2>
      {stop.allowed ? (
        <Form method="post" {...getFormProps(stopForm)} className="max-w-2xl">
          <p className="mb-4">採用者が決まったときなど、募集をやめる場合は募集を停止してください。停止した日が求人無効日になります。</p>
          <FormErrors errors={stopForm.errors} id={stopForm.errorId} />
          <input type="hidden" name="intent" value="stop" />
          <SelectField meta={stopFields.reason} label="募集を停止する理由" required options={page.stopReasons} />
          <CheckboxField meta={stopFields.confirm} label={`${STOP_CONFIRM}。`} required />
          <Button>募集を停止する</Button>
        </Form>
      ) : (
        <Refusal reason={stop.reason} what="募集停止" capability="postings.stop" />
      )}
    </section>
  );
}
