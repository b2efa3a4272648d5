/**
 * 送った直接リクエスト page data (R-SEARCH-2, issue 12; route.tsx renders): the establishment's postings that can take
 * requests today with the remaining count each, and the sent requests by posting with their state — both in the
 * guard's batch (one round trip). Seekers appear by 公開番号 only (the search detail's key), never by an internal id;
 * a seeker with a 求職者マイページ can be written to (/mypage/messages/new?request=…). Requests are sent from the
 * search detail (/mypage/search/:publicNumber).
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { formatJstDateTime } from "../../lib/clock";
import { requestablePostingsQuery, sentRequestsQuery } from "../../models/direct-requests.server";
import { decide } from "../../rules/capabilities";
import { DIRECT_REQUEST_STATUS_LABELS, remainingMessage, remainingRequests } from "../../rules/direct-request";
import { formatPublicNumber } from "../../rules/seeker-search";
import { requireEmployer } from "../../utils/auth.server";

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
      seeker: { publicNumber: r.publicNumber, label: r.publicNumber ? formatPublicNumber(r.publicNumber) : "—", canWrite: r.seekerHasMypage },
      sentAt: formatJstDateTime(r.createdAt),
      statusLabel: DIRECT_REQUEST_STATUS_LABELS[r.status],
    })),
  };
}
