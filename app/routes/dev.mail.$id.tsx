import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { formatJstDateTime } from "../lib/clock";
import { getDb, schema } from "../utils/db.server";
import { requireDevelopment } from "../utils/dev.server";

export const meta: MetaFunction = () => [{ title: "開発用：メール本文 | 求人者マイページ" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const env = context.cloudflare.env;
  requireDevelopment(env);
  const mail = await getDb(env)
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.id, params.id ?? ""))
    .get();
  if (!mail) throw data(null, { status: 404 });
  return {
    toAddress: mail.toAddress,
    subject: mail.subject,
    textBody: mail.textBody,
    status: mail.status,
    createdAt: formatJstDateTime(mail.createdAt),
    sentAt: mail.sentAt ? formatJstDateTime(mail.sentAt) : null,
    lastError: mail.lastError,
  };
}

export default function DevMailDetail() {
  const mail = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-4">
        <Link to="/dev/mail">送信メール一覧へ戻る</Link>
      </p>
      <h1 className="mb-4 text-std-28B-150">{mail.subject}</h1>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-bold">宛先</dt>
        <dd>{mail.toAddress}</dd>
        <dt className="font-bold">作成日時</dt>
        <dd>{mail.createdAt}</dd>
        <dt className="font-bold">状態</dt>
        <dd>{mail.status === "sent" ? `送信済み（${mail.sentAt}）` : "送信待ち"}</dd>
        {mail.lastError ? (
          <>
            <dt className="font-bold">直近のエラー</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="mb-2 text-std-20B-150">本文（テキスト）</h2>
      <pre data-testid="mail-text" className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-4 font-mono">
        {mail.textBody}
      </pre>
    </>
  );
}
