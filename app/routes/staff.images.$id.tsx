/**
 * The bytes of an image for its review (R-IMG-2): only officers of the establishment's jurisdictional
 * office; any other image is a 404. GET only, private to the browser's cache, never sniffed.
 */
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { findImageForOffice, imageNotFound, imageResponse } from "../models/images.server";
import { requireStaff } from "../utils/auth.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db, staff, office } = await requireStaff(request, context);
  const image = await findImageForOffice(db, { staffId: staff.id, officeCode: office.code }, params.id ?? "");
  if (!image) return imageNotFound();
  return imageResponse(context.cloudflare.env.IMAGES, image);
}
