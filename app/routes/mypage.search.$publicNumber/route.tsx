/**
 * 求職情報検索の詳細 (R-SEARCH-1) with the 直接リクエスト form (R-SEARCH-2), issue 12: the published seeker by 公開番号,
 * anonymised; the form chooses one of the establishment's postings that accept オンライン自主応募 (「残り n 件」 each) with an
 * optional message, and the page lists the requests already sent to this seeker. A seeker without 求職者マイページ gets
 * no form (the page says why). Guards and data: seeker.server.ts.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, SelectField, TextAreaField } from "../../components/form";
import { SearchRouteError, SentRequestsTable } from "../../components/direct-requests";
import { directRequestSchema } from "../../lib/schemas/direct-request";
import { DIRECT_REQUEST_MESSAGES, REQUEST_MESSAGE_MAX, REQUESTS_PER_POSTING } from "../../rules/direct-request";
import { requestAction, seekerPage } from "./seeker.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `求職者 ${data?.publicNumberLabel ?? ""} | 求職情報検索 | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return seekerPage(request, context, params.publicNumber);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return requestAction(request, context, params.publicNumber);
}

type Data = Awaited<ReturnType<typeof seekerPage>>;

function RequestForm({ publicNumber, postings }: Pick<Data, "publicNumber" | "postings">) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "direct-request",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: directRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const options = postings.map((p) => ({ value: p.id, label: `${p.title}（残り ${p.remaining} 件${p.requested ? "・リクエスト済み" : ""}）` }));
  return (
    <Form method="post" action={`/mypage/search/${publicNumber}`} {...getFormProps(form)} className="max-w-2xl">
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField meta={fields.postingId} label="リクエストする求人" options={options} required placeholder="求人を選んでください" />
      <TextAreaField meta={fields.message} label="メッセージ" hint={`求職者へのひと言を${REQUEST_MESSAGE_MAX}文字以内で入力できます（任意）。`} rows={4} />
      <Button>リクエストを送る</Button>
    </Form>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <p>記載なし</p>;
  return (
    <div className="grid gap-1">
      {lines.map((line, i) => (
        <p key={i} className="break-all">
          {line}
        </p>
      ))}
    </div>
  );
}

export default function PublishedSeeker() {
  const { publicNumber, publicNumberLabel, hasMypage, profile, licences, workHistory, selfPr, postings, requested } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="mb-2 text-std-32B-150">{`求職者 ${publicNumberLabel}`}</h1>
      <p className="mb-6">公開番号で表示しています。氏名・住所・連絡先などは表示されません。</p>
      <section aria-labelledby="profile-title" className="mb-10">
        <h2 id="profile-title" className="mb-4 text-std-24B-150">
          公開されている求職情報
        </h2>
        <dl className="mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-std-16B-170">公開番号</dt>
          <dd>{publicNumberLabel}</dd>
          {profile.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-std-16B-170">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mb-2 text-std-20B-150">免許・資格</h3>
        <div className="mb-6">
          <Lines lines={licences} />
        </div>
        <h3 className="mb-2 text-std-20B-150">職歴</h3>
        <div className="mb-6">
          <Lines lines={workHistory} />
        </div>
        <h3 className="mb-2 text-std-20B-150">自己PR</h3>
        <Lines lines={selfPr} />
      </section>
      <section aria-labelledby="request-title" className="mb-10">
        <h2 id="request-title" className="mb-4 text-std-24B-150">
          直接リクエスト
        </h2>
        <p className="mb-4">
          {`オンライン自主応募を受け付けている有効中の求人への応募をお願いできます。リクエストは1つの求人につき${REQUESTS_PER_POSTING}件まで、この求職者には1つの求人につき1回だけ送れます。`}
        </p>
        {!hasMypage ? (
          <p className="rounded-8 bg-solid-gray-50 p-4" data-no-request>
            {DIRECT_REQUEST_MESSAGES["seeker-no-mypage"]}
          </p>
        ) : postings.length === 0 ? (
          <p className="rounded-8 bg-solid-gray-50 p-4" data-no-request>
            リクエストを送れる求人がありません。オンライン自主応募の受付が「可」で、公開希望が1または2の有効中の求人が必要です。
          </p>
        ) : (
          <>
            <ul className="mb-4 grid gap-1" aria-label="求人ごとの残り件数">
              {postings.map((p) => (
                <li key={p.id} data-posting-id={p.id}>{`${p.title}：残り ${p.remaining} 件`}</li>
              ))}
            </ul>
            <RequestForm publicNumber={publicNumber} postings={postings} />
          </>
        )}
      </section>
      <section aria-labelledby="requested-title" className="mb-10">
        <h2 id="requested-title" className="mb-4 text-std-24B-150">
          この求職者に送ったリクエスト
        </h2>
        {requested.length === 0 ? <p>まだリクエストを送っていません。</p> : <SentRequestsTable rows={requested} caption="この求職者に送ったリクエスト" />}
      </section>
      <p className="flex flex-wrap gap-6">
        <Link to="/mypage/search">求職情報検索へ戻る</Link>
        <Link to="/mypage/requests">送った直接リクエスト</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <SearchRouteError
      notFound={{ title: "求職者が見つかりません", body: "お探しの求職者は見つからないか、求職情報の公開をやめています。求職情報検索からお探しください。" }}
    />
  );
}
