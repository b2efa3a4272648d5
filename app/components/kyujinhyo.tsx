/**
 * The 求人票 (R-JOB-6): the whole posting in the usual layout of Hello Work's 求人票 (reference/hellowork-domain.md
 * §2.2 A–H), on screen and in print (A4, see the print block of app/tailwind.css). The props are the contract the
 * employer pages, the officer's review, the public detail and the print routes use; models/posting-view.server.ts
 * builds them. Every section is a table of 項目 (th scope="row") and 内容; an item not filled in shows 「―」.
 *
 * With `hideEstablishment` (public view of 公開希望 2 and 3) the 事業所名等 are not shown: the server has removed them
 * already (posting-view.server.ts), and this view leaves out their rows too.
 */
import { useId, type ReactNode } from "react";
import { formatJapaneseDate } from "../lib/clock";
import {
  ALLOWANCE_KIND_LABELS,
  CONTRACT_KIND_LABELS,
  minutesLabel,
  postingKindLabel,
  PUBLICATION_LABELS,
  RENEWAL_LABELS,
  VARIABLE_SYSTEM_LABELS,
  yenLabel,
} from "../lib/posting-labels";
import { AGE_EXCEPTION_LABELS, prefectureName, type PostingContent } from "../rules/posting";

export interface KyujinhyoEstablishment {
  establishmentNumber: string | null;
  name: string;
  nameKana: string;
  postalCode: string;
  /** Full address: prefecture + municipality + address. */
  address: string;
  phone: string;
  industry: string;
  representative: string;
  corporateNumber: string | null;
}

export interface KyujinhyoMeta {
  jobNumber: string | null;
  /** 受付年月日 (受理日) and 紹介期限日, YYYY-MM-DD. */
  acceptedOn: string | null;
  validUntil: string | null;
  /** 求人無効日 when invalid. */
  invalidatedOn: string | null;
  /** 受理安定所. */
  officeName: string;
}

export interface KyujinhyoImage {
  id: string;
  caption: string;
  src: string;
}

export interface KyujinhyoProps {
  content: PostingContent;
  establishment: KyujinhyoEstablishment;
  meta: KyujinhyoMeta;
  /** Approved images chosen for this posting (R-IMG-2), with a URL the viewer may load. */
  images: KyujinhyoImage[];
  /** Public view of 公開希望 2/3: 事業所名等 (name, address, phone, number, representative, contact person) hidden. */
  hideEstablishment?: boolean;
  /** Show 公開希望 (公開範囲) in the header: for the employer and the officer only, never on the public pages. */
  showPublication?: boolean;
  /** Level of the section headings (default 2: the page's h1 comes first). */
  headingLevel?: 2 | 3;
}

/** What an item not filled in shows. */
export const UNFILLED = "―";

function filled(value: string | null | undefined): string {
  const v = (value ?? "").trim();
  return v === "" ? UNFILLED : v;
}

function yn(value: boolean | null | undefined, yes = "あり", no = "なし"): string {
  return value === null || value === undefined ? UNFILLED : value ? yes : no;
}

function count(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined ? UNFILLED : `${value.toLocaleString("ja-JP")}${unit}`;
}

function date(value: string | null): string {
  return value ? formatJapaneseDate(value) : UNFILLED;
}

function yen(value: number | null | undefined): string {
  return value === null || value === undefined ? UNFILLED : yenLabel(value);
}

function yenRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return UNFILLED;
  if (min === null) return `〜${yenLabel(max)}`;
  if (max === null || max === min) return yenLabel(min);
  return `${yenLabel(min)}〜${yenLabel(max)}`;
}

function minutes(value: number | null | undefined): string {
  return value === null || value === undefined ? UNFILLED : minutesLabel(value);
}

/** 賃金 (a+b+c): 基本給 plus the 定額的に支払われる手当 plus the 固定残業代, as a range; null when 基本給 is not entered. */
export function wageRange(content: Pick<PostingContent, "wage">): { min: number; max: number } | null {
  const { wage } = content;
  if (wage.baseMin === null && wage.baseMax === null) return null;
  const allowances = wage.allowances.reduce((sum, a) => sum + (a.amountYen ?? 0), 0);
  const overtime = wage.fixedOvertime.present ? (wage.fixedOvertime.amountYen ?? 0) : 0;
  const min = (wage.baseMin ?? wage.baseMax!) + allowances + overtime;
  const max = (wage.baseMax ?? wage.baseMin!) + allowances + overtime;
  return { min, max: Math.max(min, max) };
}

/** 「月給 210,000円〜250,000円」, or 「―」. */
export function wageRangeLabel(content: Pick<PostingContent, "wage">): string {
  const range = wageRange(content);
  if (!range) return UNFILLED;
  return `${content.wage.form} ${yenRange(range.min, range.max)}`;
}

/** Multi-line text kept with its line breaks (仕事内容, 特記事項…). */
function Lines({ children }: { children: string }) {
  const v = children.trim();
  return <span className="whitespace-pre-line break-words">{v === "" ? UNFILLED : v}</span>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr className="kyujinhyo-row border-b border-solid-gray-420 align-top print:border-black">
      <th scope="row" className="w-40 bg-solid-gray-50 p-2 text-left text-dns-16B-130 print:w-32 print:bg-white sm:w-48">
        {label}
      </th>
      <td className="break-words p-2 text-dns-16N-130">{children}</td>
    </tr>
  );
}

function Section({ title, level, children, note }: { title: string; level: 2 | 3; children: ReactNode; note?: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="kyujinhyo-section mb-6">
      <Heading id={id} className="mb-2 border-l-4 border-blue-900 pl-2 text-std-20B-150 print:border-black">
        {title}
      </Heading>
      {note ? <p className="mb-2 text-dns-16N-130">{note}</p> : null}
      <table aria-labelledby={id} className="w-full border-collapse border-t border-solid-gray-420 print:border-black">
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

function list(items: [boolean, string][]): string {
  const chosen = items.filter(([on]) => on).map(([, label]) => label);
  return chosen.length ? chosen.join("、") : UNFILLED;
}

function contractText(c: PostingContent["contract"]): ReactNode {
  if (c.kind === "indefinite") return CONTRACT_KIND_LABELS.indefinite;
  const period =
    c.months !== null
      ? `${c.months}か月`
      : c.startDate || c.endDate
        ? `${c.startDate ? formatJapaneseDate(c.startDate) : ""}〜${c.endDate ? formatJapaneseDate(c.endDate) : ""}`
        : UNFILLED;
  const cap =
    c.renewalCap === null
      ? UNFILLED
      : c.renewalCap.present
        ? `あり（${[c.renewalCap.totalYears !== null ? `通算契約期間${c.renewalCap.totalYears}年` : "", c.renewalCap.renewalCount !== null ? `更新回数${c.renewalCap.renewalCount}回` : ""].filter(Boolean).join("・") || UNFILLED}）`
        : "なし";
  return (
    <>
      <span className="block">
        {CONTRACT_KIND_LABELS.fixed}（{period}）
      </span>
      <span className="block">{c.renewal ? RENEWAL_LABELS[c.renewal] : `契約更新の可能性：${UNFILLED}`}</span>
      {c.renewal === "conditional" ? (
        <span className="block">
          契約更新の条件：<Lines>{c.renewalConditions}</Lines>
        </span>
      ) : null}
      {c.renewal && c.renewal !== "none" ? <span className="block">更新上限：{cap}</span> : null}
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

export function Kyujinhyo(props: KyujinhyoProps) {
  const { content: c, establishment: e, meta, images } = props;
  const hide = props.hideEstablishment === true;
  const level = props.headingLevel ?? 2;
  const prefecture = c.workplace.prefectureCode ? prefectureName(c.workplace.prefectureCode) : "";
  const range = wageRange(c);

  const workplaceAddress = (() => {
    if (hide) return filled(prefecture || e.address);
    if (c.workplaceDetail.sameAsEstablishment) return `${e.postalCode ? `〒${e.postalCode} ` : ""}${filled(e.address)}（事業所所在地と同じ）`;
    const address = c.workplaceDetail.address.trim();
    const full = address && prefecture && !address.startsWith(prefecture) ? `${prefecture}${address}` : address || prefecture;
    return `${c.workplaceDetail.postalCode ? `〒${c.workplaceDetail.postalCode} ` : ""}${filled(full)}`;
  })();

  const selectionMethods = list([
    [c.selection.methods.documents, "書類選考"],
    [c.selection.methods.interview, "面接"],
    [c.selection.methods.writtenTest, "筆記試験"],
    [c.selection.methods.other, c.selection.otherMethod.trim() ? `その他（${c.selection.otherMethod.trim()}）` : "その他"],
  ]);
  const contact = c.selection.contact;

  return (
    <article aria-label="求人票" className="kyujinhyo text-solid-gray-900 print:text-black">
      <Section title="求人区分等" level={level}>
        <Row label="求人番号">{meta.jobNumber ?? "未発行（受理前）"}</Row>
        <Row label="受付年月日">{date(meta.acceptedOn)}</Row>
        <Row label="紹介期限日">{date(meta.validUntil)}</Row>
        {meta.invalidatedOn ? <Row label="求人無効日">{date(meta.invalidatedOn)}</Row> : null}
        <Row label="受理安定所">{filled(meta.officeName)}</Row>
        <Row label="求人区分">{postingKindLabel(c, UNFILLED)}</Row>
        <Row label="オンライン自主応募の受付">{yn(c.category.onlineApplication, "可", "不可")}</Row>
        <Row label="トライアル雇用併用の希望">{yn(c.category.trialEmployment)}</Row>
        <Row label="産業分類">{filled(e.industry)}</Row>
        {props.showPublication ? <Row label="公開範囲">{c.category.publication ? PUBLICATION_LABELS[c.category.publication] : UNFILLED}</Row> : null}
      </Section>

      <Section title="求人事業所" level={level} note={hide ? "この求人は、事業所名・所在地・連絡先などを公開していません。" : undefined}>
        {hide ? null : (
          <>
            <Row label="事業所番号">{filled(e.establishmentNumber)}</Row>
            <Row label="事業所名">
              <span className="block text-dns-14N-130">{filled(e.nameKana)}</span>
              <span className="block text-dns-16B-130">{filled(e.name)}</span>
            </Row>
          </>
        )}
        <Row label="所在地">{hide ? filled(e.address) : `${e.postalCode ? `〒${e.postalCode} ` : ""}${filled(e.address)}`}</Row>
        {hide ? null : (
          <>
            <Row label="電話番号">{filled(e.phone)}</Row>
            <Row label="ホームページ">{c.company.homepage.trim() ? <span className="break-all">{c.company.homepage.trim()}</span> : UNFILLED}</Row>
          </>
        )}
        <Row label="従業員数">
          <span className="block">企業全体：{count(c.company.employeesTotal, "人")}</span>
          <span className="block">
            就業場所：{count(c.company.employeesWorkplace, "人")}（うち女性：{count(c.company.employeesFemale, "人")}、うちパート：
            {count(c.company.employeesPartTime, "人")}）
          </span>
        </Row>
        <Row label="設立年">{c.company.foundedYear === null ? UNFILLED : `${c.company.foundedYear}年`}</Row>
        <Row label="資本金">{yen(c.company.capitalYen)}</Row>
        <Row label="事業内容">
          <Lines>{c.company.businessDescription}</Lines>
        </Row>
        <Row label="会社の特長">
          <Lines>{c.company.features}</Lines>
        </Row>
        {hide ? null : (
          <>
            <Row label="代表者">{filled(e.representative)}</Row>
            <Row label="法人番号">{filled(e.corporateNumber)}</Row>
          </>
        )}
        <Row label="労働組合">{yn(c.company.laborUnion)}</Row>
        <Row label="就業規則">
          フルタイム：{yn(c.company.workRulesFullTime)}、パートタイム：{yn(c.company.workRulesPartTime)}
        </Row>
        <Row label="育児休業等取得実績">
          育児休業：{yn(c.company.childcareLeaveTaken)}、介護休業：{yn(c.company.nursingCareLeaveTaken)}、看護休暇：{yn(c.company.sickChildLeaveTaken)}
        </Row>
      </Section>

      <Section title="仕事内容" level={level}>
        <Row label="職種">
          <span className="text-dns-16B-130">{filled(c.jobTitle)}</span>
        </Row>
        <Row label="仕事内容">
          <Lines>{c.jobDescription}</Lines>
          <span className="mt-1 block">（変更範囲：{filled(c.dutiesChangeScope)}）</span>
        </Row>
        <Row label="雇用形態">
          {c.employmentType
            ? `${c.employmentType}${c.employmentType === "正社員以外" && c.employmentTypeName.trim() ? `（${c.employmentTypeName.trim()}）` : ""}`
            : UNFILLED}
        </Row>
        <Row label="派遣・請負等">{filled(c.dispatch)}</Row>
        <Row label="雇用期間">{contractText(c.contract)}</Row>
        <Row label="就業場所">{workplaceAddress}</Row>
        <Row label="最寄り駅・交通手段">
          {filled(c.workplaceDetail.nearestStation)}から{filled(c.workplaceDetail.access)}（所要時間：{count(c.workplaceDetail.accessMinutes, "分")}）
        </Row>
        <Row label="受動喫煙対策">
          {filled(c.smoking.measure)}
          {c.smoking.note.trim() ? `（${c.smoking.note.trim()}）` : ""}
        </Row>
        <Row label="マイカー通勤">
          {yn(c.workplaceDetail.carCommute, "可", "不可")}（駐車場：{yn(c.workplaceDetail.parking)}）
        </Row>
        <Row label="転勤の可能性">
          {yn(c.workplace.transferPossible)}
          {c.workplace.transferPossible ? <span className="block">（就業場所の変更範囲：{filled(c.workplace.changeScope)}）</span> : null}
        </Row>
        <Row label="年齢">{ageText(c.age)}</Row>
        <Row label="学歴">{filled(c.education)}</Row>
        <Row label="必要な経験等">
          {c.experience}
          {c.experienceDetail.trim() ? (
            <span className="block">
              <Lines>{c.experienceDetail}</Lines>
            </span>
          ) : null}
        </Row>
        <Row label="必要なPCスキル">
          {c.pcSkills.requirement}
          {c.pcSkills.detail.trim() ? `（${c.pcSkills.detail.trim()}）` : ""}
        </Row>
        <Row label="必要な免許・資格">
          {c.licenses.requirement}
          {c.licenses.detail.trim() ? `（${c.licenses.detail.trim()}）` : ""}
        </Row>
        <Row label="試用期間">
          {c.trialPeriod.present ? (
            <>
              あり（{count(c.trialPeriod.months, "か月")}）
              <span className="block">
                試用期間中の労働条件：
                {c.trialPeriod.sameConditions ? "同条件" : `異なる（基本給 ${yen(c.trialPeriod.wageMin)}〜）`}
              </span>
            </>
          ) : (
            "なし"
          )}
        </Row>
        <Row label="募集理由">{filled(c.recruitmentReason)}</Row>
      </Section>

      <Section title="賃金・手当" level={level}>
        <Row label="賃金（a＋b＋c）">
          <span className="text-dns-16B-130">{range ? yenRange(range.min, range.max) : UNFILLED}</span>
        </Row>
        <Row label="a 基本給">{yenRange(c.wage.baseMin, c.wage.baseMax)}</Row>
        <Row label="b 定額的に支払われる手当">
          {c.wage.allowances.length === 0
            ? UNFILLED
            : c.wage.allowances.map((a, i) => (
                <span key={i} className="block">
                  {filled(a.name)}：{yen(a.amountYen)}
                  {a.kind !== "other" ? `（${ALLOWANCE_KIND_LABELS[a.kind]}）` : ""}
                </span>
              ))}
        </Row>
        <Row label="c 固定残業代">
          {c.wage.fixedOvertime.present ? (
            <>
              <span className="block">
                あり：{yen(c.wage.fixedOvertime.amountYen)}（時間外労働{minutes(c.wage.fixedOvertime.minutes)}相当分）
              </span>
              {c.wage.fixedOvertime.excessPaidStatement ? (
                <span className="block">固定残業時間を超える時間外労働、休日労働及び深夜労働に対しては、割増賃金を追加で支給します。</span>
              ) : null}
            </>
          ) : (
            "なし"
          )}
        </Row>
        <Row label="d その他の手当等付記事項">
          <Lines>{c.payTerms.otherAllowancesNote}</Lines>
        </Row>
        <Row label="賃金形態">{c.wage.form}</Row>
        <Row label="月平均労働日数">{count(c.wage.monthlyWorkingDays, "日")}</Row>
        <Row label="通勤手当">
          {c.commuting.kind === null
            ? UNFILLED
            : c.commuting.kind === "なし"
              ? "なし"
              : `${c.commuting.kind}（${c.commuting.kind === "実費支給" ? "上限" : ""}月額 ${yen(c.commuting.monthlyYen)}）`}
        </Row>
        <Row label="賃金締切日">{filled(c.payTerms.closingDay)}</Row>
        <Row label="賃金支払日">
          {c.payTerms.paymentMonth ?? UNFILLED} {filled(c.payTerms.paymentDay)}
        </Row>
        <Row label="昇給">
          {c.payTerms.raise.present ? "あり" : "なし"}
          {c.payTerms.raise.present ? `（前年度実績：${yn(c.payTerms.raise.lastYear)}）` : ""}
          {c.payTerms.raise.description.trim() ? <span className="block">{c.payTerms.raise.description.trim()}</span> : null}
        </Row>
        <Row label="賞与">
          {c.wage.bonus.present ? "あり" : "なし"}
          {c.wage.bonus.description.trim() ? `（${c.wage.bonus.description.trim()}）` : ""}
          {c.wage.bonus.present ? (
            <span className="block">
              前年度実績：{yn(c.payTerms.bonusLastYear.paid)}
              {c.payTerms.bonusLastYear.paid
                ? `（年${count(c.payTerms.bonusLastYear.times, "回")}${c.payTerms.bonusLastYear.description.trim() ? `、${c.payTerms.bonusLastYear.description.trim()}` : ""}）`
                : ""}
            </span>
          ) : null}
        </Row>
        <Row label="年収例">{filled(c.payTerms.annualIncomeExample)}</Row>
      </Section>

      <Section title="労働時間" level={level}>
        <Row label="就業時間">
          {c.hours.shifts.length === 0
            ? UNFILLED
            : c.hours.shifts.map((s, i) => (
                <span key={i} className="block">
                  （{i + 1}）{filled(s.start)}〜{filled(s.end)}
                  {s.breakMinutes !== null ? `（休憩${minutesLabel(s.breakMinutes)}）` : ""}
                </span>
              ))}
          {c.hours.shiftSystem ? <span className="block">交替制（シフト制）あり</span> : null}
          {c.hours.variableSystem !== "none" ? <span className="block">{VARIABLE_SYSTEM_LABELS[c.hours.variableSystem]}</span> : null}
        </Row>
        <Row label="就業時間に関する特記事項">
          <Lines>{c.hours.hoursNote}</Lines>
        </Row>
        <Row label="所定労働時間">
          1日：{minutes(c.hours.dailyMinutes)}、週：{minutes(c.hours.weeklyMinutes)}
          {c.hours.weeklyDays !== null ? `、週所定労働日数：${c.hours.weeklyDays}日` : ""}
        </Row>
        <Row label="時間外労働">
          {c.hours.overtime.present ? (
            <>
              あり（月平均 {minutes(c.hours.overtime.monthlyAverageMinutes)}）
              <span className="block">36協定における特別条項：{c.hours.overtime.specialClause ? "あり" : "なし"}</span>
            </>
          ) : (
            "なし"
          )}
        </Row>
        <Row label="休憩時間">{minutes(c.hours.breakMinutes)}</Row>
        <Row label="年間休日数">{count(c.hours.annualHolidays, "日")}</Row>
        <Row label="休日等">
          <Lines>{c.hours.holidaysText}</Lines>
          <span className="block">週休二日制：{c.hours.weeklyTwoDaysOff ?? UNFILLED}</span>
        </Row>
        <Row label="6か月経過後の年次有給休暇日数">{count(c.hours.paidLeaveDays, "日")}</Row>
      </Section>

      <Section title="その他の労働条件等" level={level}>
        <Row label="加入保険等">
          {list([
            [c.benefits.insurance.employment, "雇用"],
            [c.benefits.insurance.industrialAccident, "労災"],
            [c.benefits.insurance.publicAccident, "公災"],
            [c.benefits.insurance.health, "健康"],
            [c.benefits.insurance.pension, "厚生"],
            [c.benefits.insurance.other.trim() !== "", c.benefits.insurance.other.trim()],
          ])}
        </Row>
        <Row label="企業年金">{filled(c.benefits.corporatePension)}</Row>
        <Row label="退職金共済">{c.benefits.retirementMutualAid ? "加入" : "未加入"}</Row>
        <Row label="退職金制度">
          {yn(c.benefits.retirementAllowance.present)}
          {c.benefits.retirementAllowance.present && c.benefits.retirementAllowance.minYears !== null
            ? `（勤続${c.benefits.retirementAllowance.minYears}年以上）`
            : ""}
        </Row>
        <Row label="定年制">{c.retirement.present ? `あり（一律 ${count(c.retirement.age, "歳")}）` : "なし"}</Row>
        <Row label="再雇用制度">
          {yn(c.benefits.reemployment.present)}
          {c.benefits.reemployment.present && c.benefits.reemployment.maxAge !== null ? `（上限 ${c.benefits.reemployment.maxAge}歳まで）` : ""}
        </Row>
        <Row label="勤務延長">
          {yn(c.benefits.workExtension.present)}
          {c.benefits.workExtension.present && c.benefits.workExtension.maxAge !== null ? `（上限 ${c.benefits.workExtension.maxAge}歳まで）` : ""}
        </Row>
        <Row label="入居可能住宅">
          単身用：{c.benefits.housing.single ? "あり" : "なし"}、世帯用：{c.benefits.housing.family ? "あり" : "なし"}
          {c.benefits.housing.note.trim() ? <span className="block">{c.benefits.housing.note.trim()}</span> : null}
        </Row>
        <Row label="利用可能託児施設">
          {yn(c.benefits.childcare.available)}
          {c.benefits.childcare.note.trim() ? `（${c.benefits.childcare.note.trim()}）` : ""}
        </Row>
      </Section>

      <Section title="求人PR" level={level}>
        <Row label="事業所からのメッセージ">
          <Lines>{c.pr.message}</Lines>
        </Row>
        <Row label="職務給制度">{c.pr.jobPaySystem ? "あり" : "なし"}</Row>
        <Row label="復職制度">{c.pr.reinstatement ? "あり" : "なし"}</Row>
        <Row label="研修制度">
          <Lines>{c.pr.training}</Lines>
        </Row>
        <Row label="正社員登用の実績">
          {yn(c.pr.regularConversion.present)}
          {c.pr.regularConversion.results.trim() ? `（${c.pr.regularConversion.results.trim()}）` : ""}
        </Row>
        <Row label="外国人雇用実績">{yn(c.pr.foreignWorkers)}</Row>
        <Row label="求人に関する特記事項">
          <Lines>{c.specialNotes}</Lines>
        </Row>
        {!hide && images.length > 0 ? (
          <Row label="画像情報">
            <ul className="grid gap-4 sm:grid-cols-3 print:grid-cols-3">
              {images.map((image) => (
                <li key={image.id} className="break-inside-avoid">
                  <figure>
                    <img src={image.src} alt={image.caption} className="max-h-48 w-full object-contain" loading="lazy" />
                    <figcaption className="mt-1 text-dns-14N-130">{image.caption}</figcaption>
                  </figure>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
      </Section>

      <Section title="選考方法" level={level}>
        <Row label="採用人数">{count(c.selection.hires, "人")}</Row>
        <Row label="選考方法">{selectionMethods}</Row>
        <Row label="選考結果通知">
          <span className="block">
            書類選考結果通知：{c.selection.resultDaysAfterDocuments !== null ? `書類到着後 ${c.selection.resultDaysAfterDocuments}日以内` : UNFILLED}
          </span>
          <span className="block">
            面接選考結果通知：{c.selection.resultDaysAfterInterview !== null ? `面接後 ${c.selection.resultDaysAfterInterview}日以内` : UNFILLED}
          </span>
        </Row>
        <Row label="求職者への通知方法">
          {list([
            [c.selection.notifyBy.post, "郵送"],
            [c.selection.notifyBy.phone, "電話"],
            [c.selection.notifyBy.email, "Eメール"],
            [c.selection.notifyBy.mypage, "求職者マイページ"],
          ])}
        </Row>
        <Row label="選考日時等">
          <Lines>{c.selection.schedule}</Lines>
        </Row>
        <Row label="選考場所">
          <Lines>{c.selection.place}</Lines>
        </Row>
        <Row label="応募書類等">
          {list([
            [c.selection.documents.referralLetter, "ハローワーク紹介状"],
            [c.selection.documents.resume, "履歴書（写真貼付）"],
            [c.selection.documents.careerHistory, "職務経歴書"],
            [c.selection.documents.other, c.selection.documentsOther.trim() ? `その他（${c.selection.documentsOther.trim()}）` : "その他"],
          ])}
          <span className="block">求職者マイページからの応募書類の登録：{yn(c.selection.onlineDocuments, "可", "不可")}</span>
        </Row>
        <Row label="応募書類の送付方法">{filled(c.selection.sendMethod)}</Row>
        <Row label="応募書類の返戻">{yn(c.selection.returnDocuments, "返戻する", "返戻しない")}</Row>
        {hide ? null : (
          <Row label="担当者">
            {contact.title.trim() || contact.name.trim() ? (
              <>
                <span className="block">
                  {[contact.title.trim(), contact.name.trim()].filter(Boolean).join(" ")}
                  {contact.nameKana.trim() ? `（${contact.nameKana.trim()}）` : ""}
                </span>
                <span className="block">
                  電話番号：{filled(contact.phone)}
                  {contact.extension.trim() ? `（内線 ${contact.extension.trim()}）` : ""}
                </span>
                {contact.fax.trim() ? <span className="block">FAX：{contact.fax.trim()}</span> : null}
                {contact.email.trim() ? <span className="block break-all">Eメール：{contact.email.trim()}</span> : null}
              </>
            ) : (
              UNFILLED
            )}
          </Row>
        )}
        <Row label="補足事項">
          <Lines>{c.selection.notes}</Lines>
        </Row>
      </Section>
    </article>
  );
}

/**
 * 「印刷する」 and how to make a PDF (R-JOB-6). The button calls the browser's print once the page is hydrated; without
 * JavaScript the browser's own print command works the same, as the text says. Neither is printed.
 */
export function PrintControls() {
  return (
    <div className="mb-6 flex flex-wrap items-center gap-4 rounded-8 bg-solid-gray-50 p-4 print:hidden">
      <button
        type="button"
        onClick={() => window.print()}
        className="min-h-14 rounded-8 bg-blue-900 px-6 py-3 text-std-16B-170 text-white hover:bg-blue-1000 hover:underline"
      >
        印刷する
      </button>
      <p className="text-dns-16N-130">A4用紙に印刷できます。ブラウザの印刷機能で『PDFに保存』を選ぶとPDFになります。</p>
    </div>
  );
}
