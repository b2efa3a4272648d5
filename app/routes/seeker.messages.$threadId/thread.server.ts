/**
 * One conversation of the seeker (R-MSG-1): GET reads the thread in the seeker's scope (another's is a 404), its
 * messages, and marks the establishment's messages read (既読), in the guard's batch; the reply form or why sending is
 * refused (the employer's restriction does not stop the seeker; no valid posting concerning the seeker, or a 利用不可
 * My Page, does). POST sends through models/message-form.server.ts into the thread named by the URL, checked in scope.
 */
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { todayJst } from "../../lib/clock";
import { submitMessageForm } from "../../models/message-form.server";
import { threadPageOf } from "../../models/message-view.server";
import { threadQuery, threadReads } from "../../models/messages.server";
import { requireSeeker } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

export async function seekerThreadPage(request: Request, context: AppLoadContext, threadId: string) {
  const now = context.clock.now().getTime();
  const seeker = await requireSeeker(request, context, { reads: ({ db, seekerId }) => threadReads(db, { side: "seeker", seekerId }, threadId, now) });
  const page = threadPageOf(seeker.reads, "seeker", todayJst(seeker.clock));
  if (!page) throw data(null, { status: 404 });
  const { id, party, subject, messages, refusal } = page;
  return { id, party, subject, messages, refusal };
}

export async function seekerThreadAction(request: Request, context: AppLoadContext, threadId: string) {
  const seeker = await requireSeeker(request, context, { reads: ({ db, seekerId }) => ({ thread: threadQuery(db, { side: "seeker", seekerId }, threadId) }) });
  const thread = seeker.reads.thread[0];
  if (!thread) throw data(null, { status: 404 });
  const outcome = await submitMessageForm(await readForm(request), {
    db: seeker.db,
    clock: seeker.clock,
    mail: mailContext(context.cloudflare.env),
    actor: { type: "seeker", accountId: seeker.account.id },
    establishmentId: thread.establishmentId,
    seekerId: seeker.seeker.id,
    postingId: thread.postingId,
  });
  if (!outcome.ok) return data(outcome.reply, { status: outcome.status });
  return redirectWithFlash(`/seeker/messages/${outcome.threadId}`, "メッセージを送りました。");
}
