/**
 * A published seeker's page of 求職情報検索 (R-SEARCH-1) and its 直接リクエスト (R-SEARCH-2), issue 12; route.tsx renders.
 * GET: the anonymised profile by 公開番号 (models/seeker-search.server: no name, kana, address beyond the municipality,
 * phone, e-mail, birth date, 求職番号 or id is read), the establishment's postings that can take a request with the
 * remaining count each, and the requests already sent to this seeker — in the guard's batch (one round trip). An
 * unknown or unpublished number is a 404; capability `search` refused (R-GATE-1/3) is a 403 with the reason.
 * POST: the same guards, the seeker's internal id looked up on the server by 公開番号, the form through Conform/zod,
 * models/direct-requests.server sendDirectRequest (limits in SQL, concurrency-safe); another establishment's posting is
 * a 404; every other refusal is a Japanese message beside the 求人 field (or above the form), the message kept.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { formatJapaneseDate, formatJstDateTime } from "../../lib/clock";
import { directRequestSchema } from "../../lib/schemas/direct-request";
import { requestablePostingsQuery, sendDirectRequest, sentRequestsQuery } from "../../models/direct-requests.server";
import { publishedSeekerIdQuery, publishedSeekerQuery, seekerSearchResult } from "../../models/seeker-search.server";
import { DIRECT_REQUEST_STATUS_LABELS, remainingMessage, remainingRequests } from "../../rules/direct-request";
import { desiredPlaceLabel, publicNumberOf, wageLabel } from "../../rules/seeker-search";
import { requireEmployer } from "../../utils/auth.server";
import { readForm } from "../../utils/body.server";
import { requireCapability } from "../../utils/capabilities.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { mailContext } from "../../utils/mail.server";

function publicNumberOrNotFound(param: string | undefined): string {
  const publicNumber = publicNumberOf(param ?? "");
  if (!publicNumber) throw data(null, { status: 404 });
  return publicNumber;
}

function postingTitle(p: { jobNumber: string | null; jobTitle: string | null }): string {
  return `${p.jobNumber ?? ""} ${p.jobTitle || "（職種未入力）"}`.trim();
}

export async function seekerPage(request: Request, context: AppLoadContext, param: string | undefined) {
  const publicNumber = publicNumberOrNotFound(param);
  const employer = await requireEmployer(request, context, {
    reads: ({ db, today, establishmentId }) => ({
      seeker: publishedSeekerQuery(db, today, publicNumber),
      postings: requestablePostingsQuery(db, establishmentId, today),
      requested: sentRequestsQuery(db, establishmentId, { publicNumber }),
    }),
  });
  requireCapability(employer, "search");
  const [seeker] = seekerSearchResult(employer.reads.seeker).rows;
  if (!seeker) throw data(null, { status: 404 });
  const { postings, requested } = employer.reads;
  const requestedPostings = new Set(requested.map((r) => r.postingId));
  const lines = (text: string) => text.split("\n").filter(Boolean);
  return {
    publicNumber: seeker.publicNumber,
    publicNumberLabel: seeker.publicNumberLabel,
    hasMypage: seeker.hasMypage,
    // The anonymised profile as the page lists it (label, value).
    profile: [
      ["年齢層", seeker.ageBandLabel],
      ["居住地", `${seeker.prefectureName ?? ""}${seeker.municipalityName ?? ""}` || "—"],
      ["希望職種", seeker.desiredOccupation || "—"],
      ["希望勤務地", desiredPlaceLabel(seeker.desiredPrefectureName, seeker.desiredMunicipalityName)],
      ["希望雇用形態", seeker.desiredEmploymentType],
      ["フルタイム・パート", seeker.desiredWorkStyle],
      ["希望賃金", wageLabel(seeker.desiredWageForm, seeker.desiredWage)],
      ["希望就業時間", seeker.desiredHours || "指定なし"],
      ["更新日", formatJapaneseDate(seeker.updatedOn)],
    ] as [string, string][],
    licences: lines(seeker.licences),
    workHistory: lines(seeker.workHistory),
    selfPr: lines(seeker.selfPr),
    postings: postings.map((p) => {
      const remaining = remainingRequests(p.sent);
      return { id: p.id, title: postingTitle(p), remaining, remainingText: remainingMessage(remaining), requested: requestedPostings.has(p.id) };
    }),
    requested: requested.map((r) => ({
      id: r.id,
      posting: postingTitle(r),
      sentAt: formatJstDateTime(r.createdAt),
      statusLabel: DIRECT_REQUEST_STATUS_LABELS[r.status],
    })),
  };
}

export async function requestAction(request: Request, context: AppLoadContext, param: string | undefined) {
  const publicNumber = publicNumberOrNotFound(param);
  const employer = await requireEmployer(request, context, { reads: ({ db }) => ({ seeker: publishedSeekerIdQuery(db, publicNumber) }) });
  requireCapability(employer, "search");
  const [seeker] = employer.reads.seeker;
  if (!seeker) throw data(null, { status: 404 });
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
    seekerId: seeker.id,
    message: submission.value.message,
  });
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "posting-not-found":
        throw data(null, { status: 404 });
      case "capability":
        throw data({ reason: outcome.message }, { status: 403 });
      case "posting-invalid":
      case "posting-offline":
      case "limit":
      case "duplicate":
        return data(submission.reply({ fieldErrors: { postingId: [outcome.message] } }), { status: 400 });
      default:
        return data(submission.reply({ formErrors: [outcome.message] }), { status: outcome.reason === "conflict" ? 409 : 400 });
    }
  }
  return redirectWithFlash(`/mypage/search/${publicNumber}`, `直接リクエストを送りました。${remainingMessage(outcome.remaining)}`);
}
