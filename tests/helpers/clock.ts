import { env } from "cloudflare:test";
import { fixedClock } from "../../app/lib/clock";
import { setFixedNow } from "../../app/utils/clock.server";

/**
 * The settable clock of the integration harness. Rules take a Clock directly (`manualClock` from
 * app/lib/clock); requests through the Worker use the operator's fixed "now", set here.
 */
export async function setWorkerNow(at: Date | string | null): Promise<void> {
  await setFixedNow(env, at === null ? null : new Date(at));
}

export { fixedClock, manualClock } from "../../app/lib/clock";

/** The one fixed "now" of the tests: Thursday 2026-11-26 10:00 in Japan, an open day of Hello Work. */
export const NOW = "2026-11-26T10:00:00+09:00";
export const nowClock = () => fixedClock(NOW);
