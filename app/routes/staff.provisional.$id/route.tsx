/**
 * 仮登録の詳細と本登録 (R-OPEN-8): the officer of the jurisdictional office sees what the employer
 * entered online, checks and corrects it in the establishment form (same schema, same 管轄 rule), and
 * completes 本登録: the establishment is registered, the provisional account becomes its main login
 * account, the My Page is opened and the employer is mailed. The 仮登録's 求人 (issue 10 #8, ADR 0016) is shown
 * with its findings and its 求人票; 本登録 puts it, in the same batch, in the office's review queue as 申込み済み (or
 * hands it to the My Page as a draft when it is not ready). Another office's registration is a 404; an expired one
 * cannot be completed.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { Button, FormErrors } from "../../components/form";
import { EstablishmentFields } from "../../components/staff-establishment-fields";
import { StaffHeader } from "../../components/staff-header";
import { formatJapaneseDate, formatJstDateTime, todayJst } from "../../lib/clock";
import { industryLabel } from "../../lib/industry";
import { establishmentSchemaFor, type establishmentSchema } from "../../lib/schemas/establishment";
import { industryCatalog, industryCatalogQuery } from "../../models/industry.server";
import { checkJurisdiction } from "../../models/establishment.server";
import { municipalityChoices, municipalityChoicesQueries } from "../../models/office.server";
import {
  completeProvisionalRegistration,
  daysRemaining,
  establishmentFormDefaults,
  getProvisionalForOffice,
  provisionalForOfficeQuery,
  isExpired,
  type ProvisionalRegistration,
} from "../../models/provisional.server";
import { findingsFor, findingsOf, parseContent } from "../../models/posting/content.server";
import {
  getProvisionalPostingForOffice,
  minimumWagesOfProvisionalPosting,
  provisionalKyujinhyo,
  provisionalPostingForOffice,
} from "../../models/provisional-posting.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { provisionalPostingStatus, withScreens } from "../../rules/posting";
import { ProvisionalPostingSection, type ProvisionalPostingView } from "./components/posting-section";
import { requireStaff } from "../../utils/auth.server";
import { mailContext } from "../../utils/mail.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { readForm } from "../../utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.registration.name || "仮登録"}（仮登録の確認） | 求人者マイページ` }];

const COMPLETED = "この仮登録は既に本登録が完了しています。";
const CHANGED = "この仮登録は、ほかの操作により状態が変わったため本登録できませんでした。画面を読み込み直して確認してください。";
const NOT_ACTIVE = "この仮登録のログインアカウントは利用を開始していない（メールアドレスの確認が済んでいない）ため、本登録できません。";

function expiredMessage(expiresOn: string): string {
  return `本登録の期限（${formatJapaneseDate(expiresOn)}）を過ぎているため、本登録できません。事業主に、改めて仮登録するか、窓口で事業所登録を行うよう案内してください。`;
}

/** Why 本登録 cannot be done now, or null. */
function blockedReason(registration: ProvisionalRegistration, expired: boolean): string | null {
  if (registration.completedAt !== null) return COMPLETED;
  if (expired) return expiredMessage(registration.expiresOn);
  if (registration.accountStatus !== "active" || !registration.hasPassword || registration.accountEstablishmentId !== null) return NOT_ACTIVE;
  return null;
}

const ENTERED_LABELS: [string, string][] = [
  ["name", "事業所名"],
  ["nameKana", "事業所名（カナ）"],
  ["corporateNumber", "法人番号"],
  ["postalCode", "郵便番号"],
  ["municipality", "市区町村"],
  ["address", "所在地（市区町村より後）"],
  ["phone", "電話番号"],
  ["industry", "産業分類"],
  ["employees", "従業員数"],
  ["representativeTitle", "代表者の役職"],
  ["representativeName", "代表者の氏名"],
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, prefectureCode }) => ({
      registration: provisionalForOfficeQuery(db, officeCode, params.id ?? ""),
      municipalities: municipalityChoicesQueries(db, prefectureCode),
      posting: provisionalPostingForOffice(db, officeCode, params.id ?? ""),
      minimumWages: minimumWagesOfProvisionalPosting(db, officeCode, params.id ?? ""),
      industries: industryCatalogQuery(db),
    }),
  });
  const industries = industryCatalog(reads.industries);
  const [registration] = reads.registration;
  if (!registration) throw data(null, { status: 404 });
  const options = municipalityChoices(reads.municipalities, office.code);
  const defaults = establishmentFormDefaults(registration.establishmentData, industries);
  const municipalityName = options.municipalities.find((m) => m.code === defaults.municipalityCode)?.name ?? defaults.municipalityCode ?? "";
  const entered = {
    ...defaults,
    municipality: municipalityName,
    corporateNumber: defaults.isSoleProprietor ? "なし（個人事業主）" : (defaults.corporateNumber ?? ""),
    industry: defaults.industry ? industryLabel(industries, defaults.industry) : "",
  };
  const days = daysRemaining(registration.expiresOn, context.clock);
  const [postingRow] = reads.posting;
  let posting: ProvisionalPostingView | null = null;
  if (postingRow) {
    const content = parseContent(postingRow.content);
    const findings = findingsOf(content, { today: todayJst(context.clock), minimumWages: reads.minimumWages, validUntil: null });
    posting = {
      jobTitle: content.jobTitle,
      reached: postingRow.draftStep,
      status: provisionalPostingStatus(postingRow, findings),
      findings: withScreens(findings),
      kyujinhyo: provisionalKyujinhyo(content, defaults, { prefectureName: options.prefectureName, municipalityName, officeName: office.name }),
    };
  }
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    ...options,
    registration: {
      id: registration.id,
      name: registration.name,
      email: registration.email,
      createdAt: formatJstDateTime(registration.createdAt),
      updatedAt: formatJstDateTime(registration.updatedAt),
      expiresOn: formatJapaneseDate(registration.expiresOn),
      remaining: days < 0 ? "期限切れ" : days === 0 ? "本日まで" : `あと${days}日`,
      completedAt: registration.completedAt === null ? null : formatJstDateTime(registration.completedAt),
      establishmentId: registration.establishmentId,
    },
    entered: ENTERED_LABELS.map(([key, label]) => ({ label, value: entered[key as keyof typeof entered] ?? "" })),
    defaults,
    posting,
    industries,
    blocked: blockedReason(registration, isExpired(registration.expiresOn, context.clock)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { db, staff, office, reads } = await requireStaff(request, context, { reads: ({ db }) => ({ industries: industryCatalogQuery(db) }) });
  const scope = { staffId: staff.id, officeCode: office.code };
  const registration = await getProvisionalForOffice(db, scope, params.id ?? "");
  if (!registration) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: establishmentSchemaFor(industryCatalog(reads.industries)) });
  const blocked = blockedReason(registration, isExpired(registration.expiresOn, context.clock));
  if (blocked) return data(submission.reply({ formErrors: [blocked] }), { status: 400 });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const jurisdiction = await checkJurisdiction(db, scope, submission.value.municipalityCode);
  if (!jurisdiction.ok) return data(submission.reply({ fieldErrors: { municipalityCode: [jurisdiction.message] } }), { status: 400 });
  const postingRow = await getProvisionalPostingForOffice(db, office.code, registration.id);
  const posting = postingRow
    ? { row: postingRow, findings: await findingsFor(db, context.clock, { validUntil: null }, parseContent(postingRow.content)) }
    : undefined;
  const result = await completeProvisionalRegistration(db, context.clock, scope, {
    posting,
    registration,
    input: submission.value,
    prefectureCode: jurisdiction.prefectureCode,
    officeName: office.name,
    mail: mailContext(context.cloudflare.env),
  });
  if (!result.ok) return data(submission.reply({ formErrors: [CHANGED] }), { status: 409 });
  const postingNote =
    result.posting?.status === "submitted"
      ? "仮登録の求人は申込み済みとして「求人の確認」に入りました。"
      : result.posting
        ? "仮登録の求人は下書きとして求人者マイページに引き継ぎました。"
        : "";
  return redirectWithFlash(
    `/staff/establishments/${result.establishmentId}`,
    `本登録が完了し、求人者マイページを開設しました。事業主にメールでお知らせしました。${postingNote}`,
    { status: 302 },
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-std-16B-170">{label}</dt>
      <dd className="mb-2 break-all sm:mb-0">{children}</dd>
    </>
  );
}

export default function ProvisionalDetail() {
  const { staff, registration: r, entered, defaults, industries, blocked, municipalities, prefectureName, posting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof establishmentSchema>, z.output<typeof establishmentSchema>>({
    lastResult,
    // The stored JSON's values as strings; unknown values simply fail validation beside their field.
    defaultValue: defaults as Partial<z.input<typeof establishmentSchema>>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: establishmentSchemaFor(industries) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 text-std-32B-150">仮登録：{r.name || "（事業所名未入力）"}</h1>
      <p className="mb-6 text-std-17N-170">
        本登録の期限：<strong>{r.expiresOn}</strong>
        {`（${r.remaining}）`}
      </p>
      <section aria-labelledby="entered-title" className="mb-10">
        <h2 id="entered-title" className="mb-4 text-std-24B-150">
          仮登録の内容（事業主の入力）
        </h2>
        <dl className="grid gap-x-6 sm:grid-cols-[12rem_1fr] sm:gap-y-2">
          <Row label="ログイン用メールアドレス">{r.email}</Row>
          <Row label="仮登録日時">{r.createdAt}</Row>
          <Row label="最終更新日時">{r.updatedAt}</Row>
          {entered.map((item) => (
            <Row key={item.label} label={item.label}>
              {item.value || "（未入力）"}
            </Row>
          ))}
        </dl>
      </section>
      <ProvisionalPostingSection posting={posting} officeName={staff.officeName} completed={r.completedAt !== null} />
      {r.completedAt ? (
        <section aria-labelledby="done-title" className="mb-10">
          <h2 id="done-title" className="mb-4 text-std-24B-150">
            本登録済み
          </h2>
          <p>
            {r.completedAt}に本登録が完了しています。
            {r.establishmentId ? <Link to={`/staff/establishments/${r.establishmentId}`}>登録された事業所を表示する</Link> : null}
          </p>
        </section>
      ) : (
        <section aria-labelledby="complete-title" className="mb-10">
          <h2 id="complete-title" className="mb-4 text-std-24B-150">
            本登録
          </h2>
          {blocked ? (
            <p role="alert" className="mb-6 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-dns-16B-130 text-red-900">
              {blocked}
            </p>
          ) : (
            <>
              <p className="mb-6">
                事業主に確認しながら内容を確かめ、必要なら訂正してから本登録してください。本登録すると事業所番号が発行され、このメールアドレスの求人者マイページが開設されます（事業主にメールで通知します）。
              </p>
              <Form method="post" {...getFormProps(form)} className="max-w-2xl">
                <FormErrors errors={form.errors} id={form.errorId} />
                <EstablishmentFields fields={fields} municipalities={municipalities} prefectureName={prefectureName} industries={industries} />
                <Button>本登録する</Button>
              </Form>
            </>
          )}
        </section>
      )}
      <p>
        <Link to="/staff/provisional">仮登録の一覧へ戻る</Link>
      </p>
    </>
  );
}
