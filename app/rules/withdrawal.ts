/**
 * 退会 (R-DEL-1), its restoration by the office, and the closing of a My Page by a relocation (R-DEL-3): what the
 * employer is told (the confirmation screen, the お知らせ and mails), pure functions of their inputs. The dates come from
 * rules/retention.ts; the state changes are in models/withdrawal.server.ts.
 */
import { formatJapaneseDate } from "../lib/clock";
import { officeContact, type GateNotice, type OfficeContact } from "./gates";
import { lastRestorableOn, withdrawalErasedFrom } from "./retention";

/** The officer's note on a restoration (事業主からの申出の内容), in characters. Staff text, kept in the audit row. */
export const RESTORE_NOTE_MAX = 200;

/** 退会の確認画面: what happens on `today` and after, in the order the screen lists it. */
export function withdrawalEffects(today: string, office: OfficeContact | null): string[] {
  return [
    `有効中の求人は、本日（${formatJapaneseDate(today)}）で募集を停止します（求人無効日は本日です）。申込み中の求人は取り下げ、下書きに戻します。`,
    "求職者とのメッセージのやり取りは終了し、未回答の直接リクエストは期限切れになります。",
    "この事業所のすべてのログインアカウントは、直ちにログアウトされ、ログインできなくなります。",
    `求人者マイページとそこで登録したすべての情報（事業所情報、求人、応募者、メッセージ、画像情報、ログインアカウントなど）は、${formatJapaneseDate(withdrawalErasedFrom(today))}以降に消去され、元に戻せなくなります。`,
    `${formatJapaneseDate(lastRestorableOn(today))}までは、事業主からの申出により、管轄の${officeContact(office)}が退会を取り消して復元できます。その後は、改めて求人者マイページを開設する必要があります。`,
  ];
}

/** R-DEL-1: the mail (and お知らせ, read only after a restoration) when the employer withdrew on `withdrawnOn`. */
export function withdrawnNotice(withdrawnOn: string, office: OfficeContact | null): GateNotice {
  return {
    title: "求人者マイページの退会手続きが完了しました",
    body: [
      `${formatJapaneseDate(withdrawnOn)}に求人者マイページの退会手続きが完了しました。すべてのログインアカウントでログインできなくなりました。有効中だった求人は本日で募集を停止しました。`,
      `求人者マイページとそこで登録した情報は、${formatJapaneseDate(withdrawalErasedFrom(withdrawnOn))}以降に消去されます。`,
      `退会を取り消す場合は、${formatJapaneseDate(lastRestorableOn(withdrawnOn))}までに、管轄の${officeContact(office)}にお申し出ください。その後は、改めて求人者マイページを開設する必要があります。`,
    ].join("\n"),
  };
}

/** R-DEL-1: the お知らせ and mail when the office restored a withdrawn My Page. */
export function withdrawalRestoredNotice(office: OfficeContact | null): GateNotice {
  return {
    title: "求人者マイページの退会を取り消しました",
    body: [
      `事業主からの申出により、${officeContact(office)}が求人者マイページの退会を取り消しました。これまでのログインアカウントとパスワードで、再びログインできます。`,
      "退会のときに募集を停止した求人は停止したままです。募集を続ける場合は、改めて求人を申し込んでください。",
    ].join("\n"),
  };
}

/** R-DEL-3: the mail when the office closed the My Page because the establishment moved into `newOffice`'s area. */
export function relocatedNotice(closedOn: string, newOffice: OfficeContact | null): GateNotice {
  const name = newOffice?.name ?? "新しい管轄のハローワーク";
  return {
    title: "管轄の変更により求人者マイページを閉鎖しました",
    body: [
      `事業所の所在地の変更により${name}の管轄となったため、${formatJapaneseDate(closedOn)}にこの求人者マイページを閉鎖しました。すべてのログインアカウントでログインできなくなりました。有効中だった求人は本日で募集を停止しました。`,
      `登録された情報は新しい管轄のハローワークに引き継がれず、${formatJapaneseDate(withdrawalErasedFrom(closedOn))}以降に消去されます。`,
      `${officeContact(newOffice)}で改めて事業所登録のうえ、求人者マイページを開設してください。`,
    ].join("\n"),
  };
}

/** The officer's page: 「閉鎖（管轄変更: ハローワーク宇都宮）」. */
export function closedStatusLabel(newOfficeName: string | null): string {
  return `閉鎖（管轄変更: ${newOfficeName ?? "不明"}）`;
}
