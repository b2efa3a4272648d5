/**
 * Who may sign in as an employer (R-AUTH-1, R-GATE-2, R-OPEN-8, R-DEL-1, R-DEL-3), decided on what the database says of
 * the account behind an e-mail address or a session, and what a refused employer is told after a correct password. Pure.
 */
import { formatJapaneseDate } from "../lib/clock";
import { officeContact, type OfficeContact } from "./gates";
import { canRestoreWithdrawal, lastRestorableOn, withdrawalErasedFrom } from "./retention";

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
  /** R-DEL-1 / R-DEL-3: the JST date the My Page was withdrawn (退会) or closed by a relocation; null otherwise. */
  endedOn?: string | null;
  /** R-DEL-3: the office that gained jurisdiction (relocation), null otherwise. */
  relocatedTo?: OfficeContact | null;
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
  /** 退会済み (R-DEL-1): tell when it is erased and until when the office can restore it; no session. */
  | { kind: "withdrawn" }
  /** Closed by a relocation (R-DEL-3): name the new office; no session. */
  | { kind: "closed" }
  /** Anything else (no password yet, disabled, not yet opened…): the generic failure. */
  | { kind: "refused" };

/** Who may sign in: an active account with a password, of an open My Page or of a 仮登録. */
export function decideSignIn(account: SignInAccount): SignInDecision {
  if (account.status !== "active" || !account.passwordHash) return { kind: "refused" };
  if (!account.establishmentId) return account.provisionalId ? { kind: "provisional" } : { kind: "refused" };
  if (account.establishmentStatus === "open") return { kind: "mypage" };
  if (account.establishmentStatus === "unusable") return { kind: "unusable" };
  if (account.establishmentStatus === "withdrawn") return { kind: "withdrawn" };
  if (account.establishmentStatus === "closed") return { kind: "closed" };
  return { kind: "refused" };
}

/** Whether the decision lets the account in (a session starts): a My Page in use or a 仮登録. */
export function opensSession(decision: SignInDecision): boolean {
  return decision.kind === "mypage" || decision.kind === "provisional";
}

/**
 * R-DEL-1: shown after a correct password when the My Page was withdrawn on `withdrawnOn`: the erasure date, and until
 * the last day before it that the jurisdictional office can restore it at the employer's request; from the erasure date
 * (the daily job may not have run yet) only that a new My Page must be opened.
 */
export function withdrawnMessage(withdrawnOn: string, office: OfficeContact | null, today: string): string {
  const erasedFrom = withdrawalErasedFrom(withdrawnOn);
  const done = `この求人者マイページは${formatJapaneseDate(withdrawnOn)}に退会の手続きが完了しています。`;
  if (!canRestoreWithdrawal(withdrawnOn, today)) {
    return `${done}登録された情報は消去されるため、再び利用するには、改めて求人者マイページを開設してください。`;
  }
  return [
    done,
    `登録された情報は${formatJapaneseDate(erasedFrom)}以降に消去されます。`,
    `${formatJapaneseDate(lastRestorableOn(withdrawnOn))}までは、事業主からの申出により、管轄の${officeContact(office)}が退会を取り消して復元できます。`,
    "その後は、改めて求人者マイページを開設してください。",
  ].join("");
}

/** R-DEL-3: shown after a correct password when the My Page was closed because another office gained jurisdiction. */
export function closedMessage(newOffice: OfficeContact | null): string {
  const name = newOffice?.name ?? "新しい管轄のハローワーク";
  return `この事業所は所在地の変更により${name}の管轄となったため、この求人者マイページは閉鎖されました。${officeContact(newOffice)}で改めて事業所登録のうえ求人者マイページを開設してください。`;
}

/** What a refused employer with a correct password is told: 利用不可, 退会済み or closed; null for the generic failure. */
export function refusalMessage(account: SignInAccount, today: string): string | null {
  const office = { name: account.officeName, phone: account.officePhone };
  switch (decideSignIn(account).kind) {
    case "unusable":
      return unusableMessage(office);
    case "withdrawn":
      return account.endedOn ? withdrawnMessage(account.endedOn, office, today) : "この求人者マイページは退会済みです。";
    case "closed":
      return closedMessage(account.relocatedTo ?? null);
    default:
      return null;
  }
}
