export interface BenchRow {
  figure: string;
  value: string;
  target: string;
  pass: boolean | null; /* null = informational */
}
export interface BenchSection {
  title: string;
  rows: BenchRow[];
  notes: string[];
}
