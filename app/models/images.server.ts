/**
 * Workplace images of an establishment (画像情報, R-IMG-1, R-IMG-2): rows in `establishment_images`, bytes in
 * R2 under `establishments/<establishmentId>/images/<imageId>`. The employer's functions take the
 * establishment as scope, the officer's take the office (an image of another office's establishment is
 * not found → 404). Every change is one `db.batch()` with its audit row (R-AUDIT-1) and, for a review,
 * the notice to the establishment's main account.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { MAX_IMAGES_PER_ESTABLISHMENT, TOO_MANY_MESSAGE, type ImageType } from "../lib/images";
import type { MailContext } from "../mail/templates";
import { auditStatement } from "../utils/audit.server";
import { schema, type Db, type ScopeValue } from "../utils/db.server";
import { enqueueMail } from "../utils/mail.server";
import { noticeInsert, reviewNotice } from "./notices.server";
import type { StaffScope } from "./establishment.server";
import { onPage, pageColumns } from "../utils/paging.server";
import { valueWhile } from "../utils/sql.server";

export type ImageStatus = (typeof schema.establishmentImages.$inferSelect)["status"];

export const IMAGE_STATUS_LABELS: Record<ImageStatus, string> = {
  pending: "審査中",
  approved: "公開可",
  rejected: "差戻し",
};

/** The R2 key of an image: one folder per establishment. */
export function imageObjectKey(establishmentId: string, imageId: string): string {
  return `establishments/${establishmentId}/images/${imageId}`;
}

export interface EmployerImageActor {
  accountId: string;
  establishmentId: string;
  officeCode: string;
}

const img = schema.establishmentImages;

const listColumns = {
  id: img.id,
  contentType: img.contentType,
  bytes: img.bytes,
  width: img.width,
  height: img.height,
  caption: img.caption,
  status: img.status,
  rejectReason: img.rejectReason,
  reviewedAt: img.reviewedAt,
  createdAt: img.createdAt,
};

/** The establishment's images, oldest first (the order they were registered). */
/** The establishment's images, oldest first: a read for the guard's batch. */
export function imagesQuery(db: Db, establishmentId: ScopeValue) {
  return db.select(listColumns).from(img).where(eq(img.establishmentId, establishmentId)).orderBy(asc(img.createdAt), asc(img.id));
}

/** R-IMG-2: the images that may appear on published postings (approved only). For the postings feature. */
export async function listPublishableImages(db: Db, establishmentId: string) {
  return db
    .select(listColumns)
    .from(img)
    .where(and(eq(img.establishmentId, establishmentId), eq(img.status, "approved")))
    .orderBy(asc(img.createdAt), asc(img.id))
    .all();
}

/** Every stored image counts towards the 10 (審査中, 公開可 and 差戻し alike). */
export async function countImages(db: Db, establishmentId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(img).where(eq(img.establishmentId, establishmentId)).get();
  return row?.n ?? 0;
}

/** One image of the establishment, or undefined (→ 404). */
export async function findImage(db: Db, scope: { id: string; establishmentId: string }) {
  return db
    .select({
      id: img.id,
      r2Key: img.r2Key,
      contentType: img.contentType,
      caption: img.caption,
    })
    .from(img)
    .where(and(eq(img.id, scope.id), eq(img.establishmentId, scope.establishmentId)))
    .get();
}

export interface NewImage {
  /** Already cleaned of location metadata when it is a JPEG. */
  bytes: Uint8Array;
  contentType: ImageType;
  width: number | null;
  height: number | null;
  caption: string;
}

/**
 * R-IMG-1: stores the bytes in R2, then the row (審査中) and its audit row in one batch. The 10-image limit is
 * checked before and again inside the batch (the row's status is NULL — and the batch fails — if 10 are
 * already stored at that moment), so two uploads at once cannot make 11; a refused upload's object is deleted.
 */
export async function uploadImage(
  db: Db,
  bucket: R2Bucket,
  clock: Clock,
  actor: EmployerImageActor,
  image: NewImage,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  if ((await countImages(db, actor.establishmentId)) >= MAX_IMAGES_PER_ESTABLISHMENT) return { ok: false, message: TOO_MANY_MESSAGE };
  const id = newId();
  const r2Key = imageObjectKey(actor.establishmentId, id);
  await bucket.put(r2Key, image.bytes, {
    httpMetadata: { contentType: image.contentType },
  });
  const belowLimit = sql`(SELECT COUNT(*) FROM ${img} WHERE ${img.establishmentId} = ${actor.establishmentId}) < ${MAX_IMAGES_PER_ESTABLISHMENT}`;
  try {
    await db.batch([
      db.insert(img).values({
        id,
        establishmentId: actor.establishmentId,
        r2Key,
        contentType: image.contentType,
        bytes: image.bytes.byteLength,
        width: image.width,
        height: image.height,
        caption: image.caption,
        status: valueWhile("pending", belowLimit),
        createdAt: clock.now().getTime(),
      }),
      auditStatement(db, clock, {
        actorType: "employer",
        actorId: actor.accountId,
        action: "image.upload",
        subjectType: "establishment_image",
        subjectId: id,
        officeCode: actor.officeCode,
        details: {
          establishmentId: actor.establishmentId,
          contentType: image.contentType,
          bytes: image.bytes.byteLength,
        },
      }),
    ]);
  } catch (error) {
    await bucket.delete(r2Key);
    if ((await countImages(db, actor.establishmentId)) >= MAX_IMAGES_PER_ESTABLISHMENT) return { ok: false, message: TOO_MANY_MESSAGE };
    throw error;
  }
  return { ok: true, id };
}

/** Deletes the row with its audit row (one batch), then the R2 object (an orphan object is harmless; a row without bytes is not). */
export async function deleteImage(db: Db, bucket: R2Bucket, clock: Clock, actor: EmployerImageActor, image: { id: string; r2Key: string }) {
  await db.batch([
    db.delete(img).where(and(eq(img.id, image.id), eq(img.establishmentId, actor.establishmentId))),
    auditStatement(db, clock, {
      actorType: "employer",
      actorId: actor.accountId,
      action: "image.delete",
      subjectType: "establishment_image",
      subjectId: image.id,
      officeCode: actor.officeCode,
      details: { establishmentId: actor.establishmentId },
    }),
  ]);
  await bucket.delete(image.r2Key);
}

// ---------------------------------------------------------------------------------------------
// The officer's review (R-IMG-2)
// ---------------------------------------------------------------------------------------------

const est = schema.establishments;

/**
 * Images waiting for review (審査中) of the office's establishments, oldest first, 50 a page (issue 9 #15) with the total:
 * a read for the guard's batch.
 */
export function pendingImagesForOfficeQuery(db: Db, officeCode: ScopeValue, page = 1) {
  const rows = db.$with("pending").as(
    db
      .select({
        id: img.id,
        caption: img.caption,
        contentType: img.contentType,
        bytes: img.bytes,
        width: img.width,
        height: img.height,
        createdAt: sql<number>`${img.createdAt}`.as("image_created_at"),
        establishmentId: sql<string>`${est.id}`.as("establishment_id"),
        establishmentName: sql<string>`${est.name}`.as("establishment_name"),
        establishmentNumber: sql<string | null>`${est.establishmentNumber}`.as("establishment_number"),
        ...pageColumns(sql`${img.createdAt}, ${img.id}`),
      })
      .from(img)
      .innerJoin(est, eq(est.id, img.establishmentId))
      .where(and(eq(est.officeCode, officeCode), eq(img.status, "pending"))),
  );
  return db
    .with(rows)
    .select()
    .from(rows)
    .where(onPage(rows.position, rows.total, page))
    .orderBy(sql`${rows.position}`);
}

export async function countPendingImagesForOffice(db: Db, scope: StaffScope): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(img)
    .innerJoin(est, eq(est.id, img.establishmentId))
    .where(and(eq(est.officeCode, scope.officeCode), eq(img.status, "pending")))
    .get();
  return row?.n ?? 0;
}

/** An image of one of the office's establishments (any status), or undefined (→ 404). */
export async function findImageForOffice(db: Db, scope: StaffScope, id: string) {
  return db
    .select({
      id: img.id,
      r2Key: img.r2Key,
      contentType: img.contentType,
      caption: img.caption,
      status: img.status,
      establishmentId: est.id,
      establishmentName: est.name,
      officeCode: est.officeCode,
    })
    .from(img)
    .innerJoin(est, eq(est.id, img.establishmentId))
    .where(and(eq(img.id, id), eq(est.officeCode, scope.officeCode)))
    .get();
}

export type ReviewDecision = { decision: "approve" } | { decision: "reject"; reason: string };

/**
 * R-IMG-2, R-AUDIT-1: approves or sends back a 審査中 image of the office: status, reviewer, time and reason,
 * the audit row and the notice to the main account in one batch. The batch refuses itself if the image
 * was reviewed meanwhile. Returns false when there is no such pending image for this office (→ 404).
 */
export async function reviewImage(db: Db, clock: Clock, mail: MailContext, scope: StaffScope, id: string, review: ReviewDecision): Promise<boolean> {
  const image = await findImageForOffice(db, scope, id);
  if (!image || image.status !== "pending") return false;
  const main = await db
    .select({ email: schema.employerAccounts.email })
    .from(schema.employerAccounts)
    .where(and(eq(schema.employerAccounts.establishmentId, image.establishmentId), eq(schema.employerAccounts.isMain, true)))
    .get();
  const status = review.decision === "approve" ? "approved" : "rejected";
  const stillPending = sql`(SELECT ${img.status} FROM ${img} WHERE ${img.id} = ${id}) = 'pending'`;
  const inOffice = sql`${img.establishmentId} IN (SELECT ${est.id} FROM ${est} WHERE ${est.officeCode} = ${scope.officeCode})`;
  const update = db
    .update(img)
    .set({
      status: valueWhile(status, stillPending),
      rejectReason: review.decision === "reject" ? review.reason : null,
      reviewedBy: scope.staffId,
      reviewedAt: clock.now().getTime(),
    })
    .where(and(eq(img.id, id), inOffice));
  const audit = auditStatement(db, clock, {
    actorType: "staff",
    actorId: scope.staffId,
    action: review.decision === "approve" ? "image.approve" : "image.reject",
    subjectType: "establishment_image",
    subjectId: id,
    officeCode: scope.officeCode,
    details: {
      establishmentId: image.establishmentId,
      ...(review.decision === "reject" ? { reason: review.reason } : {}),
    },
  });
  const notices = main
    ? [
        review.decision === "approve"
          ? enqueueMail(db, clock, mail, main.email, "imageApproved", {
              establishmentName: image.establishmentName,
              caption: image.caption,
            })
          : enqueueMail(db, clock, mail, main.email, "imageRejected", {
              establishmentName: image.establishmentName,
              caption: image.caption,
              reason: review.reason,
            }),
      ]
    : [];
  // R-MSG-2 (issue 12): the review result is in the お知らせ too.
  const notice = noticeInsert(
    db,
    clock,
    image.establishmentId,
    reviewNotice({
      kind: "image",
      approved: review.decision === "approve",
      caption: image.caption,
      comment: review.decision === "reject" ? review.reason : "",
    }),
  );
  try {
    await db.batch([update, audit, notice, ...notices]);
  } catch (error) {
    // Another officer reviewed it at the same moment: the batch refused itself.
    const now = await findImageForOffice(db, scope, id);
    if (!now || now.status !== "pending") return false;
    throw error;
  }
  return true;
}

/**
 * 404 for the image-bytes routes. A plain Response, not `data(null, { status: 404 })`: a resource route that
 * throws an ErrorResponse has it logged as a server error by Remix, and a missing image is not one.
 */
export function imageNotFound(): Response {
  return new Response("見つかりません。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The stored bytes as a response: the type recorded at upload (from the bytes), kept out of shared caches,
 * never sniffed by the browser, shown inline. A row whose object is missing answers 404.
 */
export async function imageResponse(bucket: R2Bucket, image: { r2Key: string; contentType: string }): Promise<Response> {
  const object = await bucket.get(image.r2Key);
  if (!object) return imageNotFound();
  return new Response(object.body, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(object.size),
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      ETag: object.httpEtag,
    },
  });
}
