/**
 * Pieces shared by the opening pages (パスワード登録, 仮登録, ログインアカウントの追加): agreement to the
 * current 利用規約 and プライバシーポリシー (R-OPEN-4, R-OPEN-7), the sender address to allow (R-OPEN-9), and the
 * two key pages that パスワード登録 and 仮登録 share (the key request's form, the key-entry page).
 */
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData } from "@remix-run/react";
import { keyCompletionSchema, keyRequestSchema } from "../lib/schemas/opening";
import { Button, CheckboxField, TextField } from "./form";

export function AgreementFields({ terms, privacy }: { terms: FieldMetadata<string | undefined | null>; privacy: FieldMetadata<string | undefined | null> }) {
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 text-std-17B-170">利用規約とプライバシーポリシーへの同意</legend>
      <p className="mb-4 text-dns-16N-130 text-solid-gray-800">
        リンク先で内容をご確認ください（新しいタブで開きます）。同意いただけない場合は、ご利用いただけません。
      </p>
      <CheckboxField
        meta={terms}
        required
        label={
          <>
            <a href="/terms" target="_blank" rel="noopener">
              利用規約
            </a>
            に同意する
          </>
        }
      />
      <CheckboxField
        meta={privacy}
        required
        label={
          <>
            <a href="/privacy" target="_blank" rel="noopener">
              プライバシーポリシー
            </a>
            に同意する
          </>
        }
      />
    </fieldset>
  );
}

/** R-OPEN-9: which sender address to allow through spam filters. */
export function MailFromNotice({ mailFrom }: { mailFrom: string }) {
  return (
    <p className="mb-4 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4">
      迷惑メール対策をしている場合は、「<strong>{mailFrom}</strong>」からのメールを受信できるよう設定してください。
    </p>
  );
}

/**
 * ②–④ and its 仮登録 twin: the e-mail address and the agreement to the documents (R-OPEN-4, R-OPEN-7). The page's
 * action (models/opening.server.ts) mails the key; the page supplies the address's hint.
 */
export function KeyRequestForm({ hint }: { hint: string }) {
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: keyRequestSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6">
      <TextField meta={fields.email} label="メールアドレス" type="email" required autoComplete="email" hint={hint} />
      <AgreementFields terms={fields.agreeTerms} privacy={fields.agreePrivacy} />
      <Button>同意して認証キーを送信する</Button>
    </Form>
  );
}

/**
 * ⑤–⑥ and its 仮登録 twin: the e-mail address, the mailed 認証キー and the new password (R-OPEN-5,
 * R-OPEN-6), then what to do when no key arrived. The page supplies its title, intro and the path that
 * issues a new key; its loader, `keyCompletionPageData`; its action, `keyCompletionAction` (models/opening.server.ts).
 */
export function KeyCompletionPage({
  title,
  intro,
  submitLabel,
  reissuePath,
  mailFrom,
  passwordMin,
  passwordMax,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  reissuePath: string;
  mailFrom: string;
  passwordMin: number;
  passwordMax: number;
}) {
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: keyCompletionSchema }),
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">{title}</h1>
      <p className="mb-4">{intro}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6">
        <TextField meta={fields.email} label="メールアドレス" type="email" required autoComplete="email" hint="認証キーを受け取ったメールアドレス" />
        <TextField
          meta={fields.key}
          label="認証キー"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          hint="メールに記載された8桁の数字（発行から30分有効。5回間違えると無効になります）"
        />
        <TextField
          meta={fields.password}
          label="パスワード"
          type="password"
          required
          autoComplete="new-password"
          hint={`${passwordMin}文字以上${passwordMax}文字以内。文字の種類の決まりはありません。よく使われるパスワードやメールアドレスの「@」より前の部分を含むものは使えません。`}
        />
        <TextField
          meta={fields.passwordConfirm}
          label="パスワード（確認）"
          type="password"
          required
          autoComplete="new-password"
          hint="確認のため、同じパスワードをもう一度入力してください。"
        />
        <Button>{submitLabel}</Button>
      </Form>
      <section aria-labelledby="no-key-title" className="mt-10">
        <h2 id="no-key-title" className="mb-4 text-std-24B-150">
          認証キーが届かない・有効期限が切れた場合
        </h2>
        <MailFromNotice mailFrom={mailFrom} />
        <p>
          <Link to={reissuePath}>認証キーを発行し直す</Link>
        </p>
      </section>
    </>
  );
}
