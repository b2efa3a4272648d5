/**
 * TOTP (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1) for staff sign-in (R-AUTH-4), computed from
 * the clock so tests can set time. One step of drift either way is accepted.
 */
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Clock } from "./clock";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function generateTotpSecret(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32UpperCaseNoPadding(bytes);
}

function keyFromSecret(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret.replace(/\s+/g, "").toUpperCase());
}

export function totpAt(secret: string, clock: Clock, stepOffset = 0): string {
  const counter = BigInt(Math.floor(clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS) + stepOffset);
  return generateHOTP(keyFromSecret(secret), counter, TOTP_DIGITS);
}

/** The matching time step, or null. Callers refuse a step already used (replay). */
export function verifyTotp(secret: string, code: string, clock: Clock): number | null {
  const clean = code.normalize("NFKC").replace(/\s+/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const step = Math.floor(clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
  for (const offset of [0, -1, 1]) {
    if (totpAt(secret, clock, offset) === clean) return step + offset;
  }
  return null;
}

/** otpauth:// URI for authenticator apps (issuer and label in UTF-8, percent-encoded). */
export function totpUri(secret: string, accountName: string, issuer = "ハローワーク職員"): string {
  const label = encodeURIComponent(`${issuer}:${accountName}`);
  const params = new URLSearchParams({ secret, issuer, algorithm: "SHA1", digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString()}`;
}
