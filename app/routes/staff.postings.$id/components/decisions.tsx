/** The decisions: 受理 or 修正依頼 with a comment (a new posting or a 内容変更), and an extension request's. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Button, FormErrors, TextAreaField } from "../../../components/form";
import { RETURN_COMMENT_MAX, staffPostingSchema } from "../../../lib/schemas/staff-posting";
import type { Page } from "../route";

export function ReviewSection({
  review,
  acceptRefusal,
  returnResult,
}: {
  review: Page["review"];
  acceptRefusal: string | null;
  returnResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: "return-form",
    lastResult: returnResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffPostingSchema }),
    shouldValidate: "onSubmit",
  });
  if (!review) return null;
  return (
    <section aria-labelledby="review-title" className="mb-10">
      <h2 id="review-title" className="mb-4 text-std-24B-150">
        {review === "new" ? "申込みの確認" : "内容変更の確認"}
      </h2>
      <div className="mb-8">
        <h3 className="mb-2 text-std-20B-150">受理</h3>
        {acceptRefusal ? (
          <p className="text-dns-16B-130 text-red-900">{acceptRefusal}</p>
        ) : (
          <Form method="post">
            <p className="mb-4">
              {review === "new"
                ? "受理すると求人番号が付き、紹介期限（受理日の翌々月末日。大卒等求人は3月31日）まで有効になります。"
                : "受理すると変更後の内容が公開されます。求人番号と紹介期限は変わりません。"}
            </p>
            <Button name="intent" value="accept">
              {review === "new" ? "受理する" : "内容変更を受理する"}
            </Button>
          </Form>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-std-20B-150">修正依頼</h3>
        <p className="mb-4">
          {review === "new" ? "直してほしい点を書いてください。" : "直してほしい点を書いてください。修正依頼の間も、公開中の内容は変わりません。"}
          事業主のマイページに表示され、メールでも通知されます。
        </p>
        <Form method="post" {...getFormProps(form)} className="max-w-2xl">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextAreaField meta={fields.comment} label="修正依頼の内容（コメント）" hint={`${RETURN_COMMENT_MAX}文字以内`} required rows={6} />
          <Button variant="secondary" name="intent" value="return">
            修正依頼をする
          </Button>
        </Form>
      </div>
    </section>
  );
}

export function ExtensionSection({ extension }: { extension: { newValidUntil: string; refusal: string | null } | null }) {
  if (!extension) return null;
  return (
    <section aria-labelledby="extension-title" className="mb-10">
      <h2 id="extension-title" className="mb-4 text-std-24B-150">
        有効期間の延長の申請
      </h2>
      {extension.refusal ? (
        <p className="mb-4" data-extension-refusal>
          {extension.refusal}
        </p>
      ) : (
        <p className="mb-4">承認すると紹介期限が{extension.newValidUntil}まで延びます（延長は1回限り）。</p>
      )}
      <Form method="post" className="flex flex-wrap gap-4">
        {extension.refusal ? null : (
          <Button name="intent" value="extension-approve">
            紹介期限を{extension.newValidUntil}まで延長
          </Button>
        )}
        <Button variant="secondary" name="intent" value="extension-refuse">
          延長を承認しない
        </Button>
      </Form>
    </section>
  );
}
