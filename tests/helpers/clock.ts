import { env } from "cloudflare:test";
import { setFixedNow } from "../../app/utils/clock.server";

/**
 * The settable clock of the integration harness. Rules take a Clock directly (`manualClock` from
 * app/lib/clock); requests through the Worker use the operator's fixed "now", set here.
 */
export async function setWorkerNow(at: Date | string | null): Promise<void> {
  await setFixedNow(env, at === null ? null : new Date(at));
}

export { fixedClock, manualClock } from "../../app/lib/clock";
