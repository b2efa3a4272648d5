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

/**
 * The お知らせ of an officer's review result (R-MSG-2, issue 12) that used to reach the establishment by mail only: an
 * image (承認 / 差戻し with the reason) and a 事業所情報の変更 (承認 / 差戻し with the comment).
 */
export function reviewNotice(
  review: { kind: "image"; approved: boolean; caption: string; comment: string } | { kind: "establishmentChange"; approved: boolean; comment?: string },
) {
  if (review.kind === "image")
    return review.approved
      ? {
          title: "画像が承認されました",
          body: `画像「${review.caption}」を、ハローワークが確認し承認しました。公開する求人票で使用できます。`,
          link: "/mypage/images",
        }
      : {
          title: "画像が差し戻されました",
          body: `画像「${review.caption}」を、ハローワークが確認し差し戻しました。この画像は公開されません。\n差戻しの理由：${review.comment}`,
          link: "/mypage/images",
        };
  return review.approved
    ? {
        title: "事業所情報の変更が承認されました",
        body: "申請された事業所情報の変更を、ハローワークが確認し承認しました。求人票などには変更後の事業所情報が表示されます。",
        link: "/mypage/establishment",
      }
    : {
        title: "事業所情報の変更が差し戻されました",
        body: `申請された事業所情報の変更を、ハローワークが確認し差し戻しました。事業所情報は変更されていません。\nハローワークからのコメント：${review.comment ?? ""}`,
        link: "/mypage/establishment",
      };
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
