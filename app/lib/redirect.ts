/**
 * The one check of a return path after sign-in, for employers and staff (no open redirect, issue 9 #2).
 *
 * Browsers forgive a lot in a Location header: they drop tabs and newlines (`/\t/evil.example` is read as
 * `//evil.example`), read `\` as `/`, and some decode once more. So a return path is accepted only when, raw and
 * after each percent-decoding, it has no control, white-space or format character and no backslash, its path part
 * has no `//`, it begins with a single `/`, and resolved against the app's own origin it stays there. Anything else
 * gives the fallback; nothing here throws. Characters a header cannot hold (Japanese in a search term) are
 * percent-encoded in the path returned.
 */

/** Longer return paths are refused (they come from a query string or a hidden field). */
export const MAX_REDIRECT_LENGTH = 2000;

/** C0/C1 controls, every Unicode space and line/paragraph separator, format characters (ZWSP, RTL override, BOM), backslash. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Z}\\]/u;
/** How many layers of percent-encoding are looked through (`%252F` is `%2F` is `/`). */
const DECODE_DEPTH = 3;
const BASE = "https://app.invalid";

/** The value and each of its percent-decodings, until one no longer changes or cannot be decoded. */
function decodings(value: string): string[] {
  const out = [value];
  let current = value;
  for (let i = 0; i < DECODE_DEPTH && current.includes("%"); i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      break; // a lone "%" (e.g. "100%" typed in a search) is not an encoding
    }
    if (next === current) break;
    out.push(next);
    current = next;
  }
  return out;
}

function isClean(layer: string): boolean {
  const path = layer.split(/[?#]/)[0] ?? "";
  return !FORBIDDEN.test(layer) && !path.includes("//");
}

/** `to` when it is a safe local path on this origin (percent-encoded for a header), else `fallback`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || to.length > MAX_REDIRECT_LENGTH) return fallback;
  if (!to.startsWith("/") || !decodings(to).every(isClean)) return fallback;
  let encoded: string;
  try {
    encoded = to.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback; // a lone surrogate cannot be encoded
  }
  const resolved = new URL(encoded, BASE);
  if (resolved.origin !== BASE || resolved.pathname.startsWith("//")) return fallback;
  return encoded;
}
