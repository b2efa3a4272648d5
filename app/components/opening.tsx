/**
 * Pieces shared by the opening pages (パスワード登録, 仮登録, ログインアカウントの追加): agreement to the
 * current 利用規約 and プライバシーポリシー (R-OPEN-4, R-OPEN-7) and the sender address to allow (R-OPEN-9).
 */
import type { FieldMetadata } from "@conform-to/react";
import { CheckboxField } from "./form";

export function AgreementFields({
  terms,
  privacy,
}: {
  terms: FieldMetadata<string | undefined | null>;
  privacy: FieldMetadata<string | undefined | null>;
}) {
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
