/** The choices the wizard's screens offer (the values the 求人票 stores), and the rows a screen shows. */
export const EMPLOYMENT_TYPES = ["正社員", "正社員以外", "有期雇用派遣労働者", "無期雇用派遣労働者"] as const;
export const DISPATCH_FORMS = ["派遣・請負ではない", "派遣", "紹介予定派遣", "請負"] as const;
export const EDUCATIONS = ["不問", "高校以上", "専修学校以上", "短大以上", "高専以上", "大学以上", "大学院以上"] as const;
export const REQUIREMENTS = ["不問", "必須", "あれば尚可"] as const;
export const RECRUITMENT_REASONS = ["欠員補充", "増員", "新規事業の開始", "その他"] as const;
export const SMOKING_MEASURES = ["屋内禁煙", "敷地内禁煙", "喫煙室設置", "屋内喫煙可", "その他"] as const;
export const AGE_CODES = ["1", "2", "3イ", "3ロ", "3ハ", "3ニ"] as const;
export const WAGE_FORMS = ["月給", "日給", "時間給", "その他"] as const;
export const ALLOWANCE_KINDS = ["other", "commuting", "attendance", "family"] as const;
export const VARIABLE_SYSTEMS = ["none", "1週間単位", "1か月単位", "1年単位", "フレックス"] as const;
export const COMMUTING_KINDS = ["なし", "実費支給", "定額"] as const;
export const PAYMENT_MONTHS = ["当月", "翌月"] as const;
export const WEEKLY_TWO_DAYS_OFF = ["毎週", "その他", "なし"] as const;
export const SEND_METHODS = ["郵送", "持参", "郵送又は持参", "求職者マイページ", "その他"] as const;
export const PUBLICATIONS = ["1", "2", "3", "4"] as const;
/** Rows the form offers for 手当 and 就業時間 (no JavaScript needed to add one). */
export const ALLOWANCE_ROWS = 5;
export const SHIFT_ROWS = 3;
export const MAX_POSTING_IMAGES = 3;
