/**
 * The catalogue of the app's pages: every route of the server build, with the actor who may open it and a concrete
 * path for it over a world of data (tests/helpers/pages.ts builds the tests' world; `npm run bench` picks one from the
 * generated data, scripts/bench/world.ts). Pure, so that both the workerd tests and the Node bench read it.
 */

export type Actor =
  | "anonymous"
  | "employer"
  | "employerPending2fa"
  | "employerPendingConsent"
  | "provisional"
  | "staff"
  | "staffPending2fa"
  | "supervisor"
  | "seeker"
  | "seekerPending2fa";

export interface PageEntry {
  /** The route's path pattern as the build names it (e.g. `mypage/postings/:id`). */
  route: string;
  /** A concrete path over the world. */
  path: string;
  actor: Actor;
  /** The answer expected (default 200). */
  status?: number;
}

export interface World {
  cookies: Record<Actor, string | undefined>;
  ids: Record<
    | "accepted"
    | "draft"
    | "submitted"
    | "change"
    | "image"
    | "notice"
    | "changeRequest"
    | "provisional"
    | "establishment"
    | "referral"
    | "seeker"
    | "thread"
    | "publicNumber"
    | "directRequest",
    string
  >;
  jobNumber: string;
}

/** Every page with its actor and path; a route with several meaningful states appears once per state. */
export function pageCatalogue(world: World): PageEntry[] {
  const { ids } = world;
  const steps = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
    route: "mypage/postings/:id/step/:step",
    path: `/mypage/postings/${ids.draft}/step/${n}`,
    actor: "employer" as const,
  }));
  return [
    // Public pages.
    { route: "", path: "/", actor: "anonymous" },
    { route: "terms", path: "/terms", actor: "anonymous" },
    { route: "privacy", path: "/privacy", actor: "anonymous" },
    { route: "accessibility", path: "/accessibility", actor: "anonymous" },
    { route: "jobs", path: "/jobs?q=製造", actor: "anonymous" },
    { route: "jobs/:jobNumber", path: `/jobs/${world.jobNumber}`, actor: "anonymous" },
    { route: "login", path: "/login", actor: "anonymous" },
    { route: "login/verify", path: "/login/verify", actor: "employerPending2fa" },
    { route: "password-registration", path: "/password-registration", actor: "anonymous" },
    { route: "password-registration/complete", path: "/password-registration/complete", actor: "anonymous" },
    { route: "password-reset", path: "/password-reset", actor: "anonymous" },
    { route: "password-reset/complete", path: "/password-reset/complete", actor: "anonymous" },
    { route: "register", path: "/register", actor: "anonymous" },
    // issue 13, R-DEL-1: where the browser lands after 退会 (no reads).
    { route: "withdrawal/complete", path: "/withdrawal/complete?on=2026-11-26", actor: "anonymous" },
    { route: "register/complete", path: "/register/complete", actor: "anonymous" },
    { route: "staff/login", path: "/staff/login", actor: "anonymous" },
    // 求職者マイページ (issue 12).
    { route: "seeker/login", path: "/seeker/login", actor: "anonymous" },
    { route: "seeker/login/verify", path: "/seeker/login/verify", actor: "seekerPending2fa" },
    { route: "seeker/password-registration", path: "/seeker/password-registration", actor: "anonymous" },
    { route: "seeker/password-registration/complete", path: "/seeker/password-registration/complete", actor: "anonymous" },
    { route: "seeker", path: "/seeker", actor: "seeker" },
    { route: "seeker/requests/:id", path: `/seeker/requests/${ids.directRequest}`, actor: "seeker" },
    { route: "seeker/logout", path: "/seeker/logout", actor: "seeker" },
    // メッセージ (issue 12, R-MSG-1).
    { route: "seeker/messages", path: "/seeker/messages", actor: "seeker" },
    { route: "seeker/messages/:threadId", path: `/seeker/messages/${ids.thread}`, actor: "seeker" },
    // The seeker's start page from the 直接リクエスト goes to the existing thread with that establishment.
    { route: "seeker/messages/new", path: `/seeker/messages/new?request=${ids.directRequest}`, actor: "seeker", status: 302 },
    // 住所の自動入力 (issue 10): JSON; the world loads no 郵便番号, so the look-up's one query answers 404.
    { route: "api/postal-codes/:code", path: "/api/postal-codes/3211261", actor: "anonymous", status: 404 },
    { route: "staff/login/totp", path: "/staff/login/totp", actor: "staffPending2fa" },
    // The employer.
    { route: "logout", path: "/logout", actor: "employer" },
    { route: "provisional", path: "/provisional", actor: "provisional" },
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
      route: "provisional/posting/step/:step",
      path: `/provisional/posting/step/${n}`,
      actor: "provisional" as const,
    })),
    { route: "mypage", path: "/mypage", actor: "employer" },
    { route: "mypage/consent", path: "/mypage/consent", actor: "employerPendingConsent" },
    { route: "mypage/accounts", path: "/mypage/accounts", actor: "employer" },
    { route: "mypage/settings/password", path: "/mypage/settings/password", actor: "employer" },
    { route: "mypage/withdrawal", path: "/mypage/withdrawal", actor: "employer" },
    { route: "mypage/images", path: "/mypage/images", actor: "employer" },
    { route: "mypage/establishment", path: "/mypage/establishment", actor: "employer" },
    { route: "mypage/notices", path: "/mypage/notices", actor: "employer" },
    { route: "mypage/notices/:id", path: `/mypage/notices/${ids.notice}`, actor: "employer" },
    { route: "mypage/postings", path: "/mypage/postings", actor: "employer" },
    { route: "mypage/postings", path: "/mypage/postings?page=2", actor: "employer" },
    { route: "mypage/postings/new", path: "/mypage/postings/new", actor: "employer" },
    { route: "mypage/postings/:id", path: `/mypage/postings/${ids.draft}`, actor: "employer" },
    { route: "mypage/postings/:id", path: `/mypage/postings/${ids.accepted}`, actor: "employer" },
    { route: "mypage/postings/:id", path: `/mypage/postings/${ids.change}`, actor: "employer" },
    ...steps,
    { route: "mypage/postings/:id/print", path: `/mypage/postings/${ids.accepted}/print`, actor: "employer" },
    // 応募者管理 and 選考結果 (issue 11).
    { route: "mypage/applicants", path: "/mypage/applicants", actor: "employer" },
    { route: "mypage/applicants", path: `/mypage/applicants?posting=${ids.accepted}&status=rejected&sort=days&page=2`, actor: "employer" },
    { route: "mypage/requests", path: "/mypage/requests", actor: "employer" },
    // メッセージ (issue 12, R-MSG-1): the start page goes to the existing thread with the seeker.
    { route: "mypage/messages", path: "/mypage/messages", actor: "employer" },
    { route: "mypage/messages/:threadId", path: `/mypage/messages/${ids.thread}`, actor: "employer" },
    { route: "mypage/messages/new", path: `/mypage/messages/new?referral=${ids.referral}`, actor: "employer", status: 302 },
    { route: "mypage/search", path: `/mypage/search?q=${encodeURIComponent("介護")}&pref=09&sort=wageAsc`, actor: "employer" },
    { route: "mypage/search/:publicNumber", path: `/mypage/search/${ids.publicNumber}`, actor: "employer" },
    { route: "mypage/applicants/:id", path: `/mypage/applicants/${ids.referral}`, actor: "employer" },
    { route: "mypage/applicants/:id/letter", path: `/mypage/applicants/${ids.referral}/letter`, actor: "employer" },
    // Hello Work officers.
    { route: "staff/logout", path: "/staff/logout", actor: "staff", status: 302 },
    { route: "staff", path: "/staff", actor: "staff" },
    { route: "staff/establishments", path: "/staff/establishments?q=日光", actor: "staff" },
    { route: "staff/establishments/new", path: "/staff/establishments/new", actor: "staff" },
    { route: "staff/establishments/:id", path: `/staff/establishments/${ids.establishment}`, actor: "staff" },
    // issue 11, R-GATE-2…4: 利用不可, the restriction of one establishment, the office's establishments by backlog.
    { route: "staff/establishments/:id/usability", path: `/staff/establishments/${ids.establishment}/usability`, actor: "staff" },
    { route: "staff/establishments/:id/restriction", path: `/staff/establishments/${ids.establishment}/restriction`, actor: "staff" },
    // issue 13, R-DEL-1 / R-DEL-3: the 退会 (restoration) and 管轄の変更 pages of one establishment.
    { route: "staff/establishments/:id/withdrawal", path: `/staff/establishments/${ids.establishment}/withdrawal`, actor: "staff" },
    { route: "staff/establishments/:id/relocation", path: `/staff/establishments/${ids.establishment}/relocation`, actor: "staff" },
    // 監査ログ (issue 13): the list with every filter, and its CSV.
    { route: "staff/audit", path: "/staff/audit", actor: "staff" },
    {
      route: "staff/audit",
      path: `/staff/audit?establishment=${encodeURIComponent("テスト")}&action=establishment.register&from=2026-11-01&to=2026-11-30&page=2`,
      actor: "staff",
    },
    { route: "staff/audit.csv", path: "/staff/audit.csv?from=2026-11-01&to=2026-11-30", actor: "staff" },
    { route: "staff/backlog", path: "/staff/backlog", actor: "staff" },
    { route: "staff/backlog", path: "/staff/backlog?page=3", actor: "staff" },
    { route: "staff/provisional", path: "/staff/provisional", actor: "staff" },
    { route: "staff/provisional/:id", path: `/staff/provisional/${ids.provisional}`, actor: "staff" },
    { route: "staff/images", path: "/staff/images", actor: "staff" },
    { route: "staff/images", path: "/staff/images?page=9", actor: "staff" },
    { route: "staff/minimum-wages", path: "/staff/minimum-wages?prefecture=09", actor: "supervisor" },
    // A revision not yet in force, with its correction and withdrawal forms (issue 9 #9).
    { route: "staff/minimum-wages", path: "/staff/minimum-wages?prefecture=09&revision=2027-10-01", actor: "supervisor" },
    { route: "staff/mail", path: "/staff/mail", actor: "supervisor" },
    { route: "staff/enrolment", path: "/staff/enrolment", actor: "supervisor" },
    { route: "staff/establishment-changes", path: "/staff/establishment-changes", actor: "staff" },
    { route: "staff/establishment-changes/:id", path: `/staff/establishment-changes/${ids.changeRequest}`, actor: "staff" },
    { route: "staff/postings", path: "/staff/postings", actor: "staff" },
    { route: "staff/postings", path: "/staff/postings?status=accepted", actor: "staff" },
    { route: "staff/postings", path: "/staff/postings?queuePage=2&page=2", actor: "staff" },
    { route: "staff/postings/:id", path: `/staff/postings/${ids.submitted}`, actor: "staff" },
    { route: "staff/postings/:id", path: `/staff/postings/${ids.change}`, actor: "staff" },
    { route: "staff/postings/:id/print", path: `/staff/postings/${ids.accepted}/print`, actor: "staff" },
    { route: "staff/referrals/:id", path: `/staff/referrals/${ids.referral}`, actor: "staff" },
    { route: "staff/referrals/:id/letter", path: `/staff/referrals/${ids.referral}/letter`, actor: "staff" },
    // 求職者 and 紹介 (issue 11): the list with a search, the forms, and the 紹介 with a posting looked up.
    { route: "staff/seekers", path: "/staff/seekers?q=架空", actor: "staff" },
    { route: "staff/seekers/new", path: "/staff/seekers/new", actor: "staff" },
    { route: "staff/seekers/:id", path: `/staff/seekers/${ids.seeker}`, actor: "staff" },
    { route: "staff/seekers/:id/refer", path: `/staff/seekers/${ids.seeker}/refer`, actor: "staff" },
    { route: "staff/seekers/:id/refer", path: `/staff/seekers/${ids.seeker}/refer?jobNumber=${world.jobNumber}`, actor: "staff" },
  ];
}

/**
 * Routes that are not pages (resource routes serving bytes, the development tools, the catch-all 404) and
 * why they are outside the catalogue.
 */
export const NOT_PAGES: Record<string, string> = {
  "*": "the catch-all 404",
  dev: "development tool (404 in production)",
  "dev/mail": "development tool (404 in production)",
  "dev/mail/:id": "development tool (404 in production)",
  "mypage/images/:id": "image bytes from R2 (resource route)",
  "staff/images/:id": "image bytes from R2 (resource route)",
  "jobs/:jobNumber/images/:imageId": "image bytes from R2 (resource route)",
};
