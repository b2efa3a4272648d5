/**
 * A wizard screen's data and its save (route.tsx guards and renders). The screen's own reads are one batch
 * (models/posting/pages.server.ts readWizardScreen); which screens open, and when 次へ進む reaches the next one, are
 * rules/posting (stepAccess, advancesReached); what stops 次へ進む is the screen's findings (mustStop).
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/cloudflare";
import type { z } from "zod";
import type { WizardContext } from "../../components/posting-steps/types";
import { conformName, stepPath, type WizardFinding } from "../../components/posting-wizard";
import { STEP_SCHEMAS, stepFormValues, type StepNumber, type StepPatch } from "../../lib/schemas/posting";
import { findingsFor, parseContent } from "../../models/posting/content.server";
import { saveStep } from "../../models/posting/drafts.server";
import { todayJst } from "../../lib/clock";
import { readWizardScreen } from "../../models/posting/pages.server";
import { current, getPostingOfEstablishment, type JobPosting } from "../../models/posting/queries.server";
import type { ApprovedImage, PostingSheet } from "../../models/posting/view.server";
import { decide, type CapabilityFacts } from "../../rules/capabilities";
import {
  advancesReached,
  capabilityFor,
  errorsOf,
  findingsForStep,
  isReturned,
  mustStop,
  prefectureName,
  reachedStep,
  stepAccess,
  STEPS,
  warningKey,
  warningsOf,
  type Finding,
} from "../../rules/posting";
import { fullAddress } from "../../lib/address";
import type { EmployerContext } from "../../utils/auth.server";
import { requireCapability } from "../../utils/capabilities.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { readForm } from "../../utils/body.server";

/** What the action sends back when the screen stops (form errors, red findings, or orange ones not yet seen). */
export interface StepActionData {
  result: SubmissionResult<string[]>;
  findings: WizardFinding[];
  /** Orange messages by Conform field name, shown beside the fields. */
  warnings: Record<string, string[]>;
  /** warningKey() of each shown warning: sent back as hidden `acknowledged` inputs. */
  acknowledge: string[];
}

function parseStep(raw: string | undefined): number | null {
  return raw && /^[1-8]$/.test(raw) ? Number(raw) : null;
}

/** The screen of the posting the wizard may show (or the response to go to: its page, or the screen reached). */
function openStep(posting: JobPosting, rawStep: string | undefined): StepNumber {
  const access = stepAccess(posting, parseStep(rawStep));
  if (!access.open) throw redirect(access.redirect === "page" ? `/mypage/postings/${posting.id}` : stepPath(posting.id, access.step), 303);
  return access.step as StepNumber;
}

/** The establishment as the 事業所情報 screen shows it (full address), and the approved images screen 7 offers. */
function wizardContext(sheet: PostingSheet, images: readonly ApprovedImage[], step: StepNumber): WizardContext {
  const { establishment } = sheet;
  return {
    establishment: {
      name: establishment.name,
      postalCode: establishment.postalCode,
      address: fullAddress(prefectureName(establishment.prefectureCode), sheet.municipalityName, establishment.address),
      prefectureCode: establishment.prefectureCode,
      phone: establishment.phone,
      industry: establishment.industry,
      representative: [establishment.representativeTitle, establishment.representativeName].filter(Boolean).join(" "),
    },
    images: step === 7 ? images.map((i) => ({ id: i.id, caption: i.caption, src: `/mypage/images/${i.id}` })) : [],
  };
}

export async function stepPage(employer: EmployerContext, facts: CapabilityFacts, request: Request, params: { id?: string; step?: string }) {
  const read = await readWizardScreen(employer.db, { establishmentId: employer.establishment.id, id: params.id ?? "" }, todayJst(employer.clock));
  if (!read) throw data(null, { status: 404 });
  const { posting } = read.sheet;
  const step = openStep(posting, params.step);
  return {
    posting: {
      id: posting.id,
      isChange: posting.status === "accepted",
      jobNumber: posting.jobNumber,
      renewal: posting.renewalOf !== null,
      reviewComment: isReturned(posting) ? posting.reviewComment : null,
    },
    step,
    title: STEPS[step - 1]!.title,
    reached: reachedStep(posting),
    defaults: stepFormValues(step, parseContent(posting.content)),
    context: wizardContext(read.sheet, read.images, step),
    decision: decide(capabilityFor("edit", posting), facts),
  };
}

function toWizardFinding(f: Finding): WizardFinding {
  return { field: f.field, name: conformName(f.field), severity: f.severity, message: f.message };
}

function grouped(findings: readonly Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[conformName(f.field)] ??= []).push(f.message);
  return out;
}

/**
 * 一時保存 (intent=save), 戻る (back) and 次へ進む (next): the screen is saved as it is (form checks only); 次へ進む then
 * stops on the screen's red findings, and once on its orange ones (acknowledged when sent back unchanged).
 */
export async function stepAction(employer: EmployerContext, request: Request, params: { id?: string; step?: string }) {
  const { db, clock, establishment, account } = employer;
  // As of today (issue 10 #6): a posting past its 紹介期限 is not editable even before the daily job records the expiry.
  const posting = current(await getPostingOfEstablishment(db, establishment.id, params.id ?? ""), todayJst(clock));
  if (!posting) throw data(null, { status: 404 });
  const step = openStep(posting, params.step);
  await requireCapability(employer, capabilityFor("edit", posting));
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const schema = STEP_SCHEMAS[step] as unknown as z.ZodType<StepPatch>;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return data<StepActionData>({ result: submission.reply(), findings: [], warnings: {}, acknowledge: [] }, { status: 400 });
  }
  const scope = {
    establishmentId: establishment.id,
    accountId: account.id,
    officeCode: establishment.officeCode,
    prefectureCode: establishment.prefectureCode,
  };
  const saved = await saveStep(db, clock, scope, posting.id, step, submission.value);
  // Someone else submitted or stopped it in the meantime: its page says what happened.
  if (!saved.ok) throw redirect(`/mypage/postings/${posting.id}`, 303);

  if (intent === "back") return redirect(stepPath(posting.id, Math.max(1, step - 1)), 303);
  if (intent !== "next") return redirectWithFlash(stepPath(posting.id, step), "一時保存しました。続きはいつでも「求人の一覧」から再開できます。");

  const findings = findingsForStep(await findingsFor(db, clock, posting, saved.content), step);
  const acknowledged = formData
    .getAll("acknowledged")
    .filter((v): v is string => typeof v === "string" && v.length <= 200)
    .slice(0, 100);
  if (mustStop(findings, acknowledged)) {
    const errors = errorsOf(findings);
    const warnings = warningsOf(findings);
    return data<StepActionData>(
      {
        result: submission.reply({ fieldErrors: grouped(errors) }),
        findings: findings.map(toWizardFinding),
        warnings: grouped(warnings),
        acknowledge: warnings.map(warningKey),
      },
      { status: errors.length ? 400 : 200 },
    );
  }
  // The screen passes: the next one is reached (a second write only the first time through).
  if (advancesReached(posting, step)) await saveStep(db, clock, scope, posting.id, step, submission.value, { reached: step + 1 });
  return redirect(step < 8 ? stepPath(posting.id, step + 1) : `/mypage/postings/${posting.id}`, 303);
}
