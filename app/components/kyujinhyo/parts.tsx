/** The building blocks of the 求人票 view: a section (heading + table), a row (項目 + 内容) and the value formats. */
import { useId, type ReactNode } from "react";
import { formatJapaneseDate } from "../../lib/clock";
import { minutesLabel, UNFILLED, yenLabel } from "../../lib/posting-labels";
import type { KyujinhyoView } from "../../lib/posting-view";

export { UNFILLED };

export function filled(value: string | null | undefined): string {
  const v = (value ?? "").trim();
  return v === "" ? UNFILLED : v;
}

export function yn(value: boolean | null | undefined, yes = "あり", no = "なし"): string {
  return value === null || value === undefined ? UNFILLED : value ? yes : no;
}

export function count(value: number | null | undefined, unit: string): string {
  return value === null || value === undefined ? UNFILLED : `${value.toLocaleString("ja-JP")}${unit}`;
}

export function date(value: string | null): string {
  return value ? formatJapaneseDate(value) : UNFILLED;
}

export function yen(value: number | null | undefined): string {
  return value === null || value === undefined ? UNFILLED : yenLabel(value);
}

export function minutes(value: number | null | undefined): string {
  return value === null || value === undefined ? UNFILLED : minutesLabel(value);
}

/** The chosen items of a list joined with 「、」, or 「―」. */
export function list(items: [boolean, string][]): string {
  const chosen = items.filter(([on]) => on).map(([, label]) => label);
  return chosen.length ? chosen.join("、") : UNFILLED;
}

/** Multi-line text kept with its line breaks (仕事内容, 特記事項…). */
export function Lines({ children }: { children: string }) {
  const v = children.trim();
  return <span className="whitespace-pre-line break-words">{v === "" ? UNFILLED : v}</span>;
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr className="kyujinhyo-row border-b border-solid-gray-420 align-top print:border-black">
      <th scope="row" className="w-40 bg-solid-gray-50 p-2 text-left text-dns-16B-130 print:w-32 print:bg-white sm:w-48">
        {label}
      </th>
      <td className="break-words p-2 text-dns-16N-130">{children}</td>
    </tr>
  );
}

export function Section({ title, level, children, note }: { title: string; level: 2 | 3; children: ReactNode; note?: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="kyujinhyo-section mb-6">
      <Heading id={id} className="mb-2 border-l-4 border-blue-900 pl-2 text-std-20B-150 print:border-black">
        {title}
      </Heading>
      {note ? <p className="mb-2 text-dns-16N-130">{note}</p> : null}
      <table aria-labelledby={id} className="w-full border-collapse border-t border-solid-gray-420 print:border-black">
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

/** What every section gets: the 求人票 to show and the level of its heading. */
export interface SectionProps {
  view: KyujinhyoView;
  level: 2 | 3;
}
