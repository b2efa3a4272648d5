/**
 * The 求人票 (R-JOB-6): the whole posting in the usual layout of Hello Work's 求人票 (reference/hellowork-domain.md
 * §2.2 A–H), on screen and in print (A4, see the print block of app/tailwind.css). The data (lib/posting-view.ts
 * KyujinhyoView) is what the employer pages, the officer's review, the public detail and the print routes load;
 * models/posting/view.server.ts builds it. Every section is a table of 項目 (th scope="row") and 内容; an item not
 * filled in shows 「―」.
 *
 * With `hideEstablishment` (public view of 公開希望 2 and 3) the 事業所名等 are not shown: the server has removed them
 * already (models/posting/view.server.ts), and this view leaves out their rows too.
 */
import type { KyujinhyoView } from "../../lib/posting-view";
import { CategorySection } from "./category-section";
import { ConditionsSection } from "./conditions-section";
import { EstablishmentSection } from "./establishment-section";
import { HoursSection } from "./hours-section";
import { JobSection } from "./job-section";
import { PrSection } from "./pr-section";
import { SelectionSection } from "./selection-section";
import { WageSection } from "./wage-section";

export { PrintControls } from "./print-controls";

export interface KyujinhyoProps extends KyujinhyoView {
  /** Level of the section headings (default 2: the page's h1 comes first). */
  headingLevel?: 2 | 3;
}

export function Kyujinhyo({ headingLevel, ...view }: KyujinhyoProps) {
  const level = headingLevel ?? 2;
  return (
    <article aria-label="求人票" className="kyujinhyo text-solid-gray-900 print:text-black">
      <CategorySection view={view} level={level} />
      <EstablishmentSection view={view} level={level} />
      <JobSection view={view} level={level} />
      <WageSection view={view} level={level} />
      <HoursSection view={view} level={level} />
      <ConditionsSection view={view} level={level} />
      <PrSection view={view} level={level} />
      <SelectionSection view={view} level={level} />
    </article>
  );
}
