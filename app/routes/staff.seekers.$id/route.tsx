/**
 * 求職者の詳細 (issue 11) for an officer of the seeker's office (another office's seeker is a 404): what is registered,
 * the seeker's referrals with their state (each links to /staff/referrals/:id), 「この求職者を紹介する」 (R-REF-1), and
 * the edit form (登録内容の変更, audited with the names of the changed fields), and the 求職者マイページ's login address
 * (issue 12: registering it opens the マイページ; the seeker then does パスワード登録).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors } from "../../components/form";
import { SeekerFields, type SeekerFieldset } from "../../components/seeker-fields";
import { StaffHeader } from "../../components/staff-header";
import { TableHead } from "../../components/table";
import { todayJst } from "../../lib/clock";
import { seekerSchemaFor } from "../../lib/schemas/seeker";
import { municipalityChoices, municipalityChoicesQueries } from "../../models/office.server";
import { referralsOfSeekerQuery, seekerOfOfficeQuery, updateSeeker } from "../../models/seekers.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { requireStaff } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { SeekerDetails } from "./components/seeker-details";
import { SeekerLoginSection } from "./components/seeker-login-form";
import { seekerLoginAction, seekerPageData } from "./seeker.server";
import { SEEKER_LOGIN_INTENT } from "../../lib/schemas/seeker-login";
import { seekerLoginOfOfficeQuery } from "../../models/seeker-account.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.seeker.name ?? "求職者"}（求職者の詳細） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const { staff, office, clock, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, prefectureCode }) => ({
      found: seekerOfOfficeQuery(db, officeCode, id),
      referrals: referralsOfSeekerQuery(db, officeCode, id),
      municipalities: municipalityChoicesQueries(db, prefectureCode),
      login: seekerLoginOfOfficeQuery(db, officeCode, id),
    }),
  });
  const [found] = reads.found;
  const [login] = reads.login;
  if (!found) throw data(null, { status: 404 });
  const { municipalities, prefectureName } = municipalityChoices(reads.municipalities, office.code);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    today: todayJst(clock),
    prefectureName,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
    ...seekerPageData(found, reads.referrals, clock),
    login: login ? { email: login.email, status: login.status } : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const { db, clock, staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode, prefectureCode }) => ({
      found: seekerOfOfficeQuery(db, officeCode, id),
      municipalities: municipalityChoicesQueries(db, prefectureCode),
    }),
  });
  if (!reads.found[0]) throw data(null, { status: 404 });
  const form = await readForm(request);
  if (form.get("intent") === SEEKER_LOGIN_INTENT) return seekerLoginAction({ db, clock, staff, office, id, form });
  const { municipalities } = municipalityChoices(reads.municipalities, office.code);
  const schema = seekerSchemaFor({ today: todayJst(clock), municipalityCodes: municipalities.map((m) => m.code) });
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateSeeker({ db, clock, scope: { staffId: staff.id, officeCode: office.code }, id, input: submission.value });
  if (!result.ok) throw data(null, { status: 404 });
  const message = result.changed.length ? "求職者の登録内容を変更しました。" : "変更された項目はありませんでした。";
  return redirectWithFlash(`/staff/seekers/${id}`, message, { tone: result.changed.length ? "success" : "info" });
}

export type SeekerPage = ReturnType<typeof useLoaderData<typeof loader>>;

/** 登録内容の変更: the form with the stored values (Conform reads `defaultValue` once per mounted form). */
function EditForm({ page }: { page: SeekerPage }) {
  const { formValues, today, municipalities, prefectureName } = page;
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && !("seekerLogin" in actionData) ? actionData : undefined;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: formValues,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seekerSchemaFor({ today, municipalityCodes: municipalities.map((m) => m.code) }) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-2xl">
      <FormErrors errors={form.errors} id={form.errorId} />
      <SeekerFields fields={fields as unknown as SeekerFieldset} municipalities={municipalities} prefectureName={prefectureName} />
      <Button>変更を保存する</Button>
    </Form>
  );
}

export default function SeekerDetail() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { staff, seeker, referrals, login } = page;
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 text-std-32B-150">{seeker.name}</h1>
      <p className="mb-6 text-std-17N-170">
        <span className="mr-6">
          求職番号 <strong>{seeker.seekerNumber}</strong>
        </span>
        {seeker.nameKana}（{seeker.age}歳）
      </p>
      <p className="mb-8">
        <Link to={`/staff/seekers/${seeker.id}/refer`} className="inline-block rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:underline">
          この求職者を紹介する
        </Link>
      </p>
      <section aria-labelledby="referrals-title" className="mb-10">
        <h2 id="referrals-title" className="mb-4 text-std-24B-150">
          紹介の状況
        </h2>
        {referrals.length === 0 ? (
          <p>まだ紹介はありません。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">この求職者の紹介</caption>
              <TableHead columns={["紹介日", "求人番号", "職種", "事業所", "面接日時", "状態"]} />
              <tbody>
                {referrals.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-420">
                    <td className="p-2 whitespace-nowrap">
                      <Link to={`/staff/referrals/${r.id}`}>{r.referredOn}</Link>
                    </td>
                    <td className="p-2 whitespace-nowrap">{r.jobNumber}</td>
                    <td className="p-2">{r.jobTitle}</td>
                    <td className="p-2">{r.establishmentName}</td>
                    <td className="p-2">{r.interview}</td>
                    <td className="p-2">{r.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SeekerDetails seeker={seeker} />
      <SeekerLoginSection login={login} lastResult={actionData && "seekerLogin" in actionData ? actionData.seekerLogin : undefined} />
      <section aria-labelledby="edit-title" className="mb-10">
        <h2 id="edit-title" className="mb-4 text-std-24B-150">
          登録内容の変更
        </h2>
        {/* Keyed by the last change: after saving, the form shows what is stored (normalised), not what was typed. */}
        <EditForm key={seeker.version} page={page} />
      </section>
      <p>
        <Link to="/staff/seekers">求職者一覧へ戻る</Link>
      </p>
    </>
  );
}
