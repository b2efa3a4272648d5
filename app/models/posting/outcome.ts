/**
 * What a posting model function returns: done (`ok: true` with what the caller needs), or refused with a reason the
 * route maps to a response without reading the posting again, and a Japanese message to show.
 * - `not-found`: no such posting in the actor's scope (another establishment's or office's is not found either);
 * - `state`: the posting is not in the state the action needs (a stale page, or someone acted first);
 * - `rule`: a rule refuses it now (a red finding, a closed window, the extension used);
 * - `race`: the posting changed between the read and the write (the compare-and-set lost).
 */
export type RefusalReason = "not-found" | "state" | "rule" | "race";

export interface Refused<R extends RefusalReason = RefusalReason> {
  ok: false;
  reason: R;
  message: string;
}

export type Outcome<T extends object = object, R extends RefusalReason = RefusalReason> = ({ ok: true } & T) | Refused<R>;

export function refused<R extends RefusalReason>(reason: R, message: string): Refused<R> {
  return { ok: false, reason, message };
}

/** A lifecycle rule's refusal (rules/posting Verdict) as a model's. */
export function refusedBy(verdict: { because: "state" | "rule"; reason: string }): Refused<"state" | "rule"> {
  return refused(verdict.because, verdict.reason);
}
