/** Shared set-up of the staff-* integration tests (not a test file itself). */
import { corporateNumberCheckDigit } from "../../app/lib/identifiers";
import { fixedClock, type Clock } from "../../app/lib/clock";
import { setWorkerNow } from "../helpers/clock";
import { createStaffAccount, signIn } from "../helpers/factories";

export const NOW = "2026-11-26T10:00:00+09:00";

/** Sets the Worker's "now" and returns the same instant as a Clock for the test's own computations. */
export async function atWorkerNow(at: string = NOW): Promise<Clock> {
  await setWorkerNow(at);
  return fixedClock(at);
}

/** A signed-in officer (password and TOTP done) of an office, with the Cookie header. */
export async function signedInOfficer(officeCode: string, clock: Clock, overrides: Parameters<typeof createStaffAccount>[1] = {}) {
  const staff = await createStaffAccount(officeCode, overrides);
  const cookie = await signIn("staff", staff.id, clock);
  return { staff, cookie };
}

/** The `name=value` part of the response's Set-Cookie (the new session cookie). */
export function cookieFrom(res: Response): string {
  const header = res.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0] ?? "";
}

export const VALID_CORPORATE_NUMBER = `${corporateNumberCheckDigit("070001009999")}070001009999`;

/** A valid 事業所登録 form for an establishment in 日光市 (under ハローワーク日光, 0910). */
export function establishmentForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "株式会社日光ゆば工房",
    nameKana: "カブシキガイシャニッコウユバコウボウ",
    corporateNumber: VALID_CORPORATE_NUMBER,
    postalCode: "321-1272",
    municipalityCode: "09206",
    address: "今市1-2-3",
    phone: "0288-22-0353",
    industry: "製造業",
    employees: "25",
    representativeTitle: "代表取締役",
    representativeName: "日光 太郎",
    ...overrides,
  };
}

/** Text of the `data-field-error` element of a field in a page, or null. */
export function fieldError(html: string, field: string): string | null {
  const m = new RegExp(`data-field-error="${field}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return m ? m[1]!.replace(/<[^>]*>/g, "").trim() : null;
}
