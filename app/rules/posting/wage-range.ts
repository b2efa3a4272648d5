/**
 * 賃金 (a＋b＋c) as the 求人票 and the public search show it (reference/hellowork-domain.md §2.2 D): 基本給 (a) plus the
 * 定額的に支払われる手当 (b) plus the 固定残業代 (c), as a range from the lower to the upper 基本給.
 */
import { UNFILLED, yenLabel } from "../../lib/posting-labels";
import type { PostingContent } from "./types";

/** 賃金 (a+b+c) as a range; null when 基本給 is not entered. */
export function wageRange(content: Pick<PostingContent, "wage">): { min: number; max: number } | null {
  const { wage } = content;
  if (wage.baseMin === null && wage.baseMax === null) return null;
  const allowances = wage.allowances.reduce((sum, a) => sum + (a.amountYen ?? 0), 0);
  const overtime = wage.fixedOvertime.present ? (wage.fixedOvertime.amountYen ?? 0) : 0;
  const min = (wage.baseMin ?? wage.baseMax!) + allowances + overtime;
  const max = (wage.baseMax ?? wage.baseMin!) + allowances + overtime;
  return { min, max: Math.max(min, max) };
}

/** 「210,000円〜250,000円」, 「210,000円」 (no upper bound, or the same), 「〜250,000円」, or 「―」. */
export function yenRangeLabel(min: number | null, max: number | null): string {
  if (min === null && max === null) return UNFILLED;
  if (min === null) return `〜${yenLabel(max)}`;
  if (max === null || max === min) return yenLabel(min);
  return `${yenLabel(min)}〜${yenLabel(max)}`;
}

/** 「月給 210,000円〜250,000円」, or 「―」. */
export function wageRangeLabel(content: Pick<PostingContent, "wage">): string {
  const range = wageRange(content);
  if (!range) return UNFILLED;
  return `${content.wage.form} ${yenRangeLabel(range.min, range.max)}`;
}
