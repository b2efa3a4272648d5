/**
 * The 求人票 view's data (lib/posting-view.ts, rendered by components/kyujinhyo) for a posting: the establishment's
 * current 事業所情報 (so a 事業所情報の変更 shows on every posting), the meta of the posting and its approved images
 * (R-IMG-2). Two queries for the page's batch — the posting with its establishment, office and renewal source
 * (postingSheet), and the establishment's approved images (approvedImagesOf: at most 10 per establishment, R-IMG-1, so
 * the chosen ones are picked here rather than in SQL) — and mappers from their rows.
 *
 * With `hideEstablishment` (public view of 公開希望 2 and 3) the 事業所名等 are removed HERE, on the server, so that they
 * never reach the page's data either: 事業所番号, 名称, カナ, 〒, 所在地 (only the prefecture stays), 電話, 代表者,
 * 法人番号, ホームページ, 担当者, the 就業場所's street address, the 選考場所, and the images (they may identify the workplace):
 * rules/posting anonymisedContent, from which the search text of such a posting is built too.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { fullAddress } from "../../lib/address";
import { STATUS_LABELS } from "../../lib/posting-labels";
import type { KyujinhyoEstablishment, KyujinhyoImage, KyujinhyoView, PrintPageData } from "../../lib/posting-view";
import { MAX_POSTING_IMAGES } from "../../lib/schemas/posting";
import { anonymisedContent, prefectureName } from "../../rules/posting";
import { schema, type Db, type ScopeValue } from "../../utils/db.server";
import { industryLabelSql } from "../industry.server";
import { parseContent } from "./content.server";
import { jobPostings as t } from "./queries.server";

const est = schema.establishments;
const img = schema.establishmentImages;
const renewalSource = alias(t, "renewal_source");

/**
 * A column under a name of its own. D1's batch returns rows keyed by column name (drizzle maps them back by position),
 * so the columns of a batched query must not share a name: the posting's own columns keep theirs, the joined ones get
 * these (text columns: no decoding to keep).
 */
function named<T>(column: SQLiteColumn, name: string) {
  return sql<T>`${column}`.as(name);
}

/**
 * One posting (by its scope) with what its pages show around it: the establishment's 事業所情報 with its prefecture
 * and municipality names, the accepting office's name, and the posting it renews (更新求人, of the same establishment).
 */
export function postingSheet(db: Db, where: SQL) {
  return db
    .select({
      posting: t,
      establishment: {
        id: named<string>(est.id, "est_id"),
        officeCode: named<string>(est.officeCode, "est_office_code"),
        status: named<(typeof est.$inferSelect)["status"]>(est.status, "est_status"),
        establishmentNumber: named<string | null>(est.establishmentNumber, "est_establishment_number"),
        name: named<string>(est.name, "est_name"),
        nameKana: named<string>(est.nameKana, "est_name_kana"),
        postalCode: named<string>(est.postalCode, "est_postal_code"),
        prefectureCode: named<string>(est.prefectureCode, "est_prefecture_code"),
        municipalityCode: named<string>(est.municipalityCode, "est_municipality_code"),
        address: named<string>(est.address, "est_address"),
        phone: named<string>(est.phone, "est_phone"),
        // 産業分類 as shown (issue 10): the 中分類 with its 大分類, from the reference tables.
        industry: industryLabelSql(est.industry).as("est_industry"),
        representativeTitle: named<string>(est.representativeTitle, "est_representative_title"),
        representativeName: named<string>(est.representativeName, "est_representative_name"),
        corporateNumber: named<string | null>(est.corporateNumber, "est_corporate_number"),
      },
      prefectureName: named<string | null>(schema.prefectures.name, "prefecture_name"),
      municipalityName: named<string | null>(schema.municipalities.name, "municipality_name"),
      officeName: named<string | null>(schema.offices.name, "office_name"),
      renewalSource: {
        id: named<string | null>(renewalSource.id, "renewal_source_id"),
        jobNumber: named<string | null>(renewalSource.jobNumber, "renewal_source_job_number"),
        validUntil: named<string | null>(renewalSource.validUntil, "renewal_source_valid_until"),
      },
    })
    .from(t)
    .innerJoin(est, eq(est.id, t.establishmentId))
    .leftJoin(schema.prefectures, eq(schema.prefectures.code, est.prefectureCode))
    .leftJoin(schema.municipalities, eq(schema.municipalities.code, est.municipalityCode))
    .leftJoin(schema.offices, eq(schema.offices.code, t.officeCode))
    .leftJoin(renewalSource, and(eq(renewalSource.id, t.renewalOf), eq(renewalSource.establishmentId, t.establishmentId)))
    .where(where)
    .limit(1);
}

export type PostingSheet = Awaited<ReturnType<typeof postingSheet>>[number];

/** The establishment's approved images (an id, or a subquery such as the establishment of the posting read), in their order. */
export function approvedImagesOf(db: Db, establishmentId: ScopeValue) {
  return db
    .select({ id: img.id, caption: img.caption, r2Key: img.r2Key, contentType: img.contentType })
    .from(img)
    .where(and(eq(img.establishmentId, establishmentId), eq(img.status, "approved")))
    .orderBy(asc(img.createdAt), asc(img.id));
}

export type ApprovedImage = Awaited<ReturnType<typeof approvedImagesOf>>[number];

/** The posting's chosen images that are among the establishment's approved ones, in the chosen order (at most 3). */
export function chosenImages<I extends { id: string }>(approved: readonly I[], imageIds: readonly unknown[]): I[] {
  const ids = [...new Set(imageIds.filter((id): id is string => typeof id === "string" && id !== ""))].slice(0, MAX_POSTING_IMAGES);
  const byId = new Map(approved.map((image) => [image.id, image]));
  return ids.flatMap((id) => {
    const image = byId.get(id);
    return image ? [image] : [];
  });
}

/** The establishment's 事業所情報 as the 求人票 shows it (current row: prefecture + municipality + address). */
function establishmentView(sheet: PostingSheet): KyujinhyoEstablishment & { prefectureName: string } {
  const { establishment } = sheet;
  const prefecture = sheet.prefectureName ?? prefectureName(establishment.prefectureCode);
  return {
    establishmentNumber: establishment.establishmentNumber,
    name: establishment.name,
    nameKana: establishment.nameKana,
    postalCode: establishment.postalCode,
    address: fullAddress(prefecture, sheet.municipalityName, establishment.address),
    phone: establishment.phone,
    industry: establishment.industry,
    representative: [establishment.representativeTitle, establishment.representativeName].filter((s) => s.trim() !== "").join(" "),
    corporateNumber: establishment.corporateNumber,
    prefectureName: prefecture,
  };
}

export interface ViewOptions {
  /** Show the published version (public, referrals) rather than the working copy (employer, officer review). */
  published: boolean;
  /** URL of an image for this viewer (employer /mypage/images/:id, staff /staff/images/:id, public /jobs/…). */
  imageSrc: (imageId: string) => string;
  hideEstablishment?: boolean;
  /** Show 公開希望 (公開範囲) in the header: for the employer and the officer, never publicly. */
  showPublication?: boolean;
}

/** The 求人票 of a posting as this viewer may see it, from the page's batch (postingSheet, approvedImagesOf). */
export function kyujinhyoView(sheet: PostingSheet, approved: readonly ApprovedImage[], options: ViewOptions): KyujinhyoView {
  const { posting } = sheet;
  const stored = parseContent(options.published ? (posting.publishedContent ?? posting.content) : posting.content);
  const hide = options.hideEstablishment === true;
  const content = hide ? anonymisedContent(stored) : stored;
  const { prefectureName: establishmentPrefecture, ...establishment } = establishmentView(sheet);
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
  const images: KyujinhyoImage[] = hide
    ? []
    : chosenImages(approved, stored.pr.imageIds).map((image) => ({ id: image.id, caption: image.caption, src: options.imageSrc(image.id) }));
  return {
    // The view's content names only the images it shows (not a pending or another establishment's image id).
    content: { ...content, pr: { ...content.pr, imageIds: images.map((image) => image.id) } },
    establishment: shownEstablishment,
    meta: {
      jobNumber: posting.jobNumber,
      acceptedOn: posting.acceptedOn,
      validUntil: posting.validUntil,
      invalidatedOn: posting.invalidatedOn,
      officeName: sheet.officeName ?? "",
    },
    images,
    hideEstablishment: hide,
    showPublication: options.showPublication === true && !hide,
  };
}

/**
 * The print page's data (R-JOB-6) for a posting the viewer may see: the working copy by default, `?version=published`
 * the published one (null when there is none: the page is a 404). `base` is the viewer's path prefix (/mypage or
 * /staff), which also serves the images.
 */
export function printPageData(sheet: PostingSheet, approved: readonly ApprovedImage[], request: Request, base: "/mypage" | "/staff"): PrintPageData | null {
  const { posting } = sheet;
  const published = new URL(request.url).searchParams.get("version") === "published";
  if (published && !posting.publishedContent) return null;
  const props = kyujinhyoView(sheet, approved, {
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
