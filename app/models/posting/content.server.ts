/**
 * The 求人票 document as stored (ADR 0011): `content` is the working copy the employer edits, `publishedContent` the
 * accepted version the public and referrals see. A stored document missing newer keys is completed from the blank
 * 求人票 when read, so no data migration is needed when fields are added. The findings of a document are the rules'
 * (rules/posting reviewPosting) with its context: today, the minimum wages of its 就業場所's prefecture and, once
 * accepted, its 紹介期限.
 */
import { todayJst, type Clock } from "../../lib/clock";
import { emptyPostingContent, reviewPosting, type Finding, type MinimumWageRow, type PostingContent } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { listMinimumWagesOfPrefecture } from "../minimum-wage.server";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Fills what a stored content lacks from the blank 求人票 (content saved by older versions keeps loading). */
function withDefaults(base: unknown, stored: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(stored)) return stored === undefined ? base : stored;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(base)) {
    // Union-shaped parts (contract, age, fixedOvertime…) are taken whole when stored.
    out[key] =
      key in stored
        ? isPlainObject(value) && isPlainObject(stored[key]) && !("kind" in value) && !("present" in value)
          ? withDefaults(value, stored[key])
          : stored[key]
        : value;
  }
  return out;
}

export function parseContent(json: string | null): PostingContent {
  if (!json) return emptyPostingContent();
  try {
    return withDefaults(emptyPostingContent(), JSON.parse(json)) as PostingContent;
  } catch {
    return emptyPostingContent();
  }
}

/** The findings of a 求人票 on `today` with the minimum wages already read (a page's batch: minimumWagesOfContent). */
export function findingsOf(content: PostingContent, context: { today: string; minimumWages: readonly MinimumWageRow[]; validUntil: string | null }): Finding[] {
  return reviewPosting(content, { today: context.today, minimumWages: context.minimumWages, validUntil: context.validUntil ?? undefined });
}

/** The findings of a 求人票 now, reading the minimum wages of its 就業場所's prefecture (one query). */
export async function findingsFor(db: Db, clock: Clock, posting: { validUntil: string | null }, content: PostingContent): Promise<Finding[]> {
  const prefecture = content.workplace.prefectureCode;
  const minimumWages = prefecture ? await listMinimumWagesOfPrefecture(db, prefecture) : [];
  return findingsOf(content, { today: todayJst(clock), minimumWages, validUntil: posting.validUntil });
}

/**
 * A wizard screen's part merged into the stored document: the screen's part replaces the stored one; on screen 3 a
 * 就業場所 「事業所と同じ」 takes the establishment's prefecture (`prefectureCode`). The My Page's drafts and the 仮登録's
 * 求人 save through this.
 */
export function mergeStep(stored: PostingContent, step: number, patch: Partial<PostingContent>, prefectureCode: string): PostingContent {
  const content: PostingContent = { ...stored, ...patch };
  if (step === 3 && content.workplaceDetail.sameAsEstablishment) content.workplace = { ...content.workplace, prefectureCode };
  return content;
}
