/**
 * 管轄の変更（移転） (R-DEL-3) for an officer of the jurisdictional office (another office's establishment is a 404): the
 * officer picks the office that gained jurisdiction (any other office; the same one is refused beside the field),
 * confirms, and the old My Page is closed (models/withdrawal.server.ts relocateEstablishment). Once closed the page shows
 * 「閉鎖（管轄変更: ○○）」 and the erasure date.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJapaneseDate, formatJstDateTime } from "../../lib/clock";
import { relocationSchema } from "../../lib/schemas/withdrawal";
import { ROLE_LABELS } from "../../models/staff.server";
import { endedOn, endingHeading, relocateEstablishment, RELOCATABLE, requireEndingOfOffice, type EndingRow } from "../../models/withdrawal.server";
import { withdrawalErasedFrom } from "../../rules/retention";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

export const SAME_OFFICE = "現在の管轄と同じハローワークは選べません。所在地の変更により管轄となったハローワークを選んでください。";
export const NOT_RELOCATABLE = "この事業所は退会または閉鎖しているため、管轄の変更はできません。画面を開き直して状態を確認してください。";

const canRelocate = (row: EndingRow) => (RELOCATABLE as readonly string[]).includes(row.status);

export async function relocationPage(request: Request, context: AppLoadContext, id: string) {
  const { staff, office, row, offices } = await requireEndingOfOffice(request, context, id);
  const closedOn = row.status === "closed" ? endedOn(row) : null;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: endingHeading(row),
    closed: closedOn ? { at: formatJstDateTime(row.closedAt!), erasedFrom: formatJapaneseDate(withdrawalErasedFrom(closedOn)) } : null,
    canRelocate: canRelocate(row),
    offices: offices.map((o) => ({ value: o.code, label: o.name })),
  };
}

export async function relocationAction(request: Request, context: AppLoadContext, id: string) {
  const { db, clock, staff, office, row, offices } = await requireEndingOfOffice(request, context, id);
  const submission = parseWithZod(await readForm(request), { schema: relocationSchema });
  if (submission.status !== "success")
    return data({ step: "form" as const, lastResult: submission.reply(), officeCode: null, officeName: null }, { status: 400 });
  const { intent, officeCode } = submission.value;
  const formError = (fieldErrors: Record<string, string[]>, formErrors?: string[]) =>
    data({ step: "form" as const, lastResult: submission.reply({ fieldErrors, formErrors }), officeCode, officeName: null }, { status: 400 });
  if (officeCode === row.officeCode) return formError({ officeCode: [SAME_OFFICE] });
  const newOffice = offices.find((o) => o.code === officeCode);
  if (!newOffice) return formError({ officeCode: ["新しい管轄のハローワークを一覧から選んでください。"] });
  if (intent === "back") return { step: "form" as const, lastResult: null, officeCode, officeName: null };
  if (!canRelocate(row))
    return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [NOT_RELOCATABLE] }), officeCode, officeName: null }, { status: 409 });
  if (intent === "confirm") return { step: "confirm" as const, lastResult: null, officeCode, officeName: newOffice.name };
  const outcome = await relocateEstablishment(db, context.cloudflare.env.AUTH_KEYS, clock, mailContext(context.cloudflare.env), {
    scope: { staffId: staff.id, officeCode: office.code },
    establishment: { id: row.id, name: row.name },
    newOffice: { code: newOffice.code, name: newOffice.name, phone: newOffice.phone },
  });
  if (!outcome.ok)
    return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [outcome.message] }), officeCode, officeName: null }, { status: 409 });
  return redirectWithFlash(
    `/staff/establishments/${row.id}`,
    `管轄の変更により求人者マイページを閉鎖しました（新しい管轄: ${newOffice.name}）。ログインアカウントに、${newOffice.name}で改めて事業所登録するようメールで知らせました。`,
  );
}
