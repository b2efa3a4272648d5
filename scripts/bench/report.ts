/**
 * bench/RESULTS.md: the run's header (when, on what, over which data, how long it took) and one table per section —
 * figure | value | target | pass/miss — with the section's notes under it. Pure, so that it is unit-tested in workerd.
 */
import type { BenchRow, BenchSection } from "./types.ts";

export interface RunInfo {
  /** ISO date-time of the run (UTC). */
  date: string;
  /** Wall-clock minutes the whole `npm run bench` took, build included. */
  minutes: number;
  cpus: number;
  node: string;
  wrangler: string;
  scale: number;
  seed: number;
  /** What the data is (the generator, or the demo data while it is missing) and whether it was reused. */
  data: string;
  counts: Record<string, number>;
}

/** The `p`-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** 1 234 567 → "1,234,567"; a ratio or a time keeps `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatNumber(bytes / 1_000_000, 2)} MB`;
  if (bytes >= 1_000) return `${formatNumber(bytes / 1_000, 1)} KB`;
  return `${formatNumber(bytes)} B`;
}

export function mark(pass: boolean | null): string {
  return pass === null ? "—" : pass ? "pass" : "**miss**";
}

/** A table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");
}

export function renderTable(rows: readonly BenchRow[]): string {
  const lines = ["| figure | value | target | pass/miss |", "| --- | --- | --- | --- |"];
  for (const row of rows) lines.push(`| ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.target)} | ${mark(row.pass)} |`);
  return lines.join("\n");
}

/** How many of a section's rows with a target passed, as "7/9 pass" ("informational" when none has a target). */
export function tally(rows: readonly BenchRow[]): string {
  const judged = rows.filter((r) => r.pass !== null);
  if (judged.length === 0) return "informational";
  return `${judged.filter((r) => r.pass).length}/${judged.length} pass`;
}

export function renderResults(info: RunInfo, sections: readonly BenchSection[]): string {
  const counts = Object.entries(info.counts)
    .map(([name, n]) => `${name} ${formatNumber(n)}`)
    .join(", ");
  const out = [
    "# Benchmark results (`npm run bench`)",
    "",
    `- Run: ${info.date}, **${formatNumber(info.minutes, 1)} minutes** end to end (build, data, server, every section).`,
    `- Machine: ${info.cpus} CPU cores (shared with other work: read ratios measured side by side, not absolute times), Node ${info.node}, wrangler ${info.wrangler}.`,
    `- Data: scale ${info.scale}, seed ${info.seed}; ${info.data}.`,
    `- Counts: ${counts || "—"}.`,
    "",
    "| section | result |",
    "| --- | --- |",
    ...sections.map((s) => `| ${cell(s.title)} | ${tally(s.rows)} |`),
  ];
  for (const section of sections) {
    out.push("", `## ${section.title}`, "", renderTable(section.rows));
    if (section.notes.length > 0) out.push("", ...section.notes.map((n) => `- ${n}`));
  }
  return `${out.join("\n")}\n`;
}
