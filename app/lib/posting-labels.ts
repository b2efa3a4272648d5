/**
 * Japanese labels of the 求人票's coded values, shared by the wizard's choices, the 求人票 view, the print layout and
 * the officer's review. Values that are Japanese already (雇用形態, 学歴…) are their own labels. Data and formatting only:
 * a label that needs a rule (求人区分: postingKindLabel) is in rules/posting.
 */
import type { AllowanceKind, Publication, RenewalPossibility } from "./posting-content";

/** What an item of the 求人票 not filled in shows. */
export const UNFILLED = "―";

export const PUBLICATION_LABELS: Record<Publication, string> = {
  1: "1 事業所名等を含む求人情報を公開する",
  2: "2 ハローワークの求職者に限定して、事業所名等を含む求人情報を公開する",
  3: "3 事業所名等を含まない求人情報を公開する",
  4: "4 求人情報を公開しない",
};

export const CONTRACT_KIND_LABELS = { indefinite: "雇用期間の定めなし", fixed: "雇用期間の定めあり" } as const;

export const RENEWAL_LABELS: Record<RenewalPossibility, string> = {
  none: "契約更新の可能性なし",
  automatic: "契約更新の可能性あり（原則更新）",
  conditional: "契約更新の可能性あり（条件付きで更新あり）",
};

export const ALLOWANCE_KIND_LABELS: Record<AllowanceKind, string> = {
  other: "その他の手当（職務手当など）",
  commuting: "通勤手当",
  attendance: "精皆勤手当",
  family: "家族手当",
};

export const VARIABLE_SYSTEM_LABELS = {
  none: "なし",
  "1週間単位": "1週間単位の変形労働時間制",
  "1か月単位": "1か月単位の変形労働時間制",
  "1年単位": "1年単位の変形労働時間制",
  フレックス: "フレックスタイム制",
} as const;

export const STATUS_LABELS = {
  draft: "下書き",
  submitted: "申込み済み（ハローワーク確認中）",
  returned: "修正依頼あり",
  accepted: "受理（有効中）",
  stopped: "募集停止（無効）",
  expired: "紹介期限切れ（無効）",
} as const;

export const CHANGE_STATUS_LABELS = { draft: "内容変更の入力中", submitted: "内容変更の確認中", returned: "内容変更に修正依頼あり" } as const;

export const EXTENSION_STATUS_LABELS = {
  requested: "有効期間延長の申請中",
  approved: "有効期間を延長済み",
  refused: "有効期間延長は承認されませんでした",
} as const;

/** あり/なし style answers; null → 未入力. */
export function yesNoLabel(value: boolean | null, yes = "あり", no = "なし"): string {
  return value === null ? "未入力" : value ? yes : no;
}

/** 200000 → "200,000円". */
export function yenLabel(amount: number | null): string {
  return amount === null ? "" : `${amount.toLocaleString("ja-JP")}円`;
}

/** 465 → "7時間45分". */
export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return "";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}時間` : h === 0 ? `${m}分` : `${h}時間${m}分`;
}
