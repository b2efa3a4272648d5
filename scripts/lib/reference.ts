/** Builds idempotent upsert SQL for the reference data (offices, 管轄, prefectures, minimum wages). */
import { parseDelimited, sqlValue } from "./run.ts";

const FY2024_UNDATED = "0000-01-01";

function need(row: Record<string, string>, key: string, file: string): string {
  const v = row[key];
  if (v === undefined || v === "") throw new Error(`${file}: column "${key}" is empty in ${JSON.stringify(row)}`);
  return v;
}

export interface ReferenceFiles {
  offices: string;
  municipalities: string;
  minimumWages: string;
}

export function referenceSql(files: ReferenceFiles, nowMs: number): string {
  const out: string[] = [];
  const wages = parseDelimited(files.minimumWages, "\t");
  for (const w of wages) {
    const code = need(w, "prefecture_code", "minimum wages").padStart(2, "0");
    out.push(
      `INSERT INTO prefectures (code, name) VALUES (${sqlValue(code)}, ${sqlValue(need(w, "prefecture", "minimum wages"))}) ON CONFLICT(code) DO UPDATE SET name = excluded.name;`,
    );
  }
  for (const o of parseDelimited(files.offices, ",")) {
    const code = need(o, "code", "offices");
    if (!/^\d{4}$/.test(code)) throw new Error(`offices: code must be 4 digits: ${code}`);
    const prefix = need(o, "job_number_prefix", "offices");
    if (!/^\d{5}$/.test(prefix)) throw new Error(`offices: job_number_prefix must be 5 digits: ${prefix}`);
    const cols = {
      code,
      job_number_prefix: prefix,
      name: need(o, "name", "offices"),
      name_kana: o.name_kana ?? "",
      prefecture_code: need(o, "prefecture_code", "offices").padStart(2, "0"),
      postal_code: o.postal_code ?? "",
      address: o.address ?? "",
      phone: o.phone ?? "",
      illustrative: o.illustrative === "1",
    };
    const names = Object.keys(cols);
    out.push(
      `INSERT INTO offices (${names.join(", ")}) VALUES (${Object.values(cols).map(sqlValue).join(", ")}) ON CONFLICT(code) DO UPDATE SET ${names
        .filter((n) => n !== "code")
        .map((n) => `${n} = excluded.${n}`)
        .join(", ")};`,
    );
  }
  for (const m of parseDelimited(files.municipalities, ",")) {
    const code = need(m, "code", "municipalities");
    if (!/^\d{5}$/.test(code)) throw new Error(`municipalities: code must be 5 digits: ${code}`);
    out.push(
      `INSERT INTO municipalities (code, prefecture_code, name, name_kana) VALUES (${sqlValue(code)}, ${sqlValue(
        need(m, "prefecture_code", "municipalities").padStart(2, "0"),
      )}, ${sqlValue(need(m, "name", "municipalities"))}, ${sqlValue(m.name_kana ?? "")}) ON CONFLICT(code) DO UPDATE SET prefecture_code = excluded.prefecture_code, name = excluded.name, name_kana = excluded.name_kana;`,
    );
    if (m.office_code) {
      out.push(
        `INSERT INTO jurisdictions (municipality_code, office_code) VALUES (${sqlValue(code)}, ${sqlValue(m.office_code)}) ON CONFLICT(municipality_code) DO UPDATE SET office_code = excluded.office_code;`,
      );
    }
  }
  for (const w of wages) {
    const code = need(w, "prefecture_code", "minimum wages").padStart(2, "0");
    const rows: [string, string, string][] = [
      [need(w, "fy2024_yen_per_hour", "minimum wages"), FY2024_UNDATED, "令和6年度 地域別最低賃金（発効日は元データになし）"],
      [need(w, "fy2025_yen_per_hour", "minimum wages"), need(w, "fy2025_effective_date", "minimum wages"), "令和7年度 地域別最低賃金"],
    ];
    for (const [amount, from, source] of rows) {
      if (!/^\d+$/.test(amount)) throw new Error(`minimum wages: amount must be yen: ${amount}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`minimum wages: effective date must be YYYY-MM-DD: ${from}`);
      out.push(
        `INSERT INTO minimum_wages (prefecture_code, amount_yen, effective_from, source, created_at) VALUES (${sqlValue(code)}, ${Number(amount)}, ${sqlValue(
          from,
        )}, ${sqlValue(source)}, ${nowMs}) ON CONFLICT(prefecture_code, effective_from) DO UPDATE SET amount_yen = excluded.amount_yen, source = excluded.source;`,
      );
    }
  }
  return out.join("\n") + "\n";
}
