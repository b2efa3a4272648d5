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
