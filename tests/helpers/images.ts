/** 画像情報 set-up shared by the integration and fuzz tests: an establishment's image rows. */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { imageObjectKey } from "../../app/models/images.server";
import { getDb, schema } from "../../app/utils/db.server";
import { TINY_PNG } from "../fixtures/images";
import { NOW } from "./clock";

const db = () => getDb(env);
const img = schema.establishmentImages;

export async function imagesOf(establishmentId: string) {
  return db().select().from(img).where(eq(img.establishmentId, establishmentId)).all();
}

/** Image rows (3×2 PNGs, not in R2) of an establishment, in the given review states. */
export async function insertImages(establishmentId: string, statuses: ("pending" | "approved" | "rejected")[]) {
  for (const [i, status] of statuses.entries()) {
    const id = crypto.randomUUID();
    await db()
      .insert(img)
      .values({
        id,
        establishmentId,
        r2Key: imageObjectKey(establishmentId, id),
        contentType: "image/png",
        bytes: TINY_PNG.length,
        width: 3,
        height: 2,
        caption: `既存の画像${i + 1}`,
        status,
        createdAt: Date.parse(NOW) - 1000 + i,
      });
  }
}
