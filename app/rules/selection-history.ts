/**
 * How a 選考結果 and its history read (R-REF-3: every change keeps who, when, before and after): the words of each
 * history action, of who made it, and of a result as one line. Pure; the pages and the 紹介状 use the same words.
 */
import { formatJapaneseDate } from "../lib/clock";
import { DIFFERENCE_ITEMS, DIFFERENCE_LABELS, REFERRAL_STATUS_LABELS, type DifferenceItem, type ReferralStatus } from "./referral";

export type HistoryAction = "referred" | "result" | "correction" | "declined" | "phone";

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
  referred: "紹介",
  result: "選考結果の登録",
  correction: "選考結果の訂正",
  declined: "辞退の記録",
  phone: "電話で連絡を受けた選考結果の記録",
};

/** The result fields of a history entry (referral_events before / after). */
export interface ResultSnapshot {
  status: ReferralStatus;
  hireDate?: string | null;
  conditionsDiffer?: boolean | null;
  differences?: string[];
  differenceNote?: string;
  declinedOn?: string;
  note?: string;
}

export function parseSnapshot(json: string | null): ResultSnapshot | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as ResultSnapshot;
    return value && typeof value.status === "string" ? value : null;
  } catch {
    return null;
  }
}

/** 「相違あり（賃金・その他：…）」 or 「相違なし」; null when not answered. */
export function differenceText(snapshot: Pick<ResultSnapshot, "conditionsDiffer" | "differences" | "differenceNote">): string | null {
  if (snapshot.conditionsDiffer === null || snapshot.conditionsDiffer === undefined) return null;
  if (!snapshot.conditionsDiffer) return "相違なし";
  const items = DIFFERENCE_ITEMS.filter((item) => snapshot.differences?.includes(item)).map((item: DifferenceItem) => DIFFERENCE_LABELS[item]);
  const note = snapshot.differenceNote ? `：${snapshot.differenceNote}` : "";
  return `相違あり（${items.join("・")}${note}）`;
}

/** A result as one line: 「採用（雇用予定日 2026年12月1日、相違なし）」, 「辞退（2026年11月20日に連絡）」, 「選考中」. */
export function resultText(snapshot: ResultSnapshot | null): string {
  if (!snapshot) return "―";
  const label = REFERRAL_STATUS_LABELS[snapshot.status] ?? "―";
  if (snapshot.status === "screening") return label;
  if (snapshot.status === "declined") {
    const parts = [snapshot.declinedOn ? `${formatJapaneseDate(snapshot.declinedOn)}に連絡` : null, snapshot.note ? `メモ：${snapshot.note}` : null].filter(
      Boolean,
    );
    return parts.length ? `${label}（${parts.join("、")}）` : label;
  }
  const parts = [
    snapshot.status === "hired" && snapshot.hireDate ? `雇用予定日 ${formatJapaneseDate(snapshot.hireDate)}` : null,
    differenceText(snapshot),
  ].filter(Boolean);
  return parts.length ? `${label}（${parts.join("、")}）` : label;
}

/** Who made a change: 事業所, ハローワーク職員（ハローワーク日光）, or the system. */
export function actorText(actorType: "employer" | "staff" | "system" | "seeker", staffOfficeName: string | null): string {
  if (actorType === "employer") return "事業所";
  if (actorType === "seeker") return "求職者";
  if (actorType === "staff") return staffOfficeName ? `ハローワーク職員（${staffOfficeName}）` : "ハローワーク職員";
  return "システム";
}
