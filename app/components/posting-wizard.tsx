/**
 * The chrome of the 求人申込み wizard (R-JOB-1): the 8 screens with the current one marked (aria-current="step") and
 * links to those already reached, the summary of the screen's red (blocking) and orange (warning) findings with links
 * to their fields, and the buttons 戻る / 一時保存 / 次へ進む (確認へ進む on screen 8). The screen's fields come from
 * components/posting-steps; the route (routes/mypage.postings.$id_.step.$step, routes/provisional_.posting.step.$step) decides what is saved and shown.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { WizardFinding } from "../lib/posting-wizard";
import { STEPS } from "../rules/posting/steps";

export { conformName, type WizardFinding } from "../lib/posting-wizard";

export function stepPath(postingId: string, step: number): string {
  return `/mypage/postings/${postingId}/step/${step}`;
}

/** The 8 screens: the current one marked, those already reached linked (moving there does not save this screen). */
export function WizardProgress({
  stepHref,
  step,
  reached,
  label = "求人申込みの入力画面",
}: {
  /** The URL of a screen (the My Page's posting, or the 仮登録's 求人). */
  stepHref: (step: number) => string;
  step: number;
  reached: number;
  label?: string;
}) {
  return (
    <nav aria-label={label} className="mb-8">
      <ol className="grid gap-2 sm:grid-cols-4">
        {STEPS.map((s) => {
          const text = (
            <>
              <span className="mr-1 inline-block min-w-6 rounded-full text-center">{s.number}</span>
              {s.title}
            </>
          );
          const base = "block h-full rounded-8 border px-3 py-2 text-dns-16N-130";
          return (
            <li key={s.number} data-step={s.number}>
              {s.number === step ? (
                <span aria-current="step" className={`${base} border-2 border-blue-900 bg-blue-50 font-bold text-blue-1000`}>
                  {text}
                  <span className="sr-only">（入力中）</span>
                </span>
              ) : s.number <= reached ? (
                <Link to={stepHref(s.number)} className={`${base} border-blue-900 bg-white`}>
                  {text}
                </Link>
              ) : (
                <span className={`${base} border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800`}>
                  {text}
                  <span className="sr-only">（まだ入力できません）</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-dns-14N-130 text-solid-gray-800">
        入力済みの画面へ移動できます。この画面で入力した内容は、「一時保存」か「次へ進む」を押すまで保存されません。
      </p>
    </nav>
  );
}

/**
 * The screen's findings at the top: red ones block (fix them, then 次へ進む), orange ones ask for a second look (次へ進む
 * again goes on). Each links to its field (`#<formId>-<name>`, the id Conform gives the input).
 */
export function FindingsSummary({ findings, formId, nextLabel = "次へ進む" }: { findings: readonly WizardFinding[]; formId: string; nextLabel?: string }) {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  if (errors.length === 0 && warnings.length === 0) return null;
  const list = (items: WizardFinding[]) => (
    <ul className="ml-6 list-disc">
      {items.map((f) => (
        <li key={`${f.field}:${f.message}`} className="mt-1">
          <a href={`#${formId}-${f.name}`}>{f.message}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="mb-8 grid gap-4">
      {errors.length ? (
        <div role="alert" data-findings="error" className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-red-900">
          <h2 className="mb-2 text-std-18B-160">{`入力内容に誤りがあります（${errors.length}件）`}</h2>
          <p className="mb-2 text-dns-16N-130">{`赤いメッセージの項目を直してから、もう一度「${nextLabel}」を押してください。`}</p>
          {list(errors)}
        </div>
      ) : null}
      {warnings.length ? (
        <div
          role={errors.length ? undefined : "alert"}
          data-findings="warning"
          className="rounded-8 border-2 border-orange-700 bg-orange-50 p-4 text-orange-1000"
        >
          <h2 className="mb-2 text-std-18B-160">{`確認してください（${warnings.length}件）`}</h2>
          <p className="mb-2 text-dns-16N-130">
            {`オレンジ色のメッセージの項目を確認してください。内容に問題がなければ、もう一度「${nextLabel}」を押すと先へ進めます。`}
          </p>
          {list(warnings)}
        </div>
      ) : null}
    </div>
  );
}

export function nextLabel(step: number, last = 8): string {
  return step >= last ? "確認へ進む" : "次へ進む";
}

const buttonBase = "min-h-14 rounded-8 px-6 py-3 text-std-16B-170 hover:underline";

/**
 * 次へ進む comes first in the document so that Enter in a text field submits it (the browser's default button); the
 * buttons are laid out in the same order.
 */
export function WizardButtons({ step, last = 8 }: { step: number; last?: number }) {
  return (
    <div className="mt-10 flex flex-wrap items-center gap-4 border-t border-solid-gray-420 pt-6">
      <button type="submit" name="intent" value="next" className={`${buttonBase} bg-blue-900 text-white hover:bg-blue-1000`}>
        {nextLabel(step, last)}
      </button>
      <button type="submit" name="intent" value="save" className={`${buttonBase} border border-blue-900 bg-white text-blue-900 hover:bg-blue-50`}>
        一時保存
      </button>
      {step > 1 ? (
        <button type="submit" name="intent" value="back" className={`${buttonBase} border border-blue-900 bg-white text-blue-900 hover:bg-blue-50`}>
          戻る
        </button>
      ) : null}
    </div>
  );
}

/** Hidden inputs that acknowledge the warnings shown (sent back with the next 次へ進む). */
export function AcknowledgedWarnings({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((k) => (
        <input key={k} type="hidden" name="acknowledged" value={k} />
      ))}
    </>
  );
}

/** The whole wizard around a screen: progress, then the form (summary, fields, acknowledged warnings, buttons). */
export function PostingWizard({
  stepHref,
  step,
  reached,
  findings,
  formId,
  acknowledged,
  before,
  renderForm,
  children,
}: {
  stepHref: (step: number) => string;
  step: number;
  reached: number;
  findings: readonly WizardFinding[];
  formId: string;
  acknowledged: readonly string[];
  /** Notes between the progress and the form (status messages, 修正依頼 comments…). */
  before?: ReactNode;
  /** Renders the <Form> element around its children (the route owns the form's props). */
  renderForm: (children: ReactNode) => ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <WizardProgress stepHref={stepHref} step={step} reached={reached} />
      {before}
      {renderForm(
        <>
          <FindingsSummary findings={findings} formId={formId} nextLabel={nextLabel(step)} />
          {children}
          <AcknowledgedWarnings keys={acknowledged} />
          <WizardButtons step={step} />
        </>,
      )}
    </>
  );
}
