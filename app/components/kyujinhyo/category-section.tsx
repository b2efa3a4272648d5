/** 求人区分等: 求人番号, dates, 受理安定所, 求人区分 and, for the employer and the officer, 公開範囲. */
import { PUBLICATION_LABELS } from "../../lib/posting-labels";
import { postingKindLabel } from "../../rules/posting";
import { date, filled, Row, Section, type SectionProps, UNFILLED, yn } from "./parts";

export function CategorySection({ view, level }: SectionProps) {
  const { content, establishment, meta } = view;

  return (
    <Section title="求人区分等" level={level}>
      <Row label="求人番号">{meta.jobNumber ?? "未発行（受理前）"}</Row>
      <Row label="受付年月日">{date(meta.acceptedOn)}</Row>
      <Row label="紹介期限日">{date(meta.validUntil)}</Row>
      {meta.invalidatedOn ? <Row label="求人無効日">{date(meta.invalidatedOn)}</Row> : null}
      <Row label="受理安定所">{filled(meta.officeName)}</Row>
      <Row label="求人区分">{postingKindLabel(content, UNFILLED)}</Row>
      <Row label="オンライン自主応募の受付">{yn(content.category.onlineApplication, "可", "不可")}</Row>
      <Row label="トライアル雇用併用の希望">{yn(content.category.trialEmployment)}</Row>
      <Row label="産業分類">{filled(establishment.industry)}</Row>
      {view.showPublication ? <Row label="公開範囲">{content.category.publication ? PUBLICATION_LABELS[content.category.publication] : UNFILLED}</Row> : null}
    </Section>
  );
}
