/**
 * The applicant page's メッセージ section (R-MSG-1, R-REF-3, issue 12): the link to the conversation with the seeker
 * (the thread, or a new one from this referral), and 「選考結果をメッセージで送る」 — a kind 'result' message with the
 * fixed text of rules/message resultMessageText (採用 with the 雇用予定日, 不採用) — allowed only under R-MSG-1
 * (decideMessage); refused with the reason otherwise. Sending the same text again for the referral is refused.
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import type { ReferralDetail } from "../../models/applicants.server";
import { employerSender } from "../../models/message-form.server";
import { conversationOf, decideFor, sendMessage } from "../../models/messages.server";
import { resultMessageText } from "../../rules/message";
import type { EmployerContext } from "../../utils/auth.server";
import { redirectWithFlash } from "../../utils/flash.server";

export interface MessageSectionView {
  href: string;
  /** The 選考結果's text when a result the employer registered can be sent, else null. */
  resultText: string | null;
  /** Why it cannot be sent now (R-MSG-1), or null. */
  refusal: string | null;
}

function resultTextOf(detail: ReferralDetail): string | null {
  return resultMessageText({
    status: detail.referral.status,
    hireDate: detail.referral.hireDate,
    jobNumber: detail.posting.jobNumber,
    jobTitle: detail.posting.jobTitle ?? "",
    establishmentName: detail.establishment.name,
  });
}

export function messageSectionOf(employer: EmployerContext, detail: ReferralDetail, conversationResults: unknown): MessageSectionView {
  const conversation = conversationOf(conversationResults, todayJst(employer.clock));
  const decision = conversation ? decideFor(conversation, "employer", employer.facts) : null;
  return {
    href: conversation?.threadId ? `/mypage/messages/${conversation.threadId}` : `/mypage/messages/new?referral=${detail.referral.id}`,
    resultText: resultTextOf(detail),
    refusal: decision === null ? "この応募者にはメッセージを送れません。" : decision.ok ? null : decision.message,
  };
}

export async function sendResultAction(context: AppLoadContext, employer: EmployerContext, detail: ReferralDetail) {
  const back = `/mypage/applicants/${detail.referral.id}`;
  const text = resultTextOf(detail);
  if (!text) return redirectWithFlash(back, "メッセージで送れる選考結果がありません。採用または不採用を登録してください。", { tone: "warning" });
  const outcome = await sendMessage({
    ...employerSender(employer, context.cloudflare.env),
    seekerId: detail.seeker.id,
    postingId: detail.posting.id,
    body: text,
    result: { referralId: detail.referral.id },
  });
  if (!outcome.ok) return redirectWithFlash(back, outcome.message, { tone: "warning" });
  return redirectWithFlash(back, "選考結果をメッセージで送りました。");
}
