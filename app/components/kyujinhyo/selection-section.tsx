/** 選考方法: 採用人数, 選考方法, 通知, 応募書類, 選考場所 and 担当者 (these two not for 公開希望 2 and 3). */
import { count, filled, Lines, list, Row, Section, type SectionProps, UNFILLED, yn } from "./parts";

export function SelectionSection({ view, level }: SectionProps) {
  const { content } = view;
  const hide = view.hideEstablishment === true;
  const selectionMethods = list([
    [content.selection.methods.documents, "書類選考"],
    [content.selection.methods.interview, "面接"],
    [content.selection.methods.writtenTest, "筆記試験"],
    [content.selection.methods.other, content.selection.otherMethod.trim() ? `その他（${content.selection.otherMethod.trim()}）` : "その他"],
  ]);
  const contact = content.selection.contact;

  return (
    <Section title="選考方法" level={level}>
      <Row label="採用人数">{count(content.selection.hires, "人")}</Row>
      <Row label="選考方法">{selectionMethods}</Row>
      <Row label="選考結果通知">
        <span className="block">
          書類選考結果通知：{content.selection.resultDaysAfterDocuments !== null ? `書類到着後 ${content.selection.resultDaysAfterDocuments}日以内` : UNFILLED}
        </span>
        <span className="block">
          面接選考結果通知：{content.selection.resultDaysAfterInterview !== null ? `面接後 ${content.selection.resultDaysAfterInterview}日以内` : UNFILLED}
        </span>
      </Row>
      <Row label="求職者への通知方法">
        {list([
          [content.selection.notifyBy.post, "郵送"],
          [content.selection.notifyBy.phone, "電話"],
          [content.selection.notifyBy.email, "Eメール"],
          [content.selection.notifyBy.mypage, "求職者マイページ"],
        ])}
      </Row>
      <Row label="選考日時等">
        <Lines>{content.selection.schedule}</Lines>
      </Row>
      {hide ? null : (
        <Row label="選考場所">
          <Lines>{content.selection.place}</Lines>
        </Row>
      )}
      <Row label="応募書類等">
        {list([
          [content.selection.documents.referralLetter, "ハローワーク紹介状"],
          [content.selection.documents.resume, "履歴書（写真貼付）"],
          [content.selection.documents.careerHistory, "職務経歴書"],
          [content.selection.documents.other, content.selection.documentsOther.trim() ? `その他（${content.selection.documentsOther.trim()}）` : "その他"],
        ])}
        <span className="block">求職者マイページからの応募書類の登録：{yn(content.selection.onlineDocuments, "可", "不可")}</span>
      </Row>
      <Row label="応募書類の送付方法">{filled(content.selection.sendMethod)}</Row>
      <Row label="応募書類の返戻">{yn(content.selection.returnDocuments, "返戻する", "返戻しない")}</Row>
      {hide ? null : (
        <Row label="担当者">
          {contact.title.trim() || contact.name.trim() ? (
            <>
              <span className="block">
                {[contact.title.trim(), contact.name.trim()].filter(Boolean).join(" ")}
                {contact.nameKana.trim() ? `（${contact.nameKana.trim()}）` : ""}
              </span>
              <span className="block">
                電話番号：{filled(contact.phone)}
                {contact.extension.trim() ? `（内線 ${contact.extension.trim()}）` : ""}
              </span>
              {contact.fax.trim() ? <span className="block">FAX：{contact.fax.trim()}</span> : null}
              {contact.email.trim() ? <span className="block break-all">Eメール：{contact.email.trim()}</span> : null}
            </>
          ) : (
            UNFILLED
          )}
        </Row>
      )}
      <Row label="補足事項">
        <Lines>{content.selection.notes}</Lines>
      </Row>
    </Section>
  );
}
