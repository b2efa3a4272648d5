/** 求人事業所: the establishment's 事業所情報 (left out for 公開希望 2 and 3) and the 事業所 screen of the posting. */
import { count, filled, Lines, Row, Section, type SectionProps, UNFILLED, yen, yn } from "./parts";

export function EstablishmentSection({ view, level }: SectionProps) {
  const { content, establishment } = view;
  const hide = view.hideEstablishment === true;

  return (
    <Section title="求人事業所" level={level} note={hide ? "この求人は、事業所名・所在地・連絡先などを公開していません。" : undefined}>
      {hide ? null : (
        <>
          <Row label="事業所番号">{filled(establishment.establishmentNumber)}</Row>
          <Row label="事業所名">
            <span className="block text-dns-14N-130">{filled(establishment.nameKana)}</span>
            <span className="block text-dns-16B-130">{filled(establishment.name)}</span>
          </Row>
        </>
      )}
      <Row label="所在地">
        {hide ? filled(establishment.address) : `${establishment.postalCode ? `〒${establishment.postalCode} ` : ""}${filled(establishment.address)}`}
      </Row>
      {hide ? null : (
        <>
          <Row label="電話番号">{filled(establishment.phone)}</Row>
          <Row label="ホームページ">{content.company.homepage.trim() ? <span className="break-all">{content.company.homepage.trim()}</span> : UNFILLED}</Row>
        </>
      )}
      <Row label="従業員数">
        <span className="block">企業全体：{count(content.company.employeesTotal, "人")}</span>
        <span className="block">
          就業場所：{count(content.company.employeesWorkplace, "人")}（うち女性：{count(content.company.employeesFemale, "人")}、うちパート：
          {count(content.company.employeesPartTime, "人")}）
        </span>
      </Row>
      <Row label="設立年">{content.company.foundedYear === null ? UNFILLED : `${content.company.foundedYear}年`}</Row>
      <Row label="資本金">{yen(content.company.capitalYen)}</Row>
      <Row label="事業内容">
        <Lines>{content.company.businessDescription}</Lines>
      </Row>
      <Row label="会社の特長">
        <Lines>{content.company.features}</Lines>
      </Row>
      {hide ? null : (
        <>
          <Row label="代表者">{filled(establishment.representative)}</Row>
          <Row label="法人番号">{filled(establishment.corporateNumber)}</Row>
        </>
      )}
      <Row label="労働組合">{yn(content.company.laborUnion)}</Row>
      <Row label="就業規則">
        フルタイム：{yn(content.company.workRulesFullTime)}、パートタイム：{yn(content.company.workRulesPartTime)}
      </Row>
      <Row label="育児休業等取得実績">
        育児休業：{yn(content.company.childcareLeaveTaken)}、介護休業：{yn(content.company.nursingCareLeaveTaken)}、看護休暇：
        {yn(content.company.sickChildLeaveTaken)}
      </Row>
    </Section>
  );
}
