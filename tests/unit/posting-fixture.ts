/** A complete, lawful 求人票 for the posting-rule tests (栃木県, 月給, 8 h a day, 105 days off) and the real minimum wages. */
import minimumWageTsv from "../../data/reference/minimum_wage_jp.tsv?raw";
import { emptyPostingContent, type MinimumWageRow, type PostingContent } from "../../app/rules/posting";

/** data/reference/minimum_wage_jp.tsv as rows: FY2024 undated ("0000-01-01"), FY2025 from its effective date. */
export const MINIMUM_WAGES: MinimumWageRow[] = minimumWageTsv
  .trim()
  .split("\n")
  .slice(1)
  .flatMap((line) => {
    const [code, , fy2024, fy2025, date] = line.split("\t");
    return [
      { prefectureCode: code!, amountYen: Number(fy2024), effectiveFrom: "0000-01-01" },
      { prefectureCode: code!, amountYen: Number(fy2025), effectiveFrom: date!.trim() },
    ];
  });

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function lawfulPosting(): PostingContent {
  const p = emptyPostingContent();
  return {
    ...p,
    jobTitle: "製造スタッフ（食品の製造・包装）",
    jobDescription: "湯葉の製造と包装を担当していただきます。\n未経験の方も丁寧に指導します。",
    dutiesChangeScope: "変更なし",
    employmentType: "正社員",
    contract: { kind: "indefinite" },
    workplace: { prefectureCode: "09", transferPossible: false, changeScope: "" },
    smoking: { measure: "屋内禁煙", note: "" },
    wage: { ...p.wage, form: "月給", baseMin: 200_000, baseMax: 240_000, monthlyWorkingDays: 21.7 },
    hours: {
      ...p.hours,
      dailyMinutes: 480,
      weeklyMinutes: 2400,
      shifts: [{ start: "08:30", end: "17:30", breakMinutes: 60 }],
      breakMinutes: 60,
      annualHolidays: 105,
      holidaysText: "土日祝",
    },
    retirement: { present: true, age: 60 },
    experience: "不問",
  };
}

/** lawfulPosting() with some parts replaced (one level deep per top-level key). */
export function posting(patch: DeepPartial<PostingContent> = {}): PostingContent {
  const base = lawfulPosting();
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    out[key] =
      value !== null && typeof value === "object" && !Array.isArray(value) && current !== null && typeof current === "object"
        ? { ...current, ...value }
        : value;
  }
  return out as unknown as PostingContent;
}

export function codes(findings: { code: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.severity}:${f.code}`);
}
