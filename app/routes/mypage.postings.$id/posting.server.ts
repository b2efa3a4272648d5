/**
 * The posting page's data and actions (route.tsx guards and renders). The page's own reads are one batch
 * (models/posting/pages.server.ts postingPageReads, read in the guard's batch); every decision is a rule of rules/posting (stageOf, capabilityFor,
 * extensionOffer, offersRenewal, renewalWindowOf…) or a model's typed outcome.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/cloudflare";
import { formatJapaneseDate, todayJst } from "../../lib/clock";
import { CHANGE_STATUS_LABELS, EXTENSION_STATUS_LABELS, STATUS_LABELS } from "../../lib/posting-labels";
import type { MailContext } from "../../mail/templates";
import { findingsOf, parseContent } from "../../models/posting/content.server";
import { alertCandidateOf } from "../../models/minimum-wage-alerts.server";
import { publishedMinimumWage } from "../../rules/posting/minimum-wage-alerts";
import { deleteDraft, discardChange } from "../../models/posting/drafts.server";
import { requestExtension } from "../../models/posting/extension.server";
import { postingPageOf } from "../../models/posting/pages.server";
import { current, getPostingOfEstablishment, type EmployerScope, type JobPosting } from "../../models/posting/queries.server";
import { stopPosting } from "../../models/posting/stop.server";
import { submitPosting } from "../../models/posting/submission.server";
import { kyujinhyoView } from "../../models/posting/view.server";
import { decide, type Capability, type CapabilityFacts } from "../../rules/capabilities";
import {
  canEdit,
  capabilityFor,
  errorsOf,
  extensionCheck,
  extensionOffer,
  findingsForStep,
  isPostingIntent,
  isReturned,
  offersRenewal,
  renewalWindowOf,
  resumeStep,
  stageOf,
  STEPS,
  STOP_REASONS,
  warningsOf,
  type Finding,
  type MinimumWageRow,
} from "../../rules/posting";
import type { EmployerContext } from "../../utils/auth.server";
import { requireCapability } from "../../utils/capabilities.server";
import { deleteSchema, stopSchema } from "./schema";
import { redirectWithFlash } from "../../utils/flash.server";
import { readForm } from "../../utils/body.server";

export interface FindingView {
  field: string;
  severity: Finding["severity"];
  code: string;
  message: string;
}

const view = (f: Finding): FindingView => ({ field: f.field, severity: f.severity, code: f.code, message: f.message });

/** The findings by wizard screen (only screens that have some). */
function byScreen(findings: readonly Finding[]) {
  return STEPS.map((step) => {
    const own = findingsForStep(findings, step.number);
    return { number: step.number, title: step.title, errors: errorsOf(own).map(view), warnings: warningsOf(own).map(view) };
  }).filter((s) => s.errors.length + s.warnings.length > 0);
}

const date = (d: string | null) => (d ? formatJapaneseDate(d) : null);

/**
 * What the page says about the extension: the lifecycle's offer, refused while the extended period has a red finding on
 * the published 求人票 (issue 10 #4), with the new 紹介期限 the button names (「紹介期限を2026年3月31日まで延長」).
 */
function extensionOfferWithCheck(posting: JobPosting, minimumWages: readonly MinimumWageRow[], today: string) {
  const offer = extensionOffer(posting, today);
  if (!offer || !posting.validUntil) return null;
  const check = extensionCheck(parseContent(posting.publishedContent ?? posting.content), { today, minimumWages, validUntil: posting.validUntil });
  const newValidUntil = formatJapaneseDate(check.validUntil);
  return offer.allowed && check.reason ? { ...offer, allowed: false, reason: check.reason, newValidUntil } : { ...offer, newValidUntil };
}

/** The page's data: the status, the findings of a working copy, what the employer may do now, and the 求人票. */
export function postingPage(employer: EmployerContext, facts: CapabilityFacts, reads: Parameters<typeof postingPageOf>[0]) {
  const today = todayJst(employer.clock);
  // The posting as of today (issue 10 #6): after its 紹介期限 it is 紹介期限切れ whether or not the daily job has run.
  const read = postingPageOf(reads, today);
  if (!read) throw data(null, { status: 404 });
  const { sheet, minimumWages, images } = read;
  const { posting } = sheet;
  const content = parseContent(posting.content);
  const stage = stageOf(posting);
  const findings = stage ? findingsOf(content, { today, minimumWages, validUntil: posting.validUntil }) : [];
  const minimumWage = publishedMinimumWage(alertCandidateOf(posting), minimumWages, today);
  const source = sheet.renewalSource?.id ? sheet.renewalSource : null;
  const renewalWindow = source ? renewalWindowOf(source, today) : null;
  const decision = (capability: Capability) => {
    const d = decide(capability, facts);
    return { allowed: d.allowed, reason: d.reason ?? null };
  };
  return {
    id: posting.id,
    jobTitle: content.jobTitle || "（職種未入力）",
    status: posting.status,
    statusLabel: STATUS_LABELS[posting.status],
    stage,
    jobNumber: posting.jobNumber,
    acceptedOn: date(posting.acceptedOn),
    validUntil: date(posting.validUntil),
    // 公開開始日 of a 大卒等求人 accepted in February or March (ADR 0014): shown only when later than the 受理日.
    publicFrom: posting.publicFrom && posting.acceptedOn && posting.publicFrom > posting.acceptedOn ? date(posting.publicFrom) : null,
    invalidatedOn: date(posting.invalidatedOn),
    stopReason: posting.stopReason,
    changeStatus: posting.changeStatus,
    changeLabel: posting.changeStatus ? CHANGE_STATUS_LABELS[posting.changeStatus] : null,
    extensionLabel: posting.extensionStatus ? EXTENSION_STATUS_LABELS[posting.extensionStatus] : null,
    extension: extensionOfferWithCheck(posting, minimumWages, today),
    reviewComment: isReturned(posting) ? posting.reviewComment : null,
    renewalOf: source
      ? {
          id: source.id,
          jobNumber: source.jobNumber,
          validUntil: date(source.validUntil),
          window: renewalWindow ? { allowed: renewalWindow.allowed, reason: renewalWindow.reason ?? null } : null,
        }
      : null,
    // 更新求人 of this posting (R-JOB-5): from 7 days before its 紹介期限, also once it has expired.
    renewable: offersRenewal(posting, today),
    /** Issue 10 #3: the published 求人票 against a minimum-wage revision (red from 発効日 − 7, 公開保留 from the 発効日). */
    minimumWage: minimumWage && {
      phase: minimumWage.phase,
      effectiveFrom: formatJapaneseDate(minimumWage.effectiveFrom),
      amountYen: minimumWage.amountYen,
      findings: minimumWage.findings.map(view),
    },
    screens: byScreen(findings),
    errorCount: errorsOf(findings).length,
    warningCount: warningsOf(findings).length,
    steps: STEPS.map((s) => ({ number: s.number, title: s.title })),
    decisions: {
      apply: decision("postings.apply"),
      change: decision("postings.change"),
      stop: decision("postings.stop"),
      /** Opening the wizard, and 申込み / 内容変更の申込み, of this posting. */
      edit: decision(capabilityFor("edit", posting)),
      submit: decision(capabilityFor("submit", posting)),
    },
    kyujinhyo: kyujinhyoView(sheet, images, { published: false, imageSrc: (imageId) => `/mypage/images/${imageId}` }),
    stopReasons: STOP_REASONS.map((r) => ({ value: r, label: r })),
  };
}

export type ActionResult = { intent: string; message: string | null; findings: FindingView[]; reply: SubmissionResult<string[]> | null };

function refused(intent: string, message: string | null, findings: FindingView[] = [], reply: SubmissionResult<string[]> | null = null) {
  return data<ActionResult>({ intent, message, findings, reply }, { status: 400 });
}

/**
 * The page's actions, each a plain POST form with an `intent`: submit, edit, discardChange, extension, stop, delete.
 * Another establishment's posting is a 404; an action the R-GATE-3 restriction refuses is a 403 (requireCapability).
 */
export async function postingAction(employer: EmployerContext, request: Request, id: string, mail: MailContext) {
  const { db, clock, establishment, account } = employer;
  const posting = current(await getPostingOfEstablishment(db, establishment.id, id), todayJst(clock));
  if (!posting) throw data(null, { status: 404 });
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (!isPostingIntent(intent)) return refused(intent, "操作を選び直してください。");
  await requireCapability(employer, capabilityFor(intent, posting));

  const scope: EmployerScope = { establishmentId: establishment.id, accountId: account.id, officeCode: establishment.officeCode };
  const here = `/mypage/postings/${posting.id}`;
  switch (intent) {
    case "submit": {
      const result = await submitPosting(db, clock, scope, posting.id);
      if (result.ok) {
        return redirectWithFlash(
          here,
          result.kind === "change"
            ? "内容変更を申し込みました。ハローワークが確認して受理するまで、公開中の求人票は変更前の内容のままです。結果はお知らせとメールでお伝えします。"
            : "求人を申し込みました。ハローワークが内容を確認し、結果をお知らせとメールでお伝えします。",
        );
      }
      return refused(intent, result.message, errorsOf(result.findings).map(view));
    }
    case "edit": {
      const edit = canEdit(posting);
      if (!edit.allowed) return refused(intent, edit.reason);
      // A draft resumes where it was left; a returned posting and a 内容変更 start from the first screen.
      return redirect(`${here}/step/${resumeStep(posting)}`, 303);
    }
    case "discardChange": {
      const result = await discardChange(db, clock, scope, posting.id);
      return result.ok ? redirectWithFlash(here, "内容変更を取り消しました。求人票は公開中の内容に戻りました。") : refused(intent, result.message);
    }
    case "extension": {
      const result = await requestExtension(db, clock, scope, posting.id);
      return result.ok
        ? redirectWithFlash(here, "有効期間の延長を申請しました。ハローワークの確認が終わるとお知らせとメールでお伝えします。")
        : refused(intent, result.message);
    }
    case "stop": {
      const submission = parseWithZod(formData, { schema: stopSchema });
      if (submission.status !== "success") return refused(intent, null, [], submission.reply());
      const result = await stopPosting(db, clock, scope, posting.id, submission.value.reason, mail);
      return result.ok
        ? redirectWithFlash(here, `募集を停止しました。求人無効日は${formatJapaneseDate(result.invalidatedOn)}です。`)
        : refused(intent, result.message, [], submission.reply());
    }
    case "delete": {
      const submission = parseWithZod(formData, { schema: deleteSchema });
      if (submission.status !== "success") return refused(intent, null, [], submission.reply());
      const result = await deleteDraft(db, clock, scope, posting.id);
      return result.ok ? redirectWithFlash("/mypage/postings", "下書きを削除しました。") : refused(intent, result.message, [], submission.reply());
    }
  }
}
