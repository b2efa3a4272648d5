/**
 * The seeker's first message to an establishment, from one of the seeker's own 直接リクエスト (`?request=`) or
 * referrals/applications (`?referral=`) (R-MSG-1): another seeker's, or an unknown id, is a 404. When a thread with
 * that establishment exists the page goes to it; otherwise it shows the form, or why sending is refused (no valid
 * posting of the establishment concerns the seeker, or its My Page is 利用不可). POST creates the thread with the message.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { submitMessageForm } from "../../models/message-form.server";
import { conversationOf, decideFor, startReads, startSourceOf } from "../../models/messages.server";
import { requireSeeker } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

async function seekerWithSource(request: Request, context: AppLoadContext) {
  const source = startSourceOf(new URL(request.url).searchParams);
  if (!source) throw data(null, { status: 404 });
  const seeker = await requireSeeker(request, context, { reads: ({ db, seekerId }) => startReads(db, { side: "seeker", seekerId }, source) });
  const row = seeker.reads.source[0];
  const conversation = conversationOf(seeker.reads.conversation, todayJst(seeker.clock));
  if (!row || !conversation) throw data(null, { status: 404 });
  return { seeker, source, row, conversation };
}

export async function seekerStartPage(request: Request, context: AppLoadContext) {
  const { conversation, source } = await seekerWithSource(request, context);
  if (conversation.threadId) throw redirect(`/seeker/messages/${conversation.threadId}`);
  const decision = decideFor(conversation, "seeker");
  return {
    party: conversation.establishmentName,
    refusal: decision.ok ? null : decision.message,
    formAction: `/seeker/messages/new?${source.kind}=${encodeURIComponent(source.id)}`,
  };
}

export async function seekerStartAction(request: Request, context: AppLoadContext) {
  const { seeker, row } = await seekerWithSource(request, context);
  const outcome = await submitMessageForm(await readForm(request), {
    db: seeker.db,
    clock: seeker.clock,
    mail: mailContext(context.cloudflare.env),
    actor: { type: "seeker", accountId: seeker.account.id },
    establishmentId: row.establishmentId,
    seekerId: seeker.seeker.id,
    postingId: row.postingId,
  });
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  return redirectWithFlash(`/seeker/messages/${outcome.threadId}`, "メッセージを送りました。");
}
