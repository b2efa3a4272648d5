/**
 * 監査ログ page data and CSV (R-AUDIT-1, issue 13; route.tsx renders, ../staff.audit[.csv].tsx downloads). The filter
 * from the URL through lib/schemas/audit-filter (a bad value: the message beside its field and no list, never an error
 * page); the page of entries and the office's officers ride in the guard's batch (one D1 round trip), both scoped to the
 * officer's office in SQL. A 職員 that is not one of the office's is refused beside the field like any bad value.
 */
import type { AppLoadContext } from "@remix-run/cloudflare";
import { formatJstDateTime } from "../../lib/clock";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from "../../lib/audit-labels";
import { AUDIT_CSV_PATH, AUDIT_PATH, auditDetailsText, auditEntryView } from "../../lib/audit-view";
import { csvDocument } from "../../lib/csv";
import { pageHref, pageInfo } from "../../lib/paging";
import { AUDIT_FILTER_MESSAGES, parseAuditFilter } from "../../lib/schemas/audit-filter";
import { AUDIT_CSV_MAX_ROWS, auditCsvQuery, auditPageQuery, officeStaffQuery } from "../../models/audit-log.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { requireStaff } from "../../utils/auth.server";

/** The CSV's header row. */
export const AUDIT_CSV_HEADER = ["日時", "操作者", "操作", "操作コード", "対象", "事業所ID", "詳細"] as const;

export async function auditPage(request: Request, context: AppLoadContext) {
  const params = new URL(request.url).searchParams;
  const parsed = parseAuditFilter(params);
  const { values, errors } = parsed;
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({
      officers: officeStaffQuery(db, officeCode),
      // No list while a message stands beside a field: an empty office code matches nothing.
      rows: auditPageQuery(db, parsed.filters ? officeCode : "", parsed.filters ?? {}, parsed.page),
    }),
  });
  if (parsed.filters?.staffId && !reads.officers.some((o) => o.id === parsed.filters?.staffId)) errors.staff = AUDIT_FILTER_MESSAGES.staff;
  const valid = Object.keys(errors).length === 0;
  const info = pageInfo(valid ? reads.rows : [], parsed.page);
  const csvQuery = parsed.query.toString();
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    values,
    errors,
    valid,
    options: {
      officers: reads.officers.map((o) => ({ value: o.id, label: o.name })),
      actions: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
    },
    rows: valid ? reads.rows.map((r) => ({ id: r.id, ...auditEntryView(r) })) : [],
    pages: {
      ...info,
      prev: info.page > 1 ? pageHref(AUDIT_PATH, parsed.query, info.page - 1) : null,
      next: info.page < info.pageCount ? pageHref(AUDIT_PATH, parsed.query, info.page + 1) : null,
    },
    csvHref: csvQuery ? `${AUDIT_CSV_PATH}?${csvQuery}` : AUDIT_CSV_PATH,
    csvCapped: info.total > AUDIT_CSV_MAX_ROWS,
    csvMax: AUDIT_CSV_MAX_ROWS,
  };
}

/** The CSV of the same filter and scope: at most AUDIT_CSV_MAX_ROWS rows, newest first; a bad filter is a 400. */
export async function auditCsv(request: Request, context: AppLoadContext): Promise<Response> {
  const parsed = parseAuditFilter(new URL(request.url).searchParams);
  const { reads, clock } = await requireStaff(request, context, {
    reads: ({ db, officeCode }) => ({
      officers: officeStaffQuery(db, officeCode),
      rows: auditCsvQuery(db, parsed.filters ? officeCode : "", parsed.filters ?? {}),
    }),
  });
  const staffId = parsed.filters?.staffId;
  if (!parsed.filters || (staffId && !reads.officers.some((o) => o.id === staffId))) {
    const message = Object.values(parsed.errors)[0] ?? AUDIT_FILTER_MESSAGES.staff;
    return new Response(`${message}\n監査ログの画面で条件を直してから、もう一度ダウンロードしてください。\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const capped = reads.rows.length > AUDIT_CSV_MAX_ROWS;
  const rows = reads.rows.slice(0, AUDIT_CSV_MAX_ROWS).map((r) => {
    const view = auditEntryView(r);
    return [view.at, view.actor, view.action, r.action, view.target, r.establishmentId, auditDetailsText(view)];
  });
  const stamp = formatJstDateTime(clock.now()).replace(/\D/g, "");
  return new Response(csvDocument(AUDIT_CSV_HEADER, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
      // More entries matched than one file holds: the newest AUDIT_CSV_MAX_ROWS are in it.
      "X-Audit-Rows-Capped": capped ? "1" : "0",
    },
  });
}
