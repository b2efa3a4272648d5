/**
 * The field types of the wizard's forms (R-JOB-1), shared by the screens' schemas: each turns what a browser posts
 * (a string, or nothing) into the 求人票's value, and back into what the form shows (numberText, yesNoText…).
 *
 * They check FORM only — a number is a number, a time is a time, a choice is one of the choices — and never that
 * something is filled in: 一時保存 keeps an incomplete screen. What is required, and the legal rules, are findings
 * (rules/posting: checkRequired, validatePosting). Full-width digits, ":" and "," are accepted (NFKC); "20万" is not a
 * number (the message says how to write it).
 */
import { normalizeJaText, normalizeNumberLike } from "../../normalize";
import { z } from "../zod-ja";

/** Hard cap on any text (the real limits are the 求人票's, reported as findings with the count). */
const TEXT_CAP = 2000;

export const text = () =>
  z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""))
    .refine((v) => v.length <= TEXT_CAP, { error: `${TEXT_CAP}文字以内で入力してください。` });

/** Whole number in a range; "" → null. Accepts "２０００００", "200,000", "200000円". */
export const int = (label: string, min: number, max: number, unit = "") =>
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
export const decimal1 = (label: string, min: number, max: number) =>
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

export const duration = (label: string, maxMinutes: number) =>
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

export const timeOfDay = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const time = parseTimeOfDay(raw ?? "");
      if (time === undefined) {
        ctx.issues.push({ code: "custom", input: raw, message: `${label}は「08:30」のように24時間制の時刻で入力してください。` });
        return z.NEVER;
      }
      return time;
    });

export const date = (label: string) =>
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
export const yesNo = (label: string) =>
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
export const checkbox = () =>
  z
    .string()
    .optional()
    .transform((v) => v !== undefined && v !== "");

/** One of fixed choices; "" → null. */
export function choice<const T extends string>(label: string, values: readonly T[]) {
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

/** A phone or FAX number as typed ("0288-22-0353", full width accepted); "" when not given. */
export const phoneNumber = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => normalizeNumberLike(v ?? ""))
    .refine((v) => v === "" || /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v), { error: message });

// What the form shows for a stored value (the inverse of the field types above).

/** A number as the form's text: 200000 → "200000", not entered → "". */
export const numberText = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
/** A yes/no radio: true → "true", false → "false", not answered → "". */
export const yesNoText = (value: boolean | null | undefined) => (value === null || value === undefined ? "" : String(value));
/** A checkbox: checked → "on". */
export const checkboxText = (checked: boolean) => (checked ? "on" : "");
/** A group of checkboxes: { documents: true, interview: false } → { documents: "on", interview: "" }. */
export const checkboxTexts = (group: Record<string, boolean>) =>
  Object.fromEntries(Object.entries(group).map(([key, checked]) => [key, checkboxText(checked)]));
