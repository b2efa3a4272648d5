/**
 * 産業分類 (issue 10): 大分類 → 中分類 of 日本標準産業分類, two plain selects. Without JavaScript the 中分類 select lists
 * every 中分類 under its 大分類 (<optgroup>s) and the server checks the pair; with JavaScript the 中分類 list narrows to
 * the chosen 大分類 (a 中分類 of another 大分類 drops out of the select, so the employer chooses again).
 */
import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import { industryDivisions, type IndustryCatalog } from "../lib/industry";
import { FieldError, Hint, inputClass, Label, SelectField, useDescribedBy } from "./form";

type Field = FieldMetadata<string | undefined | null>;

export function IndustryFields({ division, group, catalog }: { division: Field; group: Field; catalog: IndustryCatalog }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Conform keeps the field's current value as the user changes it; before hydration every 中分類 is listed.
  const chosen = hydrated && typeof division.value === "string" && division.value !== "" ? division.value : null;
  const divisions = industryDivisions(catalog).filter((d) => chosen === null || d.code === chosen);
  const hint = chosen ? "選んだ大分類の中分類から選んでください。" : "大分類に含まれる中分類を選んでください（例：E 製造業 › 09 食料品製造業）。";
  const props = getSelectProps(group, { ariaDescribedBy: useDescribedBy(group, true) });
  return (
    <>
      <SelectField
        meta={division}
        label="産業分類（大分類）"
        required
        hint="日本標準産業分類の大分類です。"
        options={industryDivisions(catalog).map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))}
      />
      <div className="mb-6">
        <Label htmlFor={group.id} label="産業分類（中分類）" required />
        <Hint meta={group} hint={hint} />
        <select {...props} required={undefined} aria-required className={inputClass}>
          <option value="">選択してください</option>
          {/* Always under the 大分類's <optgroup>: narrowing keeps the chosen 中分類's <option> element, and its selection. */}
          {divisions.map((d) => (
            <optgroup key={d.code} label={`${d.code} ${d.name}`}>
              {catalog
                .filter((g) => g.divisionCode === d.code)
                .map((g) => (
                  <option key={g.code} value={g.code}>
                    {`${g.code} ${g.name}`}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FieldError meta={group} />
      </div>
    </>
  );
}
