/**
 * 前へ / 次へ between the pages of a long list (issue 9 #15): plain links (no JavaScript), the page's position, nothing
 * when there is one page. The hrefs are built on the server (lib/paging.ts pageHref), keeping the page's other parameters.
 */
import { Link } from "@remix-run/react";

export interface PagerProps {
  /** The navigation's name for a screen reader (e.g. 「求人の一覧のページ」). */
  label: string;
  page: number;
  pageCount: number;
  prev: string | null;
  next: string | null;
}

export function Pager({ label, page, pageCount, prev, next }: PagerProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6">
      <p className="mb-2 text-dns-16N-130">
        {page}／{pageCount}ページ
      </p>
      <ul className="flex flex-wrap gap-6">
        {prev ? (
          <li>
            <Link to={prev}>前へ</Link>
          </li>
        ) : null}
        {next ? (
          <li>
            <Link to={next}>次へ</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
