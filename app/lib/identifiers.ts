/**
 * Identifiers of the domain and their check digits.
 *
 * - 法人番号 (13 digits): the National Tax Agency's check digit (reference/hellowork-domain.md §3.3):
 *   check = 9 − (Σ_{n=1..12} P_n × Q_n mod 9), P_n the n-th digit of the 12-digit base counted from the
 *   right, Q_n = 1 for odd n and 2 for even n. The check digit is the first of the 13 digits.
 * - 事業所番号 `NNNN-NNNNNN-N`: 4-digit office code, 6-digit serial, check digit. The real algorithm is not
 *   public (§3.2), so ours is documented here: the Luhn (mod 10) check digit over the 10 digits of
 *   office code and serial (ADR 0006).
 * - 求人番号 `OOOOO-NNNNNNNN`: the accepting office's 5-digit code and an 8-digit serial.
 */

export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError("法人番号の基礎番号は12桁の数字です");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = Number(base12[12 - n]);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  return corporateNumberCheckDigit(value.slice(1)) === Number(value[0]);
}

/** Luhn check digit over a string of digits. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError("digits only");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right, starting with the rightmost.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatEstablishmentNumber(officeCode: string, serial: number): string {
  if (!/^\d{4}$/.test(officeCode)) throw new RangeError("office code must be 4 digits");
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new RangeError("serial out of range");
  const body = `${officeCode}${String(serial).padStart(6, "0")}`;
  return `${officeCode}-${body.slice(4)}-${luhnCheckDigit(body)}`;
}

export const ESTABLISHMENT_NUMBER = /^(\d{4})-(\d{6})-(\d)$/;

export function isValidEstablishmentNumber(value: string): boolean {
  const m = ESTABLISHMENT_NUMBER.exec(value);
  if (!m) return false;
  return luhnCheckDigit(`${m[1]}${m[2]}`) === Number(m[3]);
}

export const JOB_NUMBER = /^(\d{5})-(\d{8})$/;

export function formatJobNumber(prefix5: string, serial: number): string {
  if (!/^\d{5}$/.test(prefix5)) throw new RangeError("office prefix must be 5 digits");
  if (!Number.isInteger(serial) || serial < 1 || serial > 99_999_999) throw new RangeError("serial out of range");
  return `${prefix5}-${String(serial).padStart(8, "0")}`;
}
