/**
 * The applicant page's data and its action (route.tsx guards and renders): the referral read in the guard's batch,
 * scoped to the establishment (another's is a 404), shown as disclosed (models/referral-view.server.ts); the 選考結果
 * form posts through models/selection-results.server.ts registerResult.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { resultSchema, resultValuesOf } from "../../lib/schemas/selection-result";
import { referralDetailOf, referralDetailQueries } from "../../models/applicants.server";
import { startReads } from "../../models/messages.server";
import { referralPageView } from "../../models/referral-view.server";
import { DECLINED_MESSAGE, registerResult } from "../../models/selection-results.server";
import { decide } from "../../rules/capabilities";
import { requireEmployer } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { requireCapability } from "../../utils/capabilities.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { messageSectionOf, sendResultAction } from "./result-message.server";

async function employerWithReferral(request: Request, context: AppLoadContext, id: string) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({
      detail: referralDetailQueries(db, { kind: "employer", establishmentId }, id),
      // R-MSG-1 (issue 12): the conversation with the seeker, for the メッセージ section.
      conversation: startReads(db, { side: "employer", establishmentId }, { kind: "referral", id }).conversation,
    }),
  });
  const detail = referralDetailOf(employer.reads.detail);
  if (!detail) throw data(null, { status: 404 });
  return { employer, detail, conversation: employer.reads.conversation };
}

export async function applicantPage(request: Request, context: AppLoadContext, id: string) {
  const { employer, detail, conversation } = await employerWithReferral(request, context, id);
  requireCapability(employer, "applicants.view");
  const view = referralPageView(detail, todayJst(employer.clock));
  const register = decide("selection.register", employer.facts);
  return {
    view,
    register: { allowed: register.allowed, reason: register.reason ?? null },
    declinedMessage: view.status === "declined" ? DECLINED_MESSAGE : null,
    message: messageSectionOf(employer, detail, conversation),
  };
}

export async function applicantAction(request: Request, context: AppLoadContext, id: string) {
  const { employer, detail } = await employerWithReferral(request, context, id);
  const form = await readForm(request);
  // R-REF-3 (issue 12): 「選考結果をメッセージで送る」 (decided by R-MSG-1, not by selection.register).
  if (form.get("intent") === "sendResult") return sendResultAction(context, employer, detail);
  requireCapability(employer, "selection.register");
  const submission = parseWithZod(form, { schema: resultSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { db, clock, account, establishment } = employer;
  const outcome = await registerResult({
    db,
    clock,
    actor: { type: "employer", accountId: account.id, establishmentId: establishment.id, officeCode: establishment.officeCode },
    referralId: detail.referral.id,
    version: submission.value.version ?? "",
    change: { kind: "result", values: resultValuesOf(submission.value) },
  });
  if (!outcome.ok) {
    if (outcome.reason === "not-found") throw data(null, { status: 404 });
    const status = outcome.reason === "closed" ? 403 : outcome.reason === "stale" ? 409 : 400;
    return data(submission.reply({ formErrors: [outcome.message] }), { status });
  }
  return redirectWithFlash(
    `/mypage/applicants/${detail.referral.id}`,
    outcome.action === "correction" ? "選考結果を訂正しました。訂正の内容は履歴に残ります。" : "選考結果をハローワークへ登録しました。",
  );
}
