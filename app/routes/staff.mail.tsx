/**
 * 送信できなかったメール (issue 9 #11): supervisors see the system mail the outbox gave up on — refused by the mail
 * service (e.g. a wrong address) or still failing after the retry schedule — addressed to the accounts of their office,
 * so they can contact the employer another way. Only a supervisor (an officer gets 403); the body is never shown.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { StaffHeader } from "../components/staff-header";
import { TableHead } from "../components/table";
import { formatJstDateTime } from "../lib/clock";
import { DEAD_MAIL_LIMIT, deadMailQuery } from "../models/mail-outbox.server";
import { ROLE_LABELS } from "../models/staff.server";
import { requireStaff } from "../utils/auth.server";

export const meta: MetaFunction = () => [{ title: "送信できなかったメール | 求人者マイページ" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { staff, office, reads } = await requireStaff(request, context, {
    role: "supervisor",
    reads: ({ db, officeCode }) => ({ dead: deadMailQuery(db, officeCode) }),
  });
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    limit: DEAD_MAIL_LIMIT,
    mails: reads.dead.map((r) => ({
      id: r.id,
      toAddress: r.toAddress,
      subject: r.subject,
      attempts: r.attempts,
      lastError: r.lastError ?? "",
      createdAt: formatJstDateTime(r.createdAt),
      closedAt: r.closedAt === null ? "" : formatJstDateTime(r.closedAt),
    })),
  };
}

export default function StaffDeadMail() {
  const { staff, limit, mails } = useLoaderData<typeof loader>();
  return (
    <>
      <StaffHeader staff={staff} />
      <h1 className="mb-6 text-std-32B-150">送信できなかったメール</h1>
      <p className="mb-6">
        {staff.officeName}
        の事業所・仮登録・職員あてのシステムメールのうち、宛先の誤りなどで送信を断られたもの、または再送の上限まで失敗したものです（新しい順に最大
        {limit}
        件、30日間表示）。必要に応じて電話などで連絡し、メールアドレスを確認してください。認証キーやワンタイムパスワードは、事業主が画面から再発行できます。
      </p>
      {mails.length === 0 ? (
        <p>送信できなかったメールはありません。</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <TableHead columns={["宛先", "件名", "作成日時", "送信を止めた日時", "試行回数", "最後のエラー"]} />
          <tbody>
            {mails.map((mail) => (
              <tr key={mail.id} className="border-b border-solid-gray-420">
                <td className="p-2 break-all">{mail.toAddress}</td>
                <td className="p-2">{mail.subject}</td>
                <td className="p-2">{mail.createdAt}</td>
                <td className="p-2">{mail.closedAt}</td>
                <td className="p-2">{mail.attempts}回</td>
                <td className="p-2 break-all">{mail.lastError}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
