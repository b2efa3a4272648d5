/**
 * One screen of the 求人 wizard as a form (R-JOB-1): the screen's fields (components/posting-steps) pre-filled from the
 * stored working copy, inside the wizard's chrome (progress, findings summary, buttons). The same form serves the My
 * Page's postings (routes/mypage.postings.$id_.step.$step) and the 求人 of an online 仮登録
 * (routes/provisional_.posting.step.$step, ADR 0016); the route decides where the screens are (`stepHref`) and what is
 * said around them. Render it under a key per screen: Conform's state (and the last result) belongs to one screen.
 */
import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ComponentType, ReactNode } from "react";
import type { z } from "zod";
import type { StepActionData } from "../lib/posting-wizard";
import { STEP_SCHEMAS, type StepNumber, type StepPatch } from "../lib/schemas/posting";
import { FieldWarningsContext, FormErrors } from "./form";
import { Step1Fields } from "./posting-steps/step1";
import { Step2Fields } from "./posting-steps/step2";
import { Step3Fields } from "./posting-steps/step3";
import { Step4Fields } from "./posting-steps/step4";
import { Step5Fields } from "./posting-steps/step5";
import { Step6Fields } from "./posting-steps/step6";
import { Step7Fields } from "./posting-steps/step7";
import { Step8Fields } from "./posting-steps/step8";
import type { WizardContext } from "./posting-steps/types";
import { PostingWizard } from "./posting-wizard";

const SCREENS = {
  1: Step1Fields,
  2: Step2Fields,
  3: Step3Fields,
  4: Step4Fields,
  5: Step5Fields,
  6: Step6Fields,
  7: Step7Fields,
  8: Step8Fields,
} as unknown as Record<StepNumber, ComponentType<{ form: FormMetadata<Record<string, unknown>, string[]>; context: WizardContext }>>;

export function PostingStepForm({
  step,
  reached,
  defaults,
  context,
  actionData,
  restored,
  stepHref,
  before,
}: {
  step: StepNumber;
  reached: number;
  defaults: Record<string, unknown>;
  context: WizardContext;
  actionData: StepActionData | undefined;
  /** The values typed before the session ended, shown again after signing in (ADR 0017). */
  restored?: SubmissionResult<string[]>;
  stepHref: (step: number) => string;
  before?: ReactNode;
}) {
  const schema = STEP_SCHEMAS[step] as unknown as z.ZodType<StepPatch>;
  const [form] = useForm<Record<string, unknown>>({
    id: `posting-step-${step}`,
    lastResult: actionData?.result ?? restored,
    defaultValue: defaults as Record<string, string | null | undefined>,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const Screen = SCREENS[step];
  return (
    <PostingWizard
      stepHref={stepHref}
      step={step}
      reached={reached}
      findings={actionData?.findings ?? []}
      formId={form.id}
      acknowledged={actionData?.acknowledge ?? []}
      before={before}
      renderForm={(children) => (
        <Form method="post" {...getFormProps(form)} className="max-w-3xl">
          <FormErrors errors={form.errors} id={form.errorId} />
          {children}
        </Form>
      )}
    >
      <FieldWarningsContext.Provider value={actionData?.warnings ?? {}}>
        <Screen form={form} context={context} />
      </FieldWarningsContext.Provider>
    </PostingWizard>
  );
}
