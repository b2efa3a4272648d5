/**
 * R-MSG-3: a message is erased one year after it was sent (issue 12; ADR 0024). Dates are JST calendar dates
 * (`messages.sent_on`); the clock is an input (`today`), so the daily job (jobs/message-retention.server.ts) and the
 * tests decide alike.
 *
 * A message sent on D is kept through the day before D + 1 year and erased from D + 1 year (sent 2025-11-30: kept on
 * 2026-11-29, erased on 2026-11-30). A message of 29 February has no such day the next year: it is erased from 1 March
 * — never before a full year has passed (a message of 28 February is erased on 28 February, the day before).
 */
import { addDays, addMonths } from "../lib/clock";
import { addYears, MESSAGE_RETENTION_YEARS } from "./retention";

/** The first JST date on which a message sent on `sentOn` is erased. */
export function messageErasedFrom(sentOn: string): string {
  return addYears(sentOn, MESSAGE_RETENTION_YEARS);
}

/**
 * The erasure's cutoff on `today`: messages sent BEFORE this date are erased, those sent on it or later kept. It is
 * the day after the same day a year earlier (2026-11-30 → 2025-12-01; 2028-02-29 → 2027-03-01), so that
 * `sentOn < messageErasureCutoff(today)` ⇔ `messageErasedFrom(sentOn) <= today`.
 */
export function messageErasureCutoff(today: string): string {
  return addDays(addMonths(today, -12 * MESSAGE_RETENTION_YEARS), 1);
}

/** Whether a message sent on `sentOn` is erased on `today`. */
export function isMessageExpired(sentOn: string, today: string): boolean {
  return messageErasedFrom(sentOn) <= today;
}
