/**
 * The officer's form on /staff/seekers/:id that opens a seeker's 求職者マイページ and registers its login address
 * (issue 12, step ① of R-OPEN-3 for seekers). The seeker's key and password forms are the employer's (opening.ts).
 */
import { z } from "./zod-ja";
import { emailField } from "./fields";

export const SEEKER_LOGIN_INTENT = "seeker-login";

export const seekerLoginSchema = z.object({ intent: z.literal(SEEKER_LOGIN_INTENT), email: emailField });
