/**
 * Starting (or continuing) the conversation with a seeker from one of the establishment's referrals or applications
 * (`?referral=`) or 直接リクエスト (`?request=`) (R-MSG-1): another establishment's, or an unknown id, is a 404. When a
 * thread with that seeker exists the page goes to it; otherwise it shows the first message's form, or why sending is
 * refused. POST creates the thread (its subject: the referral's or request's posting) with the first message.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { employerSender, submitMessageForm } from "../../models/message-form.server";
import { seekerLabel } from "../../models/message-view.server";
import { conversationOf, decideFor, startReads, startSourceOf, type StartSource } from "../../models/messages.server";
import { requireEmployer } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";

/** The source named in the URL, or a 404. */
function sourceOf(request: Request): StartSource {
  const source = startSourceOf(new URL(request.url).searchParams);
  if (!source) throw data(null, { status: 404 });
  return source;
}

async function employerWithSource(request: Request, context: AppLoadContext) {
  const source = sourceOf(request);
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => startReads(db, { side: "employer", establishmentId }, source),
  });
  const row = employer.reads.source[0];
  const conversation = conversationOf(employer.reads.conversation, todayJst(employer.clock));
  if (!row || !conversation) throw data(null, { status: 404 });
  return { employer, source, row, conversation };
}

export async function startPage(request: Request, context: AppLoadContext) {
  const { employer, conversation, source } = await employerWithSource(request, context);
  if (conversation.threadId) throw redirect(`/mypage/messages/${conversation.threadId}`);
  const decision = decideFor(conversation, "employer", employer.facts);
  return {
    party: seekerLabel(conversation),
    refusal: decision.ok ? null : decision.message,
    formAction: `/mypage/messages/new?${source.kind}=${encodeURIComponent(source.id)}`,
  };
}

export async function startAction(request: Request, context: AppLoadContext) {
  const { employer, row } = await employerWithSource(request, context);
  const outcome = await submitMessageForm(await readForm(request), {
    ...employerSender(employer, context.cloudflare.env),
    seekerId: row.seekerId,
    postingId: row.postingId,
  });
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  return redirectWithFlash(`/mypage/messages/${outcome.threadId}`, "メッセージを送りました。");
}
