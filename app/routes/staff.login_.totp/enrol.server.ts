/**
 * The first step of an officer's authenticator set-up (issue 9 #4): the one-time 登録コード that a supervisor of the
 * office issued. A right code is used up and unlocks, for this half session only, a new TOTP secret (the QR code);
 * a wrong one counts in the officer's second-factor budget and the client's, reserved before the check (R-AUTH-3,
 * issue 9 #1 and #3).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/cloudflare";
import type { Clock } from "../../lib/clock";
import { generateTotpSecret } from "../../lib/totp";
import { useEnrolmentCode } from "../../models/staff-enrolment.server";
import { codeRefusedMessage, secondFactorBudgets } from "../../models/second-factor.server";
import { putPendingTotpSecret, recordStaffFailedTry, staffRedirectTarget } from "../../models/staff.server";
import type { Db } from "../../utils/db.server";
import { lockedByUntil, lockedMessage, provenStatements, reserveAttempts, runStatements } from "../../utils/throttle.server";
import { enrolSchema } from "./schema";

export const WRONG_ENROLMENT_CODE = "登録コードが正しくないか、有効期限が切れているか、使用済みです。統括職員に新しい登録コードの発行を依頼してください。";

export async function enrol(
  request: Request,
  env: Env,
  db: Db,
  clock: Clock,
  half: { session: { id: string }; staff: { id: string; officeCode: string; emailNormalized: string } },
  formData: FormData,
) {
  const submission = parseWithZod(formData, { schema: enrolSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { staff, session } = half;
  const refuse = (message: string, status: number) => data(submission.reply({ fieldErrors: { enrolmentCode: [message] } }), { status });
  const tries = await reserveAttempts(db, clock, secondFactorBudgets(request, "staff", staff.id));
  if (!tries.ok) return refuse(codeRefusedMessage("staff", tries, clock), 429);
  if (!(await useEnrolmentCode(db, clock, staff, submission.value.enrolmentCode))) {
    await recordStaffFailedTry(db, clock, tries.held, "totp", staff);
    const lockedNow = lockedByUntil(tries.held);
    return lockedNow ? refuse(lockedMessage(lockedNow, clock), 429) : refuse(WRONG_ENROLMENT_CODE, 400);
  }
  await runStatements(db, provenStatements(db, tries.held));
  await putPendingTotpSecret(env.AUTH_KEYS, clock, staff.id, session.id, generateTotpSecret());
  const to = staffRedirectTarget(submission.value.redirectTo);
  return redirect(to === "/staff" ? "/staff/login/totp" : `/staff/login/totp?redirectTo=${encodeURIComponent(to)}`, { status: 303 });
}
