/**
 * What a 内容変更 changes (R-JOB-3), for the officer's review: every leaf of the 求人票 whose value differs between the
 * published version and the changed one, with the screen, a Japanese label and both values as the officer reads them.
 */
import { formatJapaneseDate, isValidDate } from "../../lib/clock";
import {
  ALLOWANCE_KIND_LABELS,
  CONTRACT_KIND_LABELS,
  minutesLabel,
  PUBLICATION_LABELS,
  RENEWAL_LABELS,
  VARIABLE_SYSTEM_LABELS,
  yenLabel,
} from "../../lib/posting-labels";
import { prefectureName } from "../../lib/prefectures";
import { AGE_EXCEPTION_LABELS } from "./age";
import { STEPS, stepOf } from "./steps";
import type { PostingContent } from "./types";

export interface ContentChange {
  /** Dotted path of the changed value (e.g. "wage.baseMin", "hours.shifts.0.start"). */
  path: string;
  /** The screen the value belongs to (STEPS title). */
  screen: string;
  /** Japanese label of the item (the path itself for an item without a label). */
  label: string;
  before: string;
  after: string;
}

type Label = string | readonly [label: string, unit: string];

/** Labels of the 求人票's items; `*` stands for a row index, `{n}` in the label for the row number (1, 2, …). */
const LABELS: Record<string, Label> = {
  universityGraduate: "大卒等求人",
  "category.onlineApplication": "オンライン自主応募の受付",
  "category.trialEmployment": "トライアル雇用併用の希望",
  "category.disabilityPosting": "障害者求人",
  "category.publication": "公開希望",
  "company.employeesTotal": ["従業員数（企業全体）", "人"],
  "company.employeesWorkplace": ["従業員数（就業場所）", "人"],
  "company.employeesFemale": ["従業員数（うち女性）", "人"],
  "company.employeesPartTime": ["従業員数（うちパート）", "人"],
  "company.foundedYear": ["設立年", "年"],
  "company.capitalYen": "資本金",
  "company.laborUnion": "労働組合",
  "company.businessDescription": "事業内容",
  "company.features": "会社の特長",
  "company.homepage": "ホームページ",
  "company.workRulesFullTime": "就業規則（フルタイム）",
  "company.workRulesPartTime": "就業規則（パートタイム）",
  "company.childcareLeaveTaken": "育児休業取得実績",
  "company.nursingCareLeaveTaken": "介護休業取得実績",
  "company.sickChildLeaveTaken": "看護休暇取得実績",
  jobTitle: "職種",
  jobDescription: "仕事内容",
  dutiesChangeScope: "従事すべき業務の変更の範囲",
  employmentType: "雇用形態",
  employmentTypeName: "雇用形態（正社員以外の名称）",
  dispatch: "派遣・請負等",
  "contract.kind": "雇用期間",
  "contract.months": ["契約期間", "か月"],
  "contract.startDate": "契約期間（開始日）",
  "contract.endDate": "契約期間（終了日）",
  "contract.renewal": "契約更新の可能性",
  "contract.renewalConditions": "契約更新の条件",
  "contract.renewalCap": "更新上限",
  "contract.renewalCap.present": "更新上限の有無",
  "contract.renewalCap.totalYears": ["更新上限（通算契約期間）", "年"],
  "contract.renewalCap.renewalCount": ["更新上限（更新回数）", "回"],
  "trialPeriod.present": "試用期間",
  "trialPeriod.months": ["試用期間の長さ", "か月"],
  "trialPeriod.sameConditions": "試用期間中の労働条件が同じ",
  "trialPeriod.wageMin": "試用期間中の賃金（下限）",
  "workplace.prefectureCode": "就業場所（都道府県）",
  "workplace.transferPossible": "転勤の可能性",
  "workplace.changeScope": "就業場所の変更の範囲",
  "workplaceDetail.sameAsEstablishment": "就業場所が事業所所在地と同じ",
  "workplaceDetail.postalCode": "就業場所（郵便番号）",
  "workplaceDetail.address": "就業場所（住所）",
  "workplaceDetail.nearestStation": "最寄り駅",
  "workplaceDetail.access": "最寄り駅からの交通手段",
  "workplaceDetail.accessMinutes": "最寄り駅からの所要時間",
  "workplaceDetail.carCommute": "マイカー通勤",
  "workplaceDetail.parking": "駐車場",
  "smoking.measure": "受動喫煙対策",
  "smoking.note": "受動喫煙対策（補足）",
  "age.kind": "年齢",
  "age.code": "年齢制限の例外事由",
  "age.min": ["年齢（下限）", "歳"],
  "age.max": ["年齢（上限）", "歳"],
  "age.reason": "年齢制限の理由",
  education: "学歴",
  experience: "必要な経験",
  experienceDetail: "必要な経験の内容",
  "pcSkills.requirement": "必要なPCスキル",
  "pcSkills.detail": "PCスキルの内容",
  "licenses.requirement": "必要な免許・資格",
  "licenses.detail": "免許・資格の名称",
  recruitmentReason: "募集理由",
  "wage.form": "賃金形態",
  "wage.baseMin": "基本給（下限額）",
  "wage.baseMax": "基本給（上限額）",
  "wage.allowances.*.name": "手当{n}の名称",
  "wage.allowances.*.amountYen": "手当{n}の金額（月額）",
  "wage.allowances.*.kind": "手当{n}の種類",
  "wage.fixedOvertime.present": "固定残業代",
  "wage.fixedOvertime.amountYen": "固定残業代の金額",
  "wage.fixedOvertime.minutes": "固定残業時間",
  "wage.fixedOvertime.excessPaidStatement": "固定残業時間を超える分の割増賃金の追加支給の明示",
  "wage.fixedOvertime.includedInBasePay": "固定残業代を基本給に含む",
  "wage.bonus.present": "賞与",
  "wage.bonus.description": "賞与の内容",
  "wage.monthlyWorkingDays": ["月平均労働日数", "日"],
  "payTerms.closingDay": "賃金締切日",
  "payTerms.paymentMonth": "賃金支払日（月）",
  "payTerms.paymentDay": "賃金支払日（日）",
  "payTerms.raise.present": "昇給",
  "payTerms.raise.lastYear": "昇給（前年度実績）",
  "payTerms.raise.description": "昇給の内容",
  "payTerms.bonusLastYear.paid": "賞与（前年度実績）",
  "payTerms.bonusLastYear.times": ["賞与の回数（前年度実績）", "回"],
  "payTerms.bonusLastYear.description": "賞与の内容（前年度実績）",
  "payTerms.annualIncomeExample": "年収例",
  "payTerms.otherAllowancesNote": "その他の手当等付記事項",
  "commuting.kind": "通勤手当",
  "commuting.monthlyYen": "通勤手当（月額）",
  "hours.dailyMinutes": "1日の所定労働時間",
  "hours.weeklyMinutes": "1週間の所定労働時間",
  "hours.shifts.*.start": "就業時間{n}（始業）",
  "hours.shifts.*.end": "就業時間{n}（終業）",
  "hours.shifts.*.breakMinutes": "就業時間{n}の休憩時間",
  "hours.breakMinutes": "休憩時間",
  "hours.variableSystem": "変形労働時間制",
  "hours.overtime.present": "時間外労働",
  "hours.overtime.monthlyAverageMinutes": "月平均時間外労働時間",
  "hours.overtime.specialClause": "36協定の特別条項",
  "hours.annualHolidays": ["年間休日数", "日"],
  "hours.holidaysText": "休日等",
  "hours.fullTimeWeeklyMinutes": "通常の労働者の1週間の所定労働時間",
  "hours.weeklyDays": ["週所定労働日数", "日"],
  "hours.shiftSystem": "交替制（シフト制）",
  "hours.hoursNote": "就業時間に関する特記事項",
  "hours.weeklyTwoDaysOff": "週休二日制",
  "hours.paidLeaveDays": ["6か月経過後の年次有給休暇日数", "日"],
  "benefits.insurance.employment": "加入保険等（雇用保険）",
  "benefits.insurance.industrialAccident": "加入保険等（労災保険）",
  "benefits.insurance.publicAccident": "加入保険等（公務災害補償）",
  "benefits.insurance.health": "加入保険等（健康保険）",
  "benefits.insurance.pension": "加入保険等（厚生年金）",
  "benefits.insurance.other": "加入保険等（その他）",
  "benefits.corporatePension": "企業年金",
  "benefits.retirementMutualAid": "退職金共済",
  "benefits.retirementAllowance.present": "退職金制度",
  "benefits.retirementAllowance.minYears": ["退職金制度（勤続年数）", "年以上"],
  "benefits.reemployment.present": "再雇用制度",
  "benefits.reemployment.maxAge": ["再雇用制度（上限年齢）", "歳"],
  "benefits.workExtension.present": "勤務延長",
  "benefits.workExtension.maxAge": ["勤務延長（上限年齢）", "歳"],
  "benefits.housing.single": "入居可能住宅（単身用）",
  "benefits.housing.family": "入居可能住宅（世帯用）",
  "benefits.housing.note": "入居可能住宅（補足）",
  "benefits.childcare.available": "利用可能託児施設",
  "benefits.childcare.note": "利用可能託児施設（補足）",
  "retirement.present": "定年制",
  "retirement.age": ["定年年齢", "歳"],
  "pr.message": "求人PR",
  "pr.jobPaySystem": "職務給制度",
  "pr.reinstatement": "復職制度",
  "pr.training": "研修制度",
  "pr.regularConversion.present": "正社員登用の実績",
  "pr.regularConversion.results": "正社員登用の実績（内容）",
  "pr.foreignWorkers": "外国人雇用実績",
  "pr.imageIds.*": "求人に表示する画像（{n}枚目）",
  specialNotes: "求人に関する特記事項",
  "selection.hires": ["採用人数", "人"],
  "selection.methods.documents": "選考方法（書類選考）",
  "selection.methods.interview": "選考方法（面接）",
  "selection.methods.writtenTest": "選考方法（筆記試験）",
  "selection.methods.other": "選考方法（その他）",
  "selection.otherMethod": "選考方法（その他の内容）",
  "selection.resultDaysAfterDocuments": ["書類選考結果の通知", "日以内"],
  "selection.resultDaysAfterInterview": ["面接選考結果の通知", "日以内"],
  "selection.notifyBy.post": "選考結果の通知方法（郵送）",
  "selection.notifyBy.phone": "選考結果の通知方法（電話）",
  "selection.notifyBy.email": "選考結果の通知方法（Eメール）",
  "selection.notifyBy.mypage": "選考結果の通知方法（求職者マイページ）",
  "selection.schedule": "選考日時等",
  "selection.place": "選考場所",
  "selection.documents.referralLetter": "応募書類（紹介状）",
  "selection.documents.resume": "応募書類（履歴書）",
  "selection.documents.careerHistory": "応募書類（職務経歴書）",
  "selection.documents.other": "応募書類（その他）",
  "selection.documentsOther": "応募書類（その他の内容）",
  "selection.onlineDocuments": "求職者マイページからの応募書類の登録",
  "selection.sendMethod": "応募書類の送付方法",
  "selection.returnDocuments": "応募書類の返戻",
  "selection.contact.title": "担当者（課係名・役職名）",
  "selection.contact.name": "担当者",
  "selection.contact.nameKana": "担当者（フリガナ）",
  "selection.contact.phone": "担当者の電話番号",
  "selection.contact.extension": "担当者の電話番号（内線）",
  "selection.contact.fax": "FAX番号",
  "selection.contact.email": "担当者のEメール",
  "selection.notes": "補足事項",
};

/** Booleans that do not read as あり/なし. */
const BOOLEAN_WORDS: Record<string, readonly [yes: string, no: string]> = {
  "category.onlineApplication": ["可", "否"],
  "category.trialEmployment": ["希望する", "希望しない"],
  "category.disabilityPosting": ["はい", "いいえ"],
  universityGraduate: ["はい", "いいえ"],
  "trialPeriod.sameConditions": ["同条件", "異なる"],
  "workplace.transferPossible": ["あり", "なし"],
  "workplaceDetail.sameAsEstablishment": ["はい", "いいえ"],
  "workplaceDetail.carCommute": ["可", "不可"],
  "wage.fixedOvertime.excessPaidStatement": ["明示している", "明示していない"],
  "wage.fixedOvertime.includedInBasePay": ["含む", "含まない"],
  "company.workRulesFullTime": ["あり", "なし"],
  "selection.onlineDocuments": ["可", "否"],
  "selection.returnDocuments": ["返戻する", "返戻しない"],
  "benefits.childcare.available": ["あり", "なし"],
};

/** Coded values shown by their Japanese label. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  "contract.kind": CONTRACT_KIND_LABELS,
  "contract.renewal": RENEWAL_LABELS,
  "age.kind": { none: "不問", exception: "年齢制限あり（例外事由による）" },
  "age.code": AGE_EXCEPTION_LABELS,
  "wage.allowances.*.kind": ALLOWANCE_KIND_LABELS,
  "hours.variableSystem": VARIABLE_SYSTEM_LABELS,
  "category.publication": PUBLICATION_LABELS,
};

/** "wage.allowances.2.name" → { pattern: "wage.allowances.*.name", rows: [2] }. */
function patternOf(path: string): { pattern: string; rows: number[] } {
  const rows: number[] = [];
  const pattern = path
    .split(".")
    .map((segment) => {
      if (/^\d+$/.test(segment)) {
        rows.push(Number(segment));
        return "*";
      }
      return segment;
    })
    .join(".");
  return { pattern, rows };
}

function labelOf(path: string): { label: string; unit: string } {
  const { pattern, rows } = patternOf(path);
  const entry = LABELS[pattern];
  if (!entry) return { label: path, unit: "" };
  const [label, unit] = typeof entry === "string" ? [entry, ""] : entry;
  return { label: label.replace("{n}", String((rows[0] ?? 0) + 1)), unit };
}

const YEN = /(?:Yen|^wage\.baseM(?:in|ax)|^trialPeriod\.wageMin)$/;
const MINUTES = /(?:^|\.)(?:minutes|[a-zA-Z]*Minutes)$/;

/** A leaf value as the officer reads it. */
export function valueText(path: string, value: unknown): string {
  if (value === undefined) return "（なし）";
  if (value === null) return "未入力";
  const { pattern } = patternOf(path);
  if (typeof value === "boolean") {
    const [yes, no] = BOOLEAN_WORDS[pattern] ?? ["あり", "なし"];
    return value ? yes : no;
  }
  const codes = CODE_LABELS[pattern];
  if (codes && String(value) in codes) return codes[String(value)]!;
  if (typeof value === "number") {
    if (YEN.test(path)) return yenLabel(value);
    if (MINUTES.test(path)) return minutesLabel(value);
    return `${value.toLocaleString("ja-JP")}${labelOf(path).unit}`;
  }
  if (typeof value === "string") {
    if (value === "") return "（空欄）";
    if (pattern === "workplace.prefectureCode") return prefectureName(value);
    if (/Date$/.test(path) && isValidDate(value)) return formatJapaneseDate(value);
    return value;
  }
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every leaf of a content by its dotted path, in the content's own order (empty arrays and objects have none). */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${prefix}.${i}`, out));
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) leaves(item, prefix ? `${prefix}.${key}` : key, out);
  else out.set(prefix, value);
  return out;
}

/**
 * What a 内容変更 changes (R-JOB-3): every leaf whose value differs between the published version and the changed
 * one, ordered by screen and then as the 求人票 lists them, with a Japanese label and both values as text. A part
 * that exists on one side only (a new 手当 row, 雇用期間 changed to 定めあり…) shows 「（なし）」 on the other.
 */
export function diffContent(before: PostingContent, after: PostingContent): ContentChange[] {
  const a = leaves(before, "", new Map());
  const b = leaves(after, "", new Map());
  const paths = [...b.keys(), ...[...a.keys()].filter((p) => !b.has(p))];
  const changes: ContentChange[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (Object.is(x, y)) continue;
    const step = stepOf(path);
    changes.push({
      path,
      screen: STEPS[step - 1]?.title ?? "",
      label: labelOf(path).label,
      before: valueText(path, x),
      after: valueText(path, y),
    });
  }
  // Stable: by screen, keeping the order within a screen.
  return changes
    .map((change, index) => ({ change, index, step: stepOf(change.path) }))
    .sort((p, q) => p.step - q.step || p.index - q.index)
    .map(({ change }) => change);
}
