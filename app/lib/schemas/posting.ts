/**
 * The 求人申込み wizard's forms (R-JOB-1): one zod schema per screen that turns the screen's FormData into the
 * screen's part of PostingContent. Field names are the content's dotted paths ("wage.baseMin",
 * "hours.shifts[0].start"), so a Finding's field names the input it belongs beside.
 *
 * These schemas check FORM only — a number is a number, a time is a time, a choice is one of the choices — and
 * never that something is filled in: 一時保存 keeps an incomplete screen. What is required, and the legal rules,
 * are findings (rules/posting: checkRequired, validatePosting), red or orange, computed on the merged content.
 * Full-width digits, ":" and "," are accepted (NFKC); "20万" is not a number (the message says how to write it).
 */
import { normalizeJaText, normalizeNumberLike } from "../normalize";
import { PREFECTURE_NAMES } from "../../rules/posting/prefectures";
import type { PostingContent } from "../../rules/posting/types";
import { z } from "./zod-ja";

/** Hard cap on any text (the real limits are the 求人票's, reported as findings with the count). */
const TEXT_CAP = 2000;

const text = () =>
  z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""))
    .refine((v) => v.length <= TEXT_CAP, { error: `${TEXT_CAP}文字以内で入力してください。` });

/** Whole number in a range; "" → null. Accepts "２０００００", "200,000", "200000円". */
const int = (label: string, min: number, max: number, unit = "") =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = normalizeNumberLike(raw ?? "")
        .replace(/,/g, "")
        .replace(/(円|人|日|歳|年|回|か月|ヶ月|カ月|分)$/u, "");
      if (v === "") return null;
      if (!/^\d+$/.test(v)) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は数字だけで入力してください（例：${Math.max(min, 1)}${unit}）。` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は${min}${unit}から${max.toLocaleString("ja-JP")}${unit}までで入力してください。` });
        return z.NEVER;
      }
      return n;
    });

/** A number with at most one decimal (月平均労働日数 20.5). */
const decimal1 = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = normalizeNumberLike(raw ?? "").replace(/日$/u, "");
      if (v === "") return null;
      if (!/^\d+(\.\d)?$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は${min}から${max}までの数字（小数点以下1桁まで。例：20.5）で入力してください。` });
        return z.NEVER;
      }
      return Number(v);
    });

/** Parses "8", "8:00", "7:45", "7時間45分", "45分", "7.5" into minutes; null for "", undefined for nonsense. */
export function parseDuration(raw: string): number | null | undefined {
  const v = raw.normalize("NFKC").replace(/\s+/g, "");
  if (v === "") return null;
  let m = /^(\d{1,3}):(\d{2})$/.exec(v);
  if (m) return Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : undefined;
  m = /^(?:(\d{1,3})時間)?(?:(\d{1,3})分)?$/u.exec(v);
  if (m && (m[1] !== undefined || m[2] !== undefined)) {
    const minutes = Number(m[2] ?? 0);
    return m[1] !== undefined && minutes >= 60 ? undefined : Number(m[1] ?? 0) * 60 + minutes;
  }
  m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(v);
  if (m) {
    const total = Math.round(Number(v) * 60);
    return Number.isInteger(total) ? total : undefined;
  }
  return undefined;
}

/** Minutes → what the form shows: 465 → "7:45". */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return "";
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

const duration = (label: string, maxMinutes: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const minutes = parseDuration(raw ?? "");
      if (minutes === undefined || (minutes !== null && minutes > maxMinutes)) {
        ctx.issues.push({
          code: "custom",
          input: raw,
          message: `${label}は「7:45」（7時間45分）や「8」（8時間）のように、${Math.floor(maxMinutes / 60)}時間までで入力してください。`,
        });
        return z.NEVER;
      }
      return minutes;
    });

/** Time of day "HH:MM" (24 h): "8:30", "８：３０", "830" → "08:30". */
export function parseTimeOfDay(raw: string): string | null | undefined {
  const v = raw.normalize("NFKC").replace(/\s+/g, "").replace(/時/u, ":").replace(/分$/u, "");
  if (v === "") return null;
  const m = /^(\d{1,2}):?(\d{2})?$/.exec(v.endsWith(":") ? v.slice(0, -1) : v);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

const timeOfDay = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const t = parseTimeOfDay(raw ?? "");
      if (t === undefined) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は「08:30」のように24時間制の時刻で入力してください。` });
        return z.NEVER;
      }
      return t;
    });

const date = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = normalizeNumberLike(raw ?? "")
        .replace(/[/.年月]/gu, "-")
        .replace(/日$/u, "");
      if (v === "") return null;
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : "";
      const d = new Date(`${iso}T00:00:00Z`);
      if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は「2026-04-01」のように年月日で入力してください。` });
        return z.NEVER;
      }
      return iso;
    });

/** Radio あり/なし, 可/否: "true" / "false"; unanswered → null. */
const yesNo = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === "") return null;
      if (raw === "true") return true;
      if (raw === "false") return false;
      ctx.issues.push({ code: "custom", input: raw, message: `${label}は選択肢から選んでください。` });
      return z.NEVER;
    });

/** A checkbox: present ("on") → true. */
const checkbox = () =>
  z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== "");

/** One of fixed choices; "" → null. */
function choice<const T extends string>(label: string, values: readonly T[]) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null => {
      if (raw === undefined || raw === "") return null;
      if ((values as readonly string[]).includes(raw)) return raw as T;
      ctx.issues.push({ code: "custom", input: raw, message: `${label}は選択肢から選んでください。` });
      return z.NEVER;
    });
}

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

const step1 = z.object({
  universityGraduate: checkbox(),
  category: z
    .object({
      onlineApplication: yesNo("オンライン自主応募の受付"),
      trialEmployment: yesNo("トライアル雇用併用の希望"),
      disabilityPosting: checkbox(),
      publication: choice("公開希望", PUBLICATIONS).transform((v) => (v === null ? null : (Number(v) as 1 | 2 | 3 | 4))),
    })

    .prefault({}),
});

const step2 = z.object({
  company: z
    .object({
      employeesTotal: int("従業員数（企業全体）", 0, 9_999_999, "人"),
      employeesWorkplace: int("従業員数（就業場所）", 0, 9_999_999, "人"),
      employeesFemale: int("うち女性", 0, 9_999_999, "人"),
      employeesPartTime: int("うちパート", 0, 9_999_999, "人"),
      foundedYear: int("設立年", 1600, 2100, "年"),
      capitalYen: int("資本金", 0, 999_999_999_999_999, "円"),
      laborUnion: yesNo("労働組合"),
      businessDescription: text(),
      features: text(),
      homepage: text().refine((v) => v === "" || /^https?:\/\/[^\s]+$/.test(v), { error: "ホームページは「https://」から始まるURLで入力してください。" }),
      workRulesFullTime: yesNo("就業規則（フルタイム）"),
      workRulesPartTime: yesNo("就業規則（パートタイム）"),
      childcareLeaveTaken: yesNo("育児休業取得実績"),
      nursingCareLeaveTaken: yesNo("介護休業取得実績"),
      sickChildLeaveTaken: yesNo("看護休暇取得実績"),
    })

    .prefault({}),
});

const step3 = z.object({
  jobTitle: text(),
  jobDescription: text(),
  dutiesChangeScope: text(),
  employmentType: choice("雇用形態", EMPLOYMENT_TYPES),
  employmentTypeName: text(),
  dispatch: choice("派遣・請負等", DISPATCH_FORMS),
  contract: z
    .object({
      kind: choice("雇用期間", ["indefinite", "fixed"] as const),
      months: int("契約期間", 1, 60, "か月"),
      startDate: date("契約期間の開始日"),
      endDate: date("契約期間の終了日"),
      renewal: choice("契約更新の可能性", ["none", "automatic", "conditional"] as const),
      renewalConditions: text(),
      renewalCap: z
        .object({ present: yesNo("更新上限の有無"), totalYears: int("通算契約期間の上限", 1, 10, "年"), renewalCount: int("更新回数の上限", 0, 99, "回") })

        .prefault({}),
    })

    .prefault({})
    .transform((c): PostingContent["contract"] =>
      c.kind === "fixed"
        ? {
            kind: "fixed",
            months: c.months,
            startDate: c.startDate,
            endDate: c.endDate,
            renewal: c.renewal,
            renewalConditions: c.renewalConditions,
            renewalCap:
              c.renewalCap.present === null
                ? null
                : c.renewalCap.present
                  ? { present: true, totalYears: c.renewalCap.totalYears, renewalCount: c.renewalCap.renewalCount }
                  : { present: false },
          }
        : { kind: "indefinite" },
    ),
  trialPeriod: z
    .object({
      present: yesNo("試用期間"),
      months: int("試用期間の長さ", 1, 12, "か月"),
      sameConditions: yesNo("試用期間中の労働条件"),
      wageMin: int("試用期間中の賃金", 1, 99_999_999, "円"),
    })

    .prefault({})
    .transform((t): PostingContent["trialPeriod"] =>
      t.present
        ? { present: true, months: t.months, sameConditions: t.sameConditions !== false, wageMin: t.sameConditions === false ? t.wageMin : null }
        : { present: false },
    ),
  workplace: z
    .object({
      prefectureCode: choice("就業場所の都道府県", Object.keys(PREFECTURE_NAMES)),
      transferPossible: yesNo("転勤の可能性"),
      changeScope: text(),
    })

    .prefault({}),
  workplaceDetail: z
    .object({
      sameAsEstablishment: checkbox(),
      postalCode: z
        .string()
        .optional()
        .transform((raw, ctx) => {
          const v = normalizeNumberLike(raw ?? "");
          if (v === "") return "";
          if (!/^\d{3}-?\d{4}$/.test(v)) {
            ctx.issues.push({ code: "custom", input: raw, message: "郵便番号は「321-1272」のように7桁で入力してください。" });
            return z.NEVER;
          }
          return v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`;
        }),
      address: text(),
      nearestStation: text(),
      access: text(),
      accessMinutes: int("所要時間", 0, 999, "分"),
      carCommute: yesNo("マイカー通勤"),
      parking: yesNo("駐車場"),
    })

    .prefault({}),
  smoking: z.object({ measure: choice("受動喫煙対策", SMOKING_MEASURES), note: text() }).prefault({}),
  age: z
    .object({
      kind: choice("年齢", ["none", "exception"] as const),
      code: choice("年齢制限の例外事由", AGE_CODES),
      min: int("下限年齢", 0, 200, "歳"),
      max: int("上限年齢", 0, 200, "歳"),
      reason: text(),
    })

    .prefault({})
    .transform((a): PostingContent["age"] =>
      a.kind === "exception" ? { kind: "exception", code: a.code, min: a.min, max: a.max, reason: a.reason } : { kind: "none", min: null, max: null },
    ),
  education: choice("学歴", EDUCATIONS),
  experience: choice("必要な経験", ["不問", "必要"] as const).transform((v) => v ?? "不問"),
  experienceDetail: text(),
  pcSkills: z.object({ requirement: choice("必要なPCスキル", REQUIREMENTS).transform((v) => v ?? "不問"), detail: text() }).prefault({}),
  licenses: z.object({ requirement: choice("必要な免許・資格", REQUIREMENTS).transform((v) => v ?? "不問"), detail: text() }).prefault({}),
  recruitmentReason: choice("募集理由", RECRUITMENT_REASONS),
});

const step4 = z.object({
  wage: z
    .object({
      form: choice("賃金形態", WAGE_FORMS).transform((v) => v ?? "月給"),
      baseMin: int("基本給（下限額）", 1, 99_999_999, "円"),
      baseMax: int("基本給（上限額）", 1, 99_999_999, "円"),
      allowances: z
        .array(
          z.object({
            name: text(),
            amountYen: int("手当の金額", 0, 9_999_999, "円"),
            kind: choice("手当の種類", ALLOWANCE_KINDS).transform((v) => v ?? "other"),
          }),
        )

        .prefault([])
        .transform((rows) => rows.filter((r) => r.name !== "" || r.amountYen !== null)),
      fixedOvertime: z
        .object({
          present: yesNo("固定残業代"),
          amountYen: int("固定残業代の金額", 1, 9_999_999, "円"),
          minutes: duration("固定残業時間", 200 * 60),
          excessPaidStatement: checkbox(),
          includedInBasePay: checkbox(),
        })

        .prefault({})
        .transform((f): PostingContent["wage"]["fixedOvertime"] =>
          f.present
            ? { present: true, amountYen: f.amountYen, minutes: f.minutes, excessPaidStatement: f.excessPaidStatement, includedInBasePay: f.includedInBasePay }
            : { present: false },
        ),
      bonus: z.object({ present: yesNo("賞与").transform((v) => v === true), description: text() }).prefault({}),
      monthlyWorkingDays: decimal1("月平均労働日数", 1, 31),
    })

    .prefault({}),
  payTerms: z
    .object({
      closingDay: text(),
      paymentMonth: choice("賃金支払日（月）", PAYMENT_MONTHS),
      paymentDay: text(),
      raise: z.object({ present: yesNo("昇給").transform((v) => v === true), lastYear: yesNo("昇給（前年度実績）"), description: text() }).prefault({}),
      bonusLastYear: z.object({ paid: yesNo("賞与（前年度実績）"), times: int("賞与の回数", 0, 12, "回"), description: text() }).prefault({}),
      annualIncomeExample: text(),
      otherAllowancesNote: text(),
    })

    .prefault({}),
  commuting: z.object({ kind: choice("通勤手当", COMMUTING_KINDS), monthlyYen: int("通勤手当の月額", 0, 9_999_999, "円") }).prefault({}),
});

const step5 = z.object({
  hours: z
    .object({
      shifts: z
        .array(z.object({ start: timeOfDay("始業時刻"), end: timeOfDay("終業時刻"), breakMinutes: duration("休憩時間", 24 * 60) }))

        .prefault([])
        .transform((rows) =>
          rows.filter((r) => r.start !== null || r.end !== null).map((r) => ({ start: r.start ?? "", end: r.end ?? "", breakMinutes: r.breakMinutes })),
        ),
      dailyMinutes: duration("1日の所定労働時間", 24 * 60),
      weeklyMinutes: duration("1週間の所定労働時間", 168 * 60),
      fullTimeWeeklyMinutes: duration("通常の労働者の1週間の所定労働時間", 168 * 60),
      breakMinutes: duration("休憩時間", 24 * 60),
      variableSystem: choice("変形労働時間制", VARIABLE_SYSTEMS).transform((v) => v ?? "none"),
      overtime: z
        .object({
          present: yesNo("時間外労働").transform((v) => v === true),
          monthlyAverageMinutes: duration("月平均時間外労働時間", 200 * 60),
          specialClause: checkbox(),
        })

        .prefault({}),
      annualHolidays: int("年間休日数", 0, 366, "日"),
      holidaysText: text(),
      weeklyDays: int("週所定労働日数", 1, 7, "日"),
      shiftSystem: checkbox(),
      hoursNote: text(),
      weeklyTwoDaysOff: choice("週休二日制", WEEKLY_TWO_DAYS_OFF),
      paidLeaveDays: int("6か月経過後の年次有給休暇日数", 0, 40, "日"),
    })

    .prefault({}),
});

const presentWithAge = (label: string) => z.object({ present: yesNo(label), maxAge: int(`${label}の上限年齢`, 1, 120, "歳") }).prefault({});

const step6 = z.object({
  benefits: z
    .object({
      insurance: z
        .object({
          employment: checkbox(),
          industrialAccident: checkbox(),
          publicAccident: checkbox(),
          health: checkbox(),
          pension: checkbox(),
          other: text(),
        })

        .prefault({}),
      corporatePension: text(),
      retirementMutualAid: checkbox(),
      retirementAllowance: z.object({ present: yesNo("退職金制度"), minYears: int("退職金の勤続年数", 0, 50, "年") }).prefault({}),
      reemployment: presentWithAge("再雇用制度"),
      workExtension: presentWithAge("勤務延長"),
      housing: z.object({ single: checkbox(), family: checkbox(), note: text() }).prefault({}),
      childcare: z.object({ available: yesNo("利用可能託児施設"), note: text() }).prefault({}),
    })

    .prefault({}),
  retirement: z
    .object({ present: yesNo("定年制").transform((v) => v === true), age: int("定年年齢", 1, 120, "歳") })

    .prefault({}),
});

const step7 = z.object({
  pr: z
    .object({
      message: text(),
      jobPaySystem: checkbox(),
      reinstatement: checkbox(),
      training: text(),
      regularConversion: z.object({ present: yesNo("正社員登用の実績"), results: text() }).prefault({}),
      foreignWorkers: yesNo("外国人雇用実績"),
      imageIds: z
        .array(z.string())

        .prefault([])
        // Checked on the list, not per item: the form shows a message beside "pr.imageIds", never beside "pr.imageIds[0]".
        .refine((ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)), { error: "画像を選び直してください。" })
        .refine((ids) => ids.length <= MAX_POSTING_IMAGES, { error: `求人に表示する画像は${MAX_POSTING_IMAGES}枚までにしてください。` }),
    })

    .prefault({}),
  specialNotes: text(),
});

const step8 = z.object({
  selection: z
    .object({
      hires: int("採用人数", 1, 999, "人"),
      methods: z.object({ documents: checkbox(), interview: checkbox(), writtenTest: checkbox(), other: checkbox() }).prefault({}),
      otherMethod: text(),
      resultDaysAfterDocuments: int("書類選考結果の通知", 0, 90, "日"),
      resultDaysAfterInterview: int("面接選考結果の通知", 0, 90, "日"),
      notifyBy: z.object({ post: checkbox(), phone: checkbox(), email: checkbox(), mypage: checkbox() }).prefault({}),
      schedule: text(),
      place: text(),
      documents: z.object({ referralLetter: checkbox(), resume: checkbox(), careerHistory: checkbox(), other: checkbox() }).prefault({}),
      documentsOther: text(),
      onlineDocuments: yesNo("求職者マイページからの応募書類の登録"),
      sendMethod: choice("応募書類の送付方法", SEND_METHODS),
      returnDocuments: yesNo("応募書類の返戻"),
      contact: z
        .object({
          title: text(),
          name: text(),
          nameKana: text(),
          phone: z
            .string()
            .optional()
            .transform((v) => normalizeNumberLike(v ?? ""))
            .refine((v) => v === "" || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v), { error: "電話番号は「0288-22-0353」のように入力してください。" }),
          extension: text(),
          fax: z
            .string()
            .optional()
            .transform((v) => normalizeNumberLike(v ?? ""))
            .refine((v) => v === "" || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v), { error: "FAX番号は「0288-22-0354」のように入力してください。" }),
          email: z
            .string()
            .optional()
            .transform((v) => (v ?? "").normalize("NFKC").trim())
            .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: "メールアドレスは「saiyo@example.jp」のように入力してください。" }),
        })

        .prefault({}),
      notes: text(),
    })

    .prefault({}),
});

/** The screen's schema: its output is the screen's part of PostingContent (every property it owns). */
export const STEP_SCHEMAS = { 1: step1, 2: step2, 3: step3, 4: step4, 5: step5, 6: step6, 7: step7, 8: step8 } as const;

export type StepNumber = keyof typeof STEP_SCHEMAS;
export type StepPatch = Partial<PostingContent>;

const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const yn = (b: boolean | null | undefined) => (b === null || b === undefined ? "" : String(b));
const on = (b: boolean) => (b ? "on" : "");

/**
 * The form's default values for a screen, from the stored content (the inverse of the screen's schema): numbers as
 * text, durations "7:45", booleans "true"/"false", checkboxes "on", and the fixed rows of 手当 and 就業時間.
 */
export function stepFormValues(step: StepNumber, c: PostingContent): Record<string, unknown> {
  switch (step) {
    case 1:
      return {
        universityGraduate: on(c.universityGraduate),
        category: {
          onlineApplication: yn(c.category.onlineApplication),
          trialEmployment: yn(c.category.trialEmployment),
          disabilityPosting: on(c.category.disabilityPosting),
          publication: str(c.category.publication),
        },
      };
    case 2: {
      const k = c.company;
      return {
        company: {
          employeesTotal: str(k.employeesTotal),
          employeesWorkplace: str(k.employeesWorkplace),
          employeesFemale: str(k.employeesFemale),
          employeesPartTime: str(k.employeesPartTime),
          foundedYear: str(k.foundedYear),
          capitalYen: str(k.capitalYen),
          laborUnion: yn(k.laborUnion),
          businessDescription: k.businessDescription,
          features: k.features,
          homepage: k.homepage,
          workRulesFullTime: yn(k.workRulesFullTime),
          workRulesPartTime: yn(k.workRulesPartTime),
          childcareLeaveTaken: yn(k.childcareLeaveTaken),
          nursingCareLeaveTaken: yn(k.nursingCareLeaveTaken),
          sickChildLeaveTaken: yn(k.sickChildLeaveTaken),
        },
      };
    }
    case 3: {
      const ct = c.contract;
      const cap = ct.kind === "fixed" ? ct.renewalCap : null;
      return {
        jobTitle: c.jobTitle,
        jobDescription: c.jobDescription,
        dutiesChangeScope: c.dutiesChangeScope,
        employmentType: c.employmentType ?? "",
        employmentTypeName: c.employmentTypeName,
        dispatch: c.dispatch ?? "",
        contract:
          ct.kind === "fixed"
            ? {
                kind: "fixed",
                months: str(ct.months),
                startDate: ct.startDate ?? "",
                endDate: ct.endDate ?? "",
                renewal: ct.renewal ?? "",
                renewalConditions: ct.renewalConditions,
                renewalCap: {
                  present: cap === null ? "" : String(cap.present),
                  totalYears: cap?.present ? str(cap.totalYears) : "",
                  renewalCount: cap?.present ? str(cap.renewalCount) : "",
                },
              }
            : { kind: "indefinite" },
        trialPeriod: c.trialPeriod.present
          ? { present: "true", months: str(c.trialPeriod.months), sameConditions: String(c.trialPeriod.sameConditions), wageMin: str(c.trialPeriod.wageMin) }
          : { present: "false" },
        workplace: {
          prefectureCode: c.workplace.prefectureCode ?? "",
          transferPossible: yn(c.workplace.transferPossible),
          changeScope: c.workplace.changeScope,
        },
        workplaceDetail: {
          sameAsEstablishment: on(c.workplaceDetail.sameAsEstablishment),
          postalCode: c.workplaceDetail.postalCode,
          address: c.workplaceDetail.address,
          nearestStation: c.workplaceDetail.nearestStation,
          access: c.workplaceDetail.access,
          accessMinutes: str(c.workplaceDetail.accessMinutes),
          carCommute: yn(c.workplaceDetail.carCommute),
          parking: yn(c.workplaceDetail.parking),
        },
        smoking: { measure: c.smoking.measure ?? "", note: c.smoking.note },
        age:
          c.age.kind === "exception"
            ? { kind: "exception", code: c.age.code ?? "", min: str(c.age.min), max: str(c.age.max), reason: c.age.reason }
            : { kind: "none" },
        education: c.education ?? "",
        experience: c.experience,
        experienceDetail: c.experienceDetail,
        pcSkills: { ...c.pcSkills },
        licenses: { ...c.licenses },
        recruitmentReason: c.recruitmentReason ?? "",
      };
    }
    case 4: {
      const w = c.wage;
      const fo = w.fixedOvertime;
      return {
        wage: {
          form: w.form,
          baseMin: str(w.baseMin),
          baseMax: str(w.baseMax),
          allowances: Array.from({ length: Math.max(ALLOWANCE_ROWS, w.allowances.length) }, (_, i) => {
            const a = w.allowances[i];
            return a ? { name: a.name, amountYen: str(a.amountYen), kind: a.kind } : { name: "", amountYen: "", kind: "other" };
          }),
          fixedOvertime: fo.present
            ? {
                present: "true",
                amountYen: str(fo.amountYen),
                minutes: formatDuration(fo.minutes),
                excessPaidStatement: on(fo.excessPaidStatement),
                includedInBasePay: on(fo.includedInBasePay),
              }
            : { present: "false" },
          bonus: { present: String(w.bonus.present), description: w.bonus.description },
          monthlyWorkingDays: str(w.monthlyWorkingDays),
        },
        payTerms: {
          closingDay: c.payTerms.closingDay,
          paymentMonth: c.payTerms.paymentMonth ?? "",
          paymentDay: c.payTerms.paymentDay,
          raise: { present: String(c.payTerms.raise.present), lastYear: yn(c.payTerms.raise.lastYear), description: c.payTerms.raise.description },
          bonusLastYear: {
            paid: yn(c.payTerms.bonusLastYear.paid),
            times: str(c.payTerms.bonusLastYear.times),
            description: c.payTerms.bonusLastYear.description,
          },
          annualIncomeExample: c.payTerms.annualIncomeExample,
          otherAllowancesNote: c.payTerms.otherAllowancesNote,
        },
        commuting: { kind: c.commuting.kind ?? "", monthlyYen: str(c.commuting.monthlyYen) },
      };
    }
    case 5: {
      const h = c.hours;
      return {
        hours: {
          shifts: Array.from({ length: Math.max(SHIFT_ROWS, h.shifts.length) }, (_, i) => {
            const s = h.shifts[i];
            return s ? { start: s.start, end: s.end, breakMinutes: formatDuration(s.breakMinutes) } : { start: "", end: "", breakMinutes: "" };
          }),
          dailyMinutes: formatDuration(h.dailyMinutes),
          weeklyMinutes: formatDuration(h.weeklyMinutes),
          fullTimeWeeklyMinutes: formatDuration(h.fullTimeWeeklyMinutes),
          breakMinutes: formatDuration(h.breakMinutes),
          variableSystem: h.variableSystem,
          overtime: {
            present: String(h.overtime.present),
            monthlyAverageMinutes: formatDuration(h.overtime.monthlyAverageMinutes),
            specialClause: on(h.overtime.specialClause),
          },
          annualHolidays: str(h.annualHolidays),
          holidaysText: h.holidaysText,
          weeklyDays: str(h.weeklyDays),
          shiftSystem: on(h.shiftSystem),
          hoursNote: h.hoursNote,
          weeklyTwoDaysOff: h.weeklyTwoDaysOff ?? "",
          paidLeaveDays: str(h.paidLeaveDays),
        },
      };
    }
    case 6: {
      const b = c.benefits;
      return {
        benefits: {
          insurance: {
            employment: on(b.insurance.employment),
            industrialAccident: on(b.insurance.industrialAccident),
            publicAccident: on(b.insurance.publicAccident),
            health: on(b.insurance.health),
            pension: on(b.insurance.pension),
            other: b.insurance.other,
          },
          corporatePension: b.corporatePension,
          retirementMutualAid: on(b.retirementMutualAid),
          retirementAllowance: { present: yn(b.retirementAllowance.present), minYears: str(b.retirementAllowance.minYears) },
          reemployment: { present: yn(b.reemployment.present), maxAge: str(b.reemployment.maxAge) },
          workExtension: { present: yn(b.workExtension.present), maxAge: str(b.workExtension.maxAge) },
          housing: { single: on(b.housing.single), family: on(b.housing.family), note: b.housing.note },
          childcare: { available: yn(b.childcare.available), note: b.childcare.note },
        },
        retirement: { present: String(c.retirement.present), age: str(c.retirement.age) },
      };
    }
    case 7:
      return {
        pr: {
          message: c.pr.message,
          jobPaySystem: on(c.pr.jobPaySystem),
          reinstatement: on(c.pr.reinstatement),
          training: c.pr.training,
          regularConversion: { present: yn(c.pr.regularConversion.present), results: c.pr.regularConversion.results },
          foreignWorkers: yn(c.pr.foreignWorkers),
          imageIds: [...c.pr.imageIds],
        },
        specialNotes: c.specialNotes,
      };
    case 8: {
      const s = c.selection;
      const flags = (o: Record<string, boolean>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, on(v)]));
      return {
        selection: {
          hires: str(s.hires),
          methods: flags(s.methods),
          otherMethod: s.otherMethod,
          resultDaysAfterDocuments: str(s.resultDaysAfterDocuments),
          resultDaysAfterInterview: str(s.resultDaysAfterInterview),
          notifyBy: flags(s.notifyBy),
          schedule: s.schedule,
          place: s.place,
          documents: flags(s.documents),
          documentsOther: s.documentsOther,
          onlineDocuments: yn(s.onlineDocuments),
          sendMethod: s.sendMethod ?? "",
          returnDocuments: yn(s.returnDocuments),
          contact: { ...s.contact },
          notes: s.notes,
        },
      };
    }
  }
}

/**
 * Nested form values → the [name, value] pairs a browser posts for them, with Conform's names: "a.b", "a[0].b" for
 * rows; a list of plain values (a checkbox group such as pr.imageIds) repeats its name. Empty values are included.
 */
export function formEntries(values: Record<string, unknown>, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object") out.push(...formEntries(item as Record<string, unknown>, `${name}[${i}]`));
        else out.push([name, String(item)]);
      });
    } else if (value !== null && typeof value === "object") out.push(...formEntries(value as Record<string, unknown>, name));
    else if (value !== undefined) out.push([name, value === null ? "" : String(value)]);
  }
  return out;
}
