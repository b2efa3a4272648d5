/**
 * The bytes of one of the employer's own images (R-IMG-1), from R2: GET only, private to the browser's
 * cache, never sniffed. Another establishment's image — or one that does not exist — is a 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { findImage, imageNotFound, imageResponse } from "../models/images.server";
import { requireEmployer } from "../utils/auth.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const employer = await requireEmployer(request, context);
  const image = await findImage(employer.db, { id: params.id ?? "", establishmentId: employer.establishment.id });
  if (!image) return imageNotFound();
  return imageResponse(context.cloudflare.env.IMAGES, image);
}
