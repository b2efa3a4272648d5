/**
 * 事業所登録 by an officer (R-OPEN-1): only for a location under the officer's office (管轄); the
 * registration issues the 事業所番号 and is audited (R-AUDIT-1).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors } from "../components/form";
import { EstablishmentFields } from "../components/staff-establishment-fields";
import { StaffHeader } from "../components/staff-header";
import { establishmentSchemaFor } from "../lib/schemas/establishment";
import { checkJurisdiction, registerEstablishment } from "../models/establishment.server";
import { industryCatalog, industryCatalogQuery } from "../models/industry.server";
import { municipalityChoices, municipalityChoicesQueries } from "../models/office.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "事業所登録 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, prefectureCode }) => ({ municipalities: municipalityChoicesQueries(db, prefectureCode), industries: industryCatalogQuery(db) }),
  });
  const options = municipalityChoices(reads.municipalities, office.code);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    ...options,
    industries: industryCatalog(reads.industries),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, staff, office, reads } = await requireStaff(request, context, { reads: ({ db }) => ({ industries: industryCatalogQuery(db) }) });
  const scope = { staffId: staff.id, officeCode: office.code };
  const submission = parseWithZod(await readForm(request), { schema: establishmentSchemaFor(industryCatalog(reads.industries)) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const jurisdiction = await checkJurisdiction(db, scope, submission.value.municipalityCode);
  if (!jurisdiction.ok) return data(submission.reply({ fieldErrors: { municipalityCode: [jurisdiction.message] } }), { status: 400 });
  const { id } = await registerEstablishment(db, context.clock, scope, submission.value, jurisdiction.prefectureCode);
  return redirectWithFlash(`/staff/establishments/${id}`, "事業所を登録しました。", { status: 302 });
}

export default function NewEstablishment() {
  const { staff, municipalities, prefectureName, industries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: establishmentSchemaFor(industries) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">事業所登録</h1>
      <p className="mb-6">
        {staff.officeName}の管轄の事業所を登録します。登録すると事業所番号が発行されます。
        <Link to="/staff/establishments" className="ml-2">
          事業所一覧へ戻る
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <FormErrors errors={form.errors} id={form.errorId} />
        <EstablishmentFields fields={fields} municipalities={municipalities} prefectureName={prefectureName} industries={industries} />
        <Button>登録する</Button>
      </Form>
    </>
  );
}
