/**
 * After 退会 (R-DEL-1): the public page the signed-out browser lands on. `on` is the JST date of the withdrawal (from the
 * redirect); the erasure date and the last day of a restoration follow from it (rules/retention.ts). Nothing is read:
 * the page shows only dates, and a missing or malformed `on` shows the general wording.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { formatJapaneseDate, isValidDate } from "../lib/clock";
import { lastRestorableOn, withdrawalErasedFrom, WITHDRAWAL_GRACE_DAYS } from "../rules/retention";

export const meta: MetaFunction = () => [{ title: "退会手続きの完了 | 求人者マイページ" }];

export function loader({ request }: LoaderFunctionArgs) {
  const on = new URL(request.url).searchParams.get("on") ?? "";
  const known = /^\d{4}-\d{2}-\d{2}$/.test(on) && isValidDate(on);
  return {
    erasedFrom: known ? formatJapaneseDate(withdrawalErasedFrom(on)) : null,
    restorableUntil: known ? formatJapaneseDate(lastRestorableOn(on)) : null,
  };
}

export default function WithdrawalCompletePage() {
  const { erasedFrom, restorableUntil } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-std-32B-150">退会手続きが完了しました</h1>
      <p className="mb-4" data-erased-from>
        {erasedFrom
          ? `求人者マイページとそこで登録した情報は、${erasedFrom}以降に消去されます。`
          : `求人者マイページとそこで登録した情報は、退会から${WITHDRAWAL_GRACE_DAYS}日後に消去されます。`}
        すべてのログインアカウントでログインできなくなりました。登録されたメールアドレスに、手続き完了のメールをお送りしました。
      </p>
      <p className="mb-8">
        {restorableUntil
          ? `${restorableUntil}までは、管轄のハローワークに申し出ると、退会を取り消して求人者マイページを復元できます。`
          : "消去されるまでは、管轄のハローワークに申し出ると、退会を取り消して求人者マイページを復元できます。"}
        その後に再び利用するには、改めて求人者マイページを開設してください。
      </p>
      <p>
        <Link to="/">トップページへ</Link>
      </p>
    </div>
  );
}
