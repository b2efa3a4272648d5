/**
 * 監査ログのCSV (R-AUDIT-1, issue 13): `/staff/audit.csv?<the page's filters>` — the same office scope and filters as
 * /staff/audit, UTF-8 with a BOM, CRLF, RFC 4180 quoting, a Japanese header row, cells guarded against formulas
 * (lib/csv.ts); at most 10 000 entries, newest first (the page says so). A resource route: no UI.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { auditCsv } from "./staff.audit/audit.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return auditCsv(request, context);
}
