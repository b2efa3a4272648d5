/**
 * 直接リクエスト (R-SEARCH-2): the employer invites a seeker who published the profile and has a 求職者マイページ to
 * apply to one of its valid postings that accepts オンライン自主応募 — at most 10 per posting, one per seeker per posting.
 * The page lists those postings with the remaining count each, the form (求人, 求職者, メッセージ) and the requests sent
 * with their state. Guards: requireEmployer; capability `search` (R-GATE-1/3) to send — while refused, the page says
 * why instead of the form. Data and action: requests.server.ts.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextAreaField, TextField } from "../../components/form";
import { RouteRefusalError } from "../../components/posting-error";
import { TableHead } from "../../components/table";
import { directRequestSchema } from "../../lib/schemas/direct-request";
import { REQUEST_MESSAGE_MAX, REQUESTS_PER_POSTING } from "../../rules/direct-request";
import { requestsAction, requestsPage } from "./requests.server";

const REQUESTS_PATH = "/mypage/requests";

export const meta: MetaFunction = () => [{ title: "直接リクエスト | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return requestsPage(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return requestsAction(request, context);
}

function RequestForm({ postings }: { postings: { id: string; title: string; remaining: number }[] }) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "direct-request",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: directRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const options = postings.map((p) => ({ value: p.id, label: `${p.title}（あと${p.remaining}件）` }));
  return (
    <Form method="post" action={REQUESTS_PATH} {...getFormProps(form)} className="max-w-2xl">
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField meta={fields.postingId} label="求人" options={options} required placeholder="求人を選んでください" />
      <TextField meta={fields.seekerId} label="求職者ID" required hint="求職情報検索の結果に表示される求職者のIDを入力してください。" autoComplete="off" />
      <TextAreaField meta={fields.message} label="メッセージ" hint={`求職者へのひと言を${REQUEST_MESSAGE_MAX}文字以内で入力できます。`} rows={4} />
      <Button>リクエストを送る</Button>
    </Form>
  );
}

export default function DirectRequests() {
  const { refusal, postings, sent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">直接リクエスト</h1>
      <p className="mb-6">
        {`求職情報を公開している求職者（求職者マイページを開設している方）に、オンライン自主応募を受け付けている有効中の求人への応募をお願いできます。リクエストは1つの求人につき${REQUESTS_PER_POSTING}件まで、同じ求職者には1つの求人につき1回だけ送れます。`}
      </p>
      <section aria-labelledby="send-title" className="mb-10">
        <h2 id="send-title" className="mb-4 text-std-24B-150">
          リクエストを送る
        </h2>
        {refusal ? (
          <p className="rounded-8 border-2 border-red-800 bg-red-50 p-4" data-refused-reason>
            {refusal}
          </p>
        ) : postings.length === 0 ? (
          <p>リクエストを送れる求人がありません。オンライン自主応募の受付が「可」で、公開希望が1または2の有効中の求人が必要です。</p>
        ) : (
          <RequestForm postings={postings} />
        )}
      </section>
      <section aria-labelledby="postings-title" className="mb-10">
        <h2 id="postings-title" className="mb-4 text-std-24B-150">
          求人ごとの残り件数
        </h2>
        {postings.length === 0 ? (
          <p>リクエストを送れる求人はありません。</p>
        ) : (
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">リクエストを送れる求人と残り件数</caption>
            <TableHead columns={["求人番号・職種", "送信済み", "残り"]} />
            <tbody>
              {postings.map((p) => (
                <tr key={p.id} className="border-b border-solid-gray-420 align-top" data-posting-id={p.id}>
                  <th scope="row" className="p-2 font-normal">
                    {p.title}
                  </th>
                  <td className="whitespace-nowrap p-2">{`${p.sent}件`}</td>
                  <td className="p-2">{p.remainingText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="sent-title" className="mb-10">
        <h2 id="sent-title" className="mb-4 text-std-24B-150">
          送ったリクエスト
        </h2>
        {sent.length === 0 ? (
          <p>まだリクエストを送っていません。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] border-collapse text-left text-dns-16N-130">
              <caption className="sr-only">送ったリクエストの一覧（求人ごと、新しい順）</caption>
              <TableHead columns={["求人番号・職種", "求職者ID", "送った日時", "状態"]} />
              <tbody>
                {sent.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-420 align-top" data-request-id={r.id}>
                    <th scope="row" className="p-2 font-normal">
                      {r.posting}
                    </th>
                    <td className="break-all p-2">{r.seekerId}</td>
                    <td className="whitespace-nowrap p-2">{r.sentAt}</td>
                    <td className="p-2">{r.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <RouteRefusalError
      refusedTitle="直接リクエストは利用できません"
      notFound={{ title: "求人が見つかりません", body: "お探しの求人は見つかりませんでした。一覧から選んでください。" }}
      back={{ to: REQUESTS_PATH, label: "直接リクエストへ戻る" }}
    />
  );
}
