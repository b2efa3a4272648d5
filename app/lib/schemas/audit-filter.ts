/**
 * The officers' audit log filter (R-AUDIT-1, issue 13): a GET form read from the URL through one zod schema. 事業所
 * (事業所番号, name or the id an erasure report shows), 職員 (an id from the office's list: checked against it by the
 * page), 操作 (an action code of lib/audit-labels), 期間 from/to (JST dates, inclusive; "2026/11/30", "２０２６年１１月３０日"
 * are read as 2026-11-30). A bad value gets a Japanese message beside its field and no list (never an error page).
 */
import { isValidDate } from "../clock";
import { requestedPage } from "../paging";
import { isAuditAction } from "../audit-labels";
import { normalizeSearchInput } from "./seeker-search";
import { normalizeDateInput } from "./seeker";
import { z } from "./zod-ja";

export const AUDIT_FILTER_FIELDS = ["establishment", "staff", "action", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

/** Longest 事業所 text accepted (characters, after normalisation). */
export const AUDIT_ESTABLISHMENT_MAX = 100;

export const AUDIT_FILTER_MESSAGES = {
  establishment: `事業所は${AUDIT_ESTABLISHMENT_MAX}文字以内で、事業所番号または事業所名を入力してください。`,
  staff: "職員は、一覧から選んでください。",
  action: "操作は、一覧から選んでください。",
  from: "期間（開始日）は「2026-11-30」のように年-月-日で、実在する日付を入力してください。",
  to: "期間（終了日）は「2026-11-30」のように年-月-日で、実在する日付を入力してください。",
  order: "期間の終了日は、開始日と同じ日かそれより後の日付にしてください。",
} as const;

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isValidDate(v);

const date = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeDateInput(v ?? ""))
    .refine((v) => v === "" || isDate(v), { error: message });

export const auditFilterSchema = z
  .object({
    establishment: z
      .string()
      .optional()
      .transform((v) => normalizeSearchInput(v ?? ""))
      .refine((v) => [...v].length <= AUDIT_ESTABLISHMENT_MAX, { error: AUDIT_FILTER_MESSAGES.establishment }),
    staff: z
      .string()
      .optional()
      .transform((v) => (v ?? "").normalize("NFKC").trim())
      .refine((v) => v === "" || /^[\w-]{1,64}$/.test(v), { error: AUDIT_FILTER_MESSAGES.staff }),
    action: z
      .string()
      .optional()
      .transform((v) => (v ?? "").normalize("NFKC").trim())
      .refine((v) => v === "" || isAuditAction(v), { error: AUDIT_FILTER_MESSAGES.action }),
    from: date(AUDIT_FILTER_MESSAGES.from),
    to: date(AUDIT_FILTER_MESSAGES.to),
  })
  .superRefine((v, ctx) => {
    if (isDate(v.from) && isDate(v.to) && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: AUDIT_FILTER_MESSAGES.order });
  });

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;

/** What the model filters by ("" fields are left out). */
export interface AuditFilters {
  establishment?: string;
  staffId?: string;
  action?: string;
  /** JST dates, inclusive. */
  from?: string;
  to?: string;
}

export interface ParsedAuditFilter {
  /** What the form shows again: the normalised values, or what was typed (cut to 300 characters) beside a message. */
  values: Record<AuditFilterField, string>;
  errors: Partial<Record<AuditFilterField, string>>;
  /** Null when a message stands beside a field: no list then. */
  filters: AuditFilters | null;
  page: number;
  /** The accepted parameters in their canonical form (the pager and the CSV link keep them). */
  query: URLSearchParams;
}

/** Reads the filter from the URL's query (never throws). */
export function parseAuditFilter(params: URLSearchParams): ParsedAuditFilter {
  const raw = Object.fromEntries(AUDIT_FILTER_FIELDS.map((name) => [name, [...(params.get(name) ?? "")].slice(0, 300).join("")])) as Record<
    AuditFilterField,
    string
  >;
  const page = requestedPage(params);
  const result = auditFilterSchema.safeParse(raw);
  if (!result.success) {
    const errors: ParsedAuditFilter["errors"] = {};
    for (const issue of result.error.issues) errors[issue.path[0] as AuditFilterField] ??= issue.message;
    return { values: raw, errors, filters: null, page, query: new URLSearchParams() };
  }
  const v = result.data;
  const query = new URLSearchParams();
  for (const name of AUDIT_FILTER_FIELDS) if (v[name]) query.set(name, v[name]);
  const filters: AuditFilters = {};
  if (v.establishment) filters.establishment = v.establishment;
  if (v.staff) filters.staffId = v.staff;
  if (v.action) filters.action = v.action;
  if (v.from) filters.from = v.from;
  if (v.to) filters.to = v.to;
  return { values: v, errors: {}, filters, page, query };
}
