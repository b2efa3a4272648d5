/**
 * Length limits of the 求人票's text fields (R-JOB-1; reference/hellowork-domain.md §2.2, §14), with the full-width /
 * half-width normalisation of Hello Work's forms: text is compared and counted after NFKC (「ＡＢＣ１２３」 →
 * "ABC123", half-width ｶﾞ → ガ, so a half-width katakana with its voicing mark counts as one character, as people count),
 * line breaks unified to "\n". Characters are Unicode code points after NFKC; line breaks are not counted as
 * characters but limit the number of lines.
 *
 * Limits: 職種 28 characters / 1 line, 仕事内容 360 / 12 lines, 休日等 60 / 2 lines (sourced [第三者] T5 T6);
 * the others are the project's choice where no public source gives the number (see the table's comments).
 */
import { error, type Finding } from "./findings";
import type { PostingContent } from "./types";

/** NFKC, line breaks → "\n", trailing spaces of each line and surrounding blank lines removed. */
export function normalizePostingText(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Characters as people count them (after normalisation, line breaks excluded). */
export function countCharacters(value: string): number {
  return [...normalizePostingText(value).replace(/\n/g, "")].length;
}

export function countLines(value: string): number {
  const text = normalizePostingText(value);
  return text === "" ? 0 : text.split("\n").length;
}

export interface LengthLimit {
  /** Dotted path of the field. */
  field: string;
  label: string;
  maxChars: number;
  maxLines: number;
  pick: (content: PostingContent) => string;
}

export const LENGTH_LIMITS: readonly LengthLimit[] = [
  { field: "jobTitle", label: "職種", maxChars: 28, maxLines: 1, pick: (c) => c.jobTitle },
  { field: "jobDescription", label: "仕事内容", maxChars: 360, maxLines: 12, pick: (c) => c.jobDescription },
  { field: "hours.holidaysText", label: "休日等", maxChars: 60, maxLines: 2, pick: (c) => c.hours.holidaysText },
  // Project's choices [未確認]: room for a sentence or two, like the neighbouring fields of the paper form.
  { field: "dutiesChangeScope", label: "業務の変更の範囲", maxChars: 120, maxLines: 4, pick: (c) => c.dutiesChangeScope },
  { field: "employmentTypeName", label: "雇用形態の名称", maxChars: 20, maxLines: 1, pick: (c) => c.employmentTypeName },
  {
    field: "contract.renewalConditions",
    label: "契約更新の条件",
    maxChars: 120,
    maxLines: 4,
    pick: (c) => (c.contract.kind === "fixed" ? c.contract.renewalConditions : ""),
  },
  { field: "workplace.changeScope", label: "就業場所の変更の範囲", maxChars: 60, maxLines: 2, pick: (c) => c.workplace.changeScope },
  { field: "smoking.note", label: "受動喫煙対策（補足）", maxChars: 60, maxLines: 2, pick: (c) => c.smoking.note },
  { field: "age.reason", label: "年齢制限の理由", maxChars: 60, maxLines: 2, pick: (c) => (c.age.kind === "exception" ? c.age.reason : "") },
  { field: "wage.bonus.description", label: "賞与", maxChars: 60, maxLines: 2, pick: (c) => c.wage.bonus.description },
  { field: "specialNotes", label: "求人に関する特記事項", maxChars: 600, maxLines: 20, pick: (c) => c.specialNotes },
  { field: "company.businessDescription", label: "事業内容", maxChars: 90, maxLines: 3, pick: (c) => c.company.businessDescription },
  { field: "company.features", label: "会社の特長", maxChars: 90, maxLines: 3, pick: (c) => c.company.features },
  { field: "experienceDetail", label: "必要な経験等の内容", maxChars: 60, maxLines: 2, pick: (c) => c.experienceDetail },
  { field: "pcSkills.detail", label: "必要なPCスキル", maxChars: 60, maxLines: 2, pick: (c) => c.pcSkills.detail },
  { field: "licenses.detail", label: "必要な免許・資格", maxChars: 60, maxLines: 2, pick: (c) => c.licenses.detail },
  { field: "payTerms.otherAllowancesNote", label: "その他の手当等付記事項", maxChars: 90, maxLines: 3, pick: (c) => c.payTerms.otherAllowancesNote },
  { field: "payTerms.annualIncomeExample", label: "年収例", maxChars: 60, maxLines: 2, pick: (c) => c.payTerms.annualIncomeExample },
  { field: "hours.hoursNote", label: "就業時間に関する特記事項", maxChars: 90, maxLines: 3, pick: (c) => c.hours.hoursNote },
  { field: "pr.message", label: "事業所からのメッセージ", maxChars: 300, maxLines: 10, pick: (c) => c.pr.message },
  { field: "pr.training", label: "研修制度", maxChars: 90, maxLines: 3, pick: (c) => c.pr.training },
  // 補足事項 全角300文字以内 [第三者 quoting MHLW leaflet] T8.
  { field: "selection.notes", label: "選考に関する補足事項", maxChars: 300, maxLines: 10, pick: (c) => c.selection.notes },
  { field: "selection.schedule", label: "選考日時等", maxChars: 60, maxLines: 2, pick: (c) => c.selection.schedule },
  { field: "selection.place", label: "選考場所", maxChars: 60, maxLines: 2, pick: (c) => c.selection.place },
];

export function checkLength(limit: LengthLimit, value: string): Finding[] {
  const chars = countCharacters(value);
  const lines = countLines(value);
  const findings: Finding[] = [];
  if (chars > limit.maxChars) {
    findings.push(
      error(limit.field, "length.too-long", `${limit.label}は${limit.maxChars}文字以内で入力してください（現在${chars}文字。全角・半角とも1文字と数えます）。`),
    );
  }
  if (lines > limit.maxLines) {
    findings.push(
      error(
        limit.field,
        "length.too-many-lines",
        limit.maxLines === 1
          ? `${limit.label}は改行せずに1行で入力してください。`
          : `${limit.label}は${limit.maxLines}行以内で入力してください（現在${lines}行）。`,
      ),
    );
  }
  return findings;
}

export function checkLengths(content: PostingContent): Finding[] {
  return LENGTH_LIMITS.flatMap((limit) => checkLength(limit, limit.pick(content)));
}
