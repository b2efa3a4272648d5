/**
 * The 求人票 (R-JOB-6): the whole posting in the usual layout, on screen and in print (A4). STUB — implemented by the
 * view work; the props are the contract the employer pages, the officer's review, the public detail and the print
 * routes use.
 */
import type { PostingContent } from "../rules/posting/types";

export interface KyujinhyoEstablishment {
  establishmentNumber: string | null;
  name: string;
  nameKana: string;
  postalCode: string;
  /** Full address: prefecture + municipality + address. */
  address: string;
  phone: string;
  industry: string;
  representative: string;
  corporateNumber: string | null;
}

export interface KyujinhyoMeta {
  jobNumber: string | null;
  /** 受付年月日 (受理日) and 紹介期限日, YYYY-MM-DD. */
  acceptedOn: string | null;
  validUntil: string | null;
  /** 求人無効日 when invalid. */
  invalidatedOn: string | null;
  /** 受理安定所. */
  officeName: string;
}

export interface KyujinhyoImage {
  id: string;
  caption: string;
  src: string;
}

export interface KyujinhyoProps {
  content: PostingContent;
  establishment: KyujinhyoEstablishment;
  meta: KyujinhyoMeta;
  /** Approved images chosen for this posting (R-IMG-2), with a URL the viewer may load. */
  images: KyujinhyoImage[];
  /** Public view of 公開希望 2/3: 事業所名等 (name, address, phone, number, representative, contact person) hidden. */
  hideEstablishment?: boolean;
}

export function Kyujinhyo(props: KyujinhyoProps) {
  return (
    <article aria-label="求人票">
      <h2>{props.content.jobTitle}</h2>
    </article>
  );
}
