/**
 * 応募者管理 (R-REF-2) and the referral pages (R-REF-1, R-REF-3): the reads of /mypage/applicants, /mypage/applicants/:id,
 * the 紹介状 and /staff/referrals/:id, as query builders that ride in the guard's batch (one D1 round trip a page). The
 * actor's scope is in the SQL: an employer reads only referrals of its establishment; an officer only referrals made by
 * the office or to an establishment under its 管轄 (anything else is no row, so a 404).
 */
import { and, asc, desc, eq, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import {
  ageOn,
  daysSinceReferral,
  isOverdue,
  isSelectionWindowOpen,
  REFERRAL_CHANNEL_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralStatus,
} from "../rules/referral";
import { schema, type Db } from "../utils/db.server";
import { onPage, pageColumns } from "../utils/paging.server";

const r = schema.referrals;
const js = schema.jobSeekers;
const p = schema.jobPostings;
const e = schema.establishments;
const o = schema.offices;
const ev = schema.referralEvents;
const st = schema.staffAccounts;

export type Referral = typeof r.$inferSelect;
export type ReferralEvent = typeof ev.$inferSelect;

/** The scope of a reader, as SQL over `referrals`. */
export type ReferralScope = { kind: "employer"; establishmentId: SQL | string } | { kind: "staff"; officeCode: SQL | string };

/** Referrals the actor may read: the establishment's own; for an officer, the office's referrals and those to its 管轄. */
export function referralScopeSql(scope: ReferralScope): SQL {
  if (scope.kind === "employer") return sql`${r.establishmentId} = ${scope.establishmentId}`;
  return or(
    eq(r.officeCode, scope.officeCode),
    sql`EXISTS (SELECT 1 FROM ${e} WHERE ${e.id} = ${r.establishmentId} AND ${e.officeCode} = ${scope.officeCode})`,
  )!;
}

/** The posting's 職種 as published (or as written when never published). */
const jobTitleSql = sql<string | null>`json_extract(COALESCE(${p.publishedContent}, ${p.content}), '$.jobTitle')`;

// ---------------------------------------------------------------------------------------------------------------
// The list (R-REF-2)

export const APPLICANT_STATUSES = ["screening", "hired", "rejected", "declined"] as const satisfies readonly ReferralStatus[];
export const APPLICANT_SORTS = { new: "紹介日の新しい順", old: "紹介日の古い順", days: "経過日数の長い順" } as const;
export type ApplicantSort = keyof typeof APPLICANT_SORTS;

export interface ApplicantFilter {
  postingId: string | null;
  status: ReferralStatus | null;
  sort: ApplicantSort;
  page: number;
}

/** ?posting=ID&status=…&sort=…: unknown values are no filter (and the default order). */
export function applicantFilterOf(params: URLSearchParams, page: number): ApplicantFilter {
  const status = params.get("status");
  const sort = params.get("sort");
  const posting = (params.get("posting") ?? "").trim();
  return {
    postingId: posting && posting.length <= 64 ? posting : null,
    status: (APPLICANT_STATUSES as readonly string[]).includes(status ?? "") ? (status as ReferralStatus) : null,
    sort: sort && sort in APPLICANT_SORTS ? (sort as ApplicantSort) : "new",
    page,
  };
}

/** One page of the establishment's applicants (its rows and the total in one statement). */
export function applicantsPageQuery(db: Db, establishmentId: SQL | string, filter: ApplicantFilter) {
  // 経過日数 grows with the age of the 紹介日: the longest first is the oldest first.
  const order = filter.sort === "new" ? sql`${r.referredOn} DESC, ${r.createdAt} DESC, ${r.id}` : sql`${r.referredOn} ASC, ${r.createdAt} ASC, ${r.id}`;
  const inner = db
    .select({
      id: r.id,
      status: r.status,
      channel: r.channel,
      referredOn: r.referredOn,
      seekerName: sql<string>`${js.name}`.as("seeker_name"),
      birthDate: js.birthDate,
      postingId: r.postingId,
      jobNumber: p.jobNumber,
      jobTitle: jobTitleSql.as("job_title"),
      officeName: sql<string | null>`${o.name}`.as("office_name"),
      ...pageColumns(order),
    })
    .from(r)
    .innerJoin(js, eq(js.id, r.seekerId))
    .innerJoin(p, eq(p.id, r.postingId))
    .leftJoin(o, eq(o.code, r.officeCode))
    .where(
      and(
        eq(r.establishmentId, establishmentId),
        filter.postingId ? eq(r.postingId, filter.postingId) : undefined,
        filter.status ? eq(r.status, filter.status) : undefined,
      ),
    )
    .as("applicants");
  return db
    .select()
    .from(inner)
    .where(onPage(inner.position, inner.total, filter.page))
    .orderBy(asc(inner.position));
}

/** The establishment's postings that have referrals, with their count (the list's 求人 filter). */
export function referredPostingsQuery(db: Db, establishmentId: SQL | string) {
  return db
    .select({ id: p.id, jobNumber: p.jobNumber, jobTitle: jobTitleSql.as("job_title"), count: sql<number>`count(${r.id})`.as("count") })
    .from(r)
    .innerJoin(p, eq(p.id, r.postingId))
    .where(eq(r.establishmentId, establishmentId))
    .groupBy(p.id)
    .orderBy(desc(p.jobNumber));
}

/** How many applicants a posting of the establishment has (the posting page's link). */
export function applicantCountQuery(db: Db, establishmentId: SQL | string, postingId: string) {
  return db
    .select({ count: sql<number>`count(*)`.as("count") })
    .from(r)
    .where(and(eq(r.establishmentId, establishmentId), eq(r.postingId, postingId)));
}

export type ApplicantListRow = Awaited<ReturnType<ReturnType<typeof applicantsPageQuery>["all"]>>[number];

/** A list row as the page shows it: 年齢, 経過日数 and 「未登録（3週間経過）」 as of today. */
export function applicantRowView(row: ApplicantListRow, today: string) {
  return {
    id: row.id,
    name: row.seekerName,
    age: ageOn(row.birthDate, today),
    jobNumber: row.jobNumber ?? "―",
    jobTitle: row.jobTitle || "（職種未入力）",
    postingId: row.postingId,
    /** 応募経路: ハローワーク紹介 or オンライン自主応募. */
    channelLabel: REFERRAL_CHANNEL_LABELS[row.channel],
    officeName: row.officeName ?? "―",
    referredOn: row.referredOn,
    days: daysSinceReferral(row.referredOn, today),
    status: row.status,
    statusLabel: REFERRAL_STATUS_LABELS[row.status],
    overdue: isOverdue(row, today),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One referral: the applicant, the 紹介, the result and its history

// Selected expressions nest their SQL: drizzle strips the table from a single-table select's own top-level columns.
const nested = (inner: SQL) => sql`(${inner})`;
const prefectureName = (code: SQLWrapper) =>
  nested(sql`SELECT ${schema.prefectures.name} FROM ${schema.prefectures} WHERE ${schema.prefectures.code} = ${code}`) as SQL<string | null>;
const municipalityName = (code: SQLWrapper) =>
  nested(sql`SELECT ${schema.municipalities.name} FROM ${schema.municipalities} WHERE ${schema.municipalities.code} = ${code}`) as SQL<string | null>;

/** The statements of a referral page, each scoped by the referral id within the reader's scope. */
export function referralDetailQueries(db: Db, scope: ReferralScope, id: string) {
  const mine = and(eq(r.id, id), referralScopeSql(scope));
  const of = (column: SQL | typeof r.seekerId) => sql`(SELECT ${column} FROM ${r} WHERE ${mine})`;
  return [
    db.select().from(r).where(mine),
    db
      .select({
        id: js.id,
        seekerNumber: js.seekerNumber,
        officeCode: js.officeCode,
        name: js.name,
        nameKana: js.nameKana,
        birthDate: js.birthDate,
        postalCode: js.postalCode,
        prefectureName: prefectureName(js.prefectureCode).as("prefecture_name"),
        municipalityName: municipalityName(js.municipalityCode).as("municipality_name"),
        address: js.address,
        phone: js.phone,
        email: js.email,
        licences: js.licences,
        workHistory: js.workHistory,
        selfPr: js.selfPr,
        desiredOccupation: js.desiredOccupation,
        desiredEmploymentType: js.desiredEmploymentType,
        desiredWorkStyle: js.desiredWorkStyle,
        desiredWageForm: js.desiredWageForm,
        desiredWage: js.desiredWage,
        desiredHours: js.desiredHours,
        disclosure: js.disclosure,
      })
      .from(js)
      .where(eq(js.id, of(sql`${r.seekerId}`))),
    db
      .select({
        id: p.id,
        status: p.status,
        acceptedOn: p.acceptedOn,
        validUntil: p.validUntil,
        invalidatedOn: p.invalidatedOn,
        jobNumber: p.jobNumber,
        jobTitle: jobTitleSql.as("job_title"),
      })
      .from(p)
      .where(eq(p.id, of(sql`${r.postingId}`))),
    db
      .select({
        id: e.id,
        name: e.name,
        postalCode: e.postalCode,
        prefectureName: prefectureName(e.prefectureCode).as("prefecture_name"),
        municipalityName: municipalityName(e.municipalityCode).as("municipality_name"),
        address: e.address,
        phone: e.phone,
        officeCode: e.officeCode,
      })
      .from(e)
      .where(eq(e.id, of(sql`${r.establishmentId}`))),
    db
      .select()
      .from(o)
      .where(or(eq(o.code, of(sql`${r.officeCode}`)), eq(o.code, sql`(SELECT ${e.officeCode} FROM ${e} WHERE ${e.id} = ${of(sql`${r.establishmentId}`)})`))),
    db
      .select({
        id: ev.id,
        at: ev.at,
        actorType: ev.actorType,
        action: ev.action,
        before: ev.before,
        after: ev.after,
        staffOfficeName: (
          nested(sql`SELECT ${o.name} FROM ${st} JOIN ${o} ON ${o.code} = ${st.officeCode} WHERE ${st.id} = ${ev.actorId}`) as SQL<string | null>
        ).as("staff_office_name"),
      })
      .from(ev)
      .where(eq(ev.referralId, of(sql`${r.id}`)))
      .orderBy(asc(ev.at), asc(ev.id)),
  ] as const;
}

type DetailResults = [Referral[], SeekerRow[], PostingRow[], EstablishmentRow[], (typeof o.$inferSelect)[], EventRow[]];
export type SeekerRow = Awaited<ReturnType<ReturnType<typeof referralDetailQueries>[1]["all"]>>[number];
type PostingRow = Awaited<ReturnType<ReturnType<typeof referralDetailQueries>[2]["all"]>>[number];
type EstablishmentRow = Awaited<ReturnType<ReturnType<typeof referralDetailQueries>[3]["all"]>>[number];
export type EventRow = Awaited<ReturnType<ReturnType<typeof referralDetailQueries>[5]["all"]>>[number];

export interface ReferralDetail {
  referral: Referral;
  seeker: SeekerRow;
  posting: PostingRow;
  establishment: EstablishmentRow;
  /** The referring office (null for an online application) and the establishment's jurisdictional office. */
  referringOffice: typeof o.$inferSelect | null;
  jurisdictionOffice: typeof o.$inferSelect | null;
  events: EventRow[];
}

/** The batch's results as one referral, or null (not the reader's: a 404). */
export function referralDetailOf(results: unknown): ReferralDetail | null {
  const [referrals, seekers, postings, establishments, offices, events] = results as DetailResults;
  const referral = referrals[0];
  const seeker = seekers[0];
  const posting = postings[0];
  const establishment = establishments[0];
  if (!referral || !seeker || !posting || !establishment) return null;
  return {
    referral,
    seeker,
    posting,
    establishment,
    referringOffice: offices.find((office) => office.code === referral.officeCode) ?? null,
    jurisdictionOffice: offices.find((office) => office.code === establishment.officeCode) ?? null,
    events,
  };
}

/** Whether the result of this referral can still be registered online today (R-REF-3). */
export function selectionWindowOpenFor(detail: ReferralDetail, today: string): boolean {
  return isSelectionWindowOpen(detail.posting, today);
}

/** The version the result forms carry (state and update time): the model's compare-and-set. */
export function versionOf(referral: Pick<Referral, "status" | "updatedAt">): string {
  return `${referral.status}:${referral.updatedAt}`;
}

/** The address of an establishment or office as one line. */
export function addressLine(place: { postalCode: string; prefectureName?: string | null; municipalityName?: string | null; address: string }): string {
  return [place.postalCode ? `〒${place.postalCode}` : "", `${place.prefectureName ?? ""}${place.municipalityName ?? ""}${place.address}`]
    .filter(Boolean)
    .join(" ");
}
