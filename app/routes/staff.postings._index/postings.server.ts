/**
 * The 求人の確認 page's data (route.tsx guards and renders): what waits for review and a page of the office's postings
 * in the guard's batch (models/posting/office.server.ts officePostingsPageReads), shaped for the tables.
 */
import { formatJapaneseDate, formatJstDateTime } from "../../lib/clock";
import { JOB_NUMBER } from "../../lib/identifiers";
import { normalizeNumberLike } from "../../lib/normalize";
import { pageHref, requestedPage } from "../../lib/paging";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../../lib/posting-labels";
import { isOfficePostingStatus } from "../../lib/schemas/staff-posting";
import { officePostingsPageOf } from "../../models/posting/office.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { asOf } from "../../rules/posting";
import type { StaffContext } from "../../utils/auth.server";
import { minimumWageAlertRows } from "./minimum-wage-alerts.server";

const KIND_LABELS = { new: "新規の申込み", change: "内容変更", extension: "有効期間の延長" } as const;

/** "０９１００－００００００１２" or "0910000000012" → "09100-00000012"; null when it cannot be a 求人番号. */
function jobNumberQuery(raw: string): string | null {
  const v = normalizeNumberLike(raw);
  const withHyphen = /^\d{13}$/.test(v) ? `${v.slice(0, 5)}-${v.slice(5)}` : v;
  return JOB_NUMBER.test(withHyphen) ? withHyphen : null;
}

/** What the request asks for: the filters, the pages and the 求人番号 searched for (or why it cannot be one). */
export function officePostingsRequest(request: Request, today: string) {
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status");
  const status = isOfficePostingStatus(statusParam) ? statusParam : null;
  const q = (params.get("q") ?? "").slice(0, 40);
  const jobNumber = q.trim() === "" ? null : jobNumberQuery(q);
  const searchError = q.trim() !== "" && jobNumber === null ? "求人番号は「09100-00000012」のように、5桁と8桁の数字で入力してください。" : null;
  const requestedListPage = Number.parseInt(params.get("page") ?? "1", 10);
  const options = {
    today,
    status,
    jobNumber,
    page: Number.isFinite(requestedListPage) ? requestedListPage : 1,
    queuePage: requestedPage(params, "queuePage"),
    list: searchError === null,
  };
  return { params, status, q, searchError, options };
}

/** The page from the guard's batch (officePostingsPageReads for officePostingsRequest's options). */
export function officePostingsPage(
  { staff, office }: StaffContext,
  asked: ReturnType<typeof officePostingsRequest>,
  reads: Parameters<typeof officePostingsPageOf>[0],
) {
  const { params, status, q, searchError, options } = asked;
  const { today } = options;
  const { queue, list, minimumWageAlerts } = officePostingsPageOf(reads, options);

  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    queue: queue.rows.map((r) => ({
      id: r.id,
      kind: KIND_LABELS[r.kind],
      renewal: r.kind === "new" && r.renewalOf !== null,
      jobNumber: r.jobNumber,
      jobTitle: r.jobTitle || "（職種未入力）",
      establishmentName: r.establishmentName,
      establishmentNumber: r.establishmentNumber,
      at: r.at ? formatJstDateTime(r.at) : "",
      // issue 10 #5: the date by which a 内容変更 or an extension request must be decided (the 紹介期限).
      decideBy: r.decideBy ? formatJapaneseDate(r.decideBy) : null,
    })),
    minimumWageAlerts: minimumWageAlertRows(minimumWageAlerts, today),
    queuePages: {
      total: queue.total,
      page: queue.page,
      pageCount: queue.pageCount,
      prev: queue.page > 1 ? pageHref("/staff/postings", params, queue.page - 1, "queuePage") : null,
      next: queue.page < queue.pageCount ? pageHref("/staff/postings", params, queue.page + 1, "queuePage") : null,
    },
    status,
    q,
    searchError,
    list: {
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      // The status as of today (issue 10 #6): a posting whose 紹介期限 has passed is 紹介期限切れ before the daily job runs.
      rows: list.rows
        .map((stored) => asOf(stored, today))
        .map((r) => ({
          id: r.id,
          jobNumber: r.jobNumber,
          jobTitle: r.jobTitle || "（職種未入力）",
          establishmentName: r.establishmentName,
          establishmentNumber: r.establishmentNumber,
          status: [
            STATUS_LABELS[r.status],
            r.status === "accepted" && r.changeStatus ? CHANGE_STATUS_LABELS[r.changeStatus] : null,
            r.status === "accepted" && r.extensionStatus === "requested" ? EXTENSION_STATUS_LABELS.requested : null,
          ]
            .filter(Boolean)
            .join("・"),
          validUntil: r.validUntil ? formatJapaneseDate(r.validUntil) : "",
          invalidatedOn: r.invalidatedOn ? formatJapaneseDate(r.invalidatedOn) : "",
        })),
    },
  };
}
