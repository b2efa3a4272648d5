/**
 * お知らせ to an establishment (R-MSG-2): review results of postings, 募集停止, expiry… written by the models in the
 * same batch as the change that causes them. The employer sees the latest on the My Page home and opens one to read it
 * (which marks it read), or all of them on /mypage/notices. Every function takes the establishment as its scope: another establishment's notice is not
 * found.
 */
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { onPage, pageColumns } from "../utils/paging.server";

const n = schema.notices;

const columns = { id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, readAt: n.readAt };

export type Notice = { id: string; title: string; body: string; link: string | null; createdAt: number; readAt: number | null };

/** An お知らせ to the establishment, as a statement for the batch of the change it reports. */
export function noticeInsert(db: Db, clock: Clock, establishmentId: string, notice: { title: string; body: string; link: string | null }) {
  return db.insert(n).values({ id: newId(), establishmentId, ...notice, createdAt: clock.now().getTime() });
}

/** The establishment's latest notices, newest first (a statement for the page's batch). */
export function noticesQuery(db: Db, establishmentId: ScopeValue, limit = 10) {
  return db.select(columns).from(n).where(eq(n.establishmentId, establishmentId)).orderBy(desc(n.createdAt), desc(n.id)).limit(limit);
}

/**
 * One page (50 rows) of all the establishment's notices, unread first, then newest (/mypage/notices), with `position`
 * and `total`: one statement for the page's batch.
 */
export function noticesPageQuery(db: Db, establishmentId: ScopeValue, page: number) {
  const rows = db
    .select({ ...columns, ...pageColumns(sql`${n.readAt} IS NULL DESC, ${n.createdAt} DESC, ${n.id}`) })
    .from(n)
    .where(eq(n.establishmentId, establishmentId))
    .as("notice_page");
  return db
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(asc(rows.position));
}

/** How many notices of the establishment are still unread: one row `{ n }`. */
export function unreadNoticesQuery(db: Db, establishmentId: ScopeValue) {
  return db
    .select({ n: count() })
    .from(n)
    .where(and(eq(n.establishmentId, establishmentId), isNull(n.readAt)));
}

/** One notice of the establishment (none when it is another establishment's). */
export function noticeQuery(db: Db, establishmentId: ScopeValue, id: string) {
  return db
    .select(columns)
    .from(n)
    .where(and(eq(n.id, id), eq(n.establishmentId, establishmentId)))
    .limit(1);
}

/** Marks a notice read (the first time only; idempotent). Returns whether this call marked it. */
export async function markRead(db: Db, clock: Clock, establishmentId: string, id: string): Promise<boolean> {
  const updated = await db
    .update(n)
    .set({ readAt: clock.now().getTime() })
    .where(and(eq(n.id, id), eq(n.establishmentId, establishmentId), isNull(n.readAt)))
    .returning({ id: n.id });
  return updated.length === 1;
}

/** A notice's link only when it is a path of this site (never another origin). */
export function localLink(link: string | null): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return null;
  return link;
}
