/**
 * Issue 12: the demo 求職者マイページ logins (the README lists them). Two seekers of ハローワーク日光 with the マイページ
 * open and a password (DEMO_PASSWORDS.seeker), and one whose address the officer registered but who has not done
 * パスワード登録 yet (/seeker/password-registration). The login address is the seeker's own e-mail in demo-seekers.ts.
 */
import { DEMO_SEEKERS, type DemoSeeker } from "./demo-seekers.ts";

export interface DemoSeekerAccount {
  id: string;
  seekerId: string;
  email: string;
  /** active: may sign in with the demo password; pending: パスワード登録 first. */
  status: "active" | "pending";
  seeker: DemoSeeker;
}

function account(serial: number, status: DemoSeekerAccount["status"]): DemoSeekerAccount {
  const seeker = DEMO_SEEKERS.find((s) => s.officeCode === "0910" && s.serial === serial);
  if (!seeker || !seeker.hasMypage || !seeker.email) throw new Error(`demo seeker 0910-${serial} has no マイページ or e-mail`);
  return { id: `demo-seeker-account-0910-${String(serial).padStart(3, "0")}`, seekerId: seeker.id, email: seeker.email, status, seeker };
}

export const DEMO_SEEKER_ACCOUNTS: DemoSeekerAccount[] = [account(1, "active"), account(2, "active"), account(4, "pending")];
