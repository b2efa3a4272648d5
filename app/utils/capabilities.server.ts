import { data } from "@remix-run/cloudflare";
import { decide, type Capability, type CapabilityFacts } from "../rules/capabilities";
import type { EmployerContext } from "./auth.server";

/** The facts the capability rules need (R-GATE): the guard read them with the session, in the same round trip. */
export function loadCapabilityFacts(employer: Pick<EmployerContext, "facts">): CapabilityFacts {
  return employer.facts;
}

/** Server-side guard: throws 403 with the reason when the capability is refused (R-GATE). */
export function requireCapability(employer: Pick<EmployerContext, "facts">, capability: Capability): CapabilityFacts {
  const decision = decide(capability, employer.facts);
  if (!decision.allowed) throw data({ reason: decision.reason }, { status: 403 });
  return employer.facts;
}
