/** 求人PR: the message, 制度, 特記事項 and the approved images chosen for the posting (not for 公開希望 2 and 3). */
import { Lines, Row, Section, type SectionProps, yn } from "./parts";

export function PrSection({ view, level }: SectionProps) {
  const { content, images } = view;
  const hide = view.hideEstablishment === true;

  return (
    <Section title="求人PR" level={level}>
      <Row label="事業所からのメッセージ">
        <Lines>{content.pr.message}</Lines>
      </Row>
      <Row label="職務給制度">{content.pr.jobPaySystem ? "あり" : "なし"}</Row>
      <Row label="復職制度">{content.pr.reinstatement ? "あり" : "なし"}</Row>
      <Row label="研修制度">
        <Lines>{content.pr.training}</Lines>
      </Row>
      <Row label="正社員登用の実績">
        {yn(content.pr.regularConversion.present)}
        {content.pr.regularConversion.results.trim() ? `（${content.pr.regularConversion.results.trim()}）` : ""}
      </Row>
      <Row label="外国人雇用実績">{yn(content.pr.foreignWorkers)}</Row>
      <Row label="求人に関する特記事項">
        <Lines>{content.specialNotes}</Lines>
      </Row>
      {!hide && images.length > 0 ? (
        <Row label="画像情報">
          <ul className="grid gap-4 sm:grid-cols-3 print:grid-cols-3">
            {images.map((image) => (
              <li key={image.id} className="break-inside-avoid">
                <figure>
                  <img src={image.src} alt={image.caption} className="max-h-48 w-full object-contain" loading="lazy" />
                  <figcaption className="mt-1 text-dns-14N-130">{image.caption}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </Row>
      ) : null}
    </Section>
  );
}
