/**
 * The forms of /staff/minimum-wages (one schema each, client and server): adding a revision, correcting one that is
 * not yet in force (amount / 発効日, with a reason) and withdrawing it (取消, with a reason). `today` (JST) comes from
 * the loader. Whether the supervisor may change the prefecture, the ±20 % confirmation and "not yet in force" are
 * the rules' (rules/minimum-wage-revision.ts), decided on the stored rows by the model.
 */
import { isValidDate } from "../../lib/clock";
import { normalizeText } from "../../lib/normalize";
import { PREFECTURE_NAMES } from "../../lib/prefectures";
import { z } from "../../lib/schemas/zod-ja";

export const SOURCE_MAX = 100;
export const REASON_MAX = 200;
export const PAST_DATE = "発効日に過去の日付は登録できません。本日以降の日付を入力してください（過去の改定の訂正は、運用担当者が一括取込みで行います）。";

/** Digits in any width; "1,068円" and "１０６８" mean 1068. */
function normalizeAmount(value: string): string {
  return value.normalize("NFKC").replace(/[\s,円]/g, "");
}

/** "２０２６／１０／１" or "2026/10/1" → "2026-10-01" when it has that shape; otherwise as typed (NFKC). */
function normalizeDate(value: string): string {
  const v = value.normalize("NFKC").trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

const amountYen = z
  .string({ error: "金額（時間額）を入力してください。" })
  .transform(normalizeAmount)
  .pipe(
    z
      .string({ error: "金額（時間額）を入力してください。" })
      .min(1, { error: "金額（時間額）を入力してください。" })
      .regex(/^\d{1,4}$/, { error: "金額は「1068」のように、1円から9999円までの整数（円）で入力してください。" }),
  )
  .transform(Number)
  .refine((n) => n >= 1 && n <= 9999, { error: "金額は1円から9999円までの整数（円）で入力してください。" });

function effectiveFrom(today: string) {
  return z
    .string({ error: "発効日を入力してください。" })
    .transform(normalizeDate)
    .pipe(
      z
        .string({ error: "発効日を入力してください。" })
        .min(1, { error: "発効日を入力してください。" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "発効日は「2026-10-01」のように年-月-日で入力してください。" })
        .refine(isValidDate, { error: "発効日に存在しない日付が入力されています。" })
        .refine((v) => v >= today, { error: PAST_DATE }),
    );
}

function reason(what: string) {
  const required = `${what}の理由を入力してください（監査ログに記録されます）。`;
  return z
    .string({ error: required })
    .transform(normalizeText)
    .pipe(
      z
        .string({ error: required })
        .min(1, { error: required })
        .max(REASON_MAX, { error: `${what}の理由は${REASON_MAX}文字以内で入力してください。` }),
    );
}

/** The confirmation checkbox of a change of more than ±20 % (its value names the amount and date it confirms). */
const confirmChange = z.string().optional();

/** The 発効日 of the revision a correction or withdrawal is about (a hidden field of its form). */
const revision = z
  .string({ error: "訂正・取消する改定を選び直してください。" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "訂正・取消する改定を選び直してください。" });

export function addRevisionSchema(today: string) {
  return z.object({
    intent: z.literal("add").optional(),
    prefectureCode: z
      .string({ error: "都道府県を選択してください。" })
      .refine((v) => Object.hasOwn(PREFECTURE_NAMES, v), { error: "都道府県を一覧から選択してください。" }),
    amountYen,
    effectiveFrom: effectiveFrom(today),
    source: z
      .string({ error: "出典・備考を入力してください。" })
      .transform(normalizeText)
      .pipe(
        z
          .string({ error: "出典・備考を入力してください。" })
          .min(1, { error: "出典・備考を入力してください。" })
          .max(SOURCE_MAX, { error: `出典・備考は${SOURCE_MAX}文字以内で入力してください。` }),
      ),
    confirmChange,
  });
}

export function correctRevisionSchema(today: string) {
  return z.object({
    intent: z.literal("correct"),
    revision,
    amountYen,
    effectiveFrom: effectiveFrom(today),
    correctionReason: reason("訂正"),
    confirmChange,
  });
}

export const withdrawRevisionSchema = z.object({
  intent: z.literal("withdraw"),
  revision,
  withdrawalReason: reason("取消"),
});

export type RevisionIntent = "add" | "correct" | "withdraw";
