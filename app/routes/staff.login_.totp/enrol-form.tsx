/** Step 0 of the first authenticator set-up (issue 9 #4): the 登録コード issued by a supervisor of the office. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Button, TextField } from "../../components/form";
import { enrolSchema } from "./schema";

export function EnrolForm({ redirectTo, lastResult }: { redirectTo: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "enrol",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enrolSchema }),
  });
  return (
    <>
      <p className="mb-6">
        職員用画面のログインには、パスワードに加えて認証アプリの確認コードが必要です。認証アプリを設定するには、所属するハローワークの統括職員が発行した登録コード（12桁、発行から24時間有効、1回限り）を入力してください。
      </p>
      <Form method="post" {...getFormProps(form)} className="max-w-xl">
        <input type="hidden" name="intent" value="enrol" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          meta={fields.enrolmentCode}
          label="登録コード"
          required
          inputMode="numeric"
          autoComplete="off"
          hint="例：1234-5678-9012（ハイフンは省略できます）"
        />
        <Button>登録コードを確認する</Button>
      </Form>
    </>
  );
}
