/**
 * 利用制限 (R-GATE-3/4) of one establishment, for an officer of the jurisdictional office (another office's is a 404):
 * today's count of referrals without a result 21 or more days after the 紹介日, whether the My Page is restricted and
 * since when, the last lift, the overdue referrals (each linking to /staff/referrals/:id), and 「利用制限を解除する」
 * with a confirmation step. The next daily check restricts again while the count is over the limit.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormErrors, TextAreaField } from "../../components/form";
import { ConfirmStep, EstablishmentActionHeading } from "../../components/staff-establishment-action";
import { StaffHeader } from "../../components/staff-header";
import { TableHead } from "../../components/table";
import { liftSchema } from "../../lib/schemas/gates";
import { LIFT_NOTE_MAX } from "../../rules/gates";
import { restrictionAction, restrictionPage } from "./restriction.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `利用制限（${data?.establishment.name ?? "事業所"}） | 求人者マイページ` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return restrictionPage(request, context, params.id ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  return restrictionAction(request, context, params.id ?? "");
}

function LiftSection() {
  const { overdue, limit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "lift",
    lastResult: result?.lastResult,
    defaultValue: { note: result?.note ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: liftSchema }),
    shouldValidate: "onBlur",
  });
  if (result?.step === "confirm") {
    return (
      <ConfirmStep name="lift" question="利用制限を解除しますか" intent="lift" act="解除を確定する" hidden={{ note: result.note ?? "" }}>
        <p className="mb-2">
          現在の未登録（3週間経過）の紹介：<strong data-confirm-overdue>{overdue}件</strong>
        </p>
        {result.stillOver ? (
          <p role="alert" className="mb-4 rounded-8 border-l-4 border-yellow-700 bg-yellow-50 p-4 text-dns-16B-130">
            {`${limit}件を超えているため、解除しても翌日の確認で再び制限されます。選考結果の登録を事業所に依頼してください。`}
          </p>
        ) : null}
        {result.note ? <p className="mb-4 whitespace-pre-line break-all">メモ：{result.note}</p> : null}
        <p className="mb-6">事業所のお知らせと、ログインアカウントへのメールで解除を知らせます。</p>
      </ConfirmStep>
    );
  }
  return (
    <section aria-labelledby="lift-title" className="mb-10 max-w-3xl">
      <h2 id="lift-title" className="mb-4 text-std-24B-150">
        利用制限の解除
      </h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextAreaField meta={fields.note} label="メモ" rows={3} hint={`${LIFT_NOTE_MAX}文字以内。事業所からの申出の内容など（監査記録に残ります）。`} />
        <input type="hidden" name="intent" value="confirm" />
        <Button>利用制限を解除する</Button>
      </Form>
    </section>
  );
}

const LEVEL_NOTES = {
  over: "50件を超えています。",
  watch: "40件以上です。制限の前に事業所へ連絡してください。",
  ok: "",
} as const;

export default function RestrictionPage() {
  const { staff, establishment: e, overdue, level, limit, restrictedAt, lastLift, referrals, listLimit } = useLoaderData<typeof loader>();
  // A refused lift (already lifted by someone else) keeps the section, with the reason.
  const result = useActionData<typeof action>();
  return (
    <>
      <StaffHeader staff={staff} />
      <EstablishmentActionHeading title="利用制限" establishment={e} />
      <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[16rem_1fr]">
        <dt className="text-std-16B-170">未登録（3週間経過）の紹介</dt>
        <dd data-overdue-count>
          <strong>{overdue}件</strong>
          <span className="ml-2">{LEVEL_NOTES[level]}</span>
          <span className="ml-2 text-dns-14N-130 text-solid-gray-800">{`（${limit}件を超えると、毎日の確認で利用が制限されます）`}</span>
        </dd>
        <dt className="text-std-16B-170">利用制限</dt>
        <dd data-restricted={restrictedAt ? "true" : "false"}>{restrictedAt ? `制限中（${restrictedAt}から）` : "制限されていません"}</dd>
        <dt className="text-std-16B-170">最後の解除</dt>
        <dd>{lastLift ? `${lastLift.at}（${lastLift.by}）` : "なし"}</dd>
      </dl>
      {restrictedAt || result ? <LiftSection /> : null}
      <section aria-labelledby="overdue-title" className="mb-10">
        <h2 id="overdue-title" className="mb-4 text-std-24B-150">
          選考結果が未登録の紹介
        </h2>
        {referrals.length === 0 ? (
          <p>紹介日から21日以上たって選考結果が未登録の紹介はありません。</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-dns-16N-130">
              紹介日から21日以上たって選考結果（採用・不採用・辞退）が登録されていない紹介（紹介日の古い順
              {overdue > referrals.length ? `、先頭の${listLimit}件` : ""}）
            </caption>
            <TableHead columns={["紹介日", "経過日数", "求人番号", "職種", "求職者", "詳細"]} />
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id} className="border-b border-solid-gray-420" data-referral-id={r.id}>
                  <td className="p-2">{r.referredOn}</td>
                  <td className="p-2">{r.days}日</td>
                  <td className="p-2">{r.jobNumber}</td>
                  <td className="p-2 break-all">{r.jobTitle}</td>
                  <td className="p-2">{r.seekerName}</td>
                  <td className="p-2">
                    <Link to={`/staff/referrals/${r.id}`}>紹介の詳細</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="flex flex-wrap gap-6">
        <Link to={`/staff/establishments/${e.id}`}>事業所の詳細へ戻る</Link>
        <Link to="/staff/backlog">選考結果の未登録（事業所別）へ</Link>
      </p>
    </>
  );
}
