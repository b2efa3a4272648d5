import { data } from "@remix-run/cloudflare";
import { todayJst } from "../lib/clock";
import { hasValidPosting } from "../models/job-posting.server";
import { decide, type Capability, type CapabilityFacts } from "../rules/capabilities";
import type { EmployerContext } from "./auth.server";

/**
 * The facts the capability rules need, read for the signed-in employer on the clock's date (JST). Referrals arrive
 * with a later feature; until then no referral's selection window is open.
 */
export async function loadCapabilityFacts(employer: EmployerContext): Promise<CapabilityFacts> {
  return {
    hasValidPosting: await hasValidPosting(employer.db, employer.establishment.id, todayJst(employer.clock)),
    hasOpenSelectionWindow: false,
    restricted: employer.establishment.restrictedAt !== null,
    isMainAccount: employer.account.isMain,
  };
}

/** Server-side guard: throws 403 with the reason when the capability is refused (R-GATE). */
export async function requireCapability(employer: EmployerContext, capability: Capability): Promise<CapabilityFacts> {
  const facts = await loadCapabilityFacts(employer);
  const decision = decide(capability, facts);
  if (!decision.allowed) throw data({ reason: decision.reason }, { status: 403 });
  return facts;
}
