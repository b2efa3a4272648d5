/**
 * An employer's open My Page, signed in: the set-up most employer-side tests start from (integration and fuzz).
 */
import { fixedClock } from "../../app/lib/clock";
import type { schema } from "../../app/utils/db.server";
import { agreeToCurrentDocuments, passwordHash } from "./employer-signin";
import { createEmployerAccount, createEstablishment, signIn } from "./factories";
import { NOW } from "./clock";

export const MAIN_EMAIL = "saiyo@nikko-yuba.example.jp";

export interface OpenMyPageOptions {
  name?: string;
  email?: string;
  officeCode?: string;
  restrictedAt?: number | null;
  /** When the consents are given and the session starts (default: NOW of tests/helpers/opening). */
  at?: string;
  /** Give the main account PASSWORD (tests/helpers/employer-signin), for sign-in through the forms. */
  password?: boolean;
}

export interface MyPage {
  establishment: typeof schema.establishments.$inferSelect;
  main: typeof schema.employerAccounts.$inferSelect;
  cookie: string;
  scope: { establishmentId: string; accountId: string; officeCode: string };
}

/**
 * An open My Page (株式会社日光ゆば工房 under ハローワーク日光 unless said otherwise) with complete 事業所情報 and its main
 * account, consents given, signed in.
 */
export async function openMyPage(options: OpenMyPageOptions = {}): Promise<MyPage> {
  const clock = fixedClock(options.at ?? NOW);
  const establishment = await createEstablishment({
    name: options.name ?? "株式会社日光ゆば工房",
    officeCode: options.officeCode ?? "0910",
    postalCode: "321-1272",
    address: "今市1-2-3",
    phone: "0288-22-0353",
    industry: "09", // 食料品製造業
    employees: 25,
    representativeTitle: "代表取締役",
    representativeName: "日光 太郎",
    restrictedAt: options.restrictedAt ?? null,
  });
  const main = await createEmployerAccount(establishment.id, {
    email: options.email ?? MAIN_EMAIL,
    ...(options.password ? { passwordHash: await passwordHash() } : {}),
  });
  await agreeToCurrentDocuments(main.id, clock);
  const cookie = await signIn("employer", main.id, clock);
  return { establishment, main, cookie, scope: { establishmentId: establishment.id, accountId: main.id, officeCode: establishment.officeCode } };
}
