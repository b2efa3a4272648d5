/**
 * What an employer may see of a referred job seeker (R-REF-2, ADR 0020 "Disclosure"): 氏名, カナ and 年齢 always; each
 * other item only when the seeker agreed to disclose it (the seeker's `disclosure`, a JSON array of DISCLOSURE_ITEMS).
 * The birth date is one of those items: never shown unless agreed, even though the age is computed from it.
 * Pure: the seeker row and today in, only the shown values out — a page returns this and nothing else of the seeker.
 */
import { ageOn } from "./referral";

export const DISCLOSURE_ITEMS = ["birthDate", "address", "phone", "email", "licences", "workHistory", "selfPr", "desired"] as const;
export type DisclosureItem = (typeof DISCLOSURE_ITEMS)[number];

export const DISCLOSURE_LABELS: Record<DisclosureItem, string> = {
  birthDate: "生年月日",
  address: "住所",
  phone: "電話番号",
  email: "メールアドレス",
  licences: "免許・資格",
  workHistory: "職歴",
  selfPr: "自己PR",
  desired: "希望条件",
};

/** The agreed items of a stored `disclosure` (unknown entries and broken JSON mean nothing is agreed). */
export function parseDisclosure(json: string | null | undefined): DisclosureItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return DISCLOSURE_ITEMS.filter((item) => raw.includes(item));
}

/** The seeker's fields this module reads (a job_seekers row has them; names of places already looked up). */
export interface SeekerForDisclosure {
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  /** 都道府県・市区町村 names of the address (looked up by the caller), and the rest of the address. */
  prefectureName?: string | null;
  municipalityName?: string | null;
  address: string;
  phone: string;
  email: string | null;
  licences: string;
  workHistory: string;
  selfPr: string;
  desiredOccupation: string;
  desiredEmploymentType: string;
  desiredWorkStyle: "full" | "part" | "either";
  desiredWageForm: "月給" | "日給" | "時間給" | null;
  desiredWage: number | null;
  desiredHours: string;
  disclosure: string;
}

export interface DisclosedItem {
  item: DisclosureItem;
  label: string;
  value: string;
}

export interface DisclosedSeeker {
  name: string;
  nameKana: string;
  age: number;
  /** The agreed items, in DISCLOSURE_ITEMS order, each with its label and the value as shown (empty values left out). */
  items: DisclosedItem[];
}

const WORK_STYLE_LABELS = { full: "フルタイム", part: "パートタイム", either: "フルタイム・パートタイムどちらでも" } as const;

function formatBirthDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** 希望条件 as one text: 職種, 雇用形態, フルタイム/パート, 賃金, 就業時間. */
export function desiredConditionsText(s: SeekerForDisclosure): string {
  const lines = [
    s.desiredOccupation ? `希望職種：${s.desiredOccupation}` : null,
    `希望雇用形態：${s.desiredEmploymentType || "問わない"}（${WORK_STYLE_LABELS[s.desiredWorkStyle]}）`,
    s.desiredWageForm && s.desiredWage !== null ? `希望賃金：${s.desiredWageForm} ${s.desiredWage.toLocaleString("ja-JP")}円以上` : null,
    s.desiredHours ? `希望就業時間：${s.desiredHours}` : null,
  ];
  return lines.filter((l) => l !== null).join("\n");
}

function valueOf(item: DisclosureItem, s: SeekerForDisclosure): string {
  switch (item) {
    case "birthDate":
      return formatBirthDate(s.birthDate);
    case "address": {
      const place = `${s.prefectureName ?? ""}${s.municipalityName ?? ""}${s.address}`;
      return [s.postalCode ? `〒${s.postalCode}` : "", place].filter(Boolean).join(" ");
    }
    case "phone":
      return s.phone;
    case "email":
      return s.email ?? "";
    case "licences":
      return s.licences;
    case "workHistory":
      return s.workHistory;
    case "selfPr":
      return s.selfPr;
    case "desired":
      return desiredConditionsText(s);
  }
}

/** Only what may be shown to the employer: 氏名, カナ, 年齢 (on `today`) and the agreed items. */
export function disclosedSeeker(seeker: SeekerForDisclosure, today: string): DisclosedSeeker {
  const agreed = parseDisclosure(seeker.disclosure);
  return {
    name: seeker.name,
    nameKana: seeker.nameKana,
    age: ageOn(seeker.birthDate, today),
    items: agreed.map((item) => ({ item, label: DISCLOSURE_LABELS[item], value: valueOf(item, seeker) })).filter((i) => i.value !== ""),
  };
}

/** Every item, agreed or not (the referring office's officer sees the seeker in full). */
export function fullSeeker(seeker: SeekerForDisclosure, today: string): DisclosedSeeker {
  return {
    ...disclosedSeeker({ ...seeker, disclosure: JSON.stringify(DISCLOSURE_ITEMS) }, today),
    items: DISCLOSURE_ITEMS.map((item) => ({ item, label: DISCLOSURE_LABELS[item], value: valueOf(item, seeker) || "―" })),
  };
}
