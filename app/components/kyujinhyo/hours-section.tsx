/** 労働時間: 就業時間, 所定労働時間, 時間外労働, 休憩, 休日. */
import { minutesLabel, VARIABLE_SYSTEM_LABELS } from "../../lib/posting-labels";
import { count, filled, Lines, minutes, Row, Section, type SectionProps, UNFILLED } from "./parts";

export function HoursSection({ view, level }: SectionProps) {
  const { content } = view;

  return (
    <Section title="労働時間" level={level}>
      <Row label="就業時間">
        {content.hours.shifts.length === 0
          ? UNFILLED
          : content.hours.shifts.map((s, i) => (
              <span key={i} className="block">
                （{i + 1}）{filled(s.start)}〜{filled(s.end)}
                {s.breakMinutes !== null ? `（休憩${minutesLabel(s.breakMinutes)}）` : ""}
              </span>
            ))}
        {content.hours.shiftSystem ? <span className="block">交替制（シフト制）あり</span> : null}
        {content.hours.variableSystem !== "none" ? <span className="block">{VARIABLE_SYSTEM_LABELS[content.hours.variableSystem]}</span> : null}
      </Row>
      <Row label="就業時間に関する特記事項">
        <Lines>{content.hours.hoursNote}</Lines>
      </Row>
      <Row label="所定労働時間">
        1日：{minutes(content.hours.dailyMinutes)}、週：{minutes(content.hours.weeklyMinutes)}
        {content.hours.weeklyDays !== null ? `、週所定労働日数：${content.hours.weeklyDays}日` : ""}
      </Row>
      <Row label="時間外労働">
        {content.hours.overtime.present ? (
          <>
            あり（月平均 {minutes(content.hours.overtime.monthlyAverageMinutes)}）
            <span className="block">36協定における特別条項：{content.hours.overtime.specialClause ? "あり" : "なし"}</span>
          </>
        ) : (
          "なし"
        )}
      </Row>
      <Row label="休憩時間">{minutes(content.hours.breakMinutes)}</Row>
      <Row label="年間休日数">{count(content.hours.annualHolidays, "日")}</Row>
      <Row label="休日等">
        <Lines>{content.hours.holidaysText}</Lines>
        <span className="block">週休二日制：{content.hours.weeklyTwoDaysOff ?? UNFILLED}</span>
      </Row>
      <Row label="6か月経過後の年次有給休暇日数">{count(content.hours.paidLeaveDays, "日")}</Row>
    </Section>
  );
}
