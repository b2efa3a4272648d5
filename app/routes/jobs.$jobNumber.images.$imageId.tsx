/**
 * The bytes of an image on a public 求人票 (R-IMG-2): served only while the posting is public and names its
 * establishment (公開希望 1), and only for an image that is approved, of the posting's establishment and chosen in the
 * posting's PUBLISHED content. Anything else — a pending or sent-back image, one not chosen, a draft's choice — is a 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { todayJst } from "../lib/clock";
import { imageNotFound, imageResponse } from "../models/images.server";
import { findPublicPostingImage } from "../models/job-search.server";
import { shardFor } from "../utils/shards.server";

export async function loader({ context, params }: LoaderFunctionArgs) {
  // The shard that holds the 求人番号's office (issue 14).
  const shard = shardFor(context.cloudflare.env, { kind: "jobNumber", value: params.jobNumber ?? "" });
  const image = shard ? await findPublicPostingImage(shard.db, todayJst(context.clock), params.jobNumber ?? "", params.imageId ?? "") : undefined;
  if (!image) return imageNotFound();
  return imageResponse(context.cloudflare.env.IMAGES, image);
}
