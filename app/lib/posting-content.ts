/**
 * The 求人票 as one document (ADR 0011; reference/hellowork-domain.md §2.2): the types that the rules (rules/posting),
 * the wizard's forms (lib/schemas/posting) and the views share. Data only, so that every layer may import it.
 * Property paths double as form field names: a Finding's `field` is the dotted path of the property it
 * concerns (e.g. "wage.fixedOvertime.hours"), so a form can show the message beside that field.
 *
 * Units: money in whole yen; times of day "HH:MM" (24 h, "00:00"–"23:59"); durations in MINUTES (7 h 45 min = 465)
 * so that no rule rounds; dates "YYYY-MM-DD" in Japan time. A number the employer has not entered yet is `null`:
 * a rule that needs it stays silent (the form's own schema says the field is required).
 */

/** 雇用形態 (§2.2 C). */
export type EmploymentType = "正社員" | "正社員以外" | "有期雇用派遣労働者" | "無期雇用派遣労働者";

/** 契約更新の可能性: なし / あり（原則更新） / あり（条件付きで更新あり）. */
export type RenewalPossibility = "none" | "automatic" | "conditional";

/** 更新上限 (2024-04, §9.2 3): 通算契約期間 and/or 更新回数. */
export type RenewalCap = { present: false } | { present: true; totalYears: number | null; renewalCount: number | null };

/** 雇用期間. */
export type ContractPeriod =
  | { kind: "indefinite" } // 雇用期間の定めなし
  | {
      kind: "fixed"; // 雇用期間の定めあり
      /** 期間 in months (e.g. 6, 12), or null when given as dates. */
      months: number | null;
      /** 期間 as dates, alternatively (e.g. 2026-04-01 – 2027-03-31). */
      startDate: string | null;
      endDate: string | null;
      /** 契約更新の可能性 (null = not chosen yet). */
      renewal: RenewalPossibility | null;
      /** 契約更新の条件 (required when 条件付きで更新あり). */
      renewalConditions: string;
      /** 更新上限の有無 (null = not chosen yet; required when renewal is possible, since 2024-04). */
      renewalCap: RenewalCap | null;
    };

/** 賃金形態. */
export type WageForm = "月給" | "日給" | "時間給" | "その他";

/**
 * What an allowance is, for the 最低賃金 base (最低賃金法 4条3項, 施行規則1条): 通勤手当, 精皆勤手当 and
 * 家族手当 are excluded; every other 定額的に支払われる手当 counts.
 */
export type AllowanceKind = "commuting" | "attendance" | "family" | "other";

/** 定額的に支払われる手当 (b): paid every month, a fixed amount per month. */
export interface Allowance {
  name: string;
  amountYen: number | null;
  kind: AllowanceKind;
}

/** 固定残業代 (c) (§2.3 3). */
export type FixedOvertime =
  | { present: false }
  | {
      present: true;
      /** 固定残業代の金額 per month. */
      amountYen: number | null;
      /** How many hours of overtime (時間外労働) the amount pays for, per month, in minutes. */
      minutes: number | null;
      /** 「固定残業時間を超える時間外労働、休日労働及び深夜労働に対しては割増賃金を追加で支給」 is stated. */
      excessPaidStatement: boolean;
      /** The employer put the 固定残業代 inside 基本給 (a): not allowed, 基本給 must exclude it. */
      includedInBasePay: boolean;
    };

/** 賃金 (a+b+c) (§2.2 D). */
export interface Wage {
  form: WageForm;
  /** 基本給 (a) — the lower bound is what a minimally qualified hire gets (§2.3 6). */
  baseMin: number | null;
  baseMax: number | null;
  /** 定額的に支払われる手当 (b). */
  allowances: Allowance[];
  fixedOvertime: FixedOvertime;
  /** 賞与: never part of the 最低賃金 base (paid for periods over a month). */
  bonus: { present: boolean; description: string };
  /** 月平均労働日数 (may have one decimal, e.g. 20.5). */
  monthlyWorkingDays: number | null;
}

/** 試用期間 (§2.2 C): its wage, when it differs, is checked against the minimum wage too. */
export type TrialPeriod = { present: false } | { present: true; months: number | null; sameConditions: boolean; wageMin: number | null };

/** One 就業時間 pattern (就業時間1–3). */
export interface Shift {
  start: string;
  end: string;
  /** 休憩時間 of this pattern in minutes; null = the posting's 休憩時間. */
  breakMinutes: number | null;
}

/** 労働時間 (§2.2 E). */
export interface WorkingHours {
  /** 1日の所定労働時間 (minutes). */
  dailyMinutes: number | null;
  /** 週所定労働時間 (minutes). */
  weeklyMinutes: number | null;
  shifts: Shift[];
  /** 休憩時間 (minutes). */
  breakMinutes: number | null;
  /** 変形労働時間制 (e.g. "1年単位"); the 8 h/40 h checks on a single day or week then do not apply. */
  variableSystem: "none" | "1週間単位" | "1か月単位" | "1年単位" | "フレックス";
  /** 時間外労働. */
  overtime: { present: boolean; monthlyAverageMinutes: number | null; specialClause: boolean };
  /** 年間休日数. */
  annualHolidays: number | null;
  /** 休日等 (free text, e.g. 「土日祝」). */
  holidaysText: string;
  /** 通常の労働者（フルタイム）の1週間の所定労働時間 at this establishment (minutes): a posting whose weekly hours are
   * shorter is a パートタイム求人 (パートタイム・有期雇用労働法 2条). */
  fullTimeWeeklyMinutes: number | null;
  /** 週所定労働日数. */
  weeklyDays: number | null;
  /** 交替制 (シフト制). */
  shiftSystem: boolean;
  /** 就業時間に関する特記事項. */
  hoursNote: string;
  /** 週休二日制. */
  weeklyTwoDaysOff: "毎週" | "その他" | "なし" | null;
  /** 6か月経過後の年次有給休暇日数. */
  paidLeaveDays: number | null;
}

/** 年齢制限の例外事由 (労働施策総合推進法施行規則 1条の3第1項). */
export type AgeExceptionCode = "1" | "2" | "3イ" | "3ロ" | "3ハ" | "3ニ";

/** 年齢 (§2.3 1): 不問 unless an exception is chosen, with its range and reason. */
export type AgeLimit =
  | { kind: "none"; min: number | null; max: number | null }
  | { kind: "exception"; code: AgeExceptionCode | null; min: number | null; max: number | null; reason: string };

/** 受動喫煙対策 (健康増進法, since 2020-04). */
export type SmokingMeasure = "屋内禁煙" | "敷地内禁煙" | "喫煙室設置" | "屋内喫煙可" | "その他";

/** 公開希望 (§2.2 A): 1 事業所名等を含む求人情報を公開 / 2 ハローワークの求職者に限定して事業所名等を含む求人情報を公開 /
 * 3 事業所名等を含まない求人情報を公開 / 4 求人情報を公開しない. */
export type Publication = 1 | 2 | 3 | 4;

/** 求人区分等 (screen 1). 求人区分 フルタイム/パート is not chosen: it follows the working hours (see postingKind). */
export interface PostingCategory {
  /** オンライン自主応募の受付 可/否. */
  onlineApplication: boolean | null;
  /** トライアル雇用併用の希望. */
  trialEmployment: boolean | null;
  /** 障害者求人 (a distinct kind of posting). */
  disabilityPosting: boolean;
  publication: Publication | null;
}

/** 事業所 (screen 2): the parts of §2.2 B that the establishment record does not hold. A new draft starts from the
 * establishment's latest posting, so they are shared in practice (ADR 0011). */
export interface CompanyProfile {
  employeesTotal: number | null;
  employeesWorkplace: number | null;
  employeesFemale: number | null;
  employeesPartTime: number | null;
  foundedYear: number | null;
  capitalYen: number | null;
  laborUnion: boolean | null;
  businessDescription: string;
  features: string;
  homepage: string;
  workRulesFullTime: boolean | null;
  workRulesPartTime: boolean | null;
  /** 育児休業・介護休業・看護休暇 取得実績. */
  childcareLeaveTaken: boolean | null;
  nursingCareLeaveTaken: boolean | null;
  sickChildLeaveTaken: boolean | null;
}

/** 派遣・請負等 (就業形態). */
export type DispatchForm = "派遣・請負ではない" | "派遣" | "紹介予定派遣" | "請負";

/** 学歴 (screen 3). */
export type Education = "不問" | "高校以上" | "専修学校以上" | "短大以上" | "高専以上" | "大学以上" | "大学院以上";

/** 必須 / あれば尚可 / 不問 for 免許・資格 and PC skills. */
export type Requirement = "不問" | "必須" | "あれば尚可";

/** 募集理由. */
export type RecruitmentReason = "欠員補充" | "増員" | "新規事業の開始" | "その他";

/** 就業場所 (screen 3). */
export interface WorkplaceDetail {
  /** 事業所所在地と同じ (then the address fields may stay blank). */
  sameAsEstablishment: boolean;
  postalCode: string;
  address: string;
  nearestStation: string;
  /** 交通手段 (e.g. 徒歩, バス). */
  access: string;
  /** 所要時間 in minutes. */
  accessMinutes: number | null;
  /** マイカー通勤 可/不可 and 駐車場 あり/なし. */
  carCommute: boolean | null;
  parking: boolean | null;
}

/** 通勤手当 (screen 4). */
export interface Commuting {
  kind: "なし" | "実費支給" | "定額" | null;
  /** 上限月額 (実費支給) or the amount (定額). */
  monthlyYen: number | null;
}

/** 賃金の締切日・支払日, 昇給, 年収例 (screen 4). */
export interface PayTerms {
  /** 賃金締切日: "末日" or "1"–"28" as text (e.g. "20日"). */
  closingDay: string;
  paymentMonth: "当月" | "翌月" | null;
  paymentDay: string;
  raise: { present: boolean; lastYear: boolean | null; description: string };
  bonusLastYear: { paid: boolean | null; times: number | null; description: string };
  annualIncomeExample: string;
  /** その他の手当等付記事項 (d). */
  otherAllowancesNote: string;
}

/** 保険・年金・定年等 (screen 6). */
export interface Benefits {
  insurance: { employment: boolean; industrialAccident: boolean; publicAccident: boolean; health: boolean; pension: boolean; other: string };
  corporatePension: string;
  retirementMutualAid: boolean;
  retirementAllowance: { present: boolean | null; minYears: number | null };
  reemployment: { present: boolean | null; maxAge: number | null };
  workExtension: { present: boolean | null; maxAge: number | null };
  housing: { single: boolean; family: boolean; note: string };
  childcare: { available: boolean | null; note: string };
}

/** 求人PR (screen 7). */
export interface PostingPr {
  message: string;
  jobPaySystem: boolean;
  reinstatement: boolean;
  training: string;
  regularConversion: { present: boolean | null; results: string };
  /** 外国人雇用実績. */
  foreignWorkers: boolean | null;
  /** Approved 画像情報 ids shown with this posting (R-IMG-2), at most 3. */
  imageIds: string[];
}

/** 選考方法 (screen 8). */
export interface Selection {
  hires: number | null;
  methods: { documents: boolean; interview: boolean; writtenTest: boolean; other: boolean };
  otherMethod: string;
  resultDaysAfterDocuments: number | null;
  resultDaysAfterInterview: number | null;
  notifyBy: { post: boolean; phone: boolean; email: boolean; mypage: boolean };
  schedule: string;
  place: string;
  documents: { referralLetter: boolean; resume: boolean; careerHistory: boolean; other: boolean };
  documentsOther: string;
  /** 求職者マイページからの応募書類の登録 可/否. */
  onlineDocuments: boolean | null;
  sendMethod: "郵送" | "持参" | "郵送又は持参" | "求職者マイページ" | "その他" | null;
  returnDocuments: boolean | null;
  contact: { title: string; name: string; nameKana: string; phone: string; extension: string; fax: string; email: string };
  /** 補足事項 (300 characters). */
  notes: string;
}

/** The 求人票 content: stored as JSON in job_postings.content / published_content. */
export interface PostingContent {
  category: PostingCategory;
  company: CompanyProfile;
  dispatch: DispatchForm | null;
  workplaceDetail: WorkplaceDetail;
  education: Education | null;
  experienceDetail: string;
  pcSkills: { requirement: Requirement; detail: string };
  licenses: { requirement: Requirement; detail: string };
  recruitmentReason: RecruitmentReason | null;
  payTerms: PayTerms;
  commuting: Commuting;
  benefits: Benefits;
  pr: PostingPr;
  selection: Selection;
  /** 大卒等求人 (valid until 31 March, §3.4). */
  universityGraduate: boolean;
  /** 職種 (28 characters, 1 line). */
  jobTitle: string;
  /** 仕事内容 (360 characters, 12 lines). */
  jobDescription: string;
  /** 従事すべき業務の変更の範囲 (2024-04): 「変更なし」 or the possible future duties. */
  dutiesChangeScope: string;
  employmentType: EmploymentType | null;
  /** 正社員以外 の名称 (e.g. 契約社員, パート労働者). */
  employmentTypeName: string;
  contract: ContractPeriod;
  trialPeriod: TrialPeriod;
  workplace: {
    /** JIS X 0401 code of the 就業場所's prefecture, "01"–"47". */
    prefectureCode: string | null;
    /** 転勤の可能性 (null = not chosen yet). */
    transferPossible: boolean | null;
    /** 就業場所の変更の範囲 / 転勤範囲 (2024-04), required when a transfer is possible. */
    changeScope: string;
  };
  /** 受動喫煙対策 (null = not chosen yet) and its 補足. */
  smoking: { measure: SmokingMeasure | null; note: string };
  wage: Wage;
  hours: WorkingHours;
  age: AgeLimit;
  /** 定年制 (一律). */
  retirement: { present: boolean; age: number | null };
  /** 必要な経験: 不問 or 必要. */
  experience: "不問" | "必要";
  /** 求人に関する特記事項. */
  specialNotes: string;
}
