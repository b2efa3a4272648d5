/**
 * The stored search text of a published posting rebuilt from its published content (issue 9 #8). 受理 and the 受理 of a
 * 内容変更 write it (rules/posting publicFacts); a posting whose text was cleared — the data migration that removed the
 * hidden addresses of 公開希望 2/3 postings written before the fix sets it to NULL — gets it back here, built for its
 * 公開希望, so it is found by keyword again. Compare-and-set on `search_text IS NULL`: a 受理 meanwhile wins.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { publicFacts } from "../../rules/posting";
import type { Db } from "../../utils/db.server";
import { parseContent } from "./content.server";
import { jobPostings as t } from "./queries.server";

/** Fills the search text of up to `limit` accepted postings that have none; returns how many were written. */
export async function fillMissingSearchTexts(db: Db, limit: number): Promise<number> {
  const missing = and(eq(t.status, "accepted"), isNotNull(t.publishedContent), isNull(t.searchText));
  const rows = await db
    .select({ id: t.id, publication: t.publication, publishedContent: t.publishedContent })
    .from(t)
    .where(missing)
    .orderBy(asc(t.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return 0;
  const [first, ...rest] = rows.map((r) => {
    const { searchText } = publicFacts(parseContent(r.publishedContent), r.publication);
    return db
      .update(t)
      .set({ searchText })
      .where(and(eq(t.id, r.id), isNull(t.searchText)));
  });
  await db.batch([first!, ...rest]);
  return rows.length;
}
