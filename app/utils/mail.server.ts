/**
 * Mail through the outbox (ADR 0005). `enqueueMail` returns an insert for the caller's `db.batch()`,
 * so the mail exists if and only if the change that causes it was committed. `deliverDueMail` claims
 * due rows with a lease, sends them, and on failure schedules a retry with exponential backoff; nothing
 * is dropped. Production sends through Resend; development and tests deliver to the local outbox only.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { MINUTE_MS, HOUR_MS, type Clock } from "../lib/clock";
import { newId } from "../lib/ids";
import { mailTemplates, type MailContext, type MailTemplateData, type MailTemplateName } from "../mail/templates";
import { schema, type Db } from "./db.server";
import { appOrigin, isProduction, mailFrom, mailFromAddress } from "./env.server";

export type OutboxRow = typeof schema.mailOutbox.$inferSelect;

/**
 * The context every mail is rendered in. Links use the configured origin (APP_ORIGIN), never the request's: a request
 * that reached the Worker under another Host must not put that host into a mail (issue 9 #17).
 */
export function mailContext(env: Env): MailContext {
  return { origin: appOrigin(env), fromAddress: mailFromAddress(env) };
}

export function enqueueMail<N extends MailTemplateName>(db: Db, clock: Clock, ctx: MailContext, to: string, template: N, data: MailTemplateData<N>) {
  const render = mailTemplates[template] as (ctx: MailContext, data: MailTemplateData<N>) => ReturnType<(typeof mailTemplates)[N]>;
  const mail = render(ctx, data);
  const now = clock.now().getTime();
  return db.insert(schema.mailOutbox).values({
    id: newId(),
    toAddress: to,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    template,
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
}

export interface MailSender {
  readonly name: string;
  /** Sends one mail; returns the provider's id. Throws on failure. */
  send(mail: OutboxRow): Promise<string>;
}

/** Development and tests: the mail is "delivered" into the local outbox page; no network. */
export const localSender: MailSender = {
  name: "local",
  async send() {
    return "local";
  },
};

export class MailDeliveryError extends Error {}

export function resendSender(options: { apiKey: string; from: string }): MailSender {
  return {
    name: "resend",
    async send(mail) {
      const res = await fetch("https://api.resend.com/emails", {
        method: "POST",
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
      if (!res.ok) throw new MailDeliveryError(`Resend ${res.status}: ${body.slice(0, 300)}`);
      try {
        return String((JSON.parse(body) as { id?: string }).id ?? "resend");
      } catch {
        return "resend";
      }
    },
  };
}

/** The sender for this deployment. Production without an API key sends nothing (mail waits). */
export function senderFor(env: Env): MailSender | null {
  if (!isProduction(env)) return localSender;
  if (!env.RESEND_API_KEY) return null;
  return resendSender({ apiKey: env.RESEND_API_KEY, from: mailFrom(env) });
}

/** How long a claimed row is reserved for the sender before another run may take it. */
export const DELIVERY_LEASE_MS = 5 * MINUTE_MS;

/** Delay before the next try after `attempts` failed tries: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, attempts - 1), 6 * HOUR_MS);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

export async function deliverDueMail(db: Db, clock: Clock, sender: MailSender, limit = 50): Promise<DeliveryReport> {
  const now = clock.now().getTime();
  const due = and(eq(schema.mailOutbox.status, "pending"), lte(schema.mailOutbox.nextAttemptAt, now));
  const claimed = await db
    .update(schema.mailOutbox)
    .set({ attempts: sql`${schema.mailOutbox.attempts} + 1`, nextAttemptAt: now + DELIVERY_LEASE_MS })
    .where(
      and(
        due,
        inArray(
          schema.mailOutbox.id,
          db.select({ id: schema.mailOutbox.id }).from(schema.mailOutbox).where(due).orderBy(asc(schema.mailOutbox.nextAttemptAt)).limit(limit),
        ),
      ),
    )
    .returning();
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const mail of claimed) {
    try {
      const providerId = await sender.send(mail);
      await db
        .update(schema.mailOutbox)
        .set({ status: "sent", providerId, sentAt: clock.now().getTime(), lastError: null })
        .where(eq(schema.mailOutbox.id, mail.id));
      report.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(schema.mailOutbox)
        .set({ nextAttemptAt: clock.now().getTime() + retryDelayMs(mail.attempts), lastError: message.slice(0, 500) })
        .where(eq(schema.mailOutbox.id, mail.id));
      report.failed++;
    }
  }
  return report;
}
