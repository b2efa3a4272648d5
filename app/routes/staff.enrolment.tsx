/**
 * 認証アプリ登録コードの発行 (issue 9 #4): a supervisor issues a one-time code for an officer of their own office who
 * has no authenticator yet; the officer enters it at the first sign-in before the QR code is shown. The code is shown
 * here once, in the answer to the POST (not in a flash cookie: a secret does not travel in a cookie), and only its
 * hash is stored; a new code voids the previous unused one. Other staff get 403.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "../components/form";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJstDateTime } from "../lib/clock";
import { formatEnrolmentCode, issueEnrolmentCode, staffWithoutAuthenticatorQuery } from "../models/staff-enrolment.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction = () => [{ title: "認証アプリ登録コードの発行 | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    role: "supervisor",
    reads: ({ db, officeCode }) => ({ rows: staffWithoutAuthenticatorQuery(db, context.clock, officeCode) }),
  });
  const rows = reads.rows;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    officers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: ROLE_LABELS[r.role],
      codeValidUntil: r.codeExpiresAt ? formatJstDateTime(r.codeExpiresAt) : null,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, staff } = await requireStaff(request, context, { role: "supervisor" });
  const staffId = (await readForm(request)).get("staffId");
  const result = typeof staffId === "string" ? await issueEnrolmentCode(db, context.clock, { id: staff.id, officeCode: staff.officeCode }, staffId) : null;
  if (!result?.ok) throw data(null, { status: 404 });
  return { issued: { staffId, code: formatEnrolmentCode(result.code), validUntil: formatJstDateTime(result.expiresAt) } };
}

export default function StaffEnrolmentPage() {
  const { staff, officers } = useLoaderData<typeof loader>();
  const issued = useActionData<typeof action>()?.issued;
  const issuedFor = officers.find((o) => o.id === issued?.staffId);
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">認証アプリ登録コードの発行</h1>
      <p className="mb-6">
        {staff.officeName}
        の職員で、認証アプリをまだ設定していない方です。登録コードは、本人が初めてログインするときに認証アプリを設定するために必要です。発行した登録コードは本人に直接伝えてください（発行から24時間有効、1回限り。発行し直すと前の登録コードは使えなくなります）。
      </p>
      {issued ? (
        <section role="status" aria-labelledby="issued-title" className="mb-8 rounded-8 border-2 border-solid-gray-800 p-6">
          <h2 id="issued-title" className="mb-4 text-std-24B-150">
            {issuedFor ? `${issuedFor.name}さんの登録コード` : "登録コード"}
          </h2>
          <p className="mb-2">
            <code className="text-std-24B-150 tracking-wider" data-enrolment-code>
              {issued.code}
            </code>
          </p>
          <p>有効期限：{issued.validUntil}まで。この登録コードは再表示できません。</p>
        </section>
      ) : null}
      {officers.length === 0 ? (
        <p>認証アプリを設定していない職員はいません。</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <TableHead columns={["氏名", "メールアドレス", "役職", "発行済みの登録コード", "操作"]} />
          <tbody>
            {officers.map((o) => (
              <tr key={o.id} className="border-b border-solid-gray-420">
                <td className="p-2">{o.name}</td>
                <td className="p-2 break-all">{o.email}</td>
                <td className="p-2">{o.role}</td>
                <td className="p-2">{o.codeValidUntil ? `${o.codeValidUntil}まで有効` : "なし"}</td>
                <td className="p-2">
                  <Form method="post">
                    <input type="hidden" name="staffId" value={o.id} />
                    <Button variant="secondary">
                      登録コードを発行する<span className="sr-only">（{o.name}）</span>
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
