/**
 * The provisional area of an online 仮登録 (R-OPEN-8): the deadline for 本登録 at the counter, the office
 * to visit, the provisional 事業所情報 form, and after it the 求人 (issue 10 #8, ADR 0016): started here
 * (intent=start-posting), entered in the 8-screen wizard (/provisional/posting/step/:step), shown here with all its
 * findings. Entering a 求人 is optional: 本登録 works with the 事業所情報 alone. Nothing is published; the account
 * sees and edits only its own registration (requireProvisionalAccount; everything under /mypage sends it here).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data, redirect } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { Button, CheckboxField, SelectField, TextField } from "../components/form";
import { FindingsSection } from "../components/posting-findings";
import { PostalCodeAutofill } from "../components/postal-code-autofill";
import { IndustryFields } from "../components/industry-fields";
import { formatJapaneseDate, todayJst } from "../lib/clock";
import { resolveIndustry } from "../lib/industry";
import { establishmentSchemaFor, type establishmentSchema } from "../lib/schemas/establishment";
import { industryCatalog, industryCatalogQuery } from "../models/industry.server";
import { findJurisdictionalOffice, municipalitiesWithOfficeQuery, officeQuery } from "../models/office.server";
import { findingsOf, parseContent } from "../models/posting/content.server";
import { provisionalFormValues, provisionalOfficeCode, saveProvisionalEstablishment } from "../models/provisional-employer.server";
import {
  minimumWagesOfAccountPosting,
  provisionalPostingOfAccount,
  provisionalPrefectureCode,
  startProvisionalPosting,
} from "../models/provisional-posting.server";
import { provisionalPostingStatus, resumeStep, withScreens } from "../rules/posting";
import { provisionalDeadlinePassed } from "../rules/provisional";
import { requireProvisionalAccount } from "../utils/auth.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "仮登録の事業所情報 | 求人者マイページ" }];

/** The demo data's prefecture (栃木県): the municipalities offered for the 所在地. */
const PREFECTURE = "09";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { account, registration, reads } = await requireProvisionalAccount(request, context, {
    reads: ({ db, accountId }) => ({
      municipalities: municipalitiesWithOfficeQuery(db, PREFECTURE),
      office: officeQuery(db, provisionalOfficeCode(accountId)),
      posting: provisionalPostingOfAccount(db, accountId),
      minimumWages: minimumWagesOfAccountPosting(db, accountId),
      industries: industryCatalogQuery(db),
    }),
  });
  const { municipalities } = reads;
  const industries = industryCatalog(reads.industries);
  const values = provisionalFormValues(registration);
  const [office] = reads.office;
  const [row] = reads.posting;
  const content = row ? parseContent(row.content) : null;
  const findings = content ? findingsOf(content, { today: todayJst(context.clock), minimumWages: reads.minimumWages, validUntil: null }) : [];
  return {
    email: account.email,
    deadline: formatJapaneseDate(registration.expiresOn),
    expired: provisionalDeadlinePassed(registration.expiresOn, todayJst(context.clock)),
    entered: registration.establishmentData !== null,
    office: office ? { name: office.name, phone: office.phone, address: office.address, illustrative: office.illustrative } : null,
    municipalities: municipalities.filter((m) => m.officeCode).map((m) => ({ value: m.code, label: m.name })),
    values: values.industry === undefined ? values : { ...values, ...resolveIndustry(industries, values.industry) },
    industries,
    posting:
      row && content
        ? {
            jobTitle: content.jobTitle,
            reached: row.draftStep,
            resume: `/provisional/posting/step/${resumeStep({ status: "draft", draftStep: row.draftStep })}`,
            ready: provisionalPostingStatus(row, findings) === "submitted",
            findings: withScreens(findings),
          }
        : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, account, registration, reads } = await requireProvisionalAccount(request, context, {
    reads: ({ db }) => ({ industries: industryCatalogQuery(db) }),
  });
  const formData = await readForm(request);
  if (formData.get("intent") === "start-posting") {
    const municipalityCode = provisionalFormValues(registration).municipalityCode;
    if (!registration.establishmentData || !municipalityCode) return redirectWithFlash("/provisional", "先に事業所情報を保存してください。");
    await startProvisionalPosting(db, context.clock, {
      accountId: account.id,
      registrationId: registration.id,
      officeCode: registration.officeCode,
      prefectureCode: provisionalPrefectureCode(municipalityCode),
    });
    return redirect("/provisional/posting/step/1", 303);
  }
  const submission = parseWithZod(formData, { schema: establishmentSchemaFor(industryCatalog(reads.industries)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const office = await findJurisdictionalOffice(db, submission.value.municipalityCode);
  if (!office) {
    return data(
      submission.reply({ fieldErrors: { municipalityCode: ["選択した市区町村を管轄するハローワークが見つかりません。一覧から市区町村を選択してください。"] } }),
      { status: 400 },
    );
  }
  await saveProvisionalEstablishment(db, context.clock, { registrationId: registration.id, accountId: account.id }, submission.value, office.code);
  return redirectWithFlash("/provisional", "事業所情報を保存しました。");
}

export default function ProvisionalPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof establishmentSchema>, z.output<typeof establishmentSchema>>({
    lastResult,
    defaultValue: page.values as Partial<z.input<typeof establishmentSchema>>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: establishmentSchemaFor(page.industries) }),
  });
  return (
    <>
      <div className="mb-8 flex flex-wrap items-start justify-between gap-4 rounded-8 bg-solid-gray-50 p-4">
        <p className="break-all text-dns-16N-130">ログイン中：{page.email}（仮登録）</p>
        <Form method="post" action="/logout">
          <Button variant="secondary">ログアウト</Button>
        </Form>
      </div>
      <h1 className="mb-6 text-std-32B-150">仮登録</h1>

      <section aria-labelledby="deadline-title" className="mb-10">
        <h2 id="deadline-title" className="mb-4 text-std-24B-150">
          本登録の手続き
        </h2>
        {page.expired ? (
          <p className="mb-4 rounded-8 border-2 border-red-800 bg-red-50 p-4 text-red-900">
            本登録の期限（{page.deadline}
            ）を過ぎました。この仮登録はまもなく消去されます。求人者マイページの開設を希望する場合は、事業所所在地を管轄するハローワークの窓口にお申し出ください。
          </p>
        ) : (
          <p className="mb-4 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4">
            <strong>{page.deadline}</strong>までに、事業所所在地を管轄するハローワークの窓口で本登録の手続きをしてください。
            期限までに本登録をしなかった場合、仮登録の内容は消去されます。
          </p>
        )}
        {page.office ? (
          <p className="mb-4">
            本登録の窓口：<strong>{page.office.name}</strong>（電話 {page.office.phone}
            {page.office.illustrative ? "。デモ用の架空の番号です" : ""}）
          </p>
        ) : (
          <p className="mb-4">事業所情報を入力すると、本登録の手続きをするハローワークをお知らせします。</p>
        )}
        <p>仮登録の段階では、求人者マイページは開設されていません。入力した内容は公開されません。</p>
      </section>

      <section aria-labelledby="establishment-title">
        <h2 id="establishment-title" className="mb-4 text-std-24B-150">
          事業所情報{page.entered ? "（入力済み・変更できます）" : "の入力"}
        </h2>
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.name} label="事業所名" required hint="60文字以内" />
          <TextField meta={fields.nameKana} label="事業所名（カナ）" required hint="全角カタカナ、100文字以内" />
          <CheckboxField meta={fields.isSoleProprietor} label="個人事業主（法人番号がない）" />
          <TextField meta={fields.corporateNumber} label="法人番号" inputMode="numeric" hint="13桁の数字。個人事業主の場合は入力しないでください。" />
          <TextField meta={fields.postalCode} label="郵便番号" required inputMode="numeric" autoComplete="postal-code" hint="例：321-1272" />
          <PostalCodeAutofill postalCode={fields.postalCode} municipality={fields.municipalityCode} address={fields.address} proposeOffice />
          <SelectField meta={fields.municipalityCode} label="所在地（市町村）" required options={page.municipalities} />
          <TextField meta={fields.address} label="所在地（市町村より後）" required hint="120文字以内" />
          <TextField meta={fields.phone} label="電話番号" type="tel" required autoComplete="tel" hint="市外局番から。例：0288-22-0353" />
          <IndustryFields division={fields.industryDivision} group={fields.industry} catalog={page.industries} />
          <TextField meta={fields.employees} label="従業員数" required inputMode="numeric" hint="人数を半角または全角の数字で" />
          <TextField meta={fields.representativeTitle} label="代表者の役職" hint="例：代表取締役（30文字以内）" />
          <TextField meta={fields.representativeName} label="代表者の氏名" required autoComplete="name" hint="40文字以内" />
          <Button>事業所情報を保存する</Button>
        </Form>
      </section>

      <PostingSection entered={page.entered} posting={page.posting} />
    </>
  );
}

/** The 求人 of the 仮登録 (ADR 0016): offered after the 事業所情報, optional, entered in the 8-screen wizard. */
function PostingSection({ entered, posting }: { entered: boolean; posting: ReturnType<typeof useLoaderData<typeof loader>>["posting"] }) {
  return (
    <section aria-labelledby="posting-title" className="mt-10">
      <h2 id="posting-title" className="mb-4 text-std-24B-150">
        求人情報{posting ? "（入力中・変更できます）" : "の入力"}
      </h2>
      <p className="mb-4">
        事業所情報に続けて、求人情報（求人申込み）を入力できます。本登録の際に、ハローワークが事業所の登録と一緒に求人の申込みを受け付けます。求人を申し込まない場合は、入力しなくても事業所情報だけで本登録できます。
      </p>
      {!entered ? (
        <p>事業所情報を保存すると、求人情報を入力できます。</p>
      ) : posting ? (
        <>
          <p className="mb-2">
            職種：<strong>{posting.jobTitle || "（未入力）"}</strong>（入力した画面：{posting.reached}/8）
          </p>
          <p className="mb-4">
            {posting.ready
              ? "8画面の入力が終わり、赤色のエラーはありません。本登録の際に、この求人はハローワークへの申込みになります。"
              : "8画面の入力が終わっていないか、赤色のエラーが残っています。このまま本登録した場合、求人は下書きとして求人者マイページに引き継がれ、そこで入力を続けて申し込みます。"}
          </p>
          <p className="mb-6">
            <Link to={posting.resume}>求人情報の入力を続ける</Link>
          </p>
          <FindingsSection
            findings={posting.findings}
            id="posting-findings-title"
            level={3}
            note="本日時点の最低賃金などで確認した結果です。赤色のエラーがある項目は、入力画面で直してください。"
          />
        </>
      ) : (
        <Form method="post" action="/provisional">
          <input type="hidden" name="intent" value="start-posting" />
          <Button>求人情報を入力する</Button>
        </Form>
      )}
    </section>
  );
}
