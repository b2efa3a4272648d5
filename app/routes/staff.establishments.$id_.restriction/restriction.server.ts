/**
 * The restriction page's data and action (R-GATE-4): the establishment of the officer's office (another office's is a
 * 404) with today's overdue count and its overdue referrals, read in the guard's batch; the lift in two steps (confirm →
 * the confirmation screen with the count, back → the form, lift → models/gates/restriction.server.ts), one flash.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { daysBetween, formatJapaneseDate, formatJstDateTime, todayJst } from "../../lib/clock";
import { liftSchema } from "../../lib/schemas/gates";
import { ESTABLISHMENT_STATUS_LABELS } from "../../models/establishment.server";
import { liftRestriction, OVERDUE_LIST_LIMIT, overdueReferralsQuery, restrictionQuery } from "../../models/gates/restriction.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { backlogLevel, BACKLOG_LIMIT, exceedsBacklog } from "../../rules/referral";
import { requireStaff } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

async function guarded(request: Request, context: AppLoadContext, id: string) {
  const today = todayJst(context.clock);
  const staff = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ found: restrictionQuery(db, officeCode, id, today), overdue: overdueReferralsQuery(db, officeCode, id, today) }),
  });
  const [row] = staff.reads.found;
  if (!row) throw data(null, { status: 404 });
  return { ...staff, row, today };
}

export async function restrictionPage(request: Request, context: AppLoadContext, id: string) {
  const { staff, office, row, today, reads } = await guarded(request, context, id);
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    establishment: {
      id: row.id,
      name: row.name,
      establishmentNumber: row.establishmentNumber ?? "",
      status: ESTABLISHMENT_STATUS_LABELS[row.status],
    },
    overdue: row.overdue,
    level: backlogLevel(row.overdue),
    limit: BACKLOG_LIMIT,
    restrictedAt: row.restrictedAt ? formatJstDateTime(row.restrictedAt) : null,
    lastLift: row.restrictionLiftedAt ? { at: formatJstDateTime(row.restrictionLiftedAt), by: row.liftedByName ?? "（職員）" } : null,
    referrals: reads.overdue.map((r) => ({
      id: r.id,
      referredOn: formatJapaneseDate(r.referredOn),
      days: daysBetween(r.referredOn, today),
      jobNumber: r.jobNumber ?? "",
      jobTitle: r.jobTitle || "（職種未入力）",
      seekerName: r.seekerName,
    })),
    listLimit: OVERDUE_LIST_LIMIT,
  };
}

export async function restrictionAction(request: Request, context: AppLoadContext, id: string) {
  const { db, clock, staff, office, row } = await guarded(request, context, id);
  const submission = parseWithZod(await readForm(request), { schema: liftSchema });
  if (submission.status !== "success") return data({ step: "form" as const, lastResult: submission.reply(), note: null }, { status: 400 });
  const { intent, note } = submission.value;
  if (row.status === "withdrawn" || row.status === "closed") {
    // R-DEL-1/3: a withdrawn or closed My Page is not used; a restoration keeps its restriction as it was.
    const message = "この事業所は退会または閉鎖しているため、利用制限の解除はできません。";
    return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [message] }), note }, { status: 409 });
  }
  if (row.restrictedAt === null) {
    const message = "この事業所は利用制限されていません。画面を開き直して状態を確認してください。";
    return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [message] }), note }, { status: 409 });
  }
  if (intent === "confirm") return { step: "confirm" as const, lastResult: null, note, stillOver: exceedsBacklog(row.overdue) };
  if (intent === "back") return { step: "form" as const, lastResult: null, note };
  const outcome = await liftRestriction(db, clock, mailContext(context.cloudflare.env), {
    scope: { staffId: staff.id, officeCode: office.code },
    establishment: { id: row.id, name: row.name, restrictedAt: row.restrictedAt },
    office: { name: office.name, phone: office.phone },
    overdue: row.overdue,
    note,
  });
  if (!outcome.ok) return data({ step: "form" as const, lastResult: submission.reply({ formErrors: [outcome.message] }), note }, { status: 409 });
  const again = exceedsBacklog(row.overdue) ? `未登録の紹介が${row.overdue}件あるため、翌日の確認で再び制限されます。` : "";
  return redirectWithFlash(`/staff/establishments/${row.id}/restriction`, `利用制限を解除しました。事業所にお知らせとメールで知らせました。${again}`);
}
