/**
 * 事業所の基本情報: one zod schema shared by the officer's 事業所登録, the employer's online 仮登録
 * (R-OPEN-1, R-OPEN-8) and 事業所情報の変更, client and server (with the 産業分類 catalog: establishmentSchemaFor). Full-width digits, letters and hyphens are accepted and
 * normalised; messages are Japanese and say how to fix the input.
 */
import { z } from "./zod-ja";
import { isValidCorporateNumber } from "../identifiers";
import { industryProblem, type IndustryCatalog } from "../industry";
import { isKatakana, normalizeKana, normalizeNumberLike, normalizeText } from "../normalize";
import { postalCodeField } from "./fields";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}を入力してください。` })
    .transform(normalizeText)
    .pipe(
      z
        .string({ error: `${label}を入力してください。` })
        .min(1, { error: `${label}を入力してください。` })
        .max(max, { error: `${label}は${max}文字以内で入力してください。` }),
    );

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeText(v ?? ""))
    // No pipe into z.string() here: Conform would turn a normalised "" into undefined inside it.
    .refine((v) => v.length <= max, { error: `${label}は${max}文字以内で入力してください。` });

export const establishmentSchema = z
  .object({
    name: text("事業所名", 60),
    nameKana: z
      .string({ error: "事業所名（カナ）を入力してください。" })
      .transform(normalizeKana)
      .pipe(
        z
          .string({ error: "事業所名（カナ）を入力してください。" })
          .min(1, { error: "事業所名（カナ）を入力してください。" })
          .max(100, { error: "事業所名（カナ）は100文字以内で入力してください。" })
          .refine(isKatakana, { error: "事業所名（カナ）は全角カタカナで入力してください。" }),
      ),
    isSoleProprietor: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    corporateNumber: z
      .string()
      .optional()
      .transform((v) => normalizeNumberLike(v ?? "").replace(/-/g, "")),
    postalCode: postalCodeField,
    municipalityCode: z.string({ error: "市区町村を選択してください。" }).regex(/^\d{5}$/, { error: "市区町村を選択してください。" }),
    address: text("所在地（市区町村より後）", 120),
    phone: z
      .string({ error: "電話番号を入力してください。" })
      .transform(normalizeNumberLike)
      .pipe(
        z
          .string({ error: "電話番号を入力してください。" })
          .regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, { error: "電話番号は「0288-22-0353」のように、市外局番から半角数字で入力してください。" }),
      )
      .refine((v) => v.replace(/-/g, "").length >= 10 && v.replace(/-/g, "").length <= 11, {
        error: "電話番号は市外局番から10桁または11桁で入力してください。",
      }),
    // 産業分類 (issue 10): 大分類 and 中分類 of 日本標準産業分類; which pairs exist is checked by establishmentSchemaFor.
    industryDivision: z
      .string({ error: "産業分類（大分類）を選択してください。" })
      .regex(/^[A-T]$/, { error: "産業分類（大分類）を一覧から選択してください。" }),
    industry: z.string({ error: "産業分類（中分類）を選択してください。" }).regex(/^\d{2}$/, { error: "産業分類（中分類）を一覧から選択してください。" }),
    employees: z
      .string({ error: "従業員数を入力してください。" })
      .transform(normalizeNumberLike)
      .pipe(z.string({ error: "従業員数を入力してください。" }).regex(/^\d{1,6}$/, { error: "従業員数は0以上の整数（半角数字）で入力してください。" }))
      .transform(Number),
    representativeTitle: optionalText("代表者の役職", 30),
    representativeName: text("代表者の氏名", 40),
  })
  .superRefine((value, ctx) => {
    if (value.isSoleProprietor) {
      if (value.corporateNumber) ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: "個人事業主の場合、法人番号は入力しないでください。" });
      return;
    }
    if (!value.corporateNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["corporateNumber"],
        message: "法人番号（13桁）を入力してください。個人事業主の場合は「個人事業主」にチェックしてください。",
      });
    } else if (!/^\d{13}$/.test(value.corporateNumber)) {
      ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: "法人番号は13桁の半角数字で入力してください。" });
    } else if (!isValidCorporateNumber(value.corporateNumber)) {
      ctx.addIssue({
        code: "custom",
        path: ["corporateNumber"],
        message: "法人番号が正しくありません（チェックデジットが一致しません）。番号をご確認ください。",
      });
    }
  });

export type EstablishmentInput = z.output<typeof establishmentSchema>;

/**
 * The establishment form with the 産業分類 checked against the classification (reference data the page read): the
 * 大分類 exists and the 中分類 belongs to it (issue 10). Same schema in the browser (the page passes its catalog) and
 * on the server.
 */
export function establishmentSchemaFor(catalog: IndustryCatalog) {
  return establishmentSchema.superRefine((value, ctx) => {
    // A value the field itself refused already has its message there.
    if (!/^[A-T]$/.test(value.industryDivision) || !/^\d{2}$/.test(value.industry)) return;
    const problem = industryProblem(catalog, value.industryDivision, value.industry);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
}
