/**
 * The parts the officers' pages on one establishment share (利用不可, 利用制限, 退会, 管轄の変更): the heading with the
 * establishment's name, number and status; the confirmation step of a two-step form without JavaScript (the first POST
 * shows it, its button acts, 「入力画面に戻る」 brings back the form with what was typed); the link back to 事業所の詳細.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "./form";

export function EstablishmentActionHeading({
  title,
  establishment,
}: {
  title: string;
  establishment: { name: string; establishmentNumber: string; status: string };
}) {
  return (
    <>
      <h1 className="mb-2 text-std-32B-150">{title}</h1>
      <p className="mb-6 text-std-17N-170">
        <span className="mr-6">{establishment.name}</span>
        <span className="mr-6">
          事業所番号 <strong>{establishment.establishmentNumber}</strong>
        </span>
        状態：<strong data-establishment-status>{establishment.status}</strong>
      </p>
    </>
  );
}

/** The confirmation step: `children` says what will happen; the form posts `hidden` back with the final `intent`. */
export function ConfirmStep({
  name,
  question,
  intent,
  act,
  hidden,
  children,
}: {
  /** The step's name (data-confirm, and the heading's id). */
  name: string;
  question: string;
  intent: string;
  act: string;
  hidden: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${name}-confirm-title`} className="mb-10 max-w-3xl rounded-8 border-2 border-red-800 p-6" data-confirm={name}>
      <h2 id={`${name}-confirm-title`} className="mb-4 text-std-24B-150">
        {question}
      </h2>
      {children}
      <Form method="post" className="flex flex-wrap gap-4">
        {Object.entries(hidden).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <Button name="intent" value={intent}>
          {act}
        </Button>
        <Button name="intent" value="back" variant="secondary">
          入力画面に戻る
        </Button>
      </Form>
    </section>
  );
}

/** A list of what the confirmed action does. */
export function EffectList({ effects }: { effects: readonly string[] }) {
  return (
    <ul className="mb-6 grid list-disc gap-2 pl-6">
      {effects.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The first step's submit: posts the form with the intent `confirm` (the confirmation step comes next). */
export function ToConfirmButton() {
  return (
    <>
      <input type="hidden" name="intent" value="confirm" />
      <Button>確認画面へ進む</Button>
    </>
  );
}

export function BackToEstablishment({ id }: { id: string }) {
  return (
    <p>
      <Link to={`/staff/establishments/${id}`}>事業所の詳細へ戻る</Link>
    </p>
  );
}
