/** Screen 5, 労働時間情報 (R-JOB-1): 就業時間, 所定労働時間 (which decides フルタイム / パート), 時間外労働, 休日. */
import type { PostingContent } from "../../posting-content";
import { z } from "../zod-ja";
import { SHIFT_ROWS, VARIABLE_SYSTEMS, WEEKLY_TWO_DAYS_OFF } from "./choices";
import { checkbox, checkboxText, choice, duration, formatDuration, int, numberText, text, timeOfDay, yesNo } from "./fields";
import { STEP_OWNS } from "../../../rules/posting/steps";

/** The top-level keys of the 求人票 this screen owns. */
export const fields = STEP_OWNS[5];

export const schema = z.object({
  hours: z
    .object({
      shifts: z
        .array(z.object({ start: timeOfDay("始業時刻"), end: timeOfDay("終業時刻"), breakMinutes: duration("休憩時間", 24 * 60) }))
        .prefault([])
        .transform((rows) =>
          rows
            .filter((shift) => shift.start !== null || shift.end !== null)
            .map((shift) => ({ start: shift.start ?? "", end: shift.end ?? "", breakMinutes: shift.breakMinutes })),
        ),
      dailyMinutes: duration("1日の所定労働時間", 24 * 60),
      weeklyMinutes: duration("1週間の所定労働時間", 168 * 60),
      fullTimeWeeklyMinutes: duration("通常の労働者の1週間の所定労働時間", 168 * 60),
      breakMinutes: duration("休憩時間", 24 * 60),
      variableSystem: choice("変形労働時間制", VARIABLE_SYSTEMS).transform((v) => v ?? "none"),
      overtime: z
        .object({
          present: yesNo("時間外労働").transform((v) => v === true),
          monthlyAverageMinutes: duration("月平均時間外労働時間", 200 * 60),
          specialClause: checkbox(),
        })
        .prefault({}),
      annualHolidays: int("年間休日数", 0, 366, "日"),
      holidaysText: text(),
      weeklyDays: int("週所定労働日数", 1, 7, "日"),
      shiftSystem: checkbox(),
      hoursNote: text(),
      weeklyTwoDaysOff: choice("週休二日制", WEEKLY_TWO_DAYS_OFF),
      paidLeaveDays: int("6か月経過後の年次有給休暇日数", 0, 40, "日"),
    })
    .prefault({}),
}) satisfies z.ZodType<Pick<PostingContent, (typeof fields)[number]>>;

/** The screen's form values from the stored 求人票 (with SHIFT_ROWS rows of 就業時間, or more when stored). */
export function formValues(content: PostingContent) {
  const { hours } = content;
  return {
    hours: {
      shifts: Array.from({ length: Math.max(SHIFT_ROWS, hours.shifts.length) }, (_, row) => {
        const shift = hours.shifts[row];
        return shift ? { start: shift.start, end: shift.end, breakMinutes: formatDuration(shift.breakMinutes) } : { start: "", end: "", breakMinutes: "" };
      }),
      dailyMinutes: formatDuration(hours.dailyMinutes),
      weeklyMinutes: formatDuration(hours.weeklyMinutes),
      fullTimeWeeklyMinutes: formatDuration(hours.fullTimeWeeklyMinutes),
      breakMinutes: formatDuration(hours.breakMinutes),
      variableSystem: hours.variableSystem,
      overtime: {
        present: String(hours.overtime.present),
        monthlyAverageMinutes: formatDuration(hours.overtime.monthlyAverageMinutes),
        specialClause: checkboxText(hours.overtime.specialClause),
      },
      annualHolidays: numberText(hours.annualHolidays),
      holidaysText: hours.holidaysText,
      weeklyDays: numberText(hours.weeklyDays),
      shiftSystem: checkboxText(hours.shiftSystem),
      hoursNote: hours.hoursNote,
      weeklyTwoDaysOff: hours.weeklyTwoDaysOff ?? "",
      paidLeaveDays: numberText(hours.paidLeaveDays),
    },
  };
}
