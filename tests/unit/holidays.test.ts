import { describe, expect, it } from "vitest";
import { holidayName, isClosedDay, nationalHolidays, previousOpenDay } from "../../app/lib/holidays";

describe("Japanese national holidays and Hello Work closed days", () => {
  it("knows the 2026 holidays, including equinoxes, substitute and citizens' holidays", () => {
    const h = nationalHolidays(2026);
    expect(h.get("2026-01-01")).toBe("元日");
    expect(h.get("2026-01-12")).toBe("成人の日");
    expect(h.get("2026-02-23")).toBe("天皇誕生日");
    expect(h.get("2026-03-20")).toBe("春分の日");
    expect(h.get("2026-05-06")).toBe("振替休日"); // 5/3 is a Sunday
    expect(h.get("2026-07-20")).toBe("海の日");
    expect(h.get("2026-09-21")).toBe("敬老の日");
    expect(h.get("2026-09-22")).toBe("国民の休日"); // between 敬老の日 and 秋分の日
    expect(h.get("2026-09-23")).toBe("秋分の日");
    expect(h.get("2026-10-12")).toBe("スポーツの日");
    expect(h.get("2026-11-23")).toBe("勤労感謝の日");
    expect(h.size).toBe(18);
  });

  it("moves the Olympic-year holidays of 2021", () => {
    expect(holidayName("2021-07-22")).toBe("海の日");
    expect(holidayName("2021-07-23")).toBe("スポーツの日");
    expect(holidayName("2021-08-09")).toBe("振替休日"); // 山の日 8/8 was a Sunday
    expect(holidayName("2021-10-11")).toBeUndefined();
  });

  it("R-OPEN-8: closed days are weekends, national holidays and 12/29–1/3", () => {
    expect(isClosedDay("2026-11-26")).toBe(false); // Thursday
    expect(isClosedDay("2026-11-28")).toBe(true); // Saturday
    expect(isClosedDay("2026-11-23")).toBe(true); // 勤労感謝の日
    expect(isClosedDay("2026-12-28")).toBe(false);
    expect(isClosedDay("2026-12-29")).toBe(true);
    expect(isClosedDay("2027-01-04")).toBe(false);
  });

  it("R-OPEN-8: a deadline on a closed day moves back to the previous open day", () => {
    expect(previousOpenDay("2026-11-26")).toBe("2026-11-26");
    expect(previousOpenDay("2026-11-29")).toBe("2026-11-27"); // Sunday → Friday
    expect(previousOpenDay("2027-01-03")).toBe("2026-12-28"); // 年末年始
    expect(previousOpenDay("2026-05-06")).toBe("2026-05-01"); // Golden Week
  });

  it("R-OPEN-8: the law's dates of 2026 and 2027 — 国民の休日, 振替休日 and the equinox days", () => {
    expect(isClosedDay("2026-09-22")).toBe(true); // 国民の休日: a Tuesday between 敬老の日 and 秋分の日
    expect(holidayName("2026-03-20")).toBe("春分の日");
    expect(holidayName("2026-09-23")).toBe("秋分の日");
    expect(holidayName("2027-03-21")).toBe("春分の日"); // a Sunday
    expect(holidayName("2027-03-22")).toBe("振替休日");
    expect(holidayName("2027-09-23")).toBe("秋分の日");
    expect(holidayName("2027-09-22")).toBeUndefined();
    expect(previousOpenDay("2027-03-22")).toBe("2027-03-19"); // Monday 振替休日 → Friday
  });

  // The hand-written rules that the library replaced got these wrong: they applied today's law to every year.
  it("R-OPEN-8: holidays of special laws and of the law as it was (from the library's data)", () => {
    expect(holidayName("2019-05-01")).toBe("休日（祝日扱い）"); // 即位の日
    expect(holidayName("2019-04-30")).toBe("国民の休日");
    expect(holidayName("2019-05-02")).toBe("国民の休日");
    expect(holidayName("2019-10-22")).toBe("休日（祝日扱い）"); // 即位礼正殿の儀
    expect(previousOpenDay("2019-05-06")).toBe("2019-04-26"); // the ten days of 2019's Golden Week
    expect(holidayName("2018-12-24")).toBe("振替休日"); // 天皇誕生日 was 12/23 until 2018
    expect(isClosedDay("2015-08-11")).toBe(false); // 山の日 only from 2016
    expect(holidayName("2016-08-11")).toBe("山の日");
  });

  it("refuses a year the holiday data does not cover instead of guessing", () => {
    expect(() => isClosedDay("2051-01-04")).toThrow(RangeError);
    expect(() => nationalHolidays(1969)).toThrow(RangeError);
    expect(isClosedDay("2050-12-28")).toBe(false); // a Wednesday of the last year covered
  });
});
