/**
 * What the 求人 wizard's server side and its screens share (the My Page's and the online 仮登録's, ADR 0016): a finding
 * as a screen shows it, named as Conform names the field, and what an action sends back when a screen stops.
 */
import type { SubmissionResult } from "@conform-to/react";

/** A finding as the wizard shows it: `name` is Conform's field name, the target of the summary's link. */
export interface WizardFinding {
  field: string;
  name: string;
  severity: "error" | "warning";
  message: string;
}

/** A finding's dotted path as Conform names the field: "hours.shifts.0.start" → "hours.shifts[0].start". */
export function conformName(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** What a screen's action sends back when the screen stops (form errors, red findings, or orange ones not yet seen). */
export interface StepActionData {
  result: SubmissionResult<string[]>;
  findings: WizardFinding[];
  /** Orange messages by Conform field name, shown beside the fields. */
  warnings: Record<string, string[]>;
  /** warningKey() of each shown warning: sent back as hidden `acknowledged` inputs. */
  acknowledge: string[];
}
