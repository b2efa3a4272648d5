/**
 * The officer's review of one posting of the office (R-JOB-2, R-JOB-3): the establishment, the status and dates, the
 * findings of the content under review (red ones block 受理: a minimum-wage revision may have come into force since
 * 申込み), for a 内容変更 what changes against the published version, and the 求人票 itself. The officer accepts
 * (受理: a new posting gets its 求人番号 and 紹介期限; a change is published, both kept) or returns it with a comment
 * (修正依頼), and decides an extension request. Each success redirects (303) back here with a message; a decision
 * another officer made first is reported, not a 500. Another office's posting is a 404 for the page and the action.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, TextAreaField } from "../components/form";
import { Kyujinhyo } from "../components/kyujinhyo";
import { Notice, StaffHeader } from "../components/staff-header";
import { formatJapaneseDate, formatJstDateTime } from "../lib/clock";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../lib/posting-labels";
import { RETURN_COMMENT_MAX, staffPostingSchema } from "../lib/schemas/staff-posting";
import {
  acceptChange,
  acceptPosting,
  decideExtension,
  findingsFor,
  getPostingOfOffice,
  parseContent,
  returnPosting,
  type JobPosting,
} from "../models/job-posting.server";
import { kyujinhyoProps } from "../models/posting-view.server";
import { ROLE_LABELS } from "../models/staff.server";
import { getPostingForReview } from "../models/staff-postings.server";
import { diffContent, hasErrors, postingKindLabel, reviewKind, STEPS, stepOf } from "../rules/posting";
import { requireStaff } from "../utils/auth.server";
import { mailContext } from "../utils/mail.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "求人"}（求人の確認） | 求人者マイページ` }];

const RACE_LOST = "ほかの職員がすでに処理しました。最新の状態を確認してください。";
const RED_FINDINGS = "赤色のエラーが残っているため受理できません。内容を確認し、修正依頼をしてください。";

const DONE = ["accepted", "change-accepted", "returned", "extension-approved", "extension-refused"] as const;
type Done = (typeof DONE)[number];

function doneMessage(done: Done, posting: Pick<JobPosting, "jobNumber" | "validUntil">): string {
  const until = posting.validUntil ? formatJapaneseDate(posting.validUntil) : "";
  switch (done) {
    case "accepted":
      return `受理しました。求人番号 ${posting.jobNumber ?? ""}、紹介期限は${until}です。`;
    case "change-accepted":
      return `内容変更を受理しました。変更後の内容が公開されています（求人番号 ${posting.jobNumber ?? ""}）。`;
    case "returned":
      return "修正依頼をしました。事業主にお知らせとメールで通知しました。";
    case "extension-approved":
      return `有効期間の延長を承認しました。紹介期限は${until}です。`;
    case "extension-refused":
      return "有効期間の延長を承認しませんでした。事業主に通知しました。";
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const found = await getPostingForReview(db, office.code, params.id ?? "");
  if (!found) throw data(null, { status: 404 });
  const { posting, establishment } = found;
  const content = parseContent(posting.content);
  const kind = reviewKind(posting);
  const findings = await findingsFor(db, context.clock, posting, content);
  const diff = kind === "change" ? diffContent(parseContent(posting.publishedContent), content) : null;
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = (DONE as readonly string[]).includes(doneParam ?? "") ? (doneParam as Done) : null;
  const date = (d: string | null) => (d ? formatJapaneseDate(d) : null);
  return {
    title: content.jobTitle || "職種未入力の求人",
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: {
      id: establishment.id,
      name: establishment.name,
      number: establishment.establishmentNumber,
      // 管轄変更 moves the establishment to another office; its postings stay with the accepting one.
      linkable: establishment.officeCode === office.code,
    },
    posting: {
      id: posting.id,
      kindLabel: postingKindLabel(content),
      status: STATUS_LABELS[posting.status],
      changeStatus: posting.status === "accepted" && posting.changeStatus ? CHANGE_STATUS_LABELS[posting.changeStatus] : null,
      extensionStatus: posting.extensionStatus ? EXTENSION_STATUS_LABELS[posting.extensionStatus] : null,
      jobNumber: posting.jobNumber,
      acceptedOn: date(posting.acceptedOn),
      validUntil: date(posting.validUntil),
      invalidatedOn: date(posting.invalidatedOn),
      extended: posting.extended,
      submittedAt: posting.submittedAt ? formatJstDateTime(posting.submittedAt) : null,
      changeSubmittedAt: posting.changeSubmittedAt ? formatJstDateTime(posting.changeSubmittedAt) : null,
      reviewComment: posting.reviewComment,
      renewalOf: posting.renewalOf,
    },
    review: kind,
    extensionRequested: posting.status === "accepted" && posting.extensionStatus === "requested",
    findings: findings.map((f) => ({ ...f, screen: STEPS[stepOf(f.field) - 1]?.title ?? "" })),
    diff,
    kyujinhyo: await kyujinhyoProps(db, posting, { published: false, imageSrc: (id) => `/staff/images/${id}` }),
    done: done ? doneMessage(done, posting) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const scope = { staffId: staff.id, officeCode: office.code };
  const id = params.id ?? "";
  // Another office's posting is a 404 before anything is read from the form.
  const found = await getPostingForReview(db, office.code, id);
  if (!found) throw data(null, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: staffPostingSchema });
  if (submission.status !== "success") return data({ intent: "return" as const, result: submission.reply() }, { status: 400 });
  const { intent, comment } = submission.value;
  const { posting } = found;
  const refuse = (message: string, status = 409) => data({ intent, result: submission.reply({ formErrors: [message] }) }, { status });
  const back = (done: Done) => redirect(`/staff/postings/${id}?done=${done}`, 303);
  const mail = mailContext(context.cloudflare.env, new URL(request.url).origin);

  if (intent === "accept") {
    const kind = reviewKind(posting);
    if (!kind) return refuse(RACE_LOST);
    const findings = await findingsFor(db, context.clock, posting, parseContent(posting.content));
    if (hasErrors(findings)) return refuse(RED_FINDINGS, 400);
    if (kind === "new") {
      const accepted = await acceptPosting(db, context.clock, scope, id, mail);
      return accepted ? back("accepted") : refuse(RACE_LOST);
    }
    return (await acceptChange(db, context.clock, scope, id, mail)) ? back("change-accepted") : refuse(RACE_LOST);
  }
  if (intent === "return") {
    if (!reviewKind(posting)) return refuse(RACE_LOST);
    return (await returnPosting(db, context.clock, scope, id, comment, mail)) ? back("returned") : refuse(RACE_LOST);
  }
  // extension-approve / extension-refuse
  if (posting.extensionStatus !== "requested") return refuse(RACE_LOST);
  const approve = intent === "extension-approve";
  const decided = await decideExtension(db, context.clock, scope, id, approve, mail);
  if (decided.ok) return back(approve ? "extension-approved" : "extension-refused");
  const now = await getPostingOfOffice(db, office.code, id);
  return refuse(now?.extensionStatus !== "requested" ? RACE_LOST : decided.reason, now?.extensionStatus !== "requested" ? 409 : 400);
}

function Dates({ posting }: { posting: ReturnType<typeof useLoaderData<typeof loader>>["posting"] }) {
  const row = (term: string, value: string | null) => (
    <>
      <dt className="text-std-16B-170">{term}</dt>
      <dd className="break-all">{value ?? "—"}</dd>
    </>
  );
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
      {row("状態", [posting.status, posting.changeStatus, posting.extensionStatus].filter(Boolean).join("・"))}
      {row("求人区分", posting.kindLabel)}
      {row("求人番号", posting.jobNumber)}
      {row("受理日", posting.acceptedOn)}
      {row("紹介期限", posting.validUntil ? `${posting.validUntil}${posting.extended ? "（延長済み）" : ""}` : null)}
      {row("求人無効日", posting.invalidatedOn)}
      {row("申込み日時", posting.submittedAt)}
      {posting.changeSubmittedAt ? row("内容変更の申込み日時", posting.changeSubmittedAt) : null}
      {posting.renewalOf ? row("更新求人", "紹介期限を迎える求人の更新として申し込まれました") : null}
    </dl>
  );
}

export default function StaffPostingReview() {
  const { title, staff, establishment, posting, review, extensionRequested, findings, diff, kyujinhyo, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const returnResult = actionData?.intent === "return" ? actionData.result : undefined;
  const otherError = actionData && actionData.intent !== "return" ? (actionData.result.error?.[""] ?? []) : [];
  const [form, fields] = useForm({
    id: "return-form",
    lastResult: returnResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffPostingSchema }),
    shouldValidate: "onSubmit",
  });
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 break-all text-std-32B-150">求人の確認：{title}</h1>
      <p className="mb-6">
        <Link to="/staff/postings">求人の確認へ戻る</Link>
        <Link to={`/staff/postings/${posting.id}/print`} className="ml-6">
          求人票を印刷する
        </Link>
      </p>
      {done ? <Notice>{done}</Notice> : null}
      <FormErrors errors={otherError} id="decision-errors" />

      <section aria-labelledby="establishment-title" className="mb-10">
        <h2 id="establishment-title" className="mb-4 text-std-24B-150">
          事業所
        </h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2">
          <dt className="text-std-16B-170">事業所名</dt>
          <dd className="break-all">
            {establishment.linkable ? <Link to={`/staff/establishments/${establishment.id}`}>{establishment.name}</Link> : establishment.name}
          </dd>
          <dt className="text-std-16B-170">事業所番号</dt>
          <dd>{establishment.number ?? "（未採番）"}</dd>
        </dl>
      </section>

      <section aria-labelledby="status-title" className="mb-10">
        <h2 id="status-title" className="mb-4 text-std-24B-150">
          求人の状態
        </h2>
        <Dates posting={posting} />
        {posting.reviewComment ? <p className="mt-4 whitespace-pre-wrap break-all">前回の修正依頼のコメント：{posting.reviewComment}</p> : null}
      </section>

      <section aria-labelledby="findings-title" className="mb-10">
        <h2 id="findings-title" className="mb-4 text-std-24B-150">
          入力内容の確認結果
        </h2>
        {findings.length === 0 ? (
          <p>エラーも確認事項もありません（本日時点の最低賃金などで確認しています）。</p>
        ) : (
          <>
            <p className="mb-4">本日時点の最低賃金などで確認した結果です。赤色のエラーが残っている間は受理できません。</p>
            {errors.length ? (
              <div className="mb-6">
                <h3 className="mb-2 text-std-20B-150 text-red-900">エラー（赤）{errors.length}件</h3>
                <ul className="list-disc space-y-2 pl-6" data-findings="error">
                  {errors.map((f) => (
                    <li key={`${f.field}:${f.code}`} className="text-red-900">
                      <span className="text-std-16B-170">【{f.screen}】</span>
                      エラー：{f.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {warnings.length ? (
              <div className="mb-6">
                <h3 className="mb-2 text-std-20B-150 text-orange-900">確認事項（オレンジ）{warnings.length}件</h3>
                <ul className="list-disc space-y-2 pl-6" data-findings="warning">
                  {warnings.map((f) => (
                    <li key={`${f.field}:${f.code}`} className="text-orange-900">
                      <span className="text-std-16B-170">【{f.screen}】</span>
                      確認：{f.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        )}
      </section>

      {diff ? (
        <section aria-labelledby="diff-title" className="mb-10">
          <h2 id="diff-title" className="mb-4 text-std-24B-150">
            内容変更の内容（{diff.length}項目）
          </h2>
          {diff.length === 0 ? (
            <p>公開中の内容から変わった項目はありません。</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="mb-2 text-left">公開中の内容（変更前）と申し込まれた変更後の内容</caption>
                <thead>
                  <tr className="border-b-2 border-solid-gray-600">
                    <th scope="col" className="p-2">
                      画面
                    </th>
                    <th scope="col" className="p-2">
                      項目
                    </th>
                    <th scope="col" className="p-2">
                      変更前（公開中）
                    </th>
                    <th scope="col" className="p-2">
                      変更後
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map((c) => (
                    <tr key={c.path} className="border-b border-solid-gray-420 align-top" data-diff-path={c.path}>
                      <td className="p-2">{c.screen}</td>
                      <th scope="row" className="p-2 text-left">
                        {c.label}
                      </th>
                      <td className="whitespace-pre-wrap break-all p-2">{c.before}</td>
                      <td className="whitespace-pre-wrap break-all p-2">{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      {review ? (
        <section aria-labelledby="review-title" className="mb-10">
          <h2 id="review-title" className="mb-4 text-std-24B-150">
            {review === "new" ? "申込みの確認" : "内容変更の確認"}
          </h2>
          <div className="mb-8">
            <h3 className="mb-2 text-std-20B-150">受理</h3>
            {errors.length ? (
              <p className="text-dns-16B-130 text-red-900">{RED_FINDINGS}</p>
            ) : (
              <Form method="post">
                <p className="mb-4">
                  {review === "new"
                    ? "受理すると求人番号が付き、紹介期限（受理日の翌々月末日。大卒等求人は3月31日）まで有効になります。"
                    : "受理すると変更後の内容が公開されます。求人番号と紹介期限は変わりません。"}
                </p>
                <Button name="intent" value="accept">
                  {review === "new" ? "受理する" : "内容変更を受理する"}
                </Button>
              </Form>
            )}
          </div>
          <div>
            <h3 className="mb-2 text-std-20B-150">修正依頼</h3>
            <p className="mb-4">
              {review === "new" ? "直してほしい点を書いてください。" : "直してほしい点を書いてください。修正依頼の間も、公開中の内容は変わりません。"}
              事業主のマイページに表示され、メールでも通知されます。
            </p>
            <Form method="post" {...getFormProps(form)} className="max-w-2xl">
              <FormErrors errors={form.errors} id={form.errorId} />
              <TextAreaField meta={fields.comment} label="修正依頼の内容（コメント）" hint={`${RETURN_COMMENT_MAX}文字以内`} required rows={6} />
              <Button variant="secondary" name="intent" value="return">
                修正依頼をする
              </Button>
            </Form>
          </div>
        </section>
      ) : null}

      {extensionRequested ? (
        <section aria-labelledby="extension-title" className="mb-10">
          <h2 id="extension-title" className="mb-4 text-std-24B-150">
            有効期間の延長の申請
          </h2>
          <p className="mb-4">承認すると紹介期限が翌月末日まで延びます（延長は1回限り）。</p>
          <Form method="post" className="flex flex-wrap gap-4">
            <Button name="intent" value="extension-approve">
              延長を承認する
            </Button>
            <Button variant="secondary" name="intent" value="extension-refuse">
              延長を承認しない
            </Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="kyujinhyo-title" className="mb-10">
        <h2 id="kyujinhyo-title" className="mb-4 text-std-24B-150">
          {review === "change" ? "求人票（変更後の内容）" : "求人票"}
        </h2>
        <Kyujinhyo {...kyujinhyo} showPublication headingLevel={3} />
      </section>
      <p>
        <Link to="/staff/postings">求人の確認へ戻る</Link>
      </p>
    </>
  );
}
