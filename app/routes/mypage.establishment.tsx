/**
 * 事業所情報の変更: the current 事業所情報, the latest change request (確認中, or 差戻し with the officer's
 * comment), and the form — pre-filled with the current values, or with the request's values while one is
 * pending or returned. Submitting creates a request (確認中) that replaces a pending one; an officer of the
 * jurisdictional office approves it. Refused while the R-GATE-3 restriction holds (the capability rules
 * decide, the page shows the reason instead of the form, the action refuses whatever is posted). The new
 * location must stay under the same office (R-OPEN-1, R-DEL-3).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import type { z } from "zod";
import { ChangeTable, EmployerEstablishmentFields } from "../components/establishment-fields";
import { Button, FormErrors } from "../components/form";
import { KeptFormNotice, SessionTimeNotice } from "../components/session-timeout";
import { formatJstDateTime } from "../lib/clock";
import { establishmentSchemaFor, type establishmentSchema } from "../lib/schemas/establishment";
import {
  CHANGE_STATUS_LABELS,
  changeRows,
  checkChangeJurisdiction,
  currentFormValues,
  isUnchanged,
  latestChangeRequestQuery,
  NO_CHANGE_MESSAGE,
  requestFormValues,
  submitChangeRequest,
} from "../models/establishment-change.server";
import { industryCatalog, industryCatalogQuery } from "../models/industry.server";
import { municipalityChoices, municipalityChoicesQueries } from "../models/office.server";
import { decide } from "../rules/capabilities";
import { requireEmployer } from "../utils/auth.server";
import { requireCapability } from "../utils/capabilities.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";
import { TOO_LARGE_COPY } from "../components/error-copy";

export const meta: MetaFunction = () => [{ title: "事業所情報の変更 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context, {
    keepForm: true,
    reads: ({ db, establishmentId, prefectureCode }) => ({
      latest: latestChangeRequestQuery(db, establishmentId),
      municipalities: municipalityChoicesQueries(db, prefectureCode),
      industries: industryCatalogQuery(db),
    }),
  });
  const { establishment, office, reads } = employer;
  const industries = industryCatalog(reads.industries);
  const decision = decide("establishment.change", employer.facts);
  const [latest] = reads.latest;
  const choices = municipalityChoices(reads.municipalities, establishment.officeCode);
  const names = new Map(choices.municipalities.map((m) => [m.code, m.name]));
  const current = currentFormValues(establishment, industries);
  const open = latest && (latest.status === "pending" || latest.status === "returned") ? latest : null;
  const requested = open ? requestFormValues(open.data, industries) : null;
  return {
    establishmentNumber: establishment.establishmentNumber,
    officeName: office.name,
    officePhone: office.phone,
    current: changeRows(current, current, names, industries).map((r) => ({ label: r.label, value: r.current })),
    request: open
      ? {
          status: open.status,
          statusLabel: CHANGE_STATUS_LABELS[open.status],
          createdAt: formatJstDateTime(open.createdAt),
          reviewedAt: open.reviewedAt === null ? null : formatJstDateTime(open.reviewedAt),
          reviewComment: open.reviewComment,
          rows: changeRows(current, requested ?? {}, names, industries),
        }
      : null,
    lastApprovedAt: latest?.status === "approved" && latest.reviewedAt !== null ? formatJstDateTime(latest.reviewedAt) : null,
    defaults: requested ?? current,
    decision,
    keptForm: employer.keptForm,
    ...choices,
    industries,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const employer = await requireEmployer(request, context, { keepForm: true, reads: ({ db }) => ({ industries: industryCatalogQuery(db) }) });
  await requireCapability(employer, "establishment.change");
  const industries = industryCatalog(employer.reads.industries);
  const submission = parseWithZod(await readForm(request), { schema: establishmentSchemaFor(industries) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { db, establishment, account } = employer;
  if (isUnchanged(establishment, submission.value, industries)) return data(submission.reply({ formErrors: [NO_CHANGE_MESSAGE] }), { status: 400 });
  const jurisdiction = await checkChangeJurisdiction(db, establishment.officeCode, submission.value.municipalityCode);
  if (!jurisdiction.ok) return data(submission.reply({ fieldErrors: { municipalityCode: [jurisdiction.message] } }), { status: 400 });
  await submitChangeRequest(
    db,
    context.clock,
    { accountId: account.id, establishmentId: establishment.id, officeCode: establishment.officeCode },
    submission.value,
  );
  return redirectWithFlash("/mypage/establishment", "事業所情報の変更を申請しました。ハローワークの確認が終わるとメールでお知らせします。");
}

export default function EstablishmentChangePage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof establishmentSchema>, z.output<typeof establishmentSchema>>({
    // After signing in again, the values typed before the session ended (ADR 0017).
    lastResult: lastResult ?? page.keptForm.kept?.result,
    defaultValue: page.defaults as Partial<z.input<typeof establishmentSchema>>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: establishmentSchemaFor(page.industries) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1 className="mb-6 text-std-32B-150">事業所情報の変更</h1>
      <p className="mb-6">
        変更の内容は{page.officeName}が確認し、承認されると事業所情報と求人票などの表示が変わります。承認されるまでは現在の事業所情報のままです。
      </p>

      <section aria-labelledby="current-title" className="mb-10">
        <h2 id="current-title" className="mb-4 text-std-24B-150">
          現在の事業所情報
        </h2>
        <dl className="grid gap-x-6 sm:grid-cols-[14rem_1fr] sm:gap-y-2">
          <dt className="text-std-16B-170">事業所番号</dt>
          <dd className="mb-2 sm:mb-0">{page.establishmentNumber}</dd>
          {page.current.map((item) => (
            <div key={item.label} className="contents">
              <dt className="text-std-16B-170">{item.label}</dt>
              <dd className="mb-2 break-all sm:mb-0">{item.value || "（未登録）"}</dd>
            </div>
          ))}
        </dl>
        {page.lastApprovedAt ? <p className="mt-4">前回の変更の申請は{page.lastApprovedAt}に承認されました。</p> : null}
      </section>

      {page.request ? (
        <section aria-labelledby="request-title" className="mb-10" data-change-request={page.request.status}>
          <h2 id="request-title" className="mb-4 text-std-24B-150">
            {`変更の申請（${page.request.statusLabel}）`}
          </h2>
          {page.request.status === "returned" ? (
            <div role="alert" className="mb-4 rounded-8 border-2 border-red-800 bg-red-50 p-4">
              <p className="text-dns-16B-130 text-red-900">
                {page.request.reviewedAt}に、ハローワークが申請を差し戻しました。事業所情報は変更されていません。内容を直して、もう一度申請してください。
              </p>
              <p className="mt-2 whitespace-pre-wrap break-all">ハローワークからのコメント：{page.request.reviewComment}</p>
            </div>
          ) : (
            <p className="mb-4">
              {page.request.createdAt}に申請し、ハローワークが確認しています。もう一度申請すると、この申請は取り下げられ、新しい申請に置き換わります。
            </p>
          )}
          <ChangeTable rows={page.request.rows} caption="申請した変更の内容" />
        </section>
      ) : null}

      <section aria-labelledby="form-title">
        <h2 id="form-title" className="mb-4 text-std-24B-150">
          変更の申請
        </h2>
        {page.decision.allowed ? (
          <>
            <KeptFormNotice kept={page.keptForm.kept} saveLabel="変更を申請する" />
            <SessionTimeNotice end={page.keptForm} />
            <Form method="post" {...getFormProps(form)} className="max-w-2xl">
              <FormErrors errors={form.errors} id={form.errorId} />
              <EmployerEstablishmentFields
                fields={fields}
                municipalities={page.municipalities}
                prefectureName={page.prefectureName}
                officeName={page.officeName}
                industries={page.industries}
              />
              <Button>変更を申請する</Button>
            </Form>
          </>
        ) : (
          <p role="alert" className="rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900" data-refused="establishment.change">
            現在、事業所情報の変更は利用できません。{page.decision.reason}
          </p>
        )}
      </section>
      <p className="mt-10">
        <Link to="/mypage">マイページトップへ戻る</Link>
      </p>
    </>
  );
}

/** The action's refusal (R-GATE-3) with the capability's reason, whatever the client posted. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403) {
    const reason = (error.data as { reason?: string } | null)?.reason;
    return (
      <section aria-labelledby="refused-title">
        <h1 id="refused-title" className="mb-4 text-std-32B-150">
          事業所情報の変更は利用できません
        </h1>
        <p className="mb-6">{reason ?? "このアカウントでは利用できません。"}</p>
        <p>
          <Link to="/mypage">マイページトップへ戻る</Link>
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 413) {
    // A form over its limit (issue 9 #12): the root's page, rendered here (a boundary that rethrows while rendering on
    // the server is logged as an error).
    return (
      <section aria-labelledby="error-title">
        <h1 id="error-title" className="mb-4 text-std-32B-150">
          {TOO_LARGE_COPY.title}
        </h1>
        <p className="mb-6">{TOO_LARGE_COPY.body}</p>
        <p>
          <Link to="/mypage/establishment">事業所情報の変更へ戻る</Link>
        </p>
      </section>
    );
  }
  throw error;
}
