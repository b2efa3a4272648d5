import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  endOfJstDay,
  endOfMonth,
  fixedClock,
  formatJstDateTime,
  jstDate,
  startOfJstDay,
  todayJst,
} from "../../app/lib/clock";

describe("JST clock arithmetic", () => {
  it("takes the calendar date in Japan time, not UTC", () => {
    expect(jstDate(new Date("2026-11-25T14:59:59Z"))).toBe("2026-11-25");
    expect(jstDate(new Date("2026-11-25T15:00:00Z"))).toBe("2026-11-26");
    expect(todayJst(fixedClock("2026-12-31T15:00:00Z"))).toBe("2027-01-01");
    expect(formatJstDateTime(new Date("2026-11-25T15:05:00Z"))).toBe("2026-11-26 00:05");
  });

  it("counts calendar days across month and year ends", () => {
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-05", "2026-11-26")).toBe(21);
  });

  it("finds month ends (受理日の翌々月末日)", () => {
    expect(endOfMonth("2025-12-31", 2)).toBe("2026-02-28");
    expect(endOfMonth("2025-11-15", 2)).toBe("2026-01-31");
    expect(endOfMonth("2027-12-01", 2)).toBe("2028-02-29");
    expect(endOfMonth("2026-04-17", 2)).toBe("2026-06-30");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("knows the weekday and the instants that bound a JST day", () => {
    expect(dayOfWeek("2026-11-26")).toBe(4); // Thursday
    expect(startOfJstDay("2026-11-26").toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(endOfJstDay("2026-11-26").toISOString()).toBe("2026-11-26T15:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => fixedClock("not a date")).toThrow(RangeError);
  });
});
