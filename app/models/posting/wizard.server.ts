/**
 * A wizard screen's POST (R-JOB-1), wherever the 求人 is stored (the My Page's job_postings, the 仮登録's
 * provisional_postings — ADR 0016): 一時保存 (intent=save) and 戻る (back) save the screen as it is (form checks only);
 * 次へ進む (next) saves it, then stops on the screen's red findings, and once on its orange ones (acknowledged when sent
 * back unchanged); a screen that passes reaches the next one the first time through. The caller's `save` writes the
 * merged document in its own scope and answers what it stored; the route turns the outcome into a response.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import type { Clock } from "../../lib/clock";
import { conformName, type StepActionData, type WizardFinding } from "../../lib/posting-wizard";
import { STEP_SCHEMAS, type StepNumber, type StepPatch } from "../../lib/schemas/posting";
import { advancesReached, errorsOf, findingsForStep, mustStop, warningKey, warningsOf, type Finding, type PostingContent } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { findingsFor } from "./content.server";
import type { Outcome } from "./outcome";

/** Saves the screen's part (and the screen reached); the merged document when it took effect. */
export type StepSave = (patch: StepPatch, options: { reached?: number }) => Promise<Outcome<{ content: PostingContent }>>;

export type StepOutcome =
  /** The screen stays: form errors, red findings, or orange ones not yet seen (the action's data and status). */
  | { kind: "stopped"; data: StepActionData; status: number }
  /** The save was refused (someone else submitted or stopped it meanwhile; the 仮登録 is gone). */
  | { kind: "lost" }
  /** 一時保存 or 戻る: saved. */
  | { kind: "saved"; intent: "save" | "back" }
  /** 次へ進む went on: the next screen (or, after screen 8, the confirmation). */
  | { kind: "passed" };

function toWizardFinding(f: Finding): WizardFinding {
  return { field: f.field, name: conformName(f.field), severity: f.severity, message: f.message };
}

function grouped(findings: readonly Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[conformName(f.field)] ??= []).push(f.message);
  return out;
}

export async function runWizardStep(
  db: Db,
  clock: Clock,
  args: { posting: { draftStep: number; validUntil: string | null }; step: StepNumber; formData: FormData; save: StepSave },
): Promise<StepOutcome> {
  const { posting, step, formData, save } = args;
  const intent = formData.get("intent");
  const schema = STEP_SCHEMAS[step] as unknown as z.ZodType<StepPatch>;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return { kind: "stopped", data: { result: submission.reply(), findings: [], warnings: {}, acknowledge: [] }, status: 400 };
  }
  const saved = await save(submission.value, {});
  if (!saved.ok) return { kind: "lost" };
  if (intent === "back" || intent !== "next") return { kind: "saved", intent: intent === "back" ? "back" : "save" };

  const findings = findingsForStep(await findingsFor(db, clock, posting, saved.content), step);
  const acknowledged = formData
    .getAll("acknowledged")
    .filter((v): v is string => typeof v === "string" && v.length <= 200)
    .slice(0, 100);
  if (mustStop(findings, acknowledged)) {
    const errors = errorsOf(findings);
    const warnings = warningsOf(findings);
    return {
      kind: "stopped",
      data: {
        result: submission.reply({ fieldErrors: grouped(errors) }),
        findings: findings.map(toWizardFinding),
        warnings: grouped(warnings),
        acknowledge: warnings.map(warningKey),
      },
      status: errors.length ? 400 : 200,
    };
  }
  // The screen passes: the next one is reached (a second write only the first time through).
  if (advancesReached(posting, step)) await save(submission.value, { reached: step + 1 });
  return { kind: "passed" };
}
