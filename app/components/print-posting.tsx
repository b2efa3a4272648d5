/** The print page of a 求人票 (R-JOB-6), shared by the employer's and the officer's print routes. */
import { Link } from "@remix-run/react";
import type { PrintPageData } from "../lib/posting-view";
import { Kyujinhyo, PrintControls } from "./kyujinhyo";

export function PrintPostingPage({ page, backLabel }: { page: PrintPageData; backLabel: string }) {
  const { props, href, published, changing, statusLabel } = page;
  return (
    <div data-print-page="">
      <nav aria-label="求人票の印刷" className="mb-4 print:hidden">
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-dns-16N-130">
          <li>
            <Link to={href}>{backLabel}</Link>
          </li>
          {changing ? (
            <li>
              {published ? (
                <Link to={`${href}/print`}>変更中の内容を印刷する</Link>
              ) : (
                <Link to={`${href}/print?version=published`}>公開中の内容を印刷する</Link>
              )}
            </li>
          ) : null}
        </ul>
      </nav>
      <h1 className="mb-2 text-std-32B-150 print:text-std-24B-150">{`求人票${published ? "（公開中の内容）" : changing ? "（変更中の内容）" : ""}`}</h1>
      <p className="mb-6 text-dns-16N-130 print:hidden">{`状態：${statusLabel}`}</p>
      <PrintControls />
      <Kyujinhyo {...props} />
    </div>
  );
}
