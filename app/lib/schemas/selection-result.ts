/**
 * 選考結果の登録 (R-REF-3): the employer's form on /mypage/applicants/:id and the officer's two forms on
 * /staff/referrals/:id (a result reported by phone with the same fields, or a 辞退 with its date and a note). Shared by
 * the browser (Conform) and the actions; the messages say how to fix the input.
 *
 * - 選考結果: 採用 or 不採用 (required; never back to 選考中).
 * - 雇用予定日: required with 採用 (a date; full-width digits and 2026/4/1, 2026年4月1日 accepted); ignored with 不採用.
 * - 求人票の労働条件と採用条件の相違: あり / なし (required); with あり at least one item (rules/referral DIFFERENCE_ITEMS,
 *   one checkbox each: `differences.wage` …) and, with その他, the note (required then, ≤ 400 characters).
 * - version: the referral's state and update time as the page showed them (the compare-and-set of the model).
 */
import { DIFFERENCE_ITEMS, DIFFERENCE_LABELS, type DifferenceItem } from "../../rules/referral";
import { normalizeJaText } from "../normalize";
import { checkbox, date } from "./posting/fields";
import { z } from "./zod-ja";

export const DIFFERENCE_NOTE_MAX = 400;
export const DECLINE_NOTE_MAX = 400;

export const RESULT_MESSAGES = {
  result: "選考結果を「採用」か「不採用」から選んでください。",
  hireDate: "採用の場合は、雇用予定日を「2026-04-01」のように入力してください。",
  conditionsDiffer: "求人票の労働条件と採用条件の相違が「あり」か「なし」かを選んでください。",
  differences: "相違がある項目を1つ以上選んでください。",
  differenceNote: "「その他」を選んだ場合は、相違の内容を入力してください。",
  differenceNoteMax: `相違の内容は${DIFFERENCE_NOTE_MAX}文字以内で入力してください。`,
  declinedOn: "辞退の連絡を受けた日を「2026-04-01」のように入力してください。",
  declineNoteMax: `メモは${DECLINE_NOTE_MAX}文字以内で入力してください。`,
  intent: "「電話で連絡を受けた選考結果」か「辞退」を選んでください。",
} as const;

const text = () =>
  z
    .string()
    .optional()
    .transform((v) => normalizeJaText(v ?? ""));

const resultChoice = z
  .string({ error: RESULT_MESSAGES.result })
  .refine((v) => v === "hired" || v === "rejected", { error: RESULT_MESSAGES.result })
  .transform((v) => v as "hired" | "rejected");

const yesNoRequired = z
  .string({ error: RESULT_MESSAGES.conditionsDiffer })
  .refine((v) => v === "true" || v === "false", { error: RESULT_MESSAGES.conditionsDiffer })
  .transform((v) => v === "true");

const differencesShape = Object.fromEntries(DIFFERENCE_ITEMS.map((item) => [item, checkbox()])) as Record<DifferenceItem, ReturnType<typeof checkbox>>;

const resultShape = {
  result: resultChoice,
  hireDate: date("雇用予定日"),
  conditionsDiffer: yesNoRequired,
  differences: z.object(differencesShape).optional(),
  differenceNote: text(),
  version: z.string().optional(),
};

interface ResultInput {
  result: "hired" | "rejected";
  hireDate: string | null;
  conditionsDiffer: boolean;
  differences?: Partial<Record<DifferenceItem, boolean>>;
  differenceNote: string;
}

function checkResult(value: ResultInput, ctx: z.RefinementCtx) {
  if (value.result === "hired" && !value.hireDate) ctx.addIssue({ code: "custom", path: ["hireDate"], message: RESULT_MESSAGES.hireDate });
  const chosen = DIFFERENCE_ITEMS.filter((item) => value.differences?.[item]);
  if (value.conditionsDiffer && chosen.length === 0) ctx.addIssue({ code: "custom", path: ["differences"], message: RESULT_MESSAGES.differences });
  if (value.conditionsDiffer && chosen.includes("other") && !value.differenceNote) {
    ctx.addIssue({ code: "custom", path: ["differenceNote"], message: RESULT_MESSAGES.differenceNote });
  }
  if ([...value.differenceNote].length > DIFFERENCE_NOTE_MAX)
    ctx.addIssue({ code: "custom", path: ["differenceNote"], message: RESULT_MESSAGES.differenceNoteMax });
}

/** The employer's 選考結果 form (also a correction of an earlier result). */
export const resultSchema = z.object(resultShape).superRefine(checkResult);

/** The officer's forms: `intent` phone (a result reported by phone, the same fields) or declined (辞退: date and note). */
export const staffResultSchema = z
  .object({
    intent: z
      .string({ error: RESULT_MESSAGES.intent })
      .refine((v) => v === "phone" || v === "declined", { error: RESULT_MESSAGES.intent })
      .transform((v) => v as "phone" | "declined"),
    result: z.string().optional(),
    hireDate: date("雇用予定日"),
    conditionsDiffer: z.string().optional(),
    differences: z.object(differencesShape).optional(),
    differenceNote: text(),
    declinedOn: date("辞退の連絡を受けた日"),
    declineNote: text(),
    version: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "declined") {
      if (!value.declinedOn) ctx.addIssue({ code: "custom", path: ["declinedOn"], message: RESULT_MESSAGES.declinedOn });
      if ([...value.declineNote].length > DECLINE_NOTE_MAX) ctx.addIssue({ code: "custom", path: ["declineNote"], message: RESULT_MESSAGES.declineNoteMax });
      return;
    }
    const result = resultChoice.safeParse(value.result);
    const differ = yesNoRequired.safeParse(value.conditionsDiffer);
    if (!result.success) ctx.addIssue({ code: "custom", path: ["result"], message: RESULT_MESSAGES.result });
    if (!differ.success) ctx.addIssue({ code: "custom", path: ["conditionsDiffer"], message: RESULT_MESSAGES.conditionsDiffer });
    checkResult(
      {
        result: result.success ? result.data : "rejected",
        hireDate: value.hireDate,
        conditionsDiffer: differ.success ? differ.data : false,
        differences: value.differences,
        differenceNote: value.differenceNote,
      },
      ctx,
    );
  });

/** What the model stores for a result (採用/不採用 with the 相違). */
export interface ResultValues {
  status: "hired" | "rejected";
  hireDate: string | null;
  conditionsDiffer: boolean;
  differences: DifferenceItem[];
  differenceNote: string;
}

/** A parsed result form → the stored values: 雇用予定日 only with 採用, items and note only with 相違あり. */
export function resultValuesOf(value: ResultInput): ResultValues {
  const differences = value.conditionsDiffer ? DIFFERENCE_ITEMS.filter((item) => value.differences?.[item]) : [];
  return {
    status: value.result,
    hireDate: value.result === "hired" ? value.hireDate : null,
    conditionsDiffer: value.conditionsDiffer,
    differences,
    differenceNote: value.conditionsDiffer ? value.differenceNote : "",
  };
}

/** The officer's parsed form → a result reported by phone, or a 辞退. */
export function staffValuesOf(
  value: z.output<typeof staffResultSchema>,
): { kind: "phone"; result: ResultValues } | { kind: "declined"; declinedOn: string; note: string } {
  if (value.intent === "declined") return { kind: "declined", declinedOn: value.declinedOn ?? "", note: value.declineNote };
  return {
    kind: "phone",
    result: resultValuesOf({
      result: value.result === "hired" ? "hired" : "rejected",
      hireDate: value.hireDate,
      conditionsDiffer: value.conditionsDiffer === "true",
      differences: value.differences,
      differenceNote: value.differenceNote,
    }),
  };
}

export const RESULT_OPTIONS = [
  { value: "hired", label: "採用" },
  { value: "rejected", label: "不採用" },
] as const;

export const DIFFERENCE_OPTIONS = DIFFERENCE_ITEMS.map((item) => ({ item, label: DIFFERENCE_LABELS[item] }));
