/**
 * The result of the 求人票 rules, like Hello Work's messages: an "error" (red) blocks the step until it is
 * fixed; a "warning" (orange) asks the employer to look again and lets them go on when they press 次へ進む a
 * second time.
 */

export type Severity = "error" | "warning";

export interface Finding {
  /** Dotted path of the form field the message belongs beside, e.g. "wage.baseMin". */
  field: string;
  severity: Severity;
  /** Stable machine code, e.g. "minimum-wage.below". */
  code: string;
  /** Japanese, saying what is wrong and how to fix it. */
  message: string;
}

export function error(field: string, code: string, message: string): Finding {
  return { field, severity: "error", code, message };
}

export function warning(field: string, code: string, message: string): Finding {
  return { field, severity: "warning", code, message };
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}

export function warningsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "warning");
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** The key by which a shown warning is acknowledged (sent back with the second 次へ進む). */
export function warningKey(finding: Finding): string {
  return `${finding.field}:${finding.code}`;
}

/**
 * Whether the step must stop: any error stops it; a warning stops it until the employer has seen it
 * (its key is among `acknowledged`, the warnings shown on the previous, otherwise identical submission).
 */
export function mustStop(findings: readonly Finding[], acknowledged: Iterable<string> = []): boolean {
  const seen = new Set(acknowledged);
  return findings.some((f) => f.severity === "error" || !seen.has(warningKey(f)));
}

/** Format yen for messages: 1068 → "1,068円". */
export function yen(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}円`;
}

/** Format minutes for messages: 465 → "7時間45分", 480 → "8時間". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}時間` : `${h}時間${m}分`;
}
