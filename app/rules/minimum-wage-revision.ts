/**
 * Who may change the 地域別最低賃金 table, and how (issue 9 #9). Pure: the rows of the prefecture, today's JST date and
 * the actor come in; a verdict comes out.
 *
 * - Only a supervisor (統括職員), and only for the prefecture of the office (R-AUTH-4).
 * - A new 発効日 is today or later; one prefecture has one revision per 発効日.
 * - A revision can be corrected (amount / 発効日) or withdrawn (取消) only while it is not yet in force: its 発効日 is
 *   after today (JST). On its 発効日 it is in force, and from then on only the operator's import corrects it.
 * - An amount that differs from the one in force on the new 発効日 (the latest other revision on or before it) by
 *   more than ±20 % needs a confirmation of that very amount and date (a typing error such as 10680 or 168 would
 *   otherwise stop or pass every posting of the prefecture).
 */
import { formatJapaneseDate } from "../lib/clock";
import { prefectureName } from "../lib/prefectures";
import { minimumWageOn } from "./posting/minimum-wage";
import type { MinimumWageRow } from "./posting/types";

/** A change of more than this many percent against the amount in force asks for a confirmation. */
export const CONFIRM_CHANGE_PERCENT = 20;

export interface RevisionActor {
  role: "officer" | "supervisor";
  /** The prefecture of the actor's office. */
  prefectureCode: string;
}

export type RevisionChange =
  | { kind: "add"; prefectureCode: string; amountYen: number; effectiveFrom: string }
  /** `revision`: the 発効日 of the revision being corrected (with the prefecture, its key). */
  | { kind: "correct"; prefectureCode: string; revision: string; amountYen: number; effectiveFrom: string }
  | { kind: "withdraw"; prefectureCode: string; revision: string };

export type RevisionRefusalReason = "prefecture" | "not-found" | "in-force" | "past-date" | "duplicate" | "unchanged" | "confirm";

export type RevisionVerdict =
  | {
      ok: true;
      /** The revision as it was (correct, withdraw), or null (add). */
      before: MinimumWageRow | null;
      /** The amount in force on the new 発効日 that the new amount was compared with (add, correct), or null. */
      inForce: MinimumWageRow | null;
      /** The change against `inForce` in percent (one decimal), or null. */
      changePercent: number | null;
      /** Whether the change needed (and got) a confirmation. */
      confirmed: boolean;
    }
  | {
      ok: false;
      reason: RevisionRefusalReason;
      /** The form field the message belongs beside ("" for the whole form). */
      field: "prefectureCode" | "amountYen" | "effectiveFrom" | "";
      message: string;
      /** For "confirm": the value of the confirmation checkbox that confirms exactly this amount and date. */
      confirmation?: string;
    };

/** A supervisor of an office in the prefecture. */
export function mayChangeMinimumWages(actor: RevisionActor, prefectureCode: string): boolean {
  return actor.role === "supervisor" && actor.prefectureCode === prefectureCode;
}

/** A revision is not yet in force while its 発効日 is after today (JST): only then may it be corrected or withdrawn. */
export function isNotYetInForce(effectiveFrom: string, today: string): boolean {
  return effectiveFrom > today;
}

/** The change from `before` to `after` in percent, rounded to one decimal (e.g. 1,068 → 1,335: 25). */
export function changePercent(before: number, after: number): number {
  return Math.round(((after - before) * 1000) / before) / 10;
}

/** More than ±CONFIRM_CHANGE_PERCENT % (in integers: |after − before| × 100 > 20 × before). */
export function needsConfirmation(before: number | null, after: number): boolean {
  if (before === null || before <= 0) return false;
  return Math.abs(after - before) * 100 > CONFIRM_CHANGE_PERCENT * before;
}

/** The value a confirmation checkbox carries: it confirms this amount on this date, nothing else. */
export function confirmationValue(amountYen: number, effectiveFrom: string): string {
  return `${effectiveFrom}:${amountYen}`;
}

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
const signed = (p: number) => `${p > 0 ? "+" : p < 0 ? "-" : "±"}${Math.abs(p).toFixed(1)}%`;

function refuse(reason: RevisionRefusalReason, field: "prefectureCode" | "amountYen" | "effectiveFrom" | "", message: string): RevisionVerdict {
  return { ok: false, reason, field, message };
}

export interface RevisionCheck {
  actor: RevisionActor;
  change: RevisionChange;
  /** The rows of the change's prefecture (any order). */
  rows: readonly MinimumWageRow[];
  today: string;
  /** The confirmation checkbox's value as posted, or null when it was not checked. */
  confirmation: string | null;
}

export function checkRevisionChange({ actor, change, rows, today, confirmation }: RevisionCheck): RevisionVerdict {
  const own = prefectureName(actor.prefectureCode) || actor.prefectureCode;
  if (!mayChangeMinimumWages(actor, change.prefectureCode)) {
    return refuse(
      "prefecture",
      "prefectureCode",
      `最低賃金の登録・訂正・取消は、所属するハローワークの都道府県（${own}）のものに限られます。ほかの都道府県の改定は、その都道府県のハローワークの統括職員が行います。`,
    );
  }
  const mine = rows.filter((r) => r.prefectureCode === change.prefectureCode);
  let before: MinimumWageRow | null = null;
  if (change.kind !== "add") {
    before = mine.find((r) => r.effectiveFrom === change.revision) ?? null;
    if (!before)
      return refuse("not-found", "", "この改定は登録されていません（ほかの職員が訂正または取り消した可能性があります）。最新の履歴を確認してください。");
    if (!isNotYetInForce(before.effectiveFrom, today)) {
      return refuse(
        "in-force",
        "",
        "この最低賃金はすでに適用中（または過去のもの）のため、訂正・取消はできません。訂正・取消できるのは、発効日が明日以降の改定予定だけです。",
      );
    }
    if (change.kind === "withdraw") return { ok: true, before, inForce: null, changePercent: null, confirmed: false };
  }
  const { amountYen, effectiveFrom } = change;
  if (effectiveFrom < today) {
    return refuse(
      "past-date",
      "effectiveFrom",
      "発効日に過去の日付は登録できません。本日以降の日付を入力してください（過去の改定の訂正は、運用担当者が一括取込みで行います）。",
    );
  }
  const others = mine.filter((r) => r !== before);
  if (others.some((r) => r.effectiveFrom === effectiveFrom)) {
    return refuse("duplicate", "effectiveFrom", "この都道府県には、同じ発効日の最低賃金が既に登録されています。発効日を確認してください。");
  }
  if (before && before.amountYen === amountYen && before.effectiveFrom === effectiveFrom) {
    return refuse("unchanged", "amountYen", "金額も発効日も登録済みの内容と同じです。訂正する金額または発効日を入力してください。");
  }
  const inForce = minimumWageOn(others, change.prefectureCode, effectiveFrom);
  const percent = inForce ? changePercent(inForce.amountYen, amountYen) : null;
  const asked = needsConfirmation(inForce?.amountYen ?? null, amountYen);
  const value = confirmationValue(amountYen, effectiveFrom);
  if (asked && inForce && confirmation !== value) {
    return {
      ok: false,
      reason: "confirm",
      field: "amountYen",
      message:
        `${formatJapaneseDate(effectiveFrom)}の前日まで適用される${own}の最低賃金 ${yen(inForce.amountYen)}から ${signed(percent!)}（${yen(amountYen)}）の変更です。` +
        `${CONFIRM_CHANGE_PERCENT}%を超える変更のため、金額と発効日に誤りがないか確認し、「この金額で登録することを確認しました」にチェックして、もう一度送信してください。`,
      confirmation: value,
    };
  }
  return { ok: true, before, inForce, changePercent: percent, confirmed: asked };
}
