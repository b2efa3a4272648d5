/**
 * 直接リクエスト page data and action (route.tsx guards and renders). GET: the establishment's postings that can take
 * requests today with the remaining count each, and the sent requests with their state — both in the guard's batch
 * (one round trip). POST: requireCapability("search") (R-GATE-1/3: 403 with the reason), the form through Conform/zod,
 * models/direct-requests.server.ts sendDirectRequest; another establishment's posting is a 404; any other refusal is a
 * Japanese message beside its field, the form keeping what was typed; success: a flash with the remaining count.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJstDateTime, todayJst } from "../../lib/clock";
import { directRequestSchema } from "../../lib/schemas/direct-request";
import { requestablePostingsQuery, sendDirectRequest, sentRequestsQuery } from "../../models/direct-requests.server";
import { decide } from "../../rules/capabilities";
import { DIRECT_REQUEST_STATUS_LABELS, remainingMessage, remainingRequests, type DirectRequestRefusal } from "../../rules/direct-request";
import { requireEmployer } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { requireCapability } from "../../utils/capabilities.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

export const REQUESTS_PATH = "/mypage/requests";

export async function requestsPage(request: Request, context: AppLoadContext) {
  const employer = await requireEmployer(request, context, {
    reads: ({ db, establishmentId, today }) => ({
      postings: requestablePostingsQuery(db, establishmentId, today),
      sent: sentRequestsQuery(db, establishmentId),
    }),
  });
  const search = decide("search", employer.facts);
  const { postings, sent } = employer.reads;
  return {
    refusal: search.allowed ? null : (search.reason ?? null),
    postings: postings.map((p) => {
      const remaining = remainingRequests(p.sent);
      const title = `${p.jobNumber ?? ""} ${p.jobTitle || "（職種未入力）"}`.trim();
      return { id: p.id, title, sent: p.sent, remaining, remainingText: remainingMessage(remaining) };
    }),
    sent: sent.map((r) => ({
      id: r.id,
      posting: `${r.jobNumber ?? ""} ${r.jobTitle || "（職種未入力）"}`.trim(),
      seekerId: r.seekerId,
      sentAt: formatJstDateTime(r.createdAt),
      statusLabel: DIRECT_REQUEST_STATUS_LABELS[r.status],
    })),
    today: todayJst(employer.clock),
  };
}

/** Which field a refusal is shown beside. */
const FIELD_OF: Record<Exclude<DirectRequestRefusal, "capability" | "posting-not-found">, "postingId" | "seekerId"> = {
  "posting-invalid": "postingId",
  "posting-offline": "postingId",
  limit: "postingId",
  "seeker-unpublished": "seekerId",
  "seeker-no-mypage": "seekerId",
  duplicate: "seekerId",
};

export async function requestsAction(request: Request, context: AppLoadContext) {
  const employer = await requireEmployer(request, context);
  requireCapability(employer, "search");
  const submission = parseWithZod(await readForm(request), { schema: directRequestSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { db, clock, account, establishment, facts } = employer;
  const outcome = await sendDirectRequest({
    db,
    clock,
    mail: mailContext(context.cloudflare.env),
    scope: { establishmentId: establishment.id, accountId: account.id, officeCode: establishment.officeCode },
    facts,
    postingId: submission.value.postingId,
    seekerId: submission.value.seekerId,
    message: submission.value.message,
  });
  if (!outcome.ok) {
    if (outcome.reason === "posting-not-found") throw data(null, { status: 404 });
    if (outcome.reason === "capability") throw data({ reason: outcome.message }, { status: 403 });
    if (outcome.reason === "conflict") return data(submission.reply({ formErrors: [outcome.message] }), { status: 409 });
    return data(submission.reply({ fieldErrors: { [FIELD_OF[outcome.reason]]: [outcome.message] } }), { status: 400 });
  }
  return redirectWithFlash(REQUESTS_PATH, `直接リクエストを送りました。${remainingMessage(outcome.remaining)}`);
}
