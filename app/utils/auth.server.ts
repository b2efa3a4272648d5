/**
 * Guards: the first line of every loader and action (STYLE 3). Authorisation is decided on the server
 * from the session row; nothing the client sends is trusted.
 */
import { data, redirect } from "@remix-run/cloudflare";
import { and, eq } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Clock } from "../lib/clock";
import { pendingConsents } from "../models/consent.server";
import { getDb, schema, type Db } from "./db.server";
import { clearSessionCookie, getSessionFromRequest, type Session } from "./session.server";

export type EmployerAccount = typeof schema.employerAccounts.$inferSelect;
export type Establishment = typeof schema.establishments.$inferSelect;
export type Office = typeof schema.offices.$inferSelect;
export type StaffAccount = typeof schema.staffAccounts.$inferSelect;

export interface EmployerContext {
  db: Db;
  /** The request's clock (context.clock): rules ask it for today's date. */
  clock: Clock;
  session: Session;
  account: EmployerAccount;
  establishment: Establishment;
  office: Office;
}

export interface StaffContext {
  db: Db;
  session: Session;
  staff: StaffAccount;
  office: Office;
}

function signInRedirect(request: Request, path: string, clearCookie?: string): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = `${path}?redirectTo=${encodeURIComponent(back)}`;
  throw redirect(target, clearCookie ? { headers: { "Set-Cookie": clearCookie } } : undefined);
}

/** Only local paths are followed after sign-in (no open redirect). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** The employer's session with a completed second factor, or null (no redirects). */
export async function getEmployerSession(request: Request, context: AppLoadContext) {
  const db = getDb(context.cloudflare.env);
  const session = await getSessionFromRequest(db, request, "employer", context.clock);
  return { db, session };
}

/**
 * A signed-in employer of an open My Page (R-AUTH-1, R-OPEN-7). Sends provisional accounts to their
 * provisional area, unusable My Pages (R-GATE-2) to the sign-in page with the reason, and accounts that
 * have not agreed to the current documents to the consent page.
 */
export async function requireEmployer(request: Request, context: AppLoadContext, options: { allowPendingConsent?: boolean } = {}): Promise<EmployerContext> {
  const { db, session } = await getEmployerSession(request, context);
  if (!session) signInRedirect(request, "/login");
  if (!session.twoFactorVerified) throw redirect("/login/verify");
  const account = await db.select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, session.accountId)).get();
  if (!account || account.status !== "active") signInRedirect(request, "/login", clearSessionCookie("employer"));
  if (!account.establishmentId) throw redirect("/provisional");
  const row = await db
    .select({ establishment: schema.establishments, office: schema.offices })
    .from(schema.establishments)
    .innerJoin(schema.offices, eq(schema.offices.code, schema.establishments.officeCode))
    .where(eq(schema.establishments.id, account.establishmentId))
    .get();
  if (!row || row.establishment.status !== "open") {
    await db.delete(schema.sessions).where(eq(schema.sessions.id, session.id));
    throw redirect(row?.establishment.status === "unusable" ? "/login?unusable=1" : "/login", {
      headers: { "Set-Cookie": clearSessionCookie("employer") },
    });
  }
  if (!options.allowPendingConsent && (await pendingConsents(db, account.id)).length > 0) {
    throw redirect(`/mypage/consent?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  }
  return { db, clock: context.clock, session, account, establishment: row.establishment, office: row.office };
}

/** A signed-in online 仮登録 account (R-OPEN-8): it may only see and edit its own provisional data. */
export async function requireProvisionalAccount(request: Request, context: AppLoadContext) {
  const { db, session } = await getEmployerSession(request, context);
  if (!session) signInRedirect(request, "/login");
  if (!session.twoFactorVerified) throw redirect("/login/verify");
  const account = await db.select().from(schema.employerAccounts).where(eq(schema.employerAccounts.id, session.accountId)).get();
  if (!account || account.status !== "active") signInRedirect(request, "/login", clearSessionCookie("employer"));
  if (account.establishmentId) throw redirect("/mypage");
  const registration = await db.select().from(schema.provisionalRegistrations).where(eq(schema.provisionalRegistrations.accountId, account.id)).get();
  if (!registration) signInRedirect(request, "/login", clearSessionCookie("employer"));
  return { db, session, account, registration };
}

/** A signed-in officer or supervisor (password + TOTP, R-AUTH-4); optionally a supervisor only. */
export async function requireStaff(request: Request, context: AppLoadContext, options: { role?: "supervisor" } = {}): Promise<StaffContext> {
  const db = getDb(context.cloudflare.env);
  const session = await getSessionFromRequest(db, request, "staff", context.clock);
  if (!session) signInRedirect(request, "/staff/login");
  if (!session.twoFactorVerified) throw redirect("/staff/login/totp");
  const row = await db
    .select({ staff: schema.staffAccounts, office: schema.offices })
    .from(schema.staffAccounts)
    .innerJoin(schema.offices, eq(schema.offices.code, schema.staffAccounts.officeCode))
    .where(and(eq(schema.staffAccounts.id, session.accountId), eq(schema.staffAccounts.active, true)))
    .get();
  if (!row) signInRedirect(request, "/staff/login", clearSessionCookie("staff"));
  if (options.role === "supervisor" && row.staff.role !== "supervisor") {
    throw data(null, { status: 403 });
  }
  return { db, session, staff: row.staff, office: row.office };
}
