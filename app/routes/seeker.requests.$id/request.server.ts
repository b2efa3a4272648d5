/**
 * One 直接リクエスト of the signed-in seeker (R-SEARCH-2, issue 12): page data and the answer (route.tsx renders). GET:
 * the request with the facts its answer is decided on and the posting's published 求人票, both in the guard's batch
 * (one round trip); another seeker's request (or no such id) is a 404. POST: 応募する / 辞退する — without `confirmed`
 * the page asks to confirm; with it models/seeker-requests.server.ts answerDirectRequest; a refusal (already answered,
 * the posting ended, already 選考中) is a Japanese message on the page; success: a flash on /seeker.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJstDateTime } from "../../lib/clock";
import { seekerRequestAnswerSchema } from "../../lib/schemas/seeker-request";
import { kyujinhyoView } from "../../models/posting/view.server";
import { answerDirectRequest, answerFactsOf, seekerRequestPostingQuery, seekerRequestQuery } from "../../models/seeker-requests.server";
import { canApply, decideRequestAnswer, seekerRequestStatusLabel, type RequestAnswer } from "../../rules/request-answer";
import { requireSeeker } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

/** An id as the pages write it (a UUID); anything else is not looked up. */
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

function notFound(): never {
  throw data(null, { status: 404 });
}

export async function requestPage(request: Request, context: AppLoadContext, id: string) {
  if (!ID_PATTERN.test(id)) {
    await requireSeeker(request, context);
    notFound();
  }
  const { reads } = await requireSeeker(request, context, {
    reads: ({ db, seekerId, today }) => ({ request: seekerRequestQuery(db, seekerId, id, today), posting: seekerRequestPostingQuery(db, seekerId, id) }),
  });
  const [row] = reads.request;
  const [sheet] = reads.posting;
  if (!row || !sheet) notFound();
  const facts = answerFactsOf(row);
  // The seeker reads the published 求人票 with the establishment named (直接リクエスト: 公開希望 1–2), without images.
  const view = kyujinhyoView(sheet, [], { published: true, imageSrc: () => "" });
  const refusal = decideRequestAnswer(facts, "accept");
  return {
    id: row.id,
    establishmentName: row.establishmentName,
    jobNumber: row.jobNumber ?? "―",
    jobTitle: row.jobTitle || "（職種未入力）",
    message: row.message,
    sentAt: formatJstDateTime(row.createdAt),
    answeredAt: row.answeredAt === null ? null : formatJstDateTime(row.answeredAt),
    status: row.status,
    statusLabel: seekerRequestStatusLabel(facts),
    canApply: canApply(facts),
    canDecline: row.status === "requested",
    /** Why 応募する is not offered while the request still waits (the posting ended, already 選考中). */
    applyRefusal: row.status === "requested" && !refusal.ok ? refusal.message : null,
    view,
  };
}

/** The confirmation asked for, a refusal of the answer, or the schema's message about `intent` (a forged value). */
export type RequestActionData = { confirm: RequestAnswer | null; formErrors: string[]; intentErrors?: string[] };

const FLASH: Record<RequestAnswer, string> = {
  accept: "オンライン自主応募で応募しました。事業所の応募者管理に届いています。選考の連絡をお待ちください。",
  decline: "直接リクエストを辞退しました。",
};

export async function requestAction(request: Request, context: AppLoadContext, id: string) {
  const seeker = await requireSeeker(request, context);
  if (!ID_PATTERN.test(id)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: seekerRequestAnswerSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flatMap((e) => e ?? []);
    return data<RequestActionData>({ confirm: null, formErrors: [], intentErrors: errors }, { status: 400 });
  }
  const { intent, confirmed } = submission.value;
  // The first press asks to confirm (the page's loader still answers 404 for another seeker's request).
  if (!confirmed) return data<RequestActionData>({ confirm: intent, formErrors: [] });
  const outcome = await answerDirectRequest({
    db: seeker.db,
    clock: seeker.clock,
    mail: mailContext(context.cloudflare.env),
    actor: { seekerId: seeker.seeker.id, accountId: seeker.account.id },
    requestId: id,
    answer: intent,
  });
  if (!outcome.ok) {
    if (outcome.reason === "not-found") notFound();
    return data<RequestActionData>({ confirm: null, formErrors: [outcome.message] }, { status: 409 });
  }
  return redirectWithFlash("/seeker", FLASH[intent]);
}
