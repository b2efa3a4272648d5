/**
 * Password policy (R-OPEN-6, NIST SP 800-63B): 12–128 characters, any characters, no composition rules. The
 * checks against the common-password list and the e-mail address are server-only
 * (password-policy.server.ts), so the list is never shipped to the browser: the build refuses to bundle a
 * `.server` module into client code.
 */

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Length in characters as people count them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}
