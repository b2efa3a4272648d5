/**
 * Builds the props of the 求人票 view (components/kyujinhyo.tsx) for a posting: the establishment's current 事業所情報
 * (so a 事業所情報の変更 shows on every posting), the meta of the posting and its approved images. STUB — implemented
 * by the view work.
 */
import type { KyujinhyoProps } from "../components/kyujinhyo";
import type { Db } from "../utils/db.server";
import { parseContent, type JobPosting } from "./job-posting.server";

export async function kyujinhyoProps(
  _db: Db,
  posting: JobPosting,
  options: {
    /** Show the published version (public, referrals) rather than the working copy (employer, officer review). */
    published: boolean;
    /** URL of an image for this viewer (employer /mypage/images/:id, staff /staff/images/:id, public /jobs/…). */
    imageSrc: (imageId: string) => string;
    hideEstablishment?: boolean;
  },
): Promise<KyujinhyoProps> {
  const content = parseContent(options.published ? (posting.publishedContent ?? posting.content) : posting.content);
  return {
    content,
    establishment: { establishmentNumber: null, name: "", nameKana: "", postalCode: "", address: "", phone: "", industry: "", representative: "", corporateNumber: null },
    meta: { jobNumber: posting.jobNumber, acceptedOn: posting.acceptedOn, validUntil: posting.validUntil, invalidatedOn: posting.invalidatedOn, officeName: "" },
    images: [],
    hideEstablishment: options.hideEstablishment,
  };
}
