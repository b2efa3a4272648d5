/**
 * One conversation of the establishment (R-MSG-1): GET reads the thread in the establishment's scope (another's is a
 * 404), its messages, and marks the seeker's messages read (既読) — all in the guard's batch; the reply form or the
 * reason sending is refused (rules/message decideMessage: the seeker's 求職者マイページ, a valid posting that concerns
 * the seeker, R-GATE-1/3, 利用不可). POST sends through models/message-form.server.ts; the thread id is taken from the
 * URL and checked in the establishment's scope, whatever the form says.
 */
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { employerSender, submitMessageForm } from "../../models/message-form.server";
import { threadPageOf } from "../../models/message-view.server";
import { threadQuery, threadReads } from "../../models/messages.server";
import { requireEmployer } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";

export async function employerThreadPage(request: Request, context: AppLoadContext, threadId: string) {
  const now = context.clock.now().getTime();
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => threadReads(db, { side: "employer", establishmentId }, threadId, now),
  });
  const page = threadPageOf(employer.reads, "employer", todayJst(employer.clock), employer.facts);
  if (!page) throw data(null, { status: 404 });
  const { id, party, subject, messages, refusal } = page;
  return { id, party, subject, messages, refusal };
}

export async function employerThreadAction(request: Request, context: AppLoadContext, threadId: string) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId }) => ({ thread: threadQuery(db, { side: "employer", establishmentId }, threadId) }),
  });
  const thread = employer.reads.thread[0];
  if (!thread) throw data(null, { status: 404 });
  const outcome = await submitMessageForm(await readForm(request), {
    ...employerSender(employer, context.cloudflare.env),
    seekerId: thread.seekerId,
    postingId: thread.postingId,
  });
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  return redirectWithFlash(`/mypage/messages/${outcome.threadId}`, "メッセージを送りました。");
}
