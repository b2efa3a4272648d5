/**
 * The 利用不可 page's data and action (R-GATE-2): the establishment of the officer's office (another office's is a 404),
 * read in the guard's batch; the two steps of the form (confirm → the confirmation screen, back → the form with what was
 * typed, unusable / restore → the change, models/gates/usability.server.ts), one flash after the change.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJstDateTime } from "../../lib/clock";
import { usabilitySchema } from "../../lib/schemas/gates";
import { ESTABLISHMENT_STATUS_LABELS } from "../../models/establishment.server";
import { restoreUsable, setUnusable, usabilityQuery, type UsabilityRow } from "../../models/gates/usability.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { requireStaff } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

/** What the page offers for the establishment's status: 利用不可 (open), 利用再開 (unusable), or nothing. */
export type UsabilityMode = "unusable" | "restore" | null;

function modeOf(row: UsabilityRow): UsabilityMode {
  if (row.status === "open") return "unusable";
  if (row.status === "unusable") return "restore";
  return null;
}

async function guarded(request: Request, context: AppLoadContext, id: string) {
  const staff = await requireStaff(request, context, { reads: ({ db, officeCode }) => ({ found: usabilityQuery(db, officeCode, id) }) });
  const [row] = staff.reads.found;
  if (!row) throw data(null, { status: 404 });
  return { ...staff, row };
}

export async function usabilityPage(request: Request, context: AppLoadContext, id: string) {
  const { staff, office, row } = await guarded(request, context, id);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    office: { name: office.name, phone: office.phone },
    establishment: {
      id: row.id,
      name: row.name,
      establishmentNumber: row.establishmentNumber ?? "",
      status: ESTABLISHMENT_STATUS_LABELS[row.status],
      unusableAt: row.unusableAt ? formatJstDateTime(row.unusableAt) : null,
      unusableReason: row.status === "unusable" ? row.unusableReason : null,
      activeAccounts: row.activeAccounts,
      openSessions: row.openSessions,
    },
    mode: modeOf(row),
  };
}

const NOT_NOW: Record<"unusable" | "restore", string> = {
  unusable: "この事業所は利用中ではないため、利用不可にできません。画面を開き直して状態を確認してください。",
  restore: "この事業所は利用不可ではないため、利用を再開できません。画面を開き直して状態を確認してください。",
};

export async function usabilityAction(request: Request, context: AppLoadContext, id: string) {
  const { db, clock, staff, office, row } = await guarded(request, context, id);
  const submission = parseWithZod(await readForm(request), { schema: usabilitySchema });
  if (submission.status !== "success") return data({ step: "form" as const, lastResult: submission.reply(), reason: null }, { status: 400 });
  const { intent, reason } = submission.value;
  if (intent === "confirm") return { step: "confirm" as const, lastResult: null, reason };
  if (intent === "back") return { step: "form" as const, lastResult: null, reason };
  if (modeOf(row) !== intent) {
    return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [NOT_NOW[intent]] }), reason }, { status: 409 });
  }
  const change = {
    scope: { staffId: staff.id, officeCode: office.code },
    establishment: { id: row.id, name: row.name },
    office: { name: office.name, phone: office.phone },
    reason,
  };
  const mail = mailContext(context.cloudflare.env);
  const outcome = intent === "unusable" ? await setUnusable(db, clock, mail, change) : await restoreUsable(db, clock, mail, change);
  if (!outcome.ok) return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [outcome.message] }), reason }, { status: 409 });
  const message =
    intent === "unusable"
      ? "マイページを利用不可にしました。この事業所のログイン中のセッションはすべて終了し、ログインアカウントにメールで知らせました。"
      : "マイページの利用を再開しました。事業所にお知らせとメールで知らせました。";
  return redirectWithFlash(`/staff/establishments/${row.id}`, message);
}
