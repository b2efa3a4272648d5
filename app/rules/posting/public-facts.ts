/**
 * Facts derived from a 求人票 without a database: 求人区分 (フルタイム/パート, from the hours) and what the public search
 * filters and matches on. No runtime imports, so the demo seed script (Node) can use it too.
 */
import type { PostingContent } from "./types.ts";

/** 求人区分: パート when the weekly hours are shorter than the establishment's full-time hours (null = not known yet). */
export function postingKind(content: Pick<PostingContent, "hours">): "フルタイム" | "パート" | null {
  const { weeklyMinutes, fullTimeWeeklyMinutes } = content.hours;
  if (weeklyMinutes === null || fullTimeWeeklyMinutes === null) return null;
  return weeklyMinutes < fullTimeWeeklyMinutes ? "パート" : "フルタイム";
}

/** 求人区分 for display: フルタイム / パート (from the hours; `unknown` while the hours are not entered), plus 大卒等 / 障害者. */
export function postingKindLabel(content: Pick<PostingContent, "hours" | "universityGraduate" | "category">, unknown = "未確定"): string {
  const parts = [postingKind(content) ?? unknown];
  if (content.universityGraduate) parts.push("大卒等");
  if (content.category.disabilityPosting) parts.push("障害者");
  return parts.join("・");
}

/** Text for the public keyword search, NFKC and lower case so that ＡＢＣ and abc, ｶﾅ and カナ find each other. */
export function searchTextOf(content: PostingContent): string {
  return [
    content.jobTitle,
    content.jobDescription,
    content.workplaceDetail.address,
    content.workplaceDetail.nearestStation,
    content.licenses.detail,
    content.pr.message,
    content.specialNotes,
  ]
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}

/** The job_postings columns the public search uses, set at 受理 and when a 内容変更 is accepted. */
export function publicFacts(content: PostingContent) {
  return {
    searchText: searchTextOf(content),
    prefectureCode: content.workplace.prefectureCode,
    employmentType: content.employmentType,
    kind: postingKind(content),
  };
}
