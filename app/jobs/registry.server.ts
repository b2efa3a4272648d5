/**
 * Scheduled jobs (STYLE 8): `scheduled()` only dispatches. Each job is idempotent, works in bounded
 * chunks, and can be re-run after a crash. Later features register their daily jobs here.
 */
import { and, eq, inArray, lt, or } from "drizzle-orm";
import { DAY_MS } from "../lib/clock";
import { JOB_RUN_RETENTION_DAYS, SENT_MAIL_RETENTION_DAYS } from "../rules/retention";
import { schema } from "../utils/db.server";
import { deliverDueMail, senderFor } from "../utils/mail.server";
import { SESSION_POLICIES, type AccountType, type SessionPolicy } from "../utils/session.server";
import { backlogRestrictionJob } from "./backlog-restriction.server";
import { establishmentErasureJob } from "./establishment-erasure.server";
import { deleteInChunks, type Job } from "./job.server";
import { authLeftoversJob, imageOrphansJob } from "./leftovers.server";
import { messageErasureJob } from "./message-retention.server";
import { minimumWageAlertsJob } from "./minimum-wage-alerts.server";
import { postingExpiryJob } from "./posting-expiry.server";
import { postingSearchTextJob } from "./posting-search-text.server";
import { provisionalExpiryJob } from "./provisional-expiry.server";

export { deleteInChunks, type Job, type JobContext } from "./job.server";

/**
 * Mail a run sends at most: at Resend's pace (2 per second) 90 mails take 45 s, so one minute's run ends before the
 * next starts; claimed in rounds of 30 so that each lease (5 minutes) covers its round's sending.
 */
export const MAIL_PER_RUN = 90;
const MAIL_ROUND = 30;

export const mailDeliveryJob: Job = {
  name: "mail.deliver",
  frequency: "frequent",
  description: "送信待ちのメールを送信し、一時的な失敗は決まった間隔で再送する（上限を過ぎたら送信不能）",
  async run({ env, db, clock }) {
    const sender = senderFor(env);
    if (!sender) {
      console.error("mail.deliver: RESEND_API_KEY is not set; mail stays in the outbox");
      return 0;
    }
    let processed = 0;
    for (let round = 0; round < MAIL_PER_RUN / MAIL_ROUND; round++) {
      const report = await deliverDueMail(db, clock, sender, MAIL_ROUND);
      const tried = report.sent + report.failed + report.dead;
      processed += tried + report.expired;
      if (tried < MAIL_ROUND) break;
    }
    return processed;
  },
};

export const sessionCleanupJob: Job = {
  name: "sessions.cleanup",
  frequency: "daily",
  description: "期限切れ（有効期間の終了または無操作）のセッションと、期限の過ぎた一時保管の入力内容を削除する",
  async run({ db, clock }) {
    const now = clock.now().getTime();
    const expired = or(
      lt(schema.sessions.expiresAt, now),
      ...(Object.entries(SESSION_POLICIES) as [AccountType, SessionPolicy][]).map(([type, policy]) =>
        and(eq(schema.sessions.accountType, type), lt(schema.sessions.lastSeenAt, now - policy.idleMs)),
      ),
    );
    const deleted = await deleteInChunks(
      async (limit) => (await db.select({ id: schema.sessions.id }).from(schema.sessions).where(expired).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(schema.sessions).where(inArray(schema.sessions.id, ids)),
    );
    // Forms kept after a session ended (ADR 0017) that nobody came back for within their 2 hours.
    await db.delete(schema.keptForms).where(lt(schema.keptForms.expiresAt, now));
    return deleted;
  },
};

/** Sent mail is kept 30 days (it may hold keys and codes), then deleted; dead and expired mail 30 days after it ended. */
export const SENT_MAIL_RETENTION_MS = SENT_MAIL_RETENTION_DAYS * DAY_MS;

export const sentMailPurgeJob: Job = {
  name: "mail.purgeSent",
  frequency: "daily",
  description: "送信から30日を過ぎたメール（送信不能・期限切れになってから30日を過ぎたものを含む）を送信箱から削除する",
  async run({ db, clock }) {
    const cutoff = clock.now().getTime() - SENT_MAIL_RETENTION_MS;
    const m = schema.mailOutbox;
    const old = or(and(eq(m.status, "sent"), lt(m.sentAt, cutoff)), and(inArray(m.status, ["dead", "expired"]), lt(m.closedAt, cutoff)));
    return deleteInChunks(
      async (limit) => (await db.select({ id: schema.mailOutbox.id }).from(schema.mailOutbox).where(old).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(schema.mailOutbox).where(inArray(schema.mailOutbox.id, ids)),
    );
  },
};

/** Job run records are kept 30 days. */
export const jobRunPurgeJob: Job = {
  name: "jobRuns.purge",
  frequency: "daily",
  description: "30日を過ぎたジョブ実行記録を削除する",
  async run({ db, clock }) {
    const cutoff = clock.now().getTime() - JOB_RUN_RETENTION_DAYS * DAY_MS;
    return deleteInChunks(
      async (limit) =>
        (await db.select({ id: schema.jobRuns.id }).from(schema.jobRuns).where(lt(schema.jobRuns.startedAt, cutoff)).limit(limit).all()).map((r) => r.id),
      (ids) => db.delete(schema.jobRuns).where(inArray(schema.jobRuns.id, ids)),
    );
  },
};

/** Cron expression (as in wrangler.toml) → the jobs it runs, in order. */
export const SCHEDULES: Record<string, Job[]> = {
  // 00:05 JST every day.
  "5 15 * * *": [
    sessionCleanupJob,
    sentMailPurgeJob,
    jobRunPurgeJob,
    provisionalExpiryJob,
    postingExpiryJob,
    // R-GATE-3: after midnight JST ("today" is the new day); after the postings' expiry, like every check of the day.
    backlogRestrictionJob,
    minimumWageAlertsJob,
    authLeftoversJob,
    imageOrphansJob,
    postingSearchTextJob,
    // R-MSG-3: messages sent before today − 1 year (JST) are erased.
    messageErasureJob,
    // R-DEL-1…4: My Pages 31 days after 退会 or closing, and dormant for 5 years (R-DEL-2), with everything they hold.
    establishmentErasureJob,
  ],
  // Every minute.
  "* * * * *": [mailDeliveryJob],
};

export const ALL_JOBS: Job[] = [...new Set(Object.values(SCHEDULES).flat())];
