/**
 * The applicant page's メッセージ section (R-MSG-1, R-REF-3, issue 12): the link to the conversation and, for a
 * registered 採用 / 不採用, the fixed text with 「選考結果をメッセージで送る」 — or why it cannot be sent.
 */
import { Form, Link } from "@remix-run/react";
import { Button } from "../../../components/form";
import { Section } from "../../../components/referral-parts";

export function ResultMessageSection({ message }: { message: { href: string; resultText: string | null; refusal: string | null } }) {
  return (
    <Section id="message-title" title="メッセージ">
      <p className="mb-4">
        <Link to={message.href}>メッセージ</Link>
      </p>
      {message.resultText ? (
        <>
          <p className="mb-2">選考結果を次の文面でメッセージとして応募者に送れます。</p>
          <p className="mb-4 whitespace-pre-wrap rounded-8 border border-solid-gray-420 bg-white p-4" data-result-message>
            {message.resultText}
          </p>
          {message.refusal ? (
            <p className="rounded-8 border-2 border-red-800 bg-red-50 p-4" data-refused-reason>
              {message.refusal}
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="sendResult" />
              <Button variant="secondary">選考結果をメッセージで送る</Button>
            </Form>
          )}
        </>
      ) : message.refusal ? (
        <p data-refused-reason>{message.refusal}</p>
      ) : null}
    </Section>
  );
}
