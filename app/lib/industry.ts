/**
 * 産業分類 (issue 10): 日本標準産業分類 (令和5年7月改定) down to the 中分類, as Hello Work classifies an establishment.
 * The classification is reference data (data/reference/industries.csv → D1 industry_divisions / industry_groups, loaded
 * by `npm run import:reference`); pages read it as an IndustryCatalog. An establishment stores the 中分類 code ("09");
 * rows written when the form offered only the 大分類 hold its letter ("E"), and older rows or JSON may hold a name
 * ("食料品製造業"): `resolveIndustry` reads all three.
 */

/** One 中分類 with its 大分類. */
export interface IndustryGroup {
  code: string;
  name: string;
  divisionCode: string;
  divisionName: string;
}

/** The 中分類 list in code order; the 大分類 are those of its rows (every 大分類 has at least one 中分類). */
export type IndustryCatalog = readonly IndustryGroup[];

export interface IndustryDivision {
  code: string;
  name: string;
}

/** The 大分類 of the catalog, in code order. */
export function industryDivisions(catalog: IndustryCatalog): IndustryDivision[] {
  const seen = new Map<string, string>();
  for (const g of catalog) if (!seen.has(g.divisionCode)) seen.set(g.divisionCode, g.divisionName);
  return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** A stored 産業分類 value as the form's two fields: the 大分類 letter and the 中分類 code ("" when not known). */
export function resolveIndustry(catalog: IndustryCatalog, value: string): { industryDivision: string; industry: string } {
  const v = value.trim();
  const group = catalog.find((g) => g.code === v) ?? catalog.find((g) => g.name === v);
  if (group) return { industryDivision: group.divisionCode, industry: group.code };
  const division = catalog.find((g) => g.divisionCode === v) ?? catalog.find((g) => g.divisionName === v);
  return { industryDivision: division?.divisionCode ?? "", industry: "" };
}

/** How a stored value is shown: 「食料品製造業（製造業）」, 「製造業（中分類未登録）」, or the value itself when unknown. */
export function industryLabel(catalog: IndustryCatalog, value: string): string {
  const { industryDivision, industry } = resolveIndustry(catalog, value);
  const group = catalog.find((g) => g.code === industry);
  if (group) return `${group.name}（${group.divisionName}）`;
  const division = catalog.find((g) => g.divisionCode === industryDivision);
  if (division) return `${division.divisionName}（中分類未登録）`;
  return value;
}

/** Why a 大分類 / 中分類 pair is not in the catalog (a Japanese message for the 中分類 field), or null. */
export function industryProblem(
  catalog: IndustryCatalog,
  divisionCode: string,
  groupCode: string,
): { field: "industryDivision" | "industry"; message: string } | null {
  if (!catalog.some((g) => g.divisionCode === divisionCode)) return { field: "industryDivision", message: "産業分類（大分類）を一覧から選択してください。" };
  const group = catalog.find((g) => g.code === groupCode);
  if (!group) return { field: "industry", message: "産業分類（中分類）を一覧から選択してください。" };
  if (group.divisionCode !== divisionCode) {
    const division = catalog.find((g) => g.divisionCode === divisionCode)!;
    return {
      field: "industry",
      message: `選んだ中分類「${group.name}」は大分類「${division.divisionName}」に含まれません。大分類「${division.divisionName}」の中から中分類を選び直してください。`,
    };
  }
  return null;
}

/**
 * The classification file (data/reference/industries.csv: division_code, division_name, group_code, group_name; names
 * hold the full-width comma 「，」, so no field is quoted) as a catalog, checked: 大分類 A–T, 中分類 two digits, each
 * once, each 大分類 with one name.
 */
export function parseIndustryCsv(text: string): IndustryGroup[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines.shift();
  if (header !== "division_code,division_name,group_code,group_name") throw new Error(`industries: unexpected header ${header ?? ""}`);
  const groups: IndustryGroup[] = [];
  const divisionNames = new Map<string, string>();
  for (const line of lines) {
    const cells = line.split(",");
    if (cells.length !== 4) throw new Error(`industries: expected 4 columns: ${line}`);
    const [divisionCode, divisionName, code, name] = cells.map((c) => c.trim()) as [string, string, string, string];
    if (!/^[A-T]$/.test(divisionCode)) throw new Error(`industries: 大分類 code must be A–T: ${line}`);
    if (!/^\d{2}$/.test(code)) throw new Error(`industries: 中分類 code must be 2 digits: ${line}`);
    if (!divisionName || !name) throw new Error(`industries: empty name: ${line}`);
    if ((divisionNames.get(divisionCode) ?? divisionName) !== divisionName) throw new Error(`industries: 大分類 ${divisionCode} has two names`);
    if (groups.some((g) => g.code === code)) throw new Error(`industries: 中分類 ${code} twice`);
    divisionNames.set(divisionCode, divisionName);
    groups.push({ code, name, divisionCode, divisionName });
  }
  return groups.sort((a, b) => a.code.localeCompare(b.code));
}
