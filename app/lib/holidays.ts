/**
 * Japanese national holidays and Hello Work's closed days. The holidays (国民の祝日に関する法律 with its 振替休日
 * and 国民の休日, the one-off holidays of special laws, the equinox days announced by the National Astronomical
 * Observatory) come from the data of @holiday-jp/holiday_jp, 1970–2050, read by date string (no Date, so no time
 * zone). Hello Work's own closed days are ours: Saturdays, Sundays and 12/29–1/3 (年末年始).
 */
import holidayJp from "@holiday-jp/holiday_jp";
import { addDays, dayOfWeek, parseDate } from "./clock.ts";

interface Holiday {
  date: string;
  name: string;
}

const HOLIDAYS: Readonly<Record<string, Holiday | undefined>> = holidayJp.holidays;

/** The years the data covers (its first and last holiday). */
const DATES = Object.keys(HOLIDAYS).sort();
export const FIRST_HOLIDAY_YEAR = parseDate(DATES[0] ?? "1970-01-01")[0];
export const LAST_HOLIDAY_YEAR = parseDate(DATES.at(-1) ?? "2050-12-31")[0];

function checkYear(year: number): void {
  if (year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR) {
    throw new RangeError(`No holiday data for ${year}: @holiday-jp/holiday_jp covers ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}; update the package.`);
  }
}

/** The name as this app shows it: the library's 「休日」 is the 国民の休日, its 「○○ 振替休日」 the 振替休日. */
function displayName(name: string): string {
  if (name === "休日") return "国民の休日";
  if (name.endsWith(" 振替休日")) return "振替休日";
  return name;
}

const cache = new Map<number, Map<string, string>>();

/** National holidays of a year: date → name (including 振替休日 and 国民の休日). */
export function nationalHolidays(year: number): Map<string, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  checkYear(year);
  const prefix = `${year}-`;
  const h = new Map(DATES.filter((date) => date.startsWith(prefix)).map((date) => [date, displayName(HOLIDAYS[date]!.name)]));
  cache.set(year, h);
  return h;
}

export function holidayName(date: string): string | undefined {
  return nationalHolidays(parseDate(date)[0]).get(date);
}

/** Hello Work is closed on Saturdays, Sundays, national holidays and 12/29–1/3 (年末年始). */
export function isClosedDay(date: string): boolean {
  const [, m, d] = parseDate(date);
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return true;
  if ((m === 12 && d >= 29) || (m === 1 && d <= 3)) return true;
  return holidayName(date) !== undefined;
}

/** The date itself when open, otherwise the nearest earlier open day (R-OPEN-8's deadline rule). */
export function previousOpenDay(date: string): string {
  let d = date;
  while (isClosedDay(d)) d = addDays(d, -1);
  return d;
}
