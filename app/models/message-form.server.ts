/**
 * The message forms' server side (R-MSG-1, issue 12), shared by the employer's and the seeker's pages: the body through
 * Conform and lib/schemas/message, then models/messages.server.ts sendMessage. A bad body is a 400 with the message
 * beside the field, a refused send (R-MSG-1, R-GATE-2/3) a 403 with the Japanese reason above the form; both keep what
 * was typed.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { messageSchema } from "../lib/schemas/message";
import type { EmployerContext } from "../utils/auth.server";
import { mailContext } from "../utils/mail.server";
import { sendMessage } from "./messages.server";

export type MessageFormOutcome = { ok: true; threadId: string } | { ok: false; status: 400 | 403; reply: SubmissionResult<string[]> };

/** Reads the body from `formData` and sends it in the conversation of `target` (see sendMessage for the rest). */
export async function submitMessageForm(formData: FormData, input: Omit<Parameters<typeof sendMessage>[0], "body" | "result">): Promise<MessageFormOutcome> {
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success") return { ok: false, status: 400, reply: submission.reply() };
  const outcome = await sendMessage({ ...input, body: submission.value.body });
  if (!outcome.ok) return { ok: false, status: 403, reply: submission.reply({ formErrors: [outcome.message] }) };
  return { ok: true, threadId: outcome.threadId };
}

/** sendMessage's input for the signed-in employer: its account, establishment and R-GATE facts. */
export function employerSender(employer: EmployerContext, env: Env) {
  const { db, clock, account, establishment, facts } = employer;
  return {
    db,
    clock,
    mail: mailContext(env),
    actor: { type: "employer" as const, accountId: account.id, officeCode: establishment.officeCode },
    establishmentId: establishment.id,
    capability: facts,
  };
}
