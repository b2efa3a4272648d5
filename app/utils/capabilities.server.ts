import { data } from "@remix-run/cloudflare";
import { decide, type Capability, type CapabilityFacts } from "../rules/capabilities";
import type { EmployerContext } from "./auth.server";

/**
 * The facts the capability rules need, read for the signed-in employer. Postings and referrals arrive
 * with later features; until their tables exist an establishment has no valid posting and no referral.
 */
export async function loadCapabilityFacts(employer: EmployerContext): Promise<CapabilityFacts> {
  return {
    hasValidPosting: false,
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
