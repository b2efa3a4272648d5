/**
 * The message pages' parts (R-MSG-1, issue 12), shared by the employer (/mypage/messages) and the seeker
 * (/seeker/messages): the thread table, the conversation with 既読 on the viewer's own messages, and the reply form
 * (Conform + zod, lib/schemas/message) — replaced by the reason when sending is refused, while reading stays possible.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { MessageView, ThreadListItem } from "../lib/message-view";
import { messageSchema } from "../lib/schemas/message";
import { MESSAGE_MAX } from "../rules/message";
import { Button, FormErrors, TextAreaField } from "./form";
import { RouteRefusalError } from "./posting-error";
import { TableHead } from "./table";

export function ThreadTable({ threads, hrefOf, partyColumn }: { threads: ThreadListItem[]; hrefOf: (id: string) => string; partyColumn: string }) {
  if (threads.length === 0) return <p>メッセージはまだありません。</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse text-left text-dns-16N-130">
        <caption className="sr-only">メッセージの一覧（未読のあるものが先、新しい順）</caption>
        <TableHead columns={[partyColumn, "求人", "最終メッセージ", "未読"]} />
        <tbody>
          {threads.map((t) => (
            <tr key={t.id} className="border-b border-solid-gray-420 align-top" data-thread-id={t.id}>
              <th scope="row" className="p-2 font-normal">
                <Link to={hrefOf(t.id)}>{t.party}</Link>
              </th>
              <td className="p-2">{t.subject}</td>
              <td className="whitespace-nowrap p-2">{t.lastMessageAt}</td>
              <td className="whitespace-nowrap p-2">{t.unread > 0 ? <strong className="text-red-800">{`未読 ${t.unread}件`}</strong> : "なし"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The conversation, oldest first; `mineLabel` / `otherLabel` name the sides. */
export function Conversation({ messages, mineLabel, otherLabel }: { messages: MessageView[]; mineLabel: string; otherLabel: string }) {
  if (messages.length === 0) return <p className="mb-8">メッセージはまだありません。</p>;
  return (
    <ol className="mb-8 space-y-4" aria-label="メッセージ">
      {messages.map((message) => (
        <li
          key={message.id}
          data-message-id={message.id}
          data-mine={message.mine ? "true" : "false"}
          className={`rounded-8 border p-4 ${message.mine ? "ml-8 border-blue-600 bg-blue-50" : "mr-8 border-solid-gray-420 bg-white"}`}
        >
          <p className="mb-2 text-dns-14N-130 text-solid-gray-800">
            <span className="font-bold">{message.mine ? mineLabel : otherLabel}</span>
            {message.kindLabel ? <span className="ml-2 rounded-4 border border-solid-gray-600 px-1">{message.kindLabel}</span> : null}
            <span className="ml-2">{message.sentAt}</span>
            {message.mine ? (
              <span className="ml-2" data-read={message.read ? "true" : "false"}>
                {message.read ? "既読" : "未読"}
              </span>
            ) : null}
          </p>
          <p className="whitespace-pre-wrap break-words">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** The reply form, or the reason why sending is refused (reading stays possible). */
export function ReplyForm({ refusal, lastResult, action }: { refusal: string | null; lastResult?: SubmissionResult<string[]> | null; action?: string }) {
  const [form, fields] = useForm({
    id: "message",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section aria-labelledby="reply-title" className="mb-8">
      <h2 id="reply-title" className="mb-4 text-std-24B-150">
        メッセージを送る
      </h2>
      {refusal ? (
        <p className="rounded-8 border-2 border-red-800 bg-red-50 p-4" data-refused-reason>
          {refusal}
        </p>
      ) : (
        <Form method="post" action={action} {...getFormProps(form)} className="max-w-2xl">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextAreaField meta={fields.body} label="メッセージ" required hint={`${MESSAGE_MAX}文字以内の文章で入力してください。`} rows={6} />
          <Button>送信する</Button>
        </Form>
      )}
    </section>
  );
}

/** A conversation page of either side: the list link, the heading, the subject, the messages and the reply form. */
export function ThreadView({
  heading,
  subject,
  messages,
  refusal,
  lastResult,
  listHref,
  mineLabel,
  otherLabel,
  formAction,
}: {
  heading: string;
  subject: string | null;
  messages: MessageView[];
  refusal: string | null;
  lastResult?: SubmissionResult<string[]> | null;
  listHref: string;
  mineLabel: string;
  otherLabel: string;
  formAction?: string;
}) {
  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to={listHref}>メッセージ一覧</Link>
      </p>
      <h1 className="mb-2 break-all text-std-32B-150">{heading}</h1>
      <p className="mb-8">{subject ? `求人：${subject}` : "メッセージが届いたことは、相手にメールでお知らせします（メールに本文は含まれません）。"}</p>
      <Conversation messages={messages} mineLabel={mineLabel} otherLabel={otherLabel} />
      <ReplyForm refusal={refusal} lastResult={lastResult} action={formAction} />
      <p>
        <Link to={listHref}>メッセージ一覧へ戻る</Link>
      </p>
    </>
  );
}

const SIDES = {
  employer: { listHref: "/mypage/messages", mineLabel: "当事業所" },
  seeker: { listHref: "/seeker/messages", mineLabel: "あなた" },
} as const;

/** The conversation route's page of a side, from its loader's data (party, subject, messages, refusal) and action's reply. */
export function ThreadRoutePage({ side }: { side: keyof typeof SIDES }) {
  const page = useLoaderData<{ party: string; subject: string; messages: MessageView[]; refusal: string | null }>();
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const { listHref, mineLabel } = SIDES[side];
  return (
    <ThreadView {...page} heading={`${page.party}とのメッセージ`} lastResult={lastResult} listHref={listHref} mineLabel={mineLabel} otherLabel={page.party} />
  );
}

/** The first-message route's page of a side (`/…/messages/new`), from its loader's data (party, refusal, form action). */
export function StartThreadRoutePage({ side }: { side: keyof typeof SIDES }) {
  const { party, refusal, formAction } = useLoaderData<{ party: string; refusal: string | null; formAction: string }>();
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const { listHref, mineLabel } = SIDES[side];
  return (
    <ThreadView
      heading={`${party}へのメッセージ`}
      subject={null}
      messages={[]}
      refusal={refusal}
      lastResult={lastResult}
      listHref={listHref}
      mineLabel={mineLabel}
      otherLabel={party}
      formAction={formAction}
    />
  );
}

/** The error page of the message routes: 404 (not the viewer's), 403 with the reason, or no details. */
export function MessagesRouteError({ listHref, notFound }: { listHref: string; notFound?: { title: string; body: string } }) {
  return (
    <RouteRefusalError
      refusedTitle="メッセージは利用できません"
      notFound={notFound ?? { title: "メッセージが見つかりません", body: "お探しのメッセージは見つかりませんでした。メッセージ一覧からお選びください。" }}
      back={{ to: listHref, label: "メッセージ一覧へ戻る" }}
    />
  );
}
