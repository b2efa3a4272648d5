/**
 * 求職情報検索 and 直接リクエスト (issue 12): a published seeker with the 公開番号 its trigger set, and the search detail's
 * path. Rows are written directly (tests/helpers/referrals.ts createSeeker).
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../../app/utils/db.server";
import { createSeeker, type SeekerRow } from "./referrals";

export type PublishedSeeker = SeekerRow & { publicNumber: string };

/** A seeker who published the profile (and, unless told otherwise, opened a 求職者マイページ), with the 公開番号. */
export async function publishedSeeker(overrides: Partial<typeof schema.jobSeekers.$inferInsert> = {}): Promise<PublishedSeeker> {
  const row = await createSeeker({ publishProfile: true, hasMypage: true, ...overrides });
  const stored = await getDb(env)
    .select({ publicNumber: schema.jobSeekers.publicNumber })
    .from(schema.jobSeekers)
    .where(eq(schema.jobSeekers.id, row.id))
    .get();
  return { ...row, publicNumber: stored!.publicNumber! };
}

/** The search detail of a seeker (the 直接リクエスト form posts there). */
export function seekerPath(seeker: { publicNumber: string }): string {
  return `/mypage/search/${seeker.publicNumber}`;
}
