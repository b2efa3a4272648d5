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

/**
 * 公開希望 under which the public 求人情報検索 and 求人票 leave out the 事業所名等 (2 is shown like 3 on these pages: they
 * are not the area of the seekers registered at Hello Work).
 */
export const ANONYMOUS_PUBLICATIONS: readonly number[] = [2, 3];

/** Whether the public pages of a posting of this 公開希望 hide what identifies the establishment. */
export function hidesEstablishmentFor(publication: number | null): boolean {
  return publication !== null && ANONYMOUS_PUBLICATIONS.includes(publication);
}

/**
 * The content without what identifies the establishment or where it is (公開希望 2/3): ホームページ, the 就業場所's 〒 and
 * street address (its prefecture stays), the 選考場所, the 担当者 and the images. The anonymised public 求人票 shows this
 * and the search text of such a posting is built from it, so the two cannot differ (issue 9 #8).
 */
export function anonymisedContent(content: PostingContent): PostingContent {
  return {
    ...content,
    company: { ...content.company, homepage: "" },
    workplaceDetail: { ...content.workplaceDetail, postalCode: "", address: "" },
    selection: {
      ...content.selection,
      place: "",
      contact: { title: "", name: "", nameKana: "", phone: "", extension: "", fax: "", email: "" },
    },
    pr: { ...content.pr, imageIds: [] },
  };
}

/**
 * Text for the public keyword search, NFKC and lower case so that ＡＢＣ and abc, ｶﾅ and カナ find each other. It holds
 * only what the posting's public page shows: for 公開希望 2/3 the anonymised content (otherwise `/jobs?no=…&q=<guess>`
 * answers whether a hidden address is right).
 */
export function searchTextOf(content: PostingContent, publication: number | null): string {
  const shown = hidesEstablishmentFor(publication) ? anonymisedContent(content) : content;
  return [
    shown.jobTitle,
    shown.jobDescription,
    shown.workplaceDetail.address,
    shown.workplaceDetail.nearestStation,
    shown.licenses.detail,
    shown.pr.message,
    shown.specialNotes,
  ]
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}

/**
 * The job_postings columns the public search uses, set at 受理 and when a 内容変更 is accepted: 公開希望 (the content's,
 * else `fallbackPublication`, the posting's current one) and the search text built for that 公開希望.
 */
export function publicFacts(content: PostingContent, fallbackPublication: number) {
  const publication = content.category.publication ?? fallbackPublication;
  return {
    publication,
    searchText: searchTextOf(content, publication),
    prefectureCode: content.workplace.prefectureCode,
    employmentType: content.employmentType,
    kind: postingKind(content),
  };
}
