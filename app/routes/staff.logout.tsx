/** 職員ログアウト: ends the staff session on the server (the row is deleted) and clears the cookie. */
import type { ActionFunctionArgs } from "@remix-run/cloudflare";
import { redirect } from "@remix-run/cloudflare";
import { eq } from "drizzle-orm";
import { getActiveStaff, signOutAuditStatement } from "../models/staff.server";
import { schema } from "../utils/db.server";
import { clearSessionCookie, getSessionFromRequest } from "../utils/session.server";
import { sessionShard } from "../utils/shards.server";

export async function loader() {
  // Sign-out is a POST (a link cannot end a session); a GET goes back to the staff menu.
  return redirect("/staff");
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The session's shard (its token's prefix, issue 14): the row is deleted where it lives.
  const { db } = sessionShard(context.cloudflare.env, request, "staff");
  const session = await getSessionFromRequest(db, request, "staff", context.clock);
  if (session) {
    const staff = await getActiveStaff(db, session.accountId);
    await db.batch([
      db.delete(schema.sessions).where(eq(schema.sessions.id, session.id)),
      ...(staff && session.twoFactorVerified ? [signOutAuditStatement(db, context.clock, staff)] : []),
    ]);
  }
  return redirect("/staff/login", { headers: { "Set-Cookie": clearSessionCookie("staff") } });
}
