/**
 * The 退会 page's data and action (R-DEL-1) for an officer of the jurisdictional office (another office's establishment is
 * a 404): the withdrawal's dates, and the restoration at the employer's request while canRestoreWithdrawal holds — from
 * day 31 (the erasure job may not have run yet) it is refused with a message. Two steps (confirm → the confirmation
 * screen, back → the form with what was typed, restore → models/withdrawal.server.ts), one flash after the change.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJapaneseDate, formatJstDateTime } from "../../lib/clock";
import { restoreWithdrawalSchema } from "../../lib/schemas/withdrawal";
import { ROLE_LABELS } from "../../models/staff.server";
import { endedOn, endingHeading, requireEndingOfOffice, restoreWithdrawal, type EndingRow } from "../../models/withdrawal.server";
import { canRestoreWithdrawal, lastRestorableOn, withdrawalErasedFrom } from "../../rules/retention";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

export const PAST_ERASURE = "消去予定日を過ぎているため復元できません。事業主には、改めて求人者マイページを開設するよう案内してください。";
export const NOT_WITHDRAWN = "この事業所は退会していないため、復元できません。画面を開き直して状態を確認してください。";

/** Why the restoration is not offered today, or null when it is. */
function refusalOf(row: EndingRow, today: string): string | null {
  const on = endedOn(row);
  if (row.status !== "withdrawn" || on === null) return NOT_WITHDRAWN;
  return canRestoreWithdrawal(on, today) ? null : PAST_ERASURE;
}

export async function withdrawalPage(request: Request, context: AppLoadContext, id: string) {
  const { staff, office, row, today } = await requireEndingOfOffice(request, context, id);
  const on = row.status === "withdrawn" ? endedOn(row) : null;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: endingHeading(row),
    withdrawal: on
      ? {
          at: formatJstDateTime(row.withdrawnAt!),
          erasedFrom: formatJapaneseDate(withdrawalErasedFrom(on)),
          restorableUntil: formatJapaneseDate(lastRestorableOn(on)),
        }
      : null,
    refusal: refusalOf(row, today),
  };
}

export async function withdrawalAction(request: Request, context: AppLoadContext, id: string) {
  const { db, clock, staff, office, row, today } = await requireEndingOfOffice(request, context, id);
  const submission = parseWithZod(await readForm(request), { schema: restoreWithdrawalSchema });
  if (submission.status !== "success") return data({ step: "form" as const, lastResult: submission.reply(), note: null }, { status: 400 });
  const { intent, note } = submission.value;
  if (intent === "back") return { step: "form" as const, lastResult: null, note };
  const refusal = refusalOf(row, today);
  if (refusal) return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [refusal] }), note }, { status: 409 });
  if (intent === "confirm") return { step: "confirm" as const, lastResult: null, note };
  const outcome = await restoreWithdrawal(db, clock, mailContext(context.cloudflare.env), {
    scope: { staffId: staff.id, officeCode: office.code },
    establishment: { id: row.id, name: row.name, withdrawnAt: row.withdrawnAt! },
    office: { name: office.name, phone: office.phone },
    note,
  });
  if (!outcome.ok) return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [outcome.message] }), note }, { status: 409 });
  return redirectWithFlash(
    `/staff/establishments/${row.id}`,
    "退会を取り消し、求人者マイページを復元しました。事業所にお知らせとメールで知らせました。退会のときに停止した求人は停止したままです。",
  );
}
