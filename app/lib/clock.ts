/**
 * The clock and Japan-time (JST, UTC+9, no DST) calendar arithmetic.
 * Every rule that depends on "today" takes a Clock; tests and the development operator set it.
 * Calendar dates are ISO strings `YYYY-MM-DD` in Japan time.
 */

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests; a fixed "now" set by the development operator). */
export function fixedClock(at: Date | string | number): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`invalid instant: ${String(at)}`);
  return { now: () => new Date(instant.getTime()) };
}

/** A clock that starts at `at` and can be moved by tests. */
export function manualClock(at: Date | string | number) {
  let ms = new Date(at).getTime();
  return {
    now: () => new Date(ms),
    set(to: Date | string | number) {
      ms = new Date(to).getTime();
    },
    advance(millis: number) {
      ms += millis;
    },
  };
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The JST calendar date of an instant. */
export function jstDate(instant: Date | number): string {
  const shifted = new Date(new Date(instant).getTime() + JST_OFFSET_MS);
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** Today in Japan according to the clock. */
export function todayJst(clock: Clock): string {
  return jstDate(clock.now());
}

/** `YYYY-MM-DD HH:mm` in JST, for display. */
export function formatJstDateTime(instant: Date | number): string {
  const shifted = new Date(new Date(instant).getTime() + JST_OFFSET_MS);
  return `${jstDate(instant)} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** `10時30分` (JST) for Japanese text: the time of an instant, minutes rounded down. */
export function formatJstTime(instant: Date | number): string {
  const shifted = new Date(new Date(instant).getTime() + JST_OFFSET_MS);
  return `${shifted.getUTCHours()}時${pad(shifted.getUTCMinutes())}分`;
}

/** `2026年11月26日` for Japanese text. */
export function formatJapaneseDate(date: string): string {
  const [y, m, d] = parseDate(date);
  return `${y}年${m}月${d}日`;
}

export function parseDate(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`no such date: ${date}`);
  return [y, mo, d];
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromUtcParts(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Calendar days after (or before, if negative) a date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  return fromUtcParts(y, m, d + days);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The last day of the month `monthsAhead` months after the month of `date` (0 = same month). */
export function endOfMonth(date: string, monthsAhead = 0): string {
  const [y, m] = parseDate(date);
  const target = new Date(Date.UTC(y, m - 1 + monthsAhead + 1, 0));
  return fromUtcParts(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate());
}

/**
 * The same day `months` months later, clamped to the month's end (1/31 + 1 month = 2/28 or 2/29).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parseDate(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = first.getUTCFullYear();
  const tm = first.getUTCMonth() + 1;
  return fromUtcParts(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Day of week in Japan for a date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant at which a JST calendar date begins (00:00 JST). */
export function startOfJstDay(date: string): Date {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d) - JST_OFFSET_MS);
}

/** The instant at which a JST calendar date ends (exclusive): 00:00 JST of the next day. */
export function endOfJstDay(date: string): Date {
  return startOfJstDay(addDays(date, 1));
}
