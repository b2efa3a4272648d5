/**
 * The officer's forms of issue 11, client and server alike (Conform + zod): 求職者の登録・変更 (seekerSchemaFor) and 紹介
 * (R-REF-1: referralSchemaFor), with the 求人番号 of the look-up step (normalizeJobNumberInput). `today` (JST) comes from
 * the loader; the municipalities a select may name come from the page's reads (the office's prefecture), like the
 * 産業分類 of the establishment form. Full-width digits, letters and dashes are accepted and normalised; カナ becomes
 * full-width katakana (half-width katakana and hiragana too); messages are Japanese and say how to fix the input.
 */
import { isValidDate } from "../clock";
import { JOB_NUMBER } from "../identifiers";
import { isKatakana, normalizeJaText, normalizeNumberLike, normalizeText } from "../normalize";
import { PREFECTURE_NAMES } from "../prefectures";
import { EMPLOYMENT_TYPES } from "./posting/choices";
import { emailField, postalCodeField } from "./fields";
import { z } from "./zod-ja";
import {
  birthDateProblem,
  DISCLOSURE_ITEMS,
  isDisclosureItem,
  referredOnProblem,
  WAGE_FORMS,
  WORK_STYLES,
  type DisclosureItem,
  type WageForm,
  type WorkStyle,
} from "../../rules/seeker";

/** Length limits in characters (the fuzzers read them from the schema or from here). */
export const SEEKER_LIMITS = {
  name: 40,
  nameKana: 60,
  address: 120,
  desiredOccupation: 40,
  desiredHours: 100,
  licences: 400,
  workHistory: 1000,
  selfPr: 1000,
  interviewPlace: 100,
  note: 400,
} as const;

/** The largest 希望賃金 (yen) the form takes: any monthly wage fits. */
export const DESIRED_WAGE_MAX = 9_999_999;

/** カナ as stored: NFKC (half-width katakana → full-width), hiragana → katakana, spaces unified and trimmed. */
export function normalizeSeekerKana(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

/** "２０２６／４／１", "2026/4/1", "2026年4月1日" → "2026-04-01" when it has a date's shape; otherwise as typed (NFKC, trimmed). */
export function normalizeDateInput(value: string): string {
  const v = value.normalize("NFKC").trim();
  const m = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

/** "９：３０" or "9:30" → "09:30" when it is a time of day; otherwise as typed (NFKC, trimmed). */
export function normalizeTimeInput(value: string): string {
  const v = value.normalize("NFKC").trim();
  const m = /^(\d{1,2})\s*[:時]\s*(\d{2})\s*分?$/.exec(v);
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${m[1]!.padStart(2, "0")}:${m[2]}` : v;
}

/** "０９１００－００００００１２", "0910000000012" → "09100-00000012"; "" for nothing; other input as typed (NFKC). */
export function normalizeJobNumberInput(value: string): string {
  const v = normalizeNumberLike(value);
  return /^\d{13}$/.test(v) ? `${v.slice(0, 5)}-${v.slice(5)}` : v;
}

/** Amounts in yen: digits of any width; "200,000円" means 200000. */
export function normalizeAmount(value: string): string {
  return value.normalize("NFKC").replace(/[\s,，円]/g, "");
}

/**
 * A rule across fields runs also when other fields are wrong (`when`), so every message shows at once; it reads only
 * fields that parsed: `validFields(payload)("a", "b")` is true when neither has an issue yet.
 */
function validFields(payload: unknown) {
  const issues = (payload as { issues?: { path?: PropertyKey[] }[] } | undefined)?.issues ?? [];
  return (...names: string[]) => !issues.some((issue) => names.includes(String(issue.path?.[0])));
}

export const JOB_NUMBER_MESSAGE = "求人番号は「09100-00000012」のように、5桁と8桁の数字で入力してください。";

const required = (label: string, max: number, normalise: (v: string) => string = normalizeText) =>
  z
    .string({ error: `${label}を入力してください。` })
    .transform(normalise)
    .pipe(
      z
        .string({ error: `${label}を入力してください。` })
        .min(1, { error: `${label}を入力してください。` })
        .max(max, { error: `${label}は${max}文字以内で入力してください。` }),
    );

// No pipe into z.string() after the transform: Conform would turn a normalised "" into undefined inside it.
const optional = (label: string, max: number, normalise: (v: string) => string = normalizeText) =>
  z
    .string()
    .optional()
    .transform((v) => normalise(v ?? ""))
    .refine((v) => [...v].length <= max, { error: `${label}は${max}文字以内で入力してください。` });

const prefecture = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || Object.hasOwn(PREFECTURE_NAMES, v), { error: `${label}を一覧から選択してください。` });

const yesNo = (label: string) => z.enum(["true", "false"], { error: `${label}は「はい」か「いいえ」を選んでください。` }).transform((v) => v === "true");

function dateField(label: string, example: string) {
  return z
    .string({ error: `${label}を入力してください。` })
    .transform(normalizeDateInput)
    .pipe(
      z
        .string({ error: `${label}を入力してください。` })
        .min(1, { error: `${label}を入力してください。` })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}は「${example}」のように年-月-日で入力してください。` })
        .refine(isValidDate, { error: `${label}に存在しない日付が入力されています。` }),
    );
}

const phone = z
  .string({ error: "電話番号を入力してください。" })
  .transform(normalizeNumberLike)
  .pipe(
    z
      .string({ error: "電話番号を入力してください。" })
      .min(1, { error: "電話番号を入力してください。" })
      .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, { error: "電話番号は「090-1234-5678」のように、市外局番（または携帯電話の番号）から入力してください。" }),
  )
  .refine((v) => v.replace(/-/g, "").length >= 10 && v.replace(/-/g, "").length <= 11, { error: "電話番号は10桁または11桁で入力してください。" });

const optionalEmail = z
  .string()
  .optional()
  .transform((v) => (v ?? "").normalize("NFKC").trim())
  .superRefine((v, ctx) => {
    if (v === "") return;
    const checked = emailField.safeParse(v);
    if (!checked.success) ctx.addIssue({ code: "custom", message: checked.error.issues[0]?.message ?? "メールアドレスを確認してください。" });
  });

/** What the seeker form needs from the page: today, and the municipality codes its selects offer. */
export interface SeekerFormContext {
  today: string;
  /** Codes of the municipalities the 市区町村 selects list (the office's prefecture). */
  municipalityCodes: readonly string[];
}

/** 求職者の登録・変更 (issue 11): one schema for the new seeker and the edit form. */
export function seekerSchemaFor({ today, municipalityCodes }: SeekerFormContext) {
  const known = new Set(municipalityCodes);
  const municipality = (label: string) =>
    z
      .string()
      .optional()
      .transform((v) => v ?? "")
      .refine((v) => v === "" || known.has(v), { error: `${label}を一覧から選択してください。` });
  return z
    .object({
      name: required("氏名", SEEKER_LIMITS.name),
      nameKana: z
        .string({ error: "氏名（カナ）を入力してください。" })
        .transform(normalizeSeekerKana)
        .pipe(
          z
            .string({ error: "氏名（カナ）を入力してください。" })
            .min(1, { error: "氏名（カナ）を入力してください。" })
            .max(SEEKER_LIMITS.nameKana, { error: `氏名（カナ）は${SEEKER_LIMITS.nameKana}文字以内で入力してください。` })
            .refine(isKatakana, { error: "氏名（カナ）はカタカナで入力してください。" }),
        ),
      birthDate: dateField("生年月日", "1990-05-15").superRefine((v, ctx) => {
        const problem = birthDateProblem(v, today);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
      postalCode: postalCodeField,
      prefectureCode: z
        .string({ error: "都道府県を選択してください。" })
        .refine((v) => Object.hasOwn(PREFECTURE_NAMES, v), { error: "都道府県を一覧から選択してください。" }),
      municipalityCode: municipality("市区町村"),
      address: required("住所", SEEKER_LIMITS.address),
      phone,
      email: optionalEmail,
      desiredOccupation: required("希望職種", SEEKER_LIMITS.desiredOccupation),
      desiredPrefectureCode: prefecture("希望就業地（都道府県）"),
      desiredMunicipalityCode: municipality("希望就業地（市区町村）"),
      desiredEmploymentType: z
        .string()
        .optional()
        .transform((v) => v ?? "")
        .refine((v) => v === "" || (EMPLOYMENT_TYPES as readonly string[]).includes(v), { error: "希望雇用形態を一覧から選択してください。" }),
      desiredWorkStyle: z.enum(WORK_STYLES, { error: "フルタイム・パート・どちらでもから選んでください。" }),
      desiredWageForm: z
        .string()
        .optional()
        .transform((v) => v ?? "")
        .refine((v) => v === "" || (WAGE_FORMS as readonly string[]).includes(v), { error: "希望賃金の形態を一覧から選択してください。" }),
      desiredWage: z
        .string()
        .optional()
        .transform((v) => normalizeAmount(v ?? ""))
        .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) >= 1), {
          error: `希望賃金（下限額）は「200000」のように、1円から${DESIRED_WAGE_MAX.toLocaleString("ja-JP")}円までの整数（円）で入力してください。`,
        })
        .transform((v) => (v === "" ? null : Number(v))),
      desiredHours: optional("希望就業時間", SEEKER_LIMITS.desiredHours),
      licences: optional("免許・資格", SEEKER_LIMITS.licences, normalizeJaText),
      workHistory: optional("職歴", SEEKER_LIMITS.workHistory, normalizeJaText),
      selfPr: optional("自己PR", SEEKER_LIMITS.selfPr, normalizeJaText),
      hasMypage: yesNo("求職者マイページの開設"),
      publishProfile: yesNo("求職情報の公開"),
      disclosure: z
        .array(z.string())
        .prefault([])
        // Checked on the list: the message stands beside "disclosure", never beside "disclosure[0]".
        .refine((items) => items.every(isDisclosureItem), { error: "開示に同意した項目を一覧から選び直してください。" })
        .transform((items) => DISCLOSURE_ITEMS.filter((item) => items.includes(item))),
    })
    .superRefine(
      (value, ctx) => {
        const inPrefecture = (municipalityCode: string, prefectureCode: string) => municipalityCode === "" || municipalityCode.startsWith(prefectureCode);
        const ok = validFields(ctx);
        if (ok("municipalityCode", "prefectureCode") && value.municipalityCode && !inPrefecture(value.municipalityCode, value.prefectureCode)) {
          ctx.addIssue({
            code: "custom",
            path: ["municipalityCode"],
            message: "市区町村が都道府県と合っていません。都道府県の市区町村を選ぶか、空欄にして住所に入力してください。",
          });
        }
        if (ok("desiredMunicipalityCode", "desiredPrefectureCode") && value.desiredMunicipalityCode) {
          if (!value.desiredPrefectureCode) {
            ctx.addIssue({ code: "custom", path: ["desiredPrefectureCode"], message: "希望就業地の市区町村を選ぶときは、都道府県も選択してください。" });
          } else if (!inPrefecture(value.desiredMunicipalityCode, value.desiredPrefectureCode)) {
            ctx.addIssue({ code: "custom", path: ["desiredMunicipalityCode"], message: "希望就業地の市区町村が都道府県と合っていません。" });
          }
        }
        if (ok("desiredWage", "desiredWageForm")) {
          if (value.desiredWage !== null && value.desiredWageForm === "") {
            ctx.addIssue({ code: "custom", path: ["desiredWageForm"], message: "希望賃金の形態（月給・日給・時間給）を選択してください。" });
          }
          if (value.desiredWage === null && value.desiredWageForm !== "") {
            ctx.addIssue({ code: "custom", path: ["desiredWage"], message: "希望賃金（下限額）を入力するか、形態を「指定しない」にしてください。" });
          }
        }
      },
      // Also when other fields are wrong, so that every message shows at once (each rule checks its own fields are valid).
      { when: () => true },
    );
}

export type SeekerInput = z.output<ReturnType<typeof seekerSchemaFor>>;

/** A stored seeker as the fields of its form (what the edit form shows, and what the schema reads back the same). */
export interface SeekerFormValues {
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  prefectureCode: string;
  municipalityCode: string;
  address: string;
  phone: string;
  email: string;
  desiredOccupation: string;
  desiredPrefectureCode: string;
  desiredMunicipalityCode: string;
  desiredEmploymentType: string;
  desiredWorkStyle: string;
  desiredWageForm: string;
  desiredWage: string;
  desiredHours: string;
  licences: string;
  workHistory: string;
  selfPr: string;
  hasMypage: string;
  publishProfile: string;
  disclosure: string[];
}

/** The form's values of a seeker (a stored row, or a parsed submission). */
export function seekerFormValues(seeker: {
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  prefectureCode: string;
  municipalityCode: string | null;
  address: string;
  phone: string;
  email: string | null;
  desiredOccupation: string;
  desiredPrefectureCode: string | null;
  desiredMunicipalityCode: string | null;
  desiredEmploymentType: string;
  desiredWorkStyle: WorkStyle;
  desiredWageForm: WageForm | "" | null;
  desiredWage: number | null;
  desiredHours: string;
  licences: string;
  workHistory: string;
  selfPr: string;
  hasMypage: boolean;
  publishProfile: boolean;
  disclosure: readonly DisclosureItem[];
}): SeekerFormValues {
  return {
    name: seeker.name,
    nameKana: seeker.nameKana,
    birthDate: seeker.birthDate,
    postalCode: seeker.postalCode,
    prefectureCode: seeker.prefectureCode,
    municipalityCode: seeker.municipalityCode ?? "",
    address: seeker.address,
    phone: seeker.phone,
    email: seeker.email ?? "",
    desiredOccupation: seeker.desiredOccupation,
    desiredPrefectureCode: seeker.desiredPrefectureCode ?? "",
    desiredMunicipalityCode: seeker.desiredMunicipalityCode ?? "",
    desiredEmploymentType: seeker.desiredEmploymentType,
    desiredWorkStyle: seeker.desiredWorkStyle,
    desiredWageForm: seeker.desiredWageForm ?? "",
    desiredWage: seeker.desiredWage === null ? "" : String(seeker.desiredWage),
    desiredHours: seeker.desiredHours,
    licences: seeker.licences,
    workHistory: seeker.workHistory,
    selfPr: seeker.selfPr,
    hasMypage: String(seeker.hasMypage),
    publishProfile: String(seeker.publishProfile),
    disclosure: [...seeker.disclosure],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 紹介 (R-REF-1)

/** The 求人番号 as typed in the look-up and the referral form. */
export const jobNumberField = z
  .string({ error: "求人番号を入力してください。" })
  .transform(normalizeJobNumberInput)
  .pipe(z.string({ error: "求人番号を入力してください。" }).min(1, { error: "求人番号を入力してください。" }).regex(JOB_NUMBER, { error: JOB_NUMBER_MESSAGE }));

/** 紹介 (R-REF-1): the posting's 求人番号, 紹介日 (today − 7 … today), an optional 面接日時 and 場所, a note. */
export function referralSchemaFor(today: string) {
  return z
    .object({
      jobNumber: jobNumberField,
      referredOn: dateField("紹介日", today).superRefine((v, ctx) => {
        const problem = referredOnProblem(v, today);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
      interviewDate: z
        .string()
        .optional()
        .transform((v) => normalizeDateInput(v ?? ""))
        .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isValidDate(v)), { error: "面接日は「2026-12-01」のように年-月-日で入力してください。" }),
      interviewTime: z
        .string()
        .optional()
        .transform((v) => normalizeTimeInput(v ?? ""))
        .refine((v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: "面接の時刻は「10:30」のように時:分で入力してください。" }),
      interviewPlace: optional("面接場所", SEEKER_LIMITS.interviewPlace),
      note: optional("備考", SEEKER_LIMITS.note, normalizeJaText),
    })
    .superRefine(
      (value, ctx) => {
        const ok = validFields(ctx);
        if (ok("interviewDate", "interviewTime") && value.interviewTime !== "" && value.interviewDate === "") {
          ctx.addIssue({ code: "custom", path: ["interviewDate"], message: "面接の時刻を入力するときは、面接日も入力してください。" });
        }
        if (ok("interviewDate", "referredOn") && value.interviewDate !== "" && value.interviewDate < value.referredOn) {
          ctx.addIssue({ code: "custom", path: ["interviewDate"], message: "面接日は紹介日以降の日付を入力してください。" });
        }
      },
      { when: () => true },
    );
}

export type ReferralInput = z.output<ReturnType<typeof referralSchemaFor>>;

/** 面接日時 as stored: `YYYY-MM-DDTHH:mm`, the date alone, or null. */
export function interviewAtOf(input: Pick<ReferralInput, "interviewDate" | "interviewTime">): string | null {
  if (!input.interviewDate) return null;
  return input.interviewTime ? `${input.interviewDate}T${input.interviewTime}` : input.interviewDate;
}
