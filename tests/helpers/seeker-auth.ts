/**
 * 求職者マイページ accounts for tests (issue 12): a seeker of ハローワーク日光 with the マイページ and a login account —
 * pending (the officer registered the address, no password yet) or active with PASSWORD — and a signed-in session.
 */
import { newId } from "../../app/lib/ids";
import { schema } from "../../app/utils/db.server";
import { PASSWORD_HASH } from "./employer-signin";
import { db, signIn } from "./factories";
import { createSeeker } from "./referrals";
import { nowClock } from "./clock";

export async function seekerWithLogin(options: { email?: string; status?: "pending" | "active"; name?: string; officeCode?: string } = {}) {
  const seeker = await createSeeker({ hasMypage: true, name: options.name ?? "架空 花子", ...(options.officeCode ? { officeCode: options.officeCode } : {}) });
  const status = options.status ?? "active";
  const email = options.email ?? `seeker-${seeker.id.slice(0, 8).toLowerCase()}@example.jp`;
  const account: typeof schema.seekerAccounts.$inferSelect = {
    id: newId(),
    seekerId: seeker.id,
    email,
    emailNormalized: email.toLowerCase(),
    passwordHash: status === "active" ? PASSWORD_HASH : null,
    status,
    createdAt: Date.now(),
    activatedAt: status === "active" ? Date.now() : null,
    createdBy: null,
  };
  await db().insert(schema.seekerAccounts).values(account);
  return { seeker, account };
}

/** A signed-in seeker (password and mailed code done): the Cookie header. */
export async function signedInSeeker(options: Parameters<typeof seekerWithLogin>[0] = {}) {
  const made = await seekerWithLogin(options);
  return { ...made, cookie: await signIn("seeker", made.account.id, nowClock()) };
}
