/**
 * The content of a 求人票 as far as the legal rules need it (reference/hellowork-domain.md §2.2).
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
export type RenewalCap =
  | { present: false }
  | { present: true; totalYears: number | null; renewalCount: number | null };

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
export type TrialPeriod =
  | { present: false }
  | { present: true; months: number | null; sameConditions: boolean; wageMin: number | null };

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
}

/** 年齢制限の例外事由 (労働施策総合推進法施行規則 1条の3第1項). */
export type AgeExceptionCode = "1" | "2" | "3イ" | "3ロ" | "3ハ" | "3ニ";

/** 年齢 (§2.3 1): 不問 unless an exception is chosen, with its range and reason. */
export type AgeLimit =
  | { kind: "none"; min: number | null; max: number | null }
  | { kind: "exception"; code: AgeExceptionCode | null; min: number | null; max: number | null; reason: string };

/** 受動喫煙対策 (健康増進法, since 2020-04). */
export type SmokingMeasure = "屋内禁煙" | "敷地内禁煙" | "喫煙室設置" | "屋内喫煙可" | "その他";

/** The 求人票 content checked by the rules in this folder. */
export interface PostingContent {
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

/** One 地域別最低賃金 row (table minimum_wages): in force from `effectiveFrom` ("0000-01-01" = no known date). */
export interface MinimumWageRow {
  prefectureCode: string;
  amountYen: number;
  effectiveFrom: string;
}
