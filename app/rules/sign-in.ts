/**
 * Who may sign in as an employer (R-AUTH-1, R-GATE-2, R-OPEN-8), decided on what the database says of the
 * account behind an e-mail address or a session. Pure.
 */

/** What sign-in needs to know about the account behind an e-mail address. */
export interface SignInAccount {
  id: string;
  email: string;
  emailNormalized: string;
  passwordHash: string | null;
  status: "pending" | "active" | "disabled";
  isMain: boolean;
  establishmentId: string | null;
  establishmentStatus: "registered" | "open" | "unusable" | "withdrawn" | "closed" | null;
  /** The jurisdictional office: the establishment's, or the provisional registration's (may be unset). */
  officeCode: string | null;
  officeName: string | null;
  officePhone: string | null;
  /** The online 仮登録 of an account without an establishment (R-OPEN-8), if any. */
  provisionalId: string | null;
}

/** R-GATE-2: shown after a correct password when an officer has set the My Page to 利用不可. */
export function unusableMessage(office: { name: string | null; phone: string | null } | null): string {
  const contact = office?.name ? `（${office.name}${office.phone ? `、電話 ${office.phone}` : ""}）` : "";
  return `この求人者マイページは利用不可となっています。管轄のハローワーク${contact}にお問い合わせください。`;
}

export type SignInDecision =
  /** A My Page in use: sign in (then /mypage). */
  | { kind: "mypage" }
  /** An online 仮登録 account: sign in (then /provisional). */
  | { kind: "provisional" }
  /** 利用不可 (R-GATE-2): tell the employer to contact the office; no session. */
  | { kind: "unusable" }
  /** Anything else (no password yet, disabled, withdrawn, closed…): the generic failure. */
  | { kind: "refused" };

/** Who may sign in: an active account with a password, of an open My Page or of a 仮登録. */
export function decideSignIn(account: SignInAccount): SignInDecision {
  if (account.status !== "active" || !account.passwordHash) return { kind: "refused" };
  if (!account.establishmentId) return account.provisionalId ? { kind: "provisional" } : { kind: "refused" };
  if (account.establishmentStatus === "open") return { kind: "mypage" };
  if (account.establishmentStatus === "unusable") return { kind: "unusable" };
  return { kind: "refused" };
}
