/**
 * Minimum-wage revisions after 受理 (R-JOB-1, issue 10 #3; ADR 0015): which postings a revision of the 地域別最低賃金
 * affects, and from when. Pure: the posting's state and versions, the minimum-wage rows of one prefecture and today's
 * JST date come in.
 *
 * A posting is affected by a revision of prefecture P when
 * - it is valid today (受理, 紹介期限 ≥ today) or pending (a new posting 申込み中, or an accepted one whose 内容変更 waits
 *   for review);
 * - the revision is the one in force today, or takes effect after today and on or before the posting's 紹介期限 (for a
 *   new posting under review: the 紹介期限 it would get if accepted today);
 * - one of its live versions — the published 求人票, and the version waiting for review — has its 就業場所 in P and a
 *   wage (基本給 lower bound, 試用期間 wage) whose hourly equivalent (minimum-wage.ts) is below the revision's amount.
 *   A wage that cannot be converted (a number not entered) is not judged here: the required findings ask for it.
 *
 * From when (alertPhase): from 発効日 − 7 days (REVISION_BLOCK_DAYS, the day the 求人票's own check turns red) the
 * employer is told (お知らせ + mail, once per posting and revision) and the officer's queue lists it; from the 発効日
 * a posting still below is 公開保留: out of the public search and not referred, until a 内容変更 that raises the wage
 * is accepted (or the posting ends).
 */
import { addDays } from "../../lib/clock";
import type { Finding } from "./findings";
import { checkMinimumWage, hourlyEquivalent, meetsMinimum, minimumWageOn, REVISION_BLOCK_DAYS, UNDATED } from "./minimum-wage";
import type { MinimumWageRow, PostingContent } from "./types";
import { validUntil as validUntilFor } from "./validity";

/** What the rule reads of a posting (a job_postings row with its documents parsed). */
export interface AlertCandidate {
  status: string;
  changeStatus: string | null;
  validUntil: string | null;
  universityGraduate: boolean;
  /** The published 求人票 (accepted postings). */
  published: PostingContent | null;
  /** The working copy: a new posting under review, or a 内容変更. */
  working: PostingContent;
}

/** One posting's alert for one revision (its prefecture, 発効日 and amount). */
export interface MinimumWageAlert {
  prefectureCode: string;
  effectiveFrom: string;
  amountYen: number;
  /** 発効日 − 7 days: from this day the employer is told and the officer's queue lists the posting. */
  alertFrom: string;
}

export type AlertPhase = "ahead" | "due" | "suspended";

/** The versions of a posting that are public or waiting for review (none for a draft, a returned or an ended one). */
export function liveVersions(posting: AlertCandidate): PostingContent[] {
  if (posting.status === "submitted") return [posting.working];
  if (posting.status !== "accepted") return [];
  return [posting.published ?? posting.working, ...(posting.changeStatus === "submitted" ? [posting.working] : [])];
}

/** The last day the posting is (or, under review, would be if accepted today) valid; null when it is neither valid nor pending. */
export function alertValidUntil(posting: AlertCandidate, today: string): string | null {
  if (posting.status === "submitted") return validUntilFor(today, { universityGraduate: posting.universityGraduate });
  if (posting.status === "accepted" && posting.validUntil && posting.validUntil >= today) return posting.validUntil;
  return null;
}

/** Whether every wage of a version (基本給 lower bound, 試用期間 wage) meets an hourly amount; true when none can be converted. */
export function versionMeets(content: PostingContent, amountYen: number): boolean {
  const amounts = [content.wage.baseMin];
  if (content.trialPeriod.present && !content.trialPeriod.sameConditions) amounts.push(content.trialPeriod.wageMin);
  return amounts.every((amount) => {
    if (amount === null) return true;
    const eq = hourlyEquivalent(content, amount);
    return eq === null || meetsMinimum(eq, amountYen);
  });
}

/** The revisions of a prefecture that may affect a posting valid until `until`: the one in force today and those ahead. */
function revisionsFor(rows: readonly MinimumWageRow[], prefectureCode: string, today: string, until: string): MinimumWageRow[] {
  const inForce = minimumWageOn(rows, prefectureCode, today);
  const ahead = rows
    .filter((r) => r.prefectureCode === prefectureCode && r.effectiveFrom > today && r.effectiveFrom <= until)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return [...(inForce && inForce.effectiveFrom !== UNDATED ? [inForce] : []), ...ahead];
}

/** The alerts a posting should have for the revisions of one prefecture today (none when it meets them all). */
export function minimumWageAlertsOf(posting: AlertCandidate, rows: readonly MinimumWageRow[], prefectureCode: string, today: string): MinimumWageAlert[] {
  const until = alertValidUntil(posting, today);
  if (!until) return [];
  const versions = liveVersions(posting).filter((v) => v.workplace.prefectureCode === prefectureCode);
  if (versions.length === 0) return [];
  return revisionsFor(rows, prefectureCode, today, until)
    .filter((r) => versions.some((v) => !versionMeets(v, r.amountYen)))
    .map((r) => ({ prefectureCode, effectiveFrom: r.effectiveFrom, amountYen: r.amountYen, alertFrom: addDays(r.effectiveFrom, -REVISION_BLOCK_DAYS) }));
}

/** Before 発効日 − 7: nothing yet; from then: told and listed; from the 発効日: 公開保留 (ADR 0015). */
export function alertPhase(alert: Pick<MinimumWageAlert, "effectiveFrom">, today: string): AlertPhase {
  if (today < addDays(alert.effectiveFrom, -REVISION_BLOCK_DAYS)) return "ahead";
  return today < alert.effectiveFrom ? "due" : "suspended";
}

/** The identity of an alert (one お知らせ per posting and revision: its prefecture, 発効日 and amount). */
export function alertKey(alert: Pick<MinimumWageAlert, "prefectureCode" | "effectiveFrom" | "amountYen">): string {
  return `${alert.prefectureCode}:${alert.effectiveFrom}:${alert.amountYen}`;
}

/** What the posting's pages show of an accepted posting's published 求人票 against the minimum wages (null: nothing). */
export interface PublishedMinimumWage {
  /** The 最低賃金 findings of the published version (orange ahead of 発効日 − 7, red from then). */
  findings: Finding[];
  /** Of the earliest revision it falls below. */
  phase: AlertPhase;
  effectiveFrom: string;
  amountYen: number;
}

/**
 * The published 求人票 of an accepted, valid posting against the revisions of its 就業場所's prefecture — what the
 * employer's posting page and the officer's review page show, whether or not a 内容変更 is in progress.
 */
export function publishedMinimumWage(posting: AlertCandidate, rows: readonly MinimumWageRow[], today: string): PublishedMinimumWage | null {
  if (posting.status !== "accepted" || !posting.validUntil || posting.validUntil < today) return null;
  const published = posting.published ?? posting.working;
  const prefecture = published.workplace.prefectureCode;
  if (!prefecture) return null;
  const [first] = minimumWageAlertsOf({ ...posting, changeStatus: null }, rows, prefecture, today);
  if (!first) return null;
  return {
    findings: checkMinimumWage(published, { minimumWages: rows, checkDate: today, validUntil: posting.validUntil }),
    phase: alertPhase(first, today),
    effectiveFrom: first.effectiveFrom,
    amountYen: first.amountYen,
  };
}
