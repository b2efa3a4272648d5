/**
 * お知らせ to an establishment (R-MSG-2): review results of postings, 募集停止, expiry… written by the models in the
 * same batch as the change that causes them. The employer sees the latest on the My Page home and opens one to read it
 * (which marks it read). Every function takes the establishment as its scope: another establishment's notice is not
 * found.
 */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { schema, type Db } from "../utils/db.server";

const n = schema.notices;

const columns = { id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, readAt: n.readAt };

export type Notice = { id: string; title: string; body: string; link: string | null; createdAt: number; readAt: number | null };

/** The establishment's latest notices, newest first. */
export async function listNotices(db: Db, establishmentId: string, limit = 10): Promise<Notice[]> {
  return db.select(columns).from(n).where(eq(n.establishmentId, establishmentId)).orderBy(desc(n.createdAt), desc(n.id)).limit(limit).all();
}

/** How many notices of the establishment are still unread. */
export async function countUnreadNotices(db: Db, establishmentId: string): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(n)
    .where(and(eq(n.establishmentId, establishmentId), isNull(n.readAt)))
    .get();
  return row?.n ?? 0;
}

export async function getNotice(db: Db, establishmentId: string, id: string): Promise<Notice | undefined> {
  return db
    .select(columns)
    .from(n)
    .where(and(eq(n.id, id), eq(n.establishmentId, establishmentId)))
    .get();
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
