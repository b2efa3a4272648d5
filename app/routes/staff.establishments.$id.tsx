/**
 * 事業所の詳細 for an officer of the jurisdictional office (R-OPEN-1: another office's is a 404), its
 * login accounts, and the counter path step ① (R-OPEN-3): registering the main login e-mail.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { Button, FormErrors, TextField } from "../components/form";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { EstablishmentEnding } from "../components/establishment-ending";
import { formatJstDateTime, todayJst } from "../lib/clock";
import { emailField } from "../lib/schemas/fields";
import {
  ACCOUNT_STATUS_LABELS,
  ESTABLISHMENT_STATUS_LABELS,
  establishmentForOfficeQuery,
  getEstablishmentForOffice,
  loginAccountsForOfficeQuery,
  registerLoginEmail,
} from "../models/establishment.server";
import { ROLE_LABELS } from "../models/staff.server";
import { endingFacts, endingQuery } from "../models/withdrawal.server";
import { requireStaff } from "../utils/auth.server";
import { redirectWithFlash } from "../utils/flash.server";
import { readForm } from "../utils/body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.establishment.name ?? "事業所"}（事業所の詳細） | 求人者マイページ` }];

const loginEmailSchema = z.object({ email: emailField });

const TAKEN = "このメールアドレスは既に登録されています。別のメールアドレスを登録してください。";
const NOT_ALLOWED = "この事業所には既に主たるログインアカウントが登録されているか、メールアドレスを登録できる状態ではありません。";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({
      found: establishmentForOfficeQuery(db, officeCode, params.id ?? ""),
      accounts: loginAccountsForOfficeQuery(db, officeCode, params.id ?? ""),
      ending: endingQuery(db, officeCode, params.id ?? ""),
    }),
  });
  const [found] = reads.found;
  if (!found) throw data(null, { status: 404 });
  const { establishment: e } = found;
  const { accounts } = reads;
  const ending = endingFacts(reads.ending[0]!, todayJst(context.clock));
  return {
    ending,
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: {
      id: e.id,
      name: e.name,
      nameKana: e.nameKana,
      establishmentNumber: e.establishmentNumber ?? "",
      status: ending.closed?.label ?? ESTABLISHMENT_STATUS_LABELS[e.status],
      corporateNumber: e.corporateNumber,
      postalCode: e.postalCode,
      // The address is stored after the municipality; older rows (demo data) hold it in full.
      location: e.address.startsWith(found.prefectureName + found.municipalityName)
        ? e.address
        : `${found.prefectureName}${found.municipalityName}${e.address}`,
      phone: e.phone,
      industry: found.industryLabel,
      employees: e.employees,
      representative: [e.representativeTitle, e.representativeName].filter(Boolean).join(" "),
      registeredAt: formatJstDateTime(e.createdAt),
      unusableReason: e.status === "unusable" ? e.unusableReason : null,
      // R-GATE-2/3: the My Page's gates, each with its own page.
      hasMyPage: e.status === "open" || e.status === "unusable",
      restrictedAt: e.restrictedAt ? formatJstDateTime(e.restrictedAt) : null,
    },
    accounts: accounts.map((a) => ({
      id: a.id,
      email: a.email,
      kind: a.isMain ? "主たるアカウント" : "追加アカウント",
      status: ACCOUNT_STATUS_LABELS[a.status],
      pending: a.status === "pending",
    })),
    canRegisterEmail: e.status === "registered" && !accounts.some((a) => a.isMain),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const scope = { staffId: staff.id, officeCode: office.code };
  const found = await getEstablishmentForOffice(db, scope, params.id ?? "");
  if (!found) throw data(null, { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: loginEmailSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await registerLoginEmail(db, context.clock, scope, found.establishment.id, submission.value.email);
  if (!result.ok) {
    const message = result.reason === "taken" ? TAKEN : NOT_ALLOWED;
    return data(submission.reply({ fieldErrors: { email: [message] } }), { status: 400 });
  }
  return redirectWithFlash(`/staff/establishments/${found.establishment.id}`, "ログイン用のメールアドレスを登録しました。", { status: 302 });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-std-16B-170">{label}</dt>
      <dd className="mb-2 sm:mb-0">{children}</dd>
    </>
  );
}

export default function EstablishmentDetail() {
  const { staff, establishment: e, accounts, canRegisterEmail, ending } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginEmailSchema }),
    shouldValidate: "onBlur",
  });
  const waitingForPassword = accounts.some((a) => a.pending);
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-2 text-std-32B-150">{e.name}</h1>
      <p className="mb-6 text-std-17N-170">
        <span className="mr-6">
          事業所番号 <strong>{e.establishmentNumber}</strong>
        </span>
        状態：<strong>{e.status}</strong>
      </p>
      <section aria-labelledby="info-title" className="mb-10">
        <h2 id="info-title" className="mb-4 text-std-24B-150">
          事業所の基本情報
        </h2>
        <dl className="grid gap-x-6 sm:grid-cols-[12rem_1fr] sm:gap-y-2">
          <Row label="事業所名（カナ）">{e.nameKana}</Row>
          <Row label="法人番号">{e.corporateNumber ?? "なし（個人事業主）"}</Row>
          <Row label="所在地">
            〒{e.postalCode} {e.location}
          </Row>
          <Row label="電話番号">{e.phone}</Row>
          <Row label="産業分類">{e.industry || "未登録"}</Row>
          <Row label="従業員数">{e.employees === null ? "未登録" : `${e.employees}人`}</Row>
          <Row label="代表者">{e.representative || "未登録"}</Row>
          <Row label="登録日時">{e.registeredAt}</Row>
          {e.unusableReason ? <Row label="利用不可の理由">{e.unusableReason}</Row> : null}
        </dl>
      </section>
      <section aria-labelledby="accounts-title" className="mb-10">
        <h2 id="accounts-title" className="mb-4 text-std-24B-150">
          ログインアカウント
        </h2>
        {accounts.length === 0 ? (
          <p className="mb-4">ログインアカウントはまだ登録されていません。</p>
        ) : (
          <table className="mb-4 w-full border-collapse text-left">
            <TableHead columns={["メールアドレス", "種類", "状態"]} />
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-b border-solid-gray-420">
                  <td className="p-2 break-all">{a.email}</td>
                  <td className="p-2">{a.kind}</td>
                  <td className="p-2">{a.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {waitingForPassword ? (
          <div className="mb-4 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4">
            <p className="mb-2 text-dns-16B-130">事業主へのご案内（手順②〜⑥）</p>
            <p>
              会社のパソコンからハローワークインターネットサービスの「パスワード登録」（<code>/password-registration</code>
              ）にアクセスし、登録したメールアドレスを入力して、利用規約とプライバシーポリシーに同意するよう伝えてください。メールで届く認証キー（30分有効）とパスワードを入力すると、マイページが開設されます。
            </p>
          </div>
        ) : null}
      </section>
      {e.hasMyPage ? (
        <section aria-labelledby="gates-title" className="mb-10">
          <h2 id="gates-title" className="mb-4 text-std-24B-150">
            マイページの利用
          </h2>
          <p className="mb-4">{e.restrictedAt ? `選考結果の未登録により利用制限中です（${e.restrictedAt}から）。` : "利用制限はされていません。"}</p>
          <ul className="grid list-disc gap-2 pl-6">
            <li>
              <Link to={`/staff/establishments/${e.id}/restriction`}>利用制限の確認・解除</Link>
            </li>
            <li>
              <Link to={`/staff/establishments/${e.id}/usability`}>利用不可の設定</Link>
            </li>
          </ul>
        </section>
      ) : null}
      <EstablishmentEnding ending={ending} />
      {/* After a refused submission the form stays, with the reason beside the field. */}
      {canRegisterEmail || lastResult ? (
        <section aria-labelledby="email-title" className="mb-10">
          <h2 id="email-title" className="mb-4 text-std-24B-150">
            ① ログイン用メールアドレスの登録
          </h2>
          <p className="mb-4">事業主から申出のあった、ログインアカウントとして使う事業所のメールアドレスを登録します。この時点ではメールは送信されません。</p>
          <Form method="post" {...getFormProps(form)} className="max-w-xl">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField meta={fields.email} label="メールアドレス" type="email" required inputMode="email" hint="100文字以内。例：saiyo@example.co.jp" />
            <Button>登録する</Button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to="/staff/establishments">事業所一覧へ戻る</Link>
      </p>
    </>
  );
}
