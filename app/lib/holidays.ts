/**
 * Japanese national holidays (国民の祝日に関する法律, as in force from 2020, with the Olympic moves of
 * 2020 and 2021) and Hello Work's closed days: Saturdays, Sundays, national holidays, and 12/29–1/3.
 * Equinox days use the standard approximation valid for 1980–2099.
 */
import { addDays, dayOfWeek, parseDate } from "./clock.ts";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The n-th Monday of a month. */
function nthMonday(y: number, m: number, n: number): string {
  const first = dayOfWeek(iso(y, m, 1));
  const offset = (8 - first) % 7; // days to the first Monday
  return iso(y, m, 1 + offset + (n - 1) * 7);
}

function vernalEquinox(y: number): number {
  return Math.floor(20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

function autumnalEquinox(y: number): number {
  return Math.floor(23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

const cache = new Map<number, Map<string, string>>();

/** National holidays of a year: date → name (including 振替休日 and 国民の休日). */
export function nationalHolidays(year: number): Map<string, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const h = new Map<string, string>();
  const add = (date: string, name: string) => h.set(date, name);
  add(iso(year, 1, 1), "元日");
  add(nthMonday(year, 1, 2), "成人の日");
  add(iso(year, 2, 11), "建国記念の日");
  if (year >= 2020) add(iso(year, 2, 23), "天皇誕生日");
  add(iso(year, 3, vernalEquinox(year)), "春分の日");
  add(iso(year, 4, 29), "昭和の日");
  add(iso(year, 5, 3), "憲法記念日");
  add(iso(year, 5, 4), "みどりの日");
  add(iso(year, 5, 5), "こどもの日");
  if (year === 2020) {
    add("2020-07-23", "海の日");
    add("2020-07-24", "スポーツの日");
    add("2020-08-10", "山の日");
  } else if (year === 2021) {
    add("2021-07-22", "海の日");
    add("2021-07-23", "スポーツの日");
    add("2021-08-08", "山の日");
  } else {
    add(nthMonday(year, 7, 3), "海の日");
    add(iso(year, 8, 11), "山の日");
    add(nthMonday(year, 10, 2), year >= 2020 ? "スポーツの日" : "体育の日");
  }
  add(nthMonday(year, 9, 3), "敬老の日");
  add(iso(year, 9, autumnalEquinox(year)), "秋分の日");
  add(iso(year, 11, 3), "文化の日");
  add(iso(year, 11, 23), "勤労感謝の日");

  // 国民の休日: a weekday squeezed between two holidays.
  for (const date of [...h.keys()]) {
    const next = addDays(date, 1);
    const afterNext = addDays(date, 2);
    if (!h.has(next) && h.has(afterNext) && dayOfWeek(next) !== 0) h.set(next, "国民の休日");
  }
  // 振替休日: a holiday on Sunday moves the rest to the next day that is not a holiday.
  for (const date of [...h.keys()].sort()) {
    if (dayOfWeek(date) !== 0) continue;
    let substitute = addDays(date, 1);
    while (h.has(substitute)) substitute = addDays(substitute, 1);
    h.set(substitute, "振替休日");
  }
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
