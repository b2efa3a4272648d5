/**
 * /staff/minimum-wages: the page's data (one batch with the guard: the overview and, for a prefecture, its change
 * record) and the supervisor's three intents — add, correct, withdraw — each parsed by its schema and recorded by the
 * model (recordRevision), whose refusal is shown beside the field it is about: 403 for another prefecture, 409 for a
 * revision in force or changed meanwhile, 400 otherwise (a change over ±20 % comes back with a confirmation box).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { data } from "@remix-run/cloudflare";
import { formatJapaneseDate, formatJstDateTime, todayJst } from "../../lib/clock";
import {
  minimumWageOverview,
  minimumWageOverviewQueries,
  recordRevision,
  revisionLogQuery,
  UNDATED,
  type MinimumWage,
  type RecordRevisionResult,
  type RevisionLogEntry,
} from "../../models/minimum-wage.server";
import { ROLE_LABELS } from "../../models/staff.server";
import { isNotYetInForce, mayChangeMinimumWages } from "../../rules/minimum-wage-revision";
import { requireStaff } from "../../utils/auth.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { addRevisionSchema, correctRevisionSchema, withdrawRevisionSchema, type RevisionIntent } from "./schema";
import { readForm } from "../../utils/body.server";
import { mailContext } from "../../utils/mail.server";

export const PATH = "/staff/minimum-wages";

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
const dateLabel = (d: string) => (d === UNDATED ? "（日付の定めなし）" : formatJapaneseDate(d));

function wageView(row: MinimumWage | undefined) {
  if (!row) return null;
  return { amount: yen(row.amountYen), effectiveFrom: row.effectiveFrom === UNDATED ? null : formatJapaneseDate(row.effectiveFrom), source: row.source };
}

const LOG_LABELS: Record<string, string> = { "minimumWage.add": "登録", "minimumWage.correct": "訂正", "minimumWage.withdraw": "取消" };

/** One audit row as the page shows it: when, who, what (before → after) and why. */
function logView(entry: RevisionLogEntry) {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(entry.details) as Record<string, unknown>;
  } catch {
    details = {};
  }
  const wage = (v: unknown) => {
    const w = v as { amountYen?: unknown; effectiveFrom?: unknown } | null | undefined;
    return w && typeof w.amountYen === "number" && typeof w.effectiveFrom === "string" ? `${dateLabel(w.effectiveFrom)}から ${yen(w.amountYen)}` : null;
  };
  // The first add rows (before this record existed) carried the values flat.
  const after = wage(details.after) ?? (entry.action === "minimumWage.add" ? wage(details) : null);
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    id: entry.id,
    at: formatJstDateTime(entry.at),
    action: LOG_LABELS[entry.action] ?? entry.action,
    before: wage(details.before),
    after,
    why: text(details.reason) || text(details.source),
    confirmed: details.confirmed === true,
    who: [entry.officeName, entry.staffName].filter(Boolean).join(" "),
  };
}

export async function minimumWagesPage({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const prefectureParam = url.searchParams.get("prefecture");
  const revisionParam = url.searchParams.get("revision");
  const { staff, office, reads } = await requireStaff(request, context, {
    reads: ({ db }) => ({ overview: minimumWageOverviewQueries(db), log: revisionLogQuery(db, prefectureParam ?? "-") }),
  });
  const today = todayJst(context.clock);
  const [prefectures, allRows] = reads.overview;
  const overview = minimumWageOverview([prefectures, allRows], today);
  const actor = { role: staff.role, prefectureCode: office.prefectureCode };
  let detail = null;
  if (prefectureParam !== null) {
    const prefecture = overview.find((p) => p.code === prefectureParam);
    if (!prefecture) throw data(null, { status: 404 });
    const canChange = mayChangeMinimumWages(actor, prefecture.code);
    const rows = allRows.filter((r) => r.prefectureCode === prefecture.code).reverse();
    const row = (r: MinimumWage) => ({
      key: r.effectiveFrom,
      amount: yen(r.amountYen),
      amountYen: r.amountYen,
      effectiveFromValue: r.effectiveFrom,
      effectiveFrom: dateLabel(r.effectiveFrom),
      state: r.effectiveFrom === prefecture.inForce?.effectiveFrom ? "適用中" : r.effectiveFrom > today ? "改定予定" : "過去",
      source: r.source,
      createdAt: formatJstDateTime(r.createdAt),
      changeable: canChange && isNotYetInForce(r.effectiveFrom, today),
    });
    let revision = null;
    if (revisionParam !== null) {
      const found = rows.find((r) => r.effectiveFrom === revisionParam);
      if (!found) throw data(null, { status: 404 });
      revision = row(found);
    }
    detail = { code: prefecture.code, name: prefecture.name, canChange, rows: rows.map(row), revision, log: reads.log.map(logView) };
  }
  const canAdd = staff.role === "supervisor";
  return {
    staff: { name: staff.name, officeName: office.name, roleLabel: ROLE_LABELS[staff.role] },
    canAdd,
    today,
    todayLabel: formatJapaneseDate(today),
    /** The prefecture a supervisor may add to (the office's), for the add form. */
    ownPrefectures: overview.filter((p) => p.code === office.prefectureCode).map((p) => ({ code: p.code, name: p.name })),
    ownPrefectureName: overview.find((p) => p.code === office.prefectureCode)?.name ?? "",
    prefectures: overview.map((p) => ({ code: p.code, name: p.name, inForce: wageView(p.inForce), upcoming: wageView(p.upcoming) })),
    detail,
  };
}

export interface RevisionActionData {
  intent: RevisionIntent;
  result: SubmissionResult<string[]>;
  /** After a change over ±20 %: the value of the confirmation checkbox that confirms it. */
  confirmation?: string;
}

const FIELDS: Record<RevisionIntent, readonly string[]> = {
  add: ["prefectureCode", "amountYen", "effectiveFrom"],
  correct: ["amountYen", "effectiveFrom"],
  withdraw: [],
};

function statusOf(reason: Exclude<RecordRevisionResult, { ok: true }>["reason"]): number {
  if (reason === "prefecture") return 403;
  if (reason === "in-force" || reason === "not-found" || reason === "race") return 409;
  return 400;
}

export async function minimumWagesAction({ request, context }: ActionFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context, { role: "supervisor" });
  const url = new URL(request.url);
  const formData = await readForm(request);
  const today = todayJst(context.clock);
  const scope = { staffId: staff.id, role: staff.role, officeCode: office.code, prefectureCode: office.prefectureCode };
  const mail = mailContext(context.cloudflare.env);
  const confirmation = String(formData.get("confirmChange") ?? "") || null;
  const intent: RevisionIntent = formData.get("intent") === "correct" ? "correct" : formData.get("intent") === "withdraw" ? "withdraw" : "add";
  const answer = (
    submission: { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> },
    result: RecordRevisionResult,
    prefectureCode: string,
  ) => {
    if (result.ok) {
      const message = { add: "最低賃金の改定を登録しました。", correct: "改定予定を訂正しました。", withdraw: "改定予定を取り消しました。" }[result.kind];
      return redirectWithFlash(`${PATH}?prefecture=${prefectureCode}`, message, { status: 302 });
    }
    const reply = FIELDS[intent].includes(result.field)
      ? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
      : submission.reply({ formErrors: [result.message] });
    const body: RevisionActionData = { intent, result: reply, ...(result.confirmation ? { confirmation: result.confirmation } : {}) };
    return data(body, { status: statusOf(result.reason) });
  };
  const invalid = (result: SubmissionResult<string[]>) => data<RevisionActionData>({ intent, result }, { status: 400 });

  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addRevisionSchema(today) });
    if (submission.status !== "success") return invalid(submission.reply());
    const { prefectureCode, amountYen, effectiveFrom, source } = submission.value;
    const result = await recordRevision(db, context.clock, scope, { kind: "add", prefectureCode, amountYen, effectiveFrom, source }, confirmation, mail);
    return answer(submission, result, prefectureCode);
  }
  // A correction or withdrawal is about a revision of the prefecture whose page the form is on.
  const prefectureCode = url.searchParams.get("prefecture");
  if (!prefectureCode) throw data(null, { status: 404 });
  if (intent === "correct") {
    const submission = parseWithZod(formData, { schema: correctRevisionSchema(today) });
    if (submission.status !== "success") return invalid(submission.reply());
    const { revision, amountYen, effectiveFrom, correctionReason } = submission.value;
    const result = await recordRevision(
      db,
      context.clock,
      scope,
      { kind: "correct", prefectureCode, revision, amountYen, effectiveFrom, reason: correctionReason },
      confirmation,
      mail,
    );
    return answer(submission, result, prefectureCode);
  }
  const submission = parseWithZod(formData, { schema: withdrawRevisionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { revision, withdrawalReason } = submission.value;
  const result = await recordRevision(db, context.clock, scope, { kind: "withdraw", prefectureCode, revision, reason: withdrawalReason }, null, mail);
  return answer(submission, result, prefectureCode);
}
