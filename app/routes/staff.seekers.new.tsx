/**
 * 求職者の登録 by an officer (issue 11): the seeker belongs to the officer's office; registration issues the 求職番号
 * (the office's prefix and its next serial) and is audited (ids only). Bad input comes back beside each field, with
 * what was typed.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors } from "../components/form";
import { SeekerFields, type SeekerFieldset } from "../components/seeker-fields";
import { StaffHeader } from "../components/staff-header";
import { todayJst } from "../lib/clock";
import { seekerSchemaFor } from "../lib/schemas/seeker";
import { municipalityChoices, municipalityChoicesQueries } from "../models/office.server";
import { registerSeeker } from "../models/seekers.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { readForm } from "../utils/body.server";
import { redirectWithFlash } from "../utils/flash.server";

export const meta: MetaFunction = () => [{ title: "求職者の登録 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, clock, reads } = await requireStaff(request, context, {
    reads: ({ db, prefectureCode }) => ({ municipalities: municipalityChoicesQueries(db, prefectureCode) }),
  });
  const { municipalities, prefectureName } = municipalityChoices(reads.municipalities, office.code);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    today: todayJst(clock),
    prefectureCode: office.prefectureCode,
    prefectureName,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, clock, staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, prefectureCode }) => ({ municipalities: municipalityChoicesQueries(db, prefectureCode) }),
  });
  const { municipalities } = municipalityChoices(reads.municipalities, office.code);
  const schema = seekerSchemaFor({ today: todayJst(clock), municipalityCodes: municipalities.map((m) => m.code) });
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { id, seekerNumber } = await registerSeeker({
    db,
    clock,
    scope: { staffId: staff.id, officeCode: office.code },
    numberPrefix: office.jobNumberPrefix,
    input: submission.value,
  });
  return redirectWithFlash(`/staff/seekers/${id}`, `求職者を登録しました（求職番号 ${seekerNumber}）。`);
}

export default function NewSeeker() {
  const { staff, today, prefectureCode, prefectureName, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { prefectureCode, desiredWorkStyle: "either", hasMypage: "false", publishProfile: "false", disclosure: [] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seekerSchemaFor({ today, municipalityCodes: municipalities.map((m) => m.code) }) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">求職者の登録</h1>
      <p className="mb-6">
        {staff.officeName}で求職者を登録します。登録すると求職番号が発行されます。
        <Link to="/staff/seekers" className="ml-2">
          求職者一覧へ戻る
        </Link>
      </p>
      <Form method="post" {...getFormProps(form)} className="max-w-2xl">
        <FormErrors errors={form.errors} id={form.errorId} />
        <SeekerFields fields={fields as unknown as SeekerFieldset} municipalities={municipalities} prefectureName={prefectureName} />
        <Button>登録する</Button>
      </Form>
    </>
  );
}
