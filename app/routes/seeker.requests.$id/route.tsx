/**
 * /seeker/requests/:id — one 直接リクエスト of the signed-in seeker (R-SEARCH-2, issue 12): who sent it, the employer's
 * message, the posting's essentials (仕事内容 with 職種・就業場所, 賃金, 労働時間: the kyujinhyo sections of the public
 * 求人票), and the answer — 「応募する」 (an オンライン自主応募 to the posting) or 「辞退する」, each confirmed on a second
 * step. Works without JavaScript. Data and action: request.server.ts.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "../../components/form";
import { HoursSection } from "../../components/kyujinhyo/hours-section";
import { JobSection } from "../../components/kyujinhyo/job-section";
import { WageSection } from "../../components/kyujinhyo/wage-section";
import { RouteRefusalError } from "../../components/posting-error";
import type { RequestAnswer } from "../../rules/request-answer";
import { requestAction, requestPage, type RequestActionData } from "./request.server";

const SEEKER_HOME = "/seeker";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `直接リクエスト（${data?.jobTitle ?? "求人"}） | 求職者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return requestPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return requestAction(request, context, params.id ?? "");
}

const CONFIRM_COPY: Record<RequestAnswer, { title: string; body: string; button: string }> = {
  accept: {
    title: "この求人に応募しますか",
    body: "「応募を確定する」を押すと、オンライン自主応募として事業所の応募者管理に届きます。事業所には、あなたが開示に同意した項目と氏名・年齢が表示されます。応募は取り消せません。",
    button: "応募を確定する",
  },
  decline: {
    title: "このリクエストを辞退しますか",
    body: "「辞退を確定する」を押すと、事業所に辞退したことが伝わります（あなたの氏名などは伝わりません）。辞退したリクエストには、あとから応募できません。",
    button: "辞退を確定する",
  },
};

function Confirm({ answer }: { answer: RequestAnswer }) {
  const copy = CONFIRM_COPY[answer];
  return (
    <section aria-labelledby="confirm-title" className="mb-10 max-w-3xl rounded-8 border-2 border-blue-900 p-6" data-confirm={answer}>
      <h2 id="confirm-title" className="mb-4 text-std-24B-150">
        {copy.title}
      </h2>
      <p className="mb-6">{copy.body}</p>
      <div className="flex flex-wrap gap-4">
        <Form method="post">
          <input type="hidden" name="intent" value={answer} />
          <input type="hidden" name="confirmed" value="1" />
          <Button>{copy.button}</Button>
        </Form>
        <Form method="get">
          <Button variant="secondary">やめて戻る</Button>
        </Form>
      </div>
    </section>
  );
}

function Answer() {
  const { canApply, canDecline, applyRefusal, statusLabel, answeredAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as RequestActionData | undefined;
  if (result?.confirm && (result.confirm === "accept" ? canApply : canDecline)) return <Confirm answer={result.confirm} />;
  return (
    <section aria-labelledby="answer-title" className="mb-10 max-w-3xl">
      <h2 id="answer-title" className="mb-4 text-std-24B-150">
        回答
      </h2>
      {result?.formErrors.length || result?.intentErrors?.length ? (
        <div role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-answer-error>
          {result.formErrors.map((e) => (
            <p key={e}>{e}</p>
          ))}
          {result.intentErrors?.length ? <p data-field-error="intent">{result.intentErrors.join(" ")}</p> : null}
        </div>
      ) : null}
      {!canDecline ? (
        <p data-answered>{`このリクエストは「${statusLabel}」です${answeredAt ? `（${answeredAt}）` : ""}。`}</p>
      ) : (
        <>
          {applyRefusal ? (
            <p className="mb-4 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4 text-dns-16B-130" data-apply-refusal>
              {applyRefusal}
            </p>
          ) : (
            <div className="mb-6">
              <p className="mb-3">この求人に応募する場合は「応募する」を押してください。次の画面で確認してから応募します。</p>
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <Button>応募する</Button>
              </Form>
            </div>
          )}
          <div>
            <p className="mb-3">応募しない場合は「辞退する」を押してください。次の画面で確認してから辞退します。</p>
            <Form method="post">
              <input type="hidden" name="intent" value="decline" />
              <Button variant="secondary">辞退する</Button>
            </Form>
          </div>
        </>
      )}
    </section>
  );
}

export default function SeekerRequestPage() {
  const { id, establishmentName, jobNumber, jobTitle, message, sentAt, statusLabel, view } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="mb-4">
        <Link to={SEEKER_HOME}>求職者マイページへ戻る</Link>
      </p>
      <h1 className="mb-6 text-std-32B-150">直接リクエスト</h1>
      <dl className="mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="text-std-16B-170">事業所</dt>
        <dd className="break-all">{establishmentName}</dd>
        <dt className="text-std-16B-170">求人番号</dt>
        <dd>{jobNumber}</dd>
        <dt className="text-std-16B-170">職種</dt>
        <dd className="break-all">{jobTitle}</dd>
        <dt className="text-std-16B-170">届いた日時</dt>
        <dd>{sentAt}</dd>
        <dt className="text-std-16B-170">状態</dt>
        <dd data-request-status>{statusLabel}</dd>
        <dt className="text-std-16B-170">事業所からのメッセージ</dt>
        <dd className="whitespace-pre-line break-all" data-request-message>
          {message || "（メッセージはありません）"}
        </dd>
      </dl>
      <Answer />
      <p className="mb-8">
        <Link to={`/seeker/messages/new?request=${encodeURIComponent(id)}`}>この事業所にメッセージを送る</Link>
      </p>
      <section aria-labelledby="posting-title" className="mb-10">
        <h2 id="posting-title" className="mb-4 text-std-24B-150">
          求人の内容
        </h2>
        <JobSection view={view} level={3} />
        <WageSection view={view} level={3} />
        <HoursSection view={view} level={3} />
      </section>
      <p>
        <Link to={SEEKER_HOME}>求職者マイページへ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <RouteRefusalError
      refusedTitle="このリクエストは表示できません"
      notFound={{ title: "リクエストが見つかりません", body: "お探しの直接リクエストは見つかりませんでした。求職者マイページの一覧からお探しください。" }}
      back={{ to: SEEKER_HOME, label: "求職者マイページへ戻る" }}
    />
  );
}
