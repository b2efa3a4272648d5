/**
 * Normalisation of what people type: full-width and half-width forms mean the same for digits, Latin
 * letters, and ASCII symbols (NFKC), and e-mail addresses compare case-insensitively after trimming.
 */

/** NFKC + trim: "０２８８－２２" → "0288-22", full-width space → space. Japanese text is kept. */
export function normalizeText(value: string): string {
  return value.normalize("NFKC").trim();
}

/** For digits-and-hyphens fields (phone, postal code, numbers): NFKC, every dash variant → "-", no spaces. */
export function normalizeNumberLike(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[‐‑‒–—―−ー－]/g, "-")
    .replace(/\s+/g, "");
}

/**
 * A 郵便番号 as people type it: the 〒 mark (〶 too), full-width digits, spaces and every dash look-alike
 * (ー − ― ‐ －…) are dropped or unified. Seven digits, with or without the hyphen, become "NNN-NNNN"; anything else is
 * returned as normalised (NFKC, "-" for the dashes, no spaces, no 〒) for the form's message.
 */
export function normalizePostalCode(value: string): string {
  const v = normalizeNumberLike(value).replace(/[〒〶]/g, "");
  const m = /^(\d{3})-?(\d{4})$/.exec(v);
  return m ? `${m[1]}-${m[2]}` : v;
}

/** The seven digits of a typed 郵便番号 ("〒３２１－１２６１" → "3211261"), or null when it is not one. */
export function postalCodeDigits(value: string): string | null {
  const v = normalizePostalCode(value);
  return /^\d{3}-\d{4}$/.test(v) ? v.replace("-", "") : null;
}

/** The e-mail address as stored and shown: NFKC (full-width letters → ASCII) and trimmed. */
export function normalizeEmailInput(value: string): string {
  return value.normalize("NFKC").trim();
}

/** The unique key of an e-mail address (R-OPEN-2): trimmed, NFKC, lower-case. */
export function emailKey(value: string): string {
  return normalizeEmailInput(value).toLowerCase();
}

/** The local part of an address (before the last "@"), lower-cased. */
export function emailLocalPart(value: string): string {
  const key = emailKey(value);
  const at = key.lastIndexOf("@");
  return at > 0 ? key.slice(0, at) : key;
}

/** Katakana check for 〜カナ fields (full-width katakana, long vowel mark, spaces, a few symbols). */
export function isKatakana(value: string): boolean {
  return /^[\u30A0-\u30FF\u3000 ・（）()－ー]+$/.test(value);
}

/** Half-width katakana → full-width (NFKC does it) so カナ fields accept both. */
export function normalizeKana(value: string): string {
  return value.normalize("NFKC").trim();
}

/**
 * Free Japanese text as stored (求人票): full-width Latin letters and digits become half-width and half-width katakana
 * full-width (ｶﾞ → ガ), as NFKC does, but Japanese punctuation （）「」、。！？ stays as typed; line breaks are
 * unified to "\n", trailing spaces of each line and leading and trailing white space (full-width too) removed.
 */
export function normalizeJaText(value: string): string {
  return value
    .replace(/[Ａ-Ｚａ-ｚ０-９]+|[\uFF61-\uFF9F]+/g, (run) => run.normalize("NFKC"))
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/^\s+|\s+$/gu, "");
}
