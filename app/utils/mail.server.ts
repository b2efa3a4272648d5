/**
 * Mail through the outbox (ADR 0005). `enqueueMail` returns an insert for the caller's `db.batch()`,
 * so the mail exists if and only if the change that causes it was committed. `deliverDueMail` claims
 * due rows with a lease and sends them one by one, paced for the provider's rate limit. A temporary failure
 * (Resend 429 or 5xx, a network error) is retried on a bounded schedule (RETRY_SCHEDULE_MINUTES); a permanent
 * one (any other 4xx), or the end of the schedule, makes the mail dead (listed for supervisors at /staff/mail).
 * A mail holding a login code or 認証キー carries the code's expiry and is dropped as expired rather than sent
 * late (issue 9 #11). Production sends through Resend; development and tests deliver to the local outbox only.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { MINUTE_MS, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { mailTemplates, type MailContext, type MailTemplateData, type MailTemplateName } from "../mail/templates";
import { schema, type Db } from "./db.server";
import { insertWhere } from "./sql.server";
import { appOrigin, isProduction, mailFrom, mailFromAddress } from "./env.server";

export type OutboxRow = typeof schema.mailOutbox.$inferSelect;

/**
 * The context every mail is rendered in. Links use the configured origin (APP_ORIGIN), never the request's: a request
 * that reached the Worker under another Host must not put that host into a mail (issue 9 #17).
 */
export function mailContext(env: Env): MailContext {
  return { origin: appOrigin(env), fromAddress: mailFromAddress(env) };
}

/** The outbox row of a mail to `to` (a value, or SQL such as an account's address in insertWhere). */
function outboxRow<N extends MailTemplateName>(clock: Clock, ctx: MailContext, to: string | SQL, template: N, data: MailTemplateData<N>) {
  const render = mailTemplates[template] as (ctx: MailContext, data: MailTemplateData<N>) => ReturnType<(typeof mailTemplates)[N]>;
  const mail = render(ctx, data);
  const now = clock.now().getTime();
  // Codes and keys (loginCode, authKey*, accountAdded) carry their expiry: such a mail is never sent after it.
  const expiresAt = (data as { expiresAt?: unknown }).expiresAt;
  return {
    toAddress: to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    template,
    status: "pending" as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    expiresAt: typeof expiresAt === "number" ? expiresAt : null,
  };
}

export function enqueueMail<N extends MailTemplateName>(db: Db, clock: Clock, ctx: MailContext, to: string, template: N, data: MailTemplateData<N>) {
  return db.insert(schema.mailOutbox).values({ id: newId(), ...outboxRow(clock, ctx, to, template, data), toAddress: to });
}

/**
 * The same mail to every active login account of an establishment (R-GATE-2…4: the whole establishment is told), as one
 * statement for the caller's batch: the accounts are those at the moment the batch runs, and with `when` (SQL) the mail
 * is written only while it holds (the change it reports took effect in this batch).
 */
export function enqueueMailToAccounts<N extends MailTemplateName>(
  db: Db,
  clock: Clock,
  ctx: MailContext,
  establishmentId: string,
  template: N,
  data: MailTemplateData<N>,
  when?: SQL,
) {
  const a = schema.employerAccounts;
  const row = outboxRow(clock, ctx, sql`${a.email}`, template, data);
  return insertWhere(
    db,
    schema.mailOutbox,
    { id: sql`lower(hex(randomblob(16)))`, ...row },
    sql`FROM ${a} WHERE ${a.establishmentId} = ${establishmentId} AND ${a.status} = 'active'${when ? sql` AND ${when}` : sql``}`,
  );
}

/**
 * A mail to an address read by SQL (`to`, e.g. a seeker's e-mail) from `source` (`FROM … WHERE …`), as one statement for
 * the caller's batch: written only when `source` yields a row at the moment the batch runs — so a change that did not
 * happen (its own condition in `source`) sends nothing.
 */
export function enqueueMailWhere<N extends MailTemplateName>(
  db: Db,
  clock: Clock,
  ctx: MailContext,
  to: SQL,
  source: SQL,
  template: N,
  data: MailTemplateData<N>,
) {
  return insertWhere(db, schema.mailOutbox, { id: sql`lower(hex(randomblob(16)))`, ...outboxRow(clock, ctx, to, template, data) }, source);
}

export interface MailSender {
  readonly name: string;
  /** The least time between the starts of two sends (the provider's rate limit); 0 or absent: no pacing. */
  readonly minIntervalMs?: number;
  /** Sends one mail; returns the provider's id. Throws on failure (a MailDeliveryError says whether to retry). */
  send(mail: OutboxRow): Promise<string>;
}

/** Development and tests: the mail is "delivered" into the local outbox page; no network. */
export const localSender: MailSender = {
  name: "local",
  async send() {
    return "local";
  },
};

export class MailDeliveryError extends Error {
  /** A permanent refusal (e.g. Resend 422 for an invalid address): trying again cannot succeed. */
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = "MailDeliveryError";
    this.permanent = permanent;
  }
}

/** Resend's answers that are worth retrying: 429 (rate limited) and 5xx; any other 4xx is permanent. */
export function isTemporaryStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Resend allows 2 requests per second per team: one send every 500 ms at most. */
export const RESEND_MIN_INTERVAL_MS = 500;

/**
 * How long one send to Resend may take, answer included (issue 14): past it the try counts as a temporary failure and
 * the mail waits for its next try (a hung connection would otherwise hold the job and its lease).
 */
export const RESEND_TIMEOUT_MS = 10_000;

export function resendSender(options: { apiKey: string; from: string; fetch?: typeof fetch; minIntervalMs?: number; timeoutMs?: number }): MailSender {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? RESEND_TIMEOUT_MS;
  return {
    name: "resend",
    minIntervalMs: options.minIntervalMs ?? RESEND_MIN_INTERVAL_MS,
    async send(mail) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await sendOnce(mail, signal);
      } catch (error) {
        if (signal.aborted) throw new MailDeliveryError(`Resend did not answer within ${timeoutMs} ms`, false);
        throw error;
      }
    },
  };

  async function sendOnce(mail: OutboxRow, signal: AbortSignal): Promise<string> {
    const res = await send("https://api.resend.com/emails", {
      method: "POST",
      signal,
      headers: {
        Authorization: `Bearer ${options.apiKey}`,
        "Content-Type": "application/json",
        // A retry after a crash between send and bookkeeping is not sent twice.
        "Idempotency-Key": mail.id,
      },
      body: JSON.stringify({
        from: options.from,
        to: [mail.toAddress],
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
      }),
    });
    const body = await res.text();
    if (!res.ok) throw new MailDeliveryError(`Resend ${res.status}: ${body.slice(0, 300)}`, !isTemporaryStatus(res.status));
    try {
      return String((JSON.parse(body) as { id?: string }).id ?? "resend");
    } catch {
      return "resend";
    }
  }
}

/** The sender for this deployment. Production without an API key sends nothing (mail waits). */
export function senderFor(env: Env): MailSender | null {
  if (!isProduction(env)) return localSender;
  if (!env.RESEND_API_KEY) return null;
  return resendSender({ apiKey: env.RESEND_API_KEY, from: mailFrom(env) });
}

/** How long a claimed row is reserved for the sender before another run may take it. */
export const DELIVERY_LEASE_MS = 5 * MINUTE_MS;

/** Minutes to wait after the 1st, 2nd … failed try; after the last one the mail is dead. */
export const RETRY_SCHEDULE_MINUTES = [1, 5, 15, 60, 240] as const;

/** Delay before the next try after `attempts` failed tries, or null when the schedule has run out (dead). */
export function retryDelayMs(attempts: number): number | null {
  const minutes = RETRY_SCHEDULE_MINUTES[Math.max(1, attempts) - 1];
  return minutes === undefined ? null : minutes * MINUTE_MS;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, to be retried. */
  failed: number;
  /** Given up: a permanent refusal or the end of the schedule. */
  dead: number;
  /** Codes and keys dropped because they expired before they could be sent. */
  expired: number;
}

const outbox = schema.mailOutbox;

function hasExpired(mail: { expiresAt: number | null }, now: number): boolean {
  return mail.expiresAt !== null && mail.expiresAt <= now;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function deliverDueMail(db: Db, clock: Clock, sender: MailSender, limit = 50): Promise<DeliveryReport> {
  const now = clock.now().getTime();
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0, expired: 0 };
  // Codes and keys past their expiry are dropped, never sent late: the user asks for a new one.
  const dropped = await db
    .update(outbox)
    .set({ status: "expired", closedAt: now })
    .where(and(eq(outbox.status, "pending"), isNotNull(outbox.expiresAt), lte(outbox.expiresAt, now)))
    .returning({ id: outbox.id });
  report.expired += dropped.length;
  const due = and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now), or(isNull(outbox.expiresAt), gt(outbox.expiresAt, now)));
  const claimed = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: now + DELIVERY_LEASE_MS })
    .where(and(due, inArray(outbox.id, db.select({ id: outbox.id }).from(outbox).where(due).orderBy(asc(outbox.nextAttemptAt)).limit(limit))))
    .returning();
  let lastStart: number | null = null;
  for (const mail of claimed) {
    const interval = sender.minIntervalMs ?? 0;
    if (interval > 0 && lastStart !== null) {
      const wait = lastStart + interval - Date.now();
      if (wait > 0) await sleep(wait);
    }
    if (hasExpired(mail, clock.now().getTime())) {
      await db.update(outbox).set({ status: "expired", closedAt: clock.now().getTime() }).where(eq(outbox.id, mail.id));
      report.expired++;
      continue;
    }
    lastStart = Date.now();
    try {
      const providerId = await sender.send(mail);
      await db.update(outbox).set({ status: "sent", providerId, sentAt: clock.now().getTime(), lastError: null }).where(eq(outbox.id, mail.id));
      report.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const delay = permanent ? null : retryDelayMs(mail.attempts);
      const at = clock.now().getTime();
      if (delay === null) {
        await db.update(outbox).set({ status: "dead", closedAt: at, lastError: message }).where(eq(outbox.id, mail.id));
        report.dead++;
      } else {
        await db
          .update(outbox)
          .set({ nextAttemptAt: at + delay, lastError: message })
          .where(eq(outbox.id, mail.id));
        report.failed++;
      }
    }
  }
  return report;
}

/** Production cannot send mail without RESEND_API_KEY. */
export function mailUnavailable(env: Env): boolean {
  return isProduction(env) && !env.RESEND_API_KEY;
}

/** The employer pages that cannot work without mail: sign-in (the mailed code) and every 認証キー path. */
const MAIL_DEPENDENT_PATHS = ["/login", "/password-registration", "/password-reset", "/register"];

/**
 * True (and logged) when this request is for a page that needs mail while production has no RESEND_API_KEY: the
 * Worker answers the maintenance page instead of queueing codes and keys that would never be sent (issue 9 #11).
 */
export function refuseWithoutMail(request: Request, env: Env): boolean {
  if (!mailUnavailable(env)) return false;
  const path = new URL(request.url).pathname;
  if (!MAIL_DEPENDENT_PATHS.some((p) => path === p || path.startsWith(`${p}/`))) return false;
  console.error(`RESEND_API_KEY is not set in production: ${path} answers 503 until it is (wrangler secret put RESEND_API_KEY)`);
  return true;
}
