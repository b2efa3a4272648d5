/**
 * Builds the props of the 求人票 view (components/kyujinhyo.tsx) for a posting: the establishment's current 事業所情報
 * (so a 事業所情報の変更 shows on every posting), the meta of the posting and its approved images (R-IMG-2).
 *
 * With `hideEstablishment` (public view of 公開希望 2 and 3) the 事業所名等 are removed HERE, on the server, so that they
 * never reach the page's data either: 事業所番号, 名称, カナ, 〒, 所在地 (only the prefecture stays), 電話, 代表者,
 * 法人番号, ホームページ, 担当者, the 就業場所's street address, and the images (they may identify the workplace).
 */
import { data } from "@remix-run/cloudflare";
import { and, eq, inArray } from "drizzle-orm";
import type { KyujinhyoEstablishment, KyujinhyoImage, KyujinhyoView, PrintPageData } from "../lib/posting-view";
import { STATUS_LABELS } from "../lib/posting-labels";
import { MAX_POSTING_IMAGES } from "../lib/schemas/posting";
import { prefectureName, type PostingContent } from "../rules/posting";
import { schema, type Db } from "../utils/db.server";
import { parseContent, type JobPosting } from "./job-posting.server";

const est = schema.establishments;

/** The establishment's 事業所情報 as the 求人票 shows it (current row: prefecture + municipality + address). */
export async function kyujinhyoEstablishment(db: Db, establishmentId: string): Promise<KyujinhyoEstablishment & { prefectureName: string }> {
  const row = await db
    .select({
      establishmentNumber: est.establishmentNumber,
      name: est.name,
      nameKana: est.nameKana,
      postalCode: est.postalCode,
      prefectureCode: est.prefectureCode,
      prefecture: schema.prefectures.name,
      municipality: schema.municipalities.name,
      address: est.address,
      phone: est.phone,
      industry: est.industry,
      representativeTitle: est.representativeTitle,
      representativeName: est.representativeName,
      corporateNumber: est.corporateNumber,
    })
    .from(est)
    .leftJoin(schema.prefectures, eq(schema.prefectures.code, est.prefectureCode))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, est.municipalityCode))
    .where(eq(est.id, establishmentId))
    .get();
  if (!row) {
    return {
      establishmentNumber: null,
      name: "",
      nameKana: "",
      postalCode: "",
      address: "",
      phone: "",
      industry: "",
      representative: "",
      corporateNumber: null,
      prefectureName: "",
    };
  }
  const pref = row.prefecture ?? prefectureName(row.prefectureCode);
  // An address typed with its prefecture and municipality (older rows, seeds) is not doubled.
  const street = row.address.startsWith(pref)
    ? row.address
    : row.municipality && row.address.startsWith(row.municipality)
      ? `${pref}${row.address}`
      : `${pref}${row.municipality ?? ""}${row.address}`;
  return {
    establishmentNumber: row.establishmentNumber,
    name: row.name,
    nameKana: row.nameKana,
    postalCode: row.postalCode,
    address: street,
    phone: row.phone,
    industry: row.industry,
    representative: [row.representativeTitle, row.representativeName].filter((s) => s.trim() !== "").join(" "),
    corporateNumber: row.corporateNumber,
    prefectureName: pref,
  };
}

/** The posting's chosen images that are approved and of its establishment, in the chosen order. */
export async function chosenApprovedImages(db: Db, establishmentId: string, imageIds: readonly string[]) {
  const ids = [...new Set(imageIds.filter((id) => typeof id === "string" && id !== ""))].slice(0, MAX_POSTING_IMAGES);
  if (ids.length === 0) return [];
  const img = schema.establishmentImages;
  const rows = await db
    .select({ id: img.id, caption: img.caption, r2Key: img.r2Key, contentType: img.contentType })
    .from(img)
    .where(and(inArray(img.id, ids), eq(img.establishmentId, establishmentId), eq(img.status, "approved")))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** The content without what identifies the establishment (公開希望 2/3). */
function anonymised(content: PostingContent): PostingContent {
  return {
    ...content,
    company: { ...content.company, homepage: "" },
    workplaceDetail: { ...content.workplaceDetail, postalCode: "", address: "" },
    selection: { ...content.selection, contact: { title: "", name: "", nameKana: "", phone: "", extension: "", fax: "", email: "" } },
    pr: { ...content.pr, imageIds: [] },
  };
}

export async function kyujinhyoProps(
  db: Db,
  posting: JobPosting,
  options: {
    /** Show the published version (public, referrals) rather than the working copy (employer, officer review). */
    published: boolean;
    /** URL of an image for this viewer (employer /mypage/images/:id, staff /staff/images/:id, public /jobs/…). */
    imageSrc: (imageId: string) => string;
    hideEstablishment?: boolean;
    /** Show 公開希望 (公開範囲) in the header: for the employer and the officer, never publicly. */
    showPublication?: boolean;
  },
): Promise<KyujinhyoView> {
  const stored = parseContent(options.published ? (posting.publishedContent ?? posting.content) : posting.content);
  const hide = options.hideEstablishment === true;
  const content = hide ? anonymised(stored) : stored;
  const [{ prefectureName: establishmentPrefecture, ...establishment }, office, chosen] = await Promise.all([
    kyujinhyoEstablishment(db, posting.establishmentId),
    db.select({ name: schema.offices.name }).from(schema.offices).where(eq(schema.offices.code, posting.officeCode)).get(),
    hide ? Promise.resolve([]) : chosenApprovedImages(db, posting.establishmentId, stored.pr.imageIds),
  ]);
  const shownEstablishment: KyujinhyoEstablishment = hide
    ? {
        establishmentNumber: null,
        name: "",
        nameKana: "",
        postalCode: "",
        address: establishmentPrefecture,
        phone: "",
        industry: establishment.industry,
        representative: "",
        corporateNumber: null,
      }
    : establishment;
  const images: KyujinhyoImage[] = chosen.map((i) => ({ id: i.id, caption: i.caption, src: options.imageSrc(i.id) }));
  return {
    // The view's content names only the images it shows (not a pending or another establishment's image id).
    content: { ...content, pr: { ...content.pr, imageIds: images.map((i) => i.id) } },
    establishment: shownEstablishment,
    meta: {
      jobNumber: posting.jobNumber,
      acceptedOn: posting.acceptedOn,
      validUntil: posting.validUntil,
      invalidatedOn: posting.invalidatedOn,
      officeName: office?.name ?? "",
    },
    images,
    hideEstablishment: hide,
    showPublication: options.showPublication === true && !hide,
  };
}

/**
 * The print page's data (R-JOB-6) for a posting the viewer may see: the working copy by default, `?version=published`
 * the published one (404 when there is none). `base` is the viewer's path prefix (/mypage or /staff), which also
 * serves the images.
 */
export async function printPageData(db: Db, posting: JobPosting, request: Request, base: "/mypage" | "/staff"): Promise<PrintPageData> {
  const published = new URL(request.url).searchParams.get("version") === "published";
  if (published && !posting.publishedContent) throw data(null, { status: 404 });
  const props = await kyujinhyoProps(db, posting, {
    published,
    showPublication: true,
    imageSrc: (imageId) => `${base}/images/${encodeURIComponent(imageId)}`,
  });
  return {
    props,
    href: `${base}/postings/${posting.id}`,
    published,
    /** A 内容変更 in progress: the working copy and the published version differ. */
    changing: posting.publishedContent !== null && posting.changeStatus !== null,
    statusLabel: STATUS_LABELS[posting.status],
  };
}
