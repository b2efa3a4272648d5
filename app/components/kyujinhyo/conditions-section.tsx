/** その他の労働条件等: 加入保険等, 年金, 退職金, 定年, 再雇用, 住宅, 託児施設. */
import { count, filled, list, Row, Section, type SectionProps, yn } from "./parts";

export function ConditionsSection({ view, level }: SectionProps) {
  const { content } = view;

  return (
    <Section title="その他の労働条件等" level={level}>
      <Row label="加入保険等">
        {list([
          [content.benefits.insurance.employment, "雇用"],
          [content.benefits.insurance.industrialAccident, "労災"],
          [content.benefits.insurance.publicAccident, "公災"],
          [content.benefits.insurance.health, "健康"],
          [content.benefits.insurance.pension, "厚生"],
          [content.benefits.insurance.other.trim() !== "", content.benefits.insurance.other.trim()],
        ])}
      </Row>
      <Row label="企業年金">{filled(content.benefits.corporatePension)}</Row>
      <Row label="退職金共済">{content.benefits.retirementMutualAid ? "加入" : "未加入"}</Row>
      <Row label="退職金制度">
        {yn(content.benefits.retirementAllowance.present)}
        {content.benefits.retirementAllowance.present && content.benefits.retirementAllowance.minYears !== null
          ? `（勤続${content.benefits.retirementAllowance.minYears}年以上）`
          : ""}
      </Row>
      <Row label="定年制">{content.retirement.present ? `あり（一律 ${count(content.retirement.age, "歳")}）` : "なし"}</Row>
      <Row label="再雇用制度">
        {yn(content.benefits.reemployment.present)}
        {content.benefits.reemployment.present && content.benefits.reemployment.maxAge !== null ? `（上限 ${content.benefits.reemployment.maxAge}歳まで）` : ""}
      </Row>
      <Row label="勤務延長">
        {yn(content.benefits.workExtension.present)}
        {content.benefits.workExtension.present && content.benefits.workExtension.maxAge !== null
          ? `（上限 ${content.benefits.workExtension.maxAge}歳まで）`
          : ""}
      </Row>
      <Row label="入居可能住宅">
        単身用：{content.benefits.housing.single ? "あり" : "なし"}、世帯用：{content.benefits.housing.family ? "あり" : "なし"}
        {content.benefits.housing.note.trim() ? <span className="block">{content.benefits.housing.note.trim()}</span> : null}
      </Row>
      <Row label="利用可能託児施設">
        {yn(content.benefits.childcare.available)}
        {content.benefits.childcare.note.trim() ? `（${content.benefits.childcare.note.trim()}）` : ""}
      </Row>
    </Section>
  );
}
