/** 仕事内容: 職種, 仕事内容, 雇用形態 and 雇用期間, 就業場所, 年齢, 学歴, 経験, 試用期間. */
import type { ReactNode } from "react";
import { formatJapaneseDate } from "../../lib/clock";
import { CONTRACT_KIND_LABELS, RENEWAL_LABELS } from "../../lib/posting-labels";
import { AGE_EXCEPTION_LABELS, prefectureName, type PostingContent } from "../../rules/posting";
import { count, filled, Lines, Row, Section, type SectionProps, UNFILLED, yen, yn } from "./parts";

function contractText(contract: PostingContent["contract"]): ReactNode {
  if (contract.kind === "indefinite") return CONTRACT_KIND_LABELS.indefinite;
  const period =
    contract.months !== null
      ? `${contract.months}か月`
      : contract.startDate || contract.endDate
        ? `${contract.startDate ? formatJapaneseDate(contract.startDate) : ""}〜${contract.endDate ? formatJapaneseDate(contract.endDate) : ""}`
        : UNFILLED;
  const cap =
    contract.renewalCap === null
      ? UNFILLED
      : contract.renewalCap.present
        ? `あり（${[contract.renewalCap.totalYears !== null ? `通算契約期間${contract.renewalCap.totalYears}年` : "", contract.renewalCap.renewalCount !== null ? `更新回数${contract.renewalCap.renewalCount}回` : ""].filter(Boolean).join("・") || UNFILLED}）`
        : "なし";
  return (
    <>
      <span className="block">
        {CONTRACT_KIND_LABELS.fixed}（{period}）
      </span>
      <span className="block">{contract.renewal ? RENEWAL_LABELS[contract.renewal] : `契約更新の可能性：${UNFILLED}`}</span>
      {contract.renewal === "conditional" ? (
        <span className="block">
          契約更新の条件：<Lines>{contract.renewalConditions}</Lines>
        </span>
      ) : null}
      {contract.renewal && contract.renewal !== "none" ? <span className="block">更新上限：{cap}</span> : null}
    </>
  );
}

function ageText(age: PostingContent["age"]): ReactNode {
  if (age.kind === "none") return "不問";
  const range = age.min !== null || age.max !== null ? `${age.min !== null ? `${age.min}歳以上` : ""}${age.max !== null ? `${age.max}歳以下` : ""}` : UNFILLED;
  return (
    <>
      <span className="block">年齢制限あり（{range}）</span>
      <span className="block">年齢制限該当事由：{age.code ? AGE_EXCEPTION_LABELS[age.code] : UNFILLED}</span>
      <span className="block">
        年齢制限の理由：<Lines>{age.reason}</Lines>
      </span>
    </>
  );
}

export function JobSection({ view, level }: SectionProps) {
  const { content, establishment } = view;
  const hide = view.hideEstablishment === true;
  const prefecture = content.workplace.prefectureCode ? prefectureName(content.workplace.prefectureCode) : "";
  const workplaceAddress = (() => {
    if (hide) return filled(prefecture || establishment.address);
    if (content.workplaceDetail.sameAsEstablishment)
      return `${establishment.postalCode ? `〒${establishment.postalCode} ` : ""}${filled(establishment.address)}（事業所所在地と同じ）`;
    const address = content.workplaceDetail.address.trim();
    const full = address && prefecture && !address.startsWith(prefecture) ? `${prefecture}${address}` : address || prefecture;
    return `${content.workplaceDetail.postalCode ? `〒${content.workplaceDetail.postalCode} ` : ""}${filled(full)}`;
  })();

  return (
    <Section title="仕事内容" level={level}>
      <Row label="職種">
        <span className="text-dns-16B-130">{filled(content.jobTitle)}</span>
      </Row>
      <Row label="仕事内容">
        <Lines>{content.jobDescription}</Lines>
        <span className="mt-1 block">（変更範囲：{filled(content.dutiesChangeScope)}）</span>
      </Row>
      <Row label="雇用形態">
        {content.employmentType
          ? `${content.employmentType}${content.employmentType === "正社員以外" && content.employmentTypeName.trim() ? `（${content.employmentTypeName.trim()}）` : ""}`
          : UNFILLED}
      </Row>
      <Row label="派遣・請負等">{filled(content.dispatch)}</Row>
      <Row label="雇用期間">{contractText(content.contract)}</Row>
      <Row label="就業場所">{workplaceAddress}</Row>
      <Row label="最寄り駅・交通手段">
        {filled(content.workplaceDetail.nearestStation)}から{filled(content.workplaceDetail.access)}（所要時間：
        {count(content.workplaceDetail.accessMinutes, "分")}）
      </Row>
      <Row label="受動喫煙対策">
        {filled(content.smoking.measure)}
        {content.smoking.note.trim() ? `（${content.smoking.note.trim()}）` : ""}
      </Row>
      <Row label="マイカー通勤">
        {yn(content.workplaceDetail.carCommute, "可", "不可")}（駐車場：{yn(content.workplaceDetail.parking)}）
      </Row>
      <Row label="転勤の可能性">
        {yn(content.workplace.transferPossible)}
        {content.workplace.transferPossible ? <span className="block">（就業場所の変更範囲：{filled(content.workplace.changeScope)}）</span> : null}
      </Row>
      <Row label="年齢">{ageText(content.age)}</Row>
      <Row label="学歴">{filled(content.education)}</Row>
      <Row label="必要な経験等">
        {content.experience}
        {content.experienceDetail.trim() ? (
          <span className="block">
            <Lines>{content.experienceDetail}</Lines>
          </span>
        ) : null}
      </Row>
      <Row label="必要なPCスキル">
        {content.pcSkills.requirement}
        {content.pcSkills.detail.trim() ? `（${content.pcSkills.detail.trim()}）` : ""}
      </Row>
      <Row label="必要な免許・資格">
        {content.licenses.requirement}
        {content.licenses.detail.trim() ? `（${content.licenses.detail.trim()}）` : ""}
      </Row>
      <Row label="試用期間">
        {content.trialPeriod.present ? (
          <>
            あり（{count(content.trialPeriod.months, "か月")}）
            <span className="block">
              試用期間中の労働条件：
              {content.trialPeriod.sameConditions ? "同条件" : `異なる（基本給 ${yen(content.trialPeriod.wageMin)}〜）`}
            </span>
          </>
        ) : (
          "なし"
        )}
      </Row>
      <Row label="募集理由">{filled(content.recruitmentReason)}</Row>
    </Section>
  );
}
