/**
 * CSV for spreadsheet software (issue 13, the audit log's export): RFC 4180 — fields separated by commas, records by
 * CRLF, a field with a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled — in UTF-8 with
 * a byte-order mark so that Excel reads Japanese correctly. A text cell that starts with = + - @ (or a tab or CR, which
 * some spreadsheets skip before a formula) gets a leading ' so that it is never taken as a formula (CSV injection).
 */

/** The byte-order mark that tells Excel the file is UTF-8. */
export const CSV_BOM = "\uFEFF";
export const CSV_NEWLINE = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: guarded against formulas, quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  // A number is written by us, never typed by someone: a negative number stays a number.
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending in CRLF. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + CSV_NEWLINE;
}

/** A whole file: BOM, the header row, the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("");
}
