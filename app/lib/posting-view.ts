/**
 * What the 求人票 view (components/kyujinhyo) and the print page (components/print-posting) show, as plain data: the
 * models build it (models/posting/view.server.ts), the components render it. Types only, so that a model does not
 * import a component.
 */
import type { PostingContent } from "./posting-content";

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

/** One 求人票 as a viewer may see it. */
export interface KyujinhyoView {
  content: PostingContent;
  establishment: KyujinhyoEstablishment;
  meta: KyujinhyoMeta;
  /** Approved images chosen for this posting (R-IMG-2), with a URL the viewer may load. */
  images: KyujinhyoImage[];
  /** Public view of 公開希望 2/3: 事業所名等 (name, address, phone, number, representative, contact person) hidden. */
  hideEstablishment?: boolean;
  /** Show 公開希望 (公開範囲) in the header: for the employer and the officer only, never on the public pages. */
  showPublication?: boolean;
}

/** The print page of a 求人票 (R-JOB-6), for the employer's and the officer's print routes. */
export interface PrintPageData {
  props: KyujinhyoView;
  /** The posting's page for this viewer (/mypage/postings/:id or /staff/postings/:id). */
  href: string;
  published: boolean;
  changing: boolean;
  statusLabel: string;
}
