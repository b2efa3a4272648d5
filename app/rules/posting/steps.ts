/**
 * The 求人申込み wizard's 8 screens (R-JOB-1; reference/hellowork-domain.md §2.1), in the real service's order.
 * Each screen owns the top-level properties of PostingContent listed in `owns`; a Finding belongs to the screen
 * that owns the first segment of its field path, so each screen shows (and is stopped by) its own findings.
 */
import type { Finding } from "./findings";
import type { PostingContent } from "./types";

export interface WizardStep {
  number: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  /** The screen's title, as in the real service (「求人区分等情報」…). */
  title: string;
  owns: readonly string[];
}

/**
 * The top-level keys of the 求人票 each screen owns. The screens' form modules (lib/schemas/posting/stepN.ts) take
 * their `fields` from here, so the findings of a field and its input are on the same screen.
 */
export const STEP_OWNS = {
  1: ["universityGraduate", "category"],
  2: ["company"],
  3: [
    "jobTitle",
    "jobDescription",
    "dutiesChangeScope",
    "employmentType",
    "employmentTypeName",
    "dispatch",
    "contract",
    "trialPeriod",
    "workplace",
    "workplaceDetail",
    "smoking",
    "age",
    "education",
    "experience",
    "experienceDetail",
    "pcSkills",
    "licenses",
    "recruitmentReason",
  ],
  4: ["wage", "payTerms", "commuting"],
  5: ["hours"],
  6: ["benefits", "retirement"],
  7: ["pr", "specialNotes"],
  8: ["selection"],
} as const satisfies { readonly [N in WizardStep["number"]]: readonly (keyof PostingContent)[] };

export const STEPS: readonly WizardStep[] = [
  { number: 1, title: "求人区分等情報", owns: STEP_OWNS[1] },
  { number: 2, title: "事業所情報", owns: STEP_OWNS[2] },
  { number: 3, title: "仕事内容情報", owns: STEP_OWNS[3] },
  { number: 4, title: "賃金・手当情報", owns: STEP_OWNS[4] },
  { number: 5, title: "労働時間情報", owns: STEP_OWNS[5] },
  { number: 6, title: "保険・年金・定年等情報", owns: STEP_OWNS[6] },
  { number: 7, title: "求人PR情報", owns: STEP_OWNS[7] },
  { number: 8, title: "選考方法情報", owns: STEP_OWNS[8] },
];

export const STEP_COUNT = STEPS.length;

export function stepOf(field: string): number {
  const head = field.split(".")[0]!;
  return STEPS.find((s) => s.owns.includes(head))?.number ?? STEP_COUNT;
}

export function findingsForStep(findings: readonly Finding[], step: number): Finding[] {
  return findings.filter((f) => stepOf(f.field) === step);
}

export function isStepNumber(value: number): value is WizardStep["number"] {
  return Number.isInteger(value) && value >= 1 && value <= STEP_COUNT;
}

/** Findings with the title of the wizard screen each one is on (for the lists of all findings). */
export function withScreens<F extends { field: string }>(findings: readonly F[]): (F & { screen: string })[] {
  return findings.map((f) => ({ ...f, screen: STEPS[stepOf(f.field) - 1]?.title ?? "" }));
}
