import { Link } from "@remix-run/react";
import { formatJapaneseDate } from "../lib/clock";
import type { LegalDocument, LegalVersion } from "../content/legal";

export function LegalPage({ doc, version }: { doc: LegalDocument; version: LegalVersion }) {
  const isCurrent = doc.versions[0]?.version === version.version;
  return (
    <article aria-labelledby="doc-title">
      <h1 id="doc-title" className="mb-2 text-std-32B-150">
        {doc.title}
      </h1>
      <p className="mb-8 text-dns-16N-130 text-solid-gray-800">
        版 {version.version}（{formatJapaneseDate(version.effectiveFrom)}から適用）
        {isCurrent ? "・現行版" : "・旧版"}
      </p>
      {version.sections.map((section) => (
        <section key={section.heading} className="mb-8">
          <h2 className="mb-3 text-std-22B-150">{section.heading}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i} className="mb-3">
              {p}
            </p>
          ))}
        </section>
      ))}
      <section aria-labelledby="history-title" className="mt-12 border-t border-solid-gray-420 pt-6">
        <h2 id="history-title" className="mb-3 text-std-20B-150">
          改定履歴
        </h2>
        <ul className="list-disc pl-6">
          {doc.versions.map((v) => (
            <li key={v.version}>
              <Link to={`?version=${encodeURIComponent(v.version)}`}>
                {v.version}（{formatJapaneseDate(v.effectiveFrom)}から適用）
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
