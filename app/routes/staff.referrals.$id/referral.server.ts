/**
 * The officer's referral page's data and action (route.tsx renders): the referral read in the guard's batch, scoped to
 * the office — referrals it made, or to establishments under its 管轄 (anything else is a 404); the referring office's
 * officer sees the seeker in full, the jurisdictional office's what the employer sees. The forms record a result
 * reported by phone or a 辞退 through models/selection-results.server.ts registerResult (not bound by the online window).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { staffResultSchema, staffValuesOf } from "../../lib/schemas/selection-result";
import { referralDetailOf, referralDetailQueries } from "../../models/applicants.server";
import { referralPageView } from "../../models/referral-view.server";
import { registerResult } from "../../models/selection-results.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { requireStaff } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";

async function staffWithReferral(request: Request, context: AppLoadContext, id: string) {
  const staff = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({ detail: referralDetailQueries(db, { kind: "staff", officeCode }, id) }),
  });
  const detail = referralDetailOf(staff.reads.detail);
  if (!detail) throw data(null, { status: 404 });
  return { ...staff, detail };
}

/** The referral as an officer of `officeCode` may see it: in full only for the referring office. */
export async function staffReferralPage(request: Request, context: AppLoadContext, id: string) {
  const { staff, office, clock, detail } = await staffWithReferral(request, context, id);
  const full = detail.referral.officeCode === office.code;
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    view: referralPageView(detail, todayJst(clock), { full }),
    establishmentId: detail.establishment.officeCode === office.code ? detail.establishment.id : null,
  };
}

export async function staffReferralAction(request: Request, context: AppLoadContext, id: string) {
  const { db, clock, staff, office, detail } = await staffWithReferral(request, context, id);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: staffResultSchema });
  const intent = String(form.get("intent") ?? "");
  if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
  const values = staffValuesOf(submission.value);
  const outcome = await registerResult({
    db,
    clock,
    actor: { type: "staff", staffId: staff.id, officeCode: office.code },
    referralId: detail.referral.id,
    version: submission.value.version ?? "",
    change: values.kind === "declined" ? { kind: "declined", declinedOn: values.declinedOn, note: values.note } : { kind: "phone", values: values.result },
  });
  if (!outcome.ok) {
    if (outcome.reason === "not-found") throw data(null, { status: 404 });
    return data({ intent, reply: submission.reply({ formErrors: [outcome.message] }) }, { status: outcome.reason === "stale" ? 409 : 400 });
  }
  return redirectWithFlash(
    `/staff/referrals/${detail.referral.id}`,
    outcome.action === "declined" ? "辞退を記録しました。" : "電話で連絡を受けた選考結果を記録しました。",
  );
}
