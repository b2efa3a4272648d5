/**
 * The bytes of an image on a public 求人票 (R-IMG-2): served only while the posting is public and names its
 * establishment (公開希望 1), and only for an image that is approved, of the posting's establishment and chosen in the
 * posting's PUBLISHED content. Anything else — a pending or sent-back image, one not chosen, a draft's choice — is a 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { todayJst } from "../lib/clock";
import { imageNotFound, imageResponse } from "../models/images.server";
import { findPublicPostingImage } from "../models/job-search.server";
import { getDb } from "../utils/db.server";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const db = getDb(context.cloudflare.env);
  const image = await findPublicPostingImage(db, todayJst(context.clock), params.jobNumber ?? "", params.imageId ?? "");
  if (!image) return imageNotFound();
  return imageResponse(context.cloudflare.env.IMAGES, image);
}
