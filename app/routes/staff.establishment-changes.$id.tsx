/**
 * 事業所情報の変更の確認 (one request): current and requested values side by side, each changed item
 * marked 「変更あり」 in text. The officer approves — the establishment row takes the new values, so every
 * posting shows them; request status, audit row (R-AUDIT-1) and the mail to the main account are one batch —
 * or returns it with a comment (≤ 400 characters). A request of another office's establishment is a 404.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChangeTable } from "../components/establishment-fields";
import { Button, FormErrors, TextAreaField } from "../components/form";
import { StaffHeader } from "../components/staff-header";
import { formatJstDateTime } from "../lib/clock";
import { normalizeJaText } from "../lib/normalize";
import { z } from "../lib/schemas/zod-ja";
import {
  approveChangeRequest,
  CHANGE_STATUS_LABELS,
  changeRows,
  currentFormValues,
  changeRequestForOffice,
  changeRequestForOfficeQueries,
  getChangeRequestForOffice,
  requestFormValues,
  returnChangeRequest,
} from "../models/establishment-change.server";
import { industryCatalog, industryCatalogQuery } from "../models/industry.server";
import { municipalityChoices, municipalityChoicesQueries } from "../models/office.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { mailContext } from "../utils/mail.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.establishment.name ?? "事業所"}（事業所情報の変更の確認） | 求人者マイページ` },
];

/** The return comment's limit (characters). */
const RETURN_COMMENT_MAX = 400;
const COMMENT_REQUIRED = "差し戻す理由（コメント）を入力してください。";
const NOT_PENDING = "この申請は既に確認済みか、事業主の新しい申請に置き換えられています。一覧から確認し直してください。";

/** One review: approve, or return with a comment (NFKC, trimmed, ≤ 400 characters). */
export const reviewSchema = z
  .object({
    intent: z.enum(["approve", "return"], { error: "「承認する」か「差し戻す」を選んでください。" }),
    comment: z.string().transform(normalizeJaText).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "return") return;
    if (!value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: COMMENT_REQUIRED });
    else if ([...value.comment].length > RETURN_COMMENT_MAX) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: `コメントは${RETURN_COMMENT_MAX}文字以内で入力してください。` });
    }
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // The municipalities are the office's prefecture's: a change never leaves the office's 管轄 (R-DEL-3).
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, prefectureCode }) => ({
      found: changeRequestForOfficeQueries(db, officeCode, params.id ?? ""),
      municipalities: municipalityChoicesQueries(db, prefectureCode),
      industries: industryCatalogQuery(db),
    }),
  });
  const found = changeRequestForOffice(reads.found);
  const industries = industryCatalog(reads.industries);
  if (!found) throw data(null, { status: 404 });
  const { request: r, establishment: e } = found;
  const choices = municipalityChoices(reads.municipalities, office.code);
  const names = new Map(choices.municipalities.map((m) => [m.code, m.name]));
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: { id: e.id, name: e.name, number: e.establishmentNumber },
    request: {
      id: r.id,
      status: r.status,
      statusLabel: CHANGE_STATUS_LABELS[r.status],
      createdAt: formatJstDateTime(r.createdAt),
      reviewedAt: r.reviewedAt === null ? null : formatJstDateTime(r.reviewedAt),
      reviewComment: r.reviewComment,
    },
    rows: changeRows(currentFormValues(e, industries), requestFormValues(r.data, industries), names, industries),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const scope = { staffId: staff.id, officeCode: office.code };
  const id = params.id ?? "";
  // Another office's request is a 404 before anything is read from the form.
  if (!(await getChangeRequestForOffice(db, scope, id))) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: reviewSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const mail = mailContext(context.cloudflare.env);
  const { value } = submission;
  const result =
    value.intent === "approve"
      ? await approveChangeRequest(db, context.clock, mail, scope, id)
      : await returnChangeRequest(db, context.clock, mail, scope, id, value.comment ?? "");
  if (!result.ok) {
    if (result.reason === "not-found") throw data(null, { status: 404 });
    const message = result.reason === "jurisdiction" ? result.message : NOT_PENDING;
    return data(submission.reply({ formErrors: [message] }), { status: 400 });
  }
  return redirectWithFlash("/staff/establishment-changes", value.intent === "approve" ? "変更を承認し、事業所情報を更新しました。" : "申請を差し戻しました。");
}

export default function EstablishmentChangeDetail() {
  const { staff, establishment, request: r, rows } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewSchema }),
    shouldValidate: "onSubmit",
  });
  const changedCount = rows.filter((row) => row.changed).length;
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 text-std-32B-150">事業所情報の変更：{establishment.name}</h1>
      <p className="mb-6 text-std-17N-170">
        事業所番号 {establishment.number ?? "（未採番）"}、申請日時 {r.createdAt}、状態：<strong>{r.statusLabel}</strong>
      </p>
      <section aria-labelledby="diff-title" className="mb-10">
        <h2 id="diff-title" className="mb-4 text-std-24B-150">
          {`変更の内容（変更あり ${changedCount}項目）`}
        </h2>
        <ChangeTable rows={rows} caption="現在の事業所情報と申請された変更後の事業所情報" />
      </section>
      {r.status === "pending" ? (
        <section aria-labelledby="review-title" className="mb-10">
          <h2 id="review-title" className="mb-4 text-std-24B-150">
            確認の結果
          </h2>
          <p className="mb-6">
            承認すると事業所情報が変更後の内容に更新され、求人票などの表示も変わります。差し戻す場合はコメントを入力してください。結果は事業主にメールで通知されます。
          </p>
          <Form method="post" {...getFormProps(form)} className="max-w-2xl">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextAreaField
              meta={fields.comment}
              label="差し戻す理由（コメント）"
              marker="差し戻す場合は必須"
              hint={`${RETURN_COMMENT_MAX}文字以内。事業主のマイページに表示され、メールでも通知されます。`}
              rows={4}
            />
            <div className="flex flex-wrap gap-4">
              <Button name="intent" value="approve">
                承認する
              </Button>
              <Button variant="secondary" name="intent" value="return">
                差し戻す
              </Button>
            </div>
          </Form>
        </section>
      ) : (
        <section aria-labelledby="result-title" className="mb-10">
          <h2 id="result-title" className="mb-4 text-std-24B-150">
            確認の結果
          </h2>
          <p>
            この申請は{r.statusLabel}です{r.reviewedAt ? `（${r.reviewedAt}）` : ""}。
          </p>
          {r.reviewComment ? <p className="mt-2 whitespace-pre-wrap break-all">コメント：{r.reviewComment}</p> : null}
        </section>
      )}
      <p>
        <Link to="/staff/establishment-changes">申請の一覧へ戻る</Link>
        <Link to={`/staff/establishments/${establishment.id}`} className="ml-6">
          事業所の詳細を表示する
        </Link>
      </p>
    </>
  );
}
