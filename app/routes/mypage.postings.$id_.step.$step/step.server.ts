/**
 * A wizard screen's data and its save (route.tsx guards and renders). The screen's own reads are one batch
 * (models/posting/pages.server.ts wizardScreenReads, read in the guard's batch); which screens open, and when 次へ進む reaches the next one, are
 * rules/posting (stepAccess, advancesReached); what stops 次へ進む is the screen's findings (mustStop).
 */
import { data, redirect } from "@remix-run/cloudflare";
import type { WizardContext } from "../../components/posting-steps/types";
import { stepPath } from "../../components/posting-wizard";
import type { StepActionData } from "../../lib/posting-wizard";
import { stepFormValues, type StepNumber } from "../../lib/schemas/posting";
import { parseContent } from "../../models/posting/content.server";
import { saveStep } from "../../models/posting/drafts.server";
import { todayJst } from "../../lib/clock";
import { wizardScreenOf } from "../../models/posting/pages.server";
import { runWizardStep } from "../../models/posting/wizard.server";
import { current, getPostingOfEstablishment, type JobPosting } from "../../models/posting/queries.server";
import type { ApprovedImage, PostingSheet } from "../../models/posting/view.server";
import { decide, type CapabilityFacts } from "../../rules/capabilities";
import { capabilityFor, isReturned, prefectureName, reachedStep, stepAccess, STEPS } from "../../rules/posting";
import { fullAddress } from "../../lib/address";
import type { EmployerContext } from "../../utils/auth.server";
import { requireCapability } from "../../utils/capabilities.server";
import { redirectWithFlash } from "../../utils/flash.server";
import { readForm } from "../../utils/body.server";

export type { StepActionData };

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

export function stepPage(employer: EmployerContext, facts: CapabilityFacts, reads: Parameters<typeof wizardScreenOf>[0], params: { step?: string }) {
  const read = wizardScreenOf(reads, todayJst(employer.clock));
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

/**
 * 一時保存 (intent=save), 戻る (back) and 次へ進む (next): models/posting/wizard.server.ts runWizardStep, saving into the
 * establishment's posting (saveStep).
 */
export async function stepAction(employer: EmployerContext, request: Request, params: { id?: string; step?: string }) {
  const { db, clock, establishment, account } = employer;
  // As of today (issue 10 #6): a posting past its 紹介期限 is not editable even before the daily job records the expiry.
  const posting = current(await getPostingOfEstablishment(db, establishment.id, params.id ?? ""), todayJst(clock));
  if (!posting) throw data(null, { status: 404 });
  const step = openStep(posting, params.step);
  await requireCapability(employer, capabilityFor("edit", posting));
  const scope = {
    establishmentId: establishment.id,
    accountId: account.id,
    officeCode: establishment.officeCode,
    prefectureCode: establishment.prefectureCode,
  };
  const outcome = await runWizardStep(db, clock, {
    posting,
    step,
    formData: await readForm(request),
    save: (patch, options) => saveStep(db, clock, scope, posting.id, step, patch, options),
  });
  switch (outcome.kind) {
    case "stopped":
      return data<StepActionData>(outcome.data, { status: outcome.status });
    case "lost":
      // Someone else submitted or stopped it in the meantime: its page says what happened.
      throw redirect(`/mypage/postings/${posting.id}`, 303);
    case "saved":
      return outcome.intent === "back"
        ? redirect(stepPath(posting.id, Math.max(1, step - 1)), 303)
        : redirectWithFlash(stepPath(posting.id, step), "一時保存しました。続きはいつでも「求人の一覧」から再開できます。");
    case "passed":
      return redirect(step < 8 ? stepPath(posting.id, step + 1) : `/mypage/postings/${posting.id}`, 303);
  }
}
