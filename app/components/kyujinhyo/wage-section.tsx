/** 賃金・手当: 賃金 (a＋b＋c) and its parts, 通勤手当, 締切日・支払日, 昇給, 賞与. */
import { ALLOWANCE_KIND_LABELS } from "../../lib/posting-labels";
import { wageRange, yenRangeLabel } from "../../rules/posting";
import { count, filled, Lines, minutes, Row, Section, type SectionProps, UNFILLED, yen, yn } from "./parts";

export function WageSection({ view, level }: SectionProps) {
  const { content } = view;
  const range = wageRange(content);

  return (
    <Section title="賃金・手当" level={level}>
      <Row label="賃金（a＋b＋c）">
        <span className="text-dns-16B-130">{range ? yenRangeLabel(range.min, range.max) : UNFILLED}</span>
      </Row>
      <Row label="a 基本給">{yenRangeLabel(content.wage.baseMin, content.wage.baseMax)}</Row>
      <Row label="b 定額的に支払われる手当">
        {content.wage.allowances.length === 0
          ? UNFILLED
          : content.wage.allowances.map((a, i) => (
              <span key={i} className="block">
                {filled(a.name)}：{yen(a.amountYen)}
                {a.kind !== "other" ? `（${ALLOWANCE_KIND_LABELS[a.kind]}）` : ""}
              </span>
            ))}
      </Row>
      <Row label="c 固定残業代">
        {content.wage.fixedOvertime.present ? (
          <>
            <span className="block">
              あり：{yen(content.wage.fixedOvertime.amountYen)}（時間外労働{minutes(content.wage.fixedOvertime.minutes)}相当分）
            </span>
            {content.wage.fixedOvertime.excessPaidStatement ? (
              <span className="block">固定残業時間を超える時間外労働、休日労働及び深夜労働に対しては、割増賃金を追加で支給します。</span>
            ) : null}
          </>
        ) : (
          "なし"
        )}
      </Row>
      <Row label="d その他の手当等付記事項">
        <Lines>{content.payTerms.otherAllowancesNote}</Lines>
      </Row>
      <Row label="賃金形態">{content.wage.form}</Row>
      <Row label="月平均労働日数">{count(content.wage.monthlyWorkingDays, "日")}</Row>
      <Row label="通勤手当">
        {content.commuting.kind === null
          ? UNFILLED
          : content.commuting.kind === "なし"
            ? "なし"
            : `${content.commuting.kind}（${content.commuting.kind === "実費支給" ? "上限" : ""}月額 ${yen(content.commuting.monthlyYen)}）`}
      </Row>
      <Row label="賃金締切日">{filled(content.payTerms.closingDay)}</Row>
      <Row label="賃金支払日">
        {content.payTerms.paymentMonth ?? UNFILLED} {filled(content.payTerms.paymentDay)}
      </Row>
      <Row label="昇給">
        {content.payTerms.raise.present ? "あり" : "なし"}
        {content.payTerms.raise.present ? `（前年度実績：${yn(content.payTerms.raise.lastYear)}）` : ""}
        {content.payTerms.raise.description.trim() ? <span className="block">{content.payTerms.raise.description.trim()}</span> : null}
      </Row>
      <Row label="賞与">
        {content.wage.bonus.present ? "あり" : "なし"}
        {content.wage.bonus.description.trim() ? `（${content.wage.bonus.description.trim()}）` : ""}
        {content.wage.bonus.present ? (
          <span className="block">
            前年度実績：{yn(content.payTerms.bonusLastYear.paid)}
            {content.payTerms.bonusLastYear.paid
              ? `（年${count(content.payTerms.bonusLastYear.times, "回")}${content.payTerms.bonusLastYear.description.trim() ? `、${content.payTerms.bonusLastYear.description.trim()}` : ""}）`
              : ""}
          </span>
        ) : null}
      </Row>
      <Row label="年収例">{filled(content.payTerms.annualIncomeExample)}</Row>
    </Section>
  );
}
