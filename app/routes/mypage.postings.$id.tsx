/**
 * One posting of the establishment (R-JOB-1…5) — for a draft, the wizard's summary screen (申込み前の確認):
 * - the status panel: 状態, 求人番号, 受理日, 紹介期限, 求人無効日, 延長 and 内容変更 (the published 求人票 stays until a
 *   内容変更 is accepted, R-JOB-3), and the officer's 修正依頼 comment;
 * - the findings of the whole 求人票 grouped by wizard screen, each screen linked: red ones block 申込み, orange ones
 *   are shown for a last look;
 * - the actions, each a plain POST form with an `intent`: submit (申込み / 内容変更の申込み), edit (open the wizard;
 *   on an accepted posting this starts a 内容変更), discardChange, extension (有効期間延長の申請), stop (募集停止, with
 *   a reason and a confirmation) and delete (a draft). Each is refused with 403 while the R-GATE-3 restriction holds
 *   (requireCapability); the page then shows the reason instead of the buttons;
 * - the 求人票 itself, a link to print it, and buttons to copy it (転用) or renew it (更新求人, R-JOB-5), which post to
 *   the 新しい求人 page's action.
 * Another establishment's posting is a 404 in the loader and in the action.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CheckboxField, FormErrors, SelectField } from "../components/form";
import { Kyujinhyo } from "../components/kyujinhyo";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../lib/posting-labels";
import { z } from "../lib/schemas/zod-ja";
import {
  deleteDraft,
  discardChange,
  findingsFor,
  getPostingOfEstablishment,
  parseContent,
  requestExtension,
  stopPosting,
  STOP_REASONS,
  submitPosting,
  type EmployerScope,
  type JobPosting,
} from "../models/job-posting.server";
import { kyujinhyoProps } from "../models/posting-view.server";
import { decide, type Capability } from "../rules/capabilities";
import {
  canEdit,
  capabilityFor,
  extensionOffer,
  findingsForStep,
  isEditable,
  isPostingIntent,
  isReturned,
  offersRenewal,
  renewalWindowOf,
  resumeStep,
  stageOf,
  STEPS,
  type Finding,
} from "../rules/posting";
import { requireEmployer, type EmployerContext } from "../utils/auth.server";
import { loadCapabilityFacts, requireCapability } from "../utils/capabilities.server";
import { mailContext } from "../utils/mail.server";
import { PostingRouteError } from "../components/posting-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data && "jobTitle" in data ? data.jobTitle : "求人"} | 求人者マイページ` }];

const STOP_CONFIRM = "募集を停止すると、この求人はすぐに無効になり、元に戻せません";
const DELETE_CONFIRM = "この下書きを削除すると、元に戻せません";

const STOP_REASON_MESSAGE = "募集を停止する理由を選んでください。";
const confirmed = (label: string) =>
  z.boolean({ error: `「${label}」を確認して、チェックを入れてください。` }).refine((v) => v, { error: `「${label}」を確認して、チェックを入れてください。` });

/**
 * 募集停止: the reason (one of STOP_REASONS, passed in so that the browser's copy of the schema needs no server module)
 * and the confirmation that it cannot be undone.
 */
function stopSchema(reasons: readonly string[]) {
  return z.object({
    reason: z.string({ error: STOP_REASON_MESSAGE }).refine((v) => reasons.includes(v), { error: STOP_REASON_MESSAGE }),
    confirm: confirmed(STOP_CONFIRM),
  });
}

const deleteSchema = z.object({ confirmDelete: confirmed(DELETE_CONFIRM) });

interface FindingView {
  field: string;
  severity: Finding["severity"];
  code: string;
  message: string;
}

const view = (f: Finding): FindingView => ({ field: f.field, severity: f.severity, code: f.code, message: f.message });

/** The findings by wizard screen (only screens that have some). */
function byScreen(findings: readonly Finding[]) {
  return STEPS.map((step) => {
    const own = findingsForStep(findings, step.number);
    return {
      number: step.number,
      title: step.title,
      errors: own.filter((f) => f.severity === "error").map(view),
      warnings: own.filter((f) => f.severity === "warning").map(view),
    };
  }).filter((s) => s.errors.length + s.warnings.length > 0);
}

const date = (d: string | null) => (d ? formatJapaneseDate(d) : null);

async function postingOr404(employer: EmployerContext, id: string | undefined): Promise<JobPosting> {
  const posting = await getPostingOfEstablishment(employer.db, employer.establishment.id, id ?? "");
  if (!posting) throw data(null, { status: 404 });
  return posting;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context);
  const posting = await postingOr404(employer, params.id);

  const { db, clock } = employer;
  const today = todayJst(clock);
  const content = parseContent(posting.content);
  const stage = stageOf(posting);
  const [facts, findings, kyujinhyo, source] = await Promise.all([
    loadCapabilityFacts(employer),
    stage ? findingsFor(db, clock, posting, content) : Promise.resolve([] as Finding[]),
    kyujinhyoProps(db, posting, { published: false, imageSrc: (imageId) => `/mypage/images/${imageId}` }),
    posting.renewalOf ? getPostingOfEstablishment(db, employer.establishment.id, posting.renewalOf) : Promise.resolve(undefined),
  ]);
  const decision = (c: Capability) => {
    const d = decide(c, facts);
    return { allowed: d.allowed, reason: d.reason ?? null };
  };
  const renewalCheck = source ? renewalWindowOf(source, today) : null;
  const params_ = new URL(request.url).searchParams;
  return {
    id: posting.id,
    jobTitle: content.jobTitle || "（職種未入力）",
    status: posting.status,
    statusLabel: STATUS_LABELS[posting.status],
    stage,
    editable: isEditable(posting),
    draftStep: posting.draftStep,
    jobNumber: posting.jobNumber,
    acceptedOn: date(posting.acceptedOn),
    validUntil: date(posting.validUntil),
    invalidatedOn: date(posting.invalidatedOn),
    stopReason: posting.stopReason,
    changeStatus: posting.changeStatus,
    changeLabel: posting.changeStatus ? CHANGE_STATUS_LABELS[posting.changeStatus] : null,
    extensionLabel: posting.extensionStatus ? EXTENSION_STATUS_LABELS[posting.extensionStatus] : null,
    extension: extensionOffer(posting, today),
    reviewComment: isReturned(posting) ? posting.reviewComment : null,
    renewalOf: source
      ? {
          id: source.id,
          jobNumber: source.jobNumber,
          validUntil: date(source.validUntil),
          window: renewalCheck ? { allowed: renewalCheck.allowed, reason: renewalCheck.reason ?? null } : null,
        }
      : null,
    // 更新求人 of this posting (R-JOB-5): from 7 days before its 紹介期限, also once it has expired.
    renewable: offersRenewal(posting, today),
    screens: byScreen(findings),
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    steps: STEPS.map((s) => ({ number: s.number, title: s.title })),
    decisions: { apply: decision("postings.apply"), change: decision("postings.change"), stop: decision("postings.stop") },
    kyujinhyo,
    stopReasons: STOP_REASONS.map((r) => ({ value: r, label: r })),
    flash: {
      submitted: params_.get("submitted") === "1",
      discarded: params_.get("discarded") === "1",
      stopped: params_.get("stopped") === "1",
      extension: params_.get("extension") === "1",
    },
  };
}

type ActionResult = { intent: string; message: string | null; findings: FindingView[]; reply: SubmissionResult<string[]> | null };

function refused(intent: string, message: string | null, findings: FindingView[] = [], reply: SubmissionResult<string[]> | null = null) {
  return data<ActionResult>({ intent, message, findings, reply }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context);
  const posting = await postingOr404(employer, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (!isPostingIntent(intent)) return refused(intent, "操作を選び直してください。");
  await requireCapability(employer, capabilityFor(intent, posting));

  const { db, clock, establishment, account } = employer;
  const scope: EmployerScope = { establishmentId: establishment.id, accountId: account.id, officeCode: establishment.officeCode };
  const here = `/mypage/postings/${posting.id}`;
  switch (intent) {
    case "submit": {
      const result = await submitPosting(db, clock, scope, posting.id);
      if (result.ok) return redirect(`${here}?submitted=1`, 303);
      const errors = result.findings.filter((f) => f.severity === "error");
      const message =
        result.reason ?? (errors.length ? "赤色のエラーがあるため、申し込めません。該当する画面で内容を修正してください。" : "申し込めませんでした。");
      return refused(intent, message, errors.map(view));
    }
    case "edit": {
      const edit = canEdit(posting);
      if (!edit.allowed) return refused(intent, edit.reason);
      // A draft resumes where it was left; a returned posting and a 内容変更 start from the first screen.
      return redirect(`${here}/step/${resumeStep(posting)}`, 303);
    }
    case "discardChange": {
      if (!(await discardChange(db, clock, scope, posting.id))) return refused(intent, "取り消せる内容変更がありません。");
      return redirect(`${here}?discarded=1`, 303);
    }
    case "extension": {
      const result = await requestExtension(db, clock, scope, posting.id);
      if (!result.ok) return refused(intent, result.reason);
      return redirect(`${here}?extension=1`, 303);
    }
    case "stop": {
      const submission = parseWithZod(formData, { schema: stopSchema(STOP_REASONS) });
      if (submission.status !== "success") return refused(intent, null, [], submission.reply());
      const mail = mailContext(context.cloudflare.env, new URL(request.url).origin);
      const result = await stopPosting(db, clock, scope, posting.id, submission.value.reason, mail);
      if (!result.ok) return refused(intent, result.reason, [], submission.reply());
      return redirect(`${here}?stopped=1`, 303);
    }
    default: {
      // delete
      const submission = parseWithZod(formData, { schema: deleteSchema });
      if (submission.status !== "success") return refused(intent, null, [], submission.reply());
      if (!(await deleteDraft(db, clock, scope, posting.id))) return refused(intent, "申し込んだ求人は削除できません。", [], submission.reply());
      return redirect("/mypage/postings?deleted=1", 303);
    }
  }
}

const alertClass = "mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4";
const statusClass = "mb-6 rounded-8 bg-green-50 p-4";

function Refusal({ reason, what, capability }: { reason: string | null; what: string; capability: string }) {
  return (
    <p className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-refused={capability}>
      {`現在、${what}は利用できません。${reason ?? ""}`}
    </p>
  );
}

function FindingList({ items, kind }: { items: FindingView[]; kind: "error" | "warning" }) {
  if (items.length === 0) return null;
  return (
    <ul className="mb-2 list-disc pl-6">
      {items.map((f) => (
        <li key={`${f.field}:${f.code}`} className={kind === "error" ? "text-red-900" : "text-orange-900"} data-finding={f.code} data-severity={f.severity}>
          <span className="text-dns-16B-130">{kind === "error" ? "エラー：" : "確認："}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

export default function PostingPage() {
  const page = useLoaderData<typeof loader>();
  return <PostingSummary page={page} />;
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function PostingSummary({ page }: { page: Page }) {
  const actionData = useActionData<typeof action>();
  const result = actionData && "intent" in actionData ? actionData : undefined;
  const [stopForm, stopFields] = useForm({
    id: "stop-form",
    lastResult: result?.intent === "stop" ? result.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: stopSchema(page.stopReasons.map((r) => r.value)) }),
    shouldValidate: "onSubmit",
  });
  const [deleteForm, deleteFields] = useForm({
    id: "delete-form",
    lastResult: result?.intent === "delete" ? result.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteSchema }),
    shouldValidate: "onSubmit",
  });
  const here = `/mypage/postings/${page.id}`;
  const { apply, change, stop } = page.decisions;
  const editDecision = page.status === "accepted" ? change : apply;
  const submitDecision = page.stage === "change" ? change : apply;
  const renewalClosed = page.renewalOf?.window && !page.renewalOf.window.allowed ? page.renewalOf.window.reason : null;
  const showResult = result?.message ? result : null;

  return (
    <>
      <p className="mb-2 text-dns-16N-130">
        <Link to="/mypage/postings">求人の一覧</Link>
      </p>
      <h1 className="mb-6 break-all text-std-32B-150">{page.stage === "new" ? `申込み前の確認：${page.jobTitle}` : `求人：${page.jobTitle}`}</h1>

      {page.flash.submitted ? (
        <p role="status" className={statusClass}>
          {page.changeStatus === "submitted"
            ? "内容変更を申し込みました。ハローワークが確認して受理するまで、公開中の求人票は変更前の内容のままです。結果はお知らせとメールでお伝えします。"
            : "求人を申し込みました。ハローワークが内容を確認し、結果をお知らせとメールでお伝えします。"}
        </p>
      ) : null}
      {page.flash.discarded ? (
        <p role="status" className={statusClass}>
          内容変更を取り消しました。求人票は公開中の内容に戻りました。
        </p>
      ) : null}
      {page.flash.stopped && page.status === "stopped" ? (
        <p role="status" className={statusClass}>
          {`募集を停止しました。求人無効日は${page.invalidatedOn}です。`}
        </p>
      ) : null}
      {page.flash.extension ? (
        <p role="status" className={statusClass}>
          有効期間の延長を申請しました。ハローワークの確認が終わるとお知らせとメールでお伝えします。
        </p>
      ) : null}
      {showResult ? (
        <div role="alert" className={alertClass} data-action-error={showResult.intent}>
          <p className="text-dns-16B-130 text-red-900">{showResult.message}</p>
          {showResult.findings.length > 0 ? (
            <div className="mt-2">
              <FindingList items={showResult.findings} kind="error" />
            </div>
          ) : null}
        </div>
      ) : null}
      {page.reviewComment ? (
        <div role="alert" className={alertClass} data-review-comment>
          <p className="text-dns-16B-130 text-red-900">
            {page.changeStatus === "returned"
              ? "内容変更について、ハローワークから修正依頼があります。公開中の求人票は変更前の内容のままです。内容を直して、もう一度申し込んでください。"
              : "ハローワークから修正依頼があります。内容を直して、もう一度申し込んでください。"}
          </p>
          <p className="mt-2 whitespace-pre-wrap break-all">{`ハローワークからのコメント：${page.reviewComment}`}</p>
        </div>
      ) : null}

      <section aria-labelledby="status-title" className="mb-10">
        <h2 id="status-title" className="mb-4 text-std-24B-150">
          求人の状態
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-status={page.status}>
          <dt className="text-std-16B-170">状態</dt>
          <dd>{page.statusLabel}</dd>
          <dt className="text-std-16B-170">求人番号</dt>
          <dd>{page.jobNumber ?? "受理されると表示されます"}</dd>
          <dt className="text-std-16B-170">受理日</dt>
          <dd>{page.acceptedOn ?? "—"}</dd>
          <dt className="text-std-16B-170">紹介期限</dt>
          <dd>{page.validUntil ?? "—"}</dd>
          <dt className="text-std-16B-170">求人無効日</dt>
          <dd data-invalidated-on>{page.invalidatedOn ?? "—"}</dd>
          {page.stopReason ? (
            <>
              <dt className="text-std-16B-170">募集停止の理由</dt>
              <dd className="break-all">{page.stopReason}</dd>
            </>
          ) : null}
          {page.status === "accepted" || page.extensionLabel ? (
            <>
              <dt className="text-std-16B-170">有効期間の延長</dt>
              <dd>{page.extensionLabel ?? "なし（延長は1回、1か月まで申請できます）"}</dd>
            </>
          ) : null}
          {page.status === "accepted" ? (
            <>
              <dt className="text-std-16B-170">内容変更</dt>
              <dd data-change-status={page.changeStatus ?? "none"}>{page.changeLabel ?? "なし"}</dd>
            </>
          ) : null}
          {page.renewalOf ? (
            <>
              <dt className="text-std-16B-170">更新求人</dt>
              <dd>{`求人番号 ${page.renewalOf.jobNumber ?? "—"}（紹介期限 ${page.renewalOf.validUntil ?? "—"}）の更新求人です。`}</dd>
            </>
          ) : null}
        </dl>
        {page.status === "accepted" && page.changeStatus ? (
          <p className="mt-4" data-published-stays>
            内容変更がハローワークで受理されるまで、公開中の求人票（求職者やハローワークが見る内容）は変更前のままです。
          </p>
        ) : null}
        {page.status === "submitted" ? <p className="mt-4">ハローワークが申込みの内容を確認しています。確認が終わるまで内容は変更できません。</p> : null}
        {page.changeStatus === "submitted" ? (
          <p className="mt-4">ハローワークが内容変更を確認しています。確認が終わるまで、さらに変更することはできません。</p>
        ) : null}
      </section>

      {page.stage ? (
        <section aria-labelledby="check-title" className="mb-10">
          <h2 id="check-title" className="mb-4 text-std-24B-150">
            入力内容の確認
          </h2>
          {page.screens.length === 0 ? (
            <p className="mb-4" data-findings="none">
              入力内容に問題はありません。
            </p>
          ) : (
            <>
              <p className="mb-4">
                {page.errorCount > 0 ? `エラー（赤）が${page.errorCount}件あります。エラーをすべて修正すると申し込めます。` : "エラーはありません。"}
                {page.warningCount > 0 ? `確認事項（オレンジ）が${page.warningCount}件あります。内容に間違いがないか、もう一度確認してください。` : ""}
              </p>
              <ul className="mb-4 flex flex-col gap-4">
                {page.screens.map((s) => (
                  <li key={s.number} className="rounded-8 border border-solid-gray-420 p-4" data-screen={s.number}>
                    <h3 className="mb-2 text-std-18B-160">{`${s.number}. ${s.title}`}</h3>
                    <FindingList items={s.errors} kind="error" />
                    <FindingList items={s.warnings} kind="warning" />
                    {editDecision.allowed ? <Link to={`${here}/step/${s.number}`}>{`「${s.title}」の画面で修正する`}</Link> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
          {editDecision.allowed ? (
            <details className="mb-6">
              <summary className="cursor-pointer text-std-16B-170">入力画面の一覧（画面を選んで修正できます）</summary>
              <ol className="mt-2 list-decimal pl-6">
                {page.steps.map((s) => (
                  <li key={s.number}>
                    <Link to={`${here}/step/${s.number}`}>{s.title}</Link>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}

          <h3 className="mb-4 text-std-20B-150">{page.stage === "change" ? "内容変更の申込み" : "求人の申込み"}</h3>
          {!submitDecision.allowed ? (
            <Refusal
              reason={submitDecision.reason}
              what={page.stage === "change" ? "求人の内容変更" : "求人の申込み"}
              capability={page.stage === "change" ? "postings.change" : "postings.apply"}
            />
          ) : (
            <>
              {page.errorCount > 0 ? <p className="mb-4 text-dns-16B-130 text-red-900">エラー（赤）を修正するまで申し込めません。</p> : null}
              {renewalClosed ? <p className="mb-4 text-dns-16B-130 text-red-900">{renewalClosed}</p> : null}
              <div className="flex flex-wrap gap-4">
                {page.errorCount === 0 && !renewalClosed ? (
                  <Form method="post">
                    <Button name="intent" value="submit">
                      {page.stage === "change" ? "内容変更を申し込む" : "この内容で申し込む"}
                    </Button>
                  </Form>
                ) : null}
                <Form method="post">
                  <Button variant="secondary" name="intent" value="edit">
                    {page.status === "draft" ? "入力を続ける" : "入力画面で修正する"}
                  </Button>
                </Form>
                {page.stage === "change" ? (
                  <Form method="post">
                    <Button variant="secondary" name="intent" value="discardChange">
                      内容変更を取り消す
                    </Button>
                  </Form>
                ) : null}
              </div>
            </>
          )}
        </section>
      ) : null}

      {page.status === "accepted" && page.changeStatus === null ? (
        <section aria-labelledby="change-title" className="mb-10">
          <h2 id="change-title" className="mb-4 text-std-24B-150">
            求人の内容変更
          </h2>
          {change.allowed ? (
            <>
              <p className="mb-4">入力画面で内容を変更し、申し込んでください。ハローワークが変更を受理するまで、公開中の求人票は変更前の内容のままです。</p>
              <Form method="post">
                <Button variant="secondary" name="intent" value="edit">
                  内容変更を始める
                </Button>
              </Form>
            </>
          ) : (
            <Refusal reason={change.reason} what="求人の内容変更" capability="postings.change" />
          )}
        </section>
      ) : null}

      {page.extension ? (
        <section aria-labelledby="extension-title" className="mb-10">
          <h2 id="extension-title" className="mb-4 text-std-24B-150">
            有効期間の延長
          </h2>
          {!change.allowed ? (
            <Refusal reason={change.reason} what="有効期間の延長の申請" capability="postings.change" />
          ) : page.extension.allowed ? (
            <>
              <p className="mb-4">紹介期限を翌月末まで延長するよう申請できます（1回限り）。ハローワークが承認すると延長されます。</p>
              <Form method="post">
                <Button variant="secondary" name="intent" value="extension">
                  有効期間の延長を申請する
                </Button>
              </Form>
            </>
          ) : (
            <p data-extension-refused>{page.extension.reason}</p>
          )}
        </section>
      ) : null}

      {page.status === "accepted" ? (
        <section aria-labelledby="stop-title" className="mb-10">
          <h2 id="stop-title" className="mb-4 text-std-24B-150">
            募集停止
          </h2>
          {stop.allowed ? (
            <Form method="post" {...getFormProps(stopForm)} className="max-w-2xl">
              <p className="mb-4">採用者が決まったときなど、募集をやめる場合は募集を停止してください。停止した日が求人無効日になります。</p>
              <FormErrors errors={stopForm.errors} id={stopForm.errorId} />
              <input type="hidden" name="intent" value="stop" />
              <SelectField meta={stopFields.reason} label="募集を停止する理由" required options={page.stopReasons} />
              <CheckboxField meta={stopFields.confirm} label={`${STOP_CONFIRM}。`} required />
              <Button>募集を停止する</Button>
            </Form>
          ) : (
            <Refusal reason={stop.reason} what="募集停止" capability="postings.stop" />
          )}
        </section>
      ) : null}

      <section aria-labelledby="sheet-title" className="mb-10">
        <h2 id="sheet-title" className="mb-4 text-std-24B-150">
          求人票
        </h2>
        {page.status === "accepted" && page.changeStatus ? <p className="mb-4">変更中の内容を表示しています。</p> : null}
        <Kyujinhyo {...page.kyujinhyo} />
      </section>

      <section aria-labelledby="more-title" className="mb-10">
        <h2 id="more-title" className="mb-4 text-std-24B-150">
          その他の操作
        </h2>
        <p className="mb-4">
          <Link to={`${here}/print`}>求人票を印刷する</Link>
        </p>
        {apply.allowed ? (
          <div className="flex flex-wrap gap-4">
            {/* 転用 and 更新求人 are made by the 新しい求人 page's action (a new draft, then the wizard). */}
            <Form method="post" action="/mypage/postings/new">
              <input type="hidden" name="sourceId" value={page.id} />
              <Button variant="secondary" name="intent" value="copy">
                この求人を転用して新しい求人を作る
              </Button>
            </Form>
            {page.renewable ? (
              <Form method="post" action="/mypage/postings/new" data-renewal-open>
                <input type="hidden" name="sourceId" value={page.id} />
                <p className="mb-2 text-dns-16B-130">更新求人の申込みができます。</p>
                <Button variant="secondary" name="intent" value="renewal">
                  この求人の更新求人を作る
                </Button>
              </Form>
            ) : null}
          </div>
        ) : (
          <Refusal reason={apply.reason} what="求人の転用" capability="postings.apply" />
        )}
      </section>

      {page.status === "draft" ? (
        <section aria-labelledby="delete-title" className="mb-10">
          <h2 id="delete-title" className="mb-4 text-std-24B-150">
            下書きの削除
          </h2>
          {apply.allowed ? (
            <Form method="post" {...getFormProps(deleteForm)} className="max-w-2xl">
              <FormErrors errors={deleteForm.errors} id={deleteForm.errorId} />
              <input type="hidden" name="intent" value="delete" />
              <CheckboxField meta={deleteFields.confirmDelete} label={`${DELETE_CONFIRM}。`} required />
              <Button variant="secondary">下書きを削除する</Button>
            </Form>
          ) : (
            <Refusal reason={apply.reason} what="下書きの削除" capability="postings.apply" />
          )}
        </section>
      ) : null}

      <p>
        <Link to="/mypage/postings">求人の一覧へ戻る</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <PostingRouteError refusedTitle="この操作は利用できません" />;
}
