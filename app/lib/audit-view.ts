/**
 * How an audit entry reads on the officers' audit page and in its CSV (R-AUDIT-1, issue 13): who acted, what it
 * concerned and its details (JSON) as label–value pairs, an erasure report's per-table counts apart (the page shows
 * them as a small table). Pure: the rows come from models/audit-log.server.ts.
 */
import { formatJstDateTime } from "./clock";
import { AUDIT_ACTOR_LABELS, auditActionLabel, auditSubjectLabel, type AuditActorType } from "./audit-labels";

/** The officers' audit page and its CSV export. */
export const AUDIT_PATH = "/staff/audit";
export const AUDIT_CSV_PATH = "/staff/audit.csv";

/** Labels of the detail keys the code writes most; other keys show as written. */
const DETAIL_LABELS: Record<string, string> = {
  reason: "理由",
  comment: "コメント",
  counts: "件数",
  before: "変更前",
  after: "変更後",
  step: "画面",
  run: "実行ID",
  today: "日付",
  overdue: "未登録の件数",
  erased: "消去件数",
  count: "件数",
  method: "方法",
  locked: "停止した対象",
  postingId: "求人ID",
  seekerId: "求職者ID",
  referralId: "紹介ID",
  establishmentId: "事業所ID",
  expiresAt: "有効期限",
  changeStatus: "内容変更の状態",
  fields: "項目",
  officeCode: "所番号",
  relocatedTo: "移転先の所番号",
};

export interface AuditEntryView {
  at: string;
  actor: string;
  action: string;
  target: string;
  /** Label–value pairs of the details, the counts excepted. */
  details: [string, string][];
  /** An erasure report's counts per table, null when the entry has none. */
  counts: [string, number][] | null;
}

export interface AuditEntryFacts {
  at: number;
  actorType: string;
  staffName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  establishmentId: string | null;
  establishmentName: string | null;
  establishmentNumber: string | null;
  details: string;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "―";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function parseDetails(details: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(details);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return details ? { value: details } : {};
  }
}

function countsOf(value: unknown): [string, number][] | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.every(([, n]) => typeof n === "number") ? (entries as [string, number][]) : null;
}

/** Who acted: the officer's name, else 事業主 / 求職者 / システム / 未ログイン. */
export function auditActorLabel(actorType: string, staffName: string | null): string {
  if (actorType === "staff" && staffName) return staffName;
  return AUDIT_ACTOR_LABELS[actorType as AuditActorType] ?? actorType;
}

/** What the entry concerned: the subject's kind and the establishment (its name and 事業所番号, or its id once erased). */
export function auditTargetLabel(
  row: Pick<AuditEntryFacts, "subjectType" | "subjectId" | "establishmentId" | "establishmentName" | "establishmentNumber">,
): string {
  const kind = auditSubjectLabel(row.subjectType);
  const establishment = row.establishmentName
    ? `${row.establishmentName}${row.establishmentNumber ? `（${row.establishmentNumber}）` : ""}`
    : row.establishmentId
      ? `事業所ID ${row.establishmentId}（消去済み）`
      : null;
  if (row.subjectType === "establishment") return establishment ?? kind;
  const subject = row.subjectId ? `${kind} ${row.subjectId}` : kind;
  return establishment ? `${establishment}／${subject}` : subject;
}

/** One entry as the page and the CSV show it. */
export function auditEntryView(row: AuditEntryFacts): AuditEntryView {
  const details = parseDetails(row.details);
  const counts = countsOf(details.counts);
  const pairs = Object.entries(details)
    .filter(([key]) => !(key === "counts" && counts))
    .map(([key, value]): [string, string] => [DETAIL_LABELS[key] ?? key, valueText(value)]);
  return {
    at: formatJstDateTime(row.at),
    actor: auditActorLabel(row.actorType, row.staffName),
    action: auditActionLabel(row.action),
    target: auditTargetLabel(row),
    details: pairs,
    counts,
  };
}

/** The details in one CSV cell: "label: value" pairs and the counts, separated by "; ". */
export function auditDetailsText(view: Pick<AuditEntryView, "details" | "counts">): string {
  const parts = view.details.map(([label, value]) => `${label}: ${value}`);
  if (view.counts) parts.push(`件数: ${view.counts.map(([table, n]) => `${table}=${n}`).join(", ")}`);
  return parts.join("; ");
}
