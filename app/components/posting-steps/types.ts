/**
 * The contract between the wizard route (routes/mypage.postings.$id.step.$step.tsx) and the screens' field components
 * (components/posting-steps/stepN.tsx). Each screen renders the inputs of its part of the 求人票 from the Conform form
 * (`form.getFieldset()`), named by the content's dotted paths; red errors and orange warnings appear beside each
 * field through the form components (FieldError shows a warning for the field from FieldWarningsContext).
 */
import type { FormMetadata } from "@conform-to/react";
import type { z } from "zod";
import type { STEP_SCHEMAS, StepNumber } from "../../lib/schemas/posting";

export interface WizardContext {
  establishment: {
    name: string;
    postalCode: string;
    /** Full address (prefecture + municipality + address). */
    address: string;
    prefectureCode: string;
    phone: string;
    industry: string;
    representative: string;
  };
  /** The establishment's approved images (R-IMG-2) the employer may choose for this posting. */
  images: { id: string; caption: string; src: string }[];
}

export interface StepProps<N extends StepNumber> {
  form: FormMetadata<z.input<(typeof STEP_SCHEMAS)[N]>, string[]>;
  context: WizardContext;
}
