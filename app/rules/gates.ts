/**
 * The officers' gates on a My Page and what the employer is told about them (R-GATE-2 利用不可, R-GATE-3 the backlog
 * restriction, R-GATE-4 its lifting): the お知らせ / mail texts, pure functions of their inputs. Who may act and the
 * state changes are in models/gates/; the capability refusals under a restriction in rules/capabilities.ts.
 */
import { formatJapaneseDate } from "../lib/clock";
import { BACKLOG_LIMIT, OVERDUE_AFTER_DAYS } from "./referral";

/** The office the employer is told to contact (its name and phone; either may be unset in old rows). */
export interface OfficeContact {
  name: string | null;
  phone: string | null;
}

/** 「ハローワーク日光（電話 0288-22-0353）」, or 「管轄のハローワーク」 when the office is unknown. */
export function officeContact(office: OfficeContact | null): string {
  if (!office?.name) return "管轄のハローワーク";
  return office.phone ? `${office.name}（電話 ${office.phone}）` : office.name;
}

/** What a text of the notices says: title and body (the mail says the same). */
export interface GateNotice {
  title: string;
  body: string;
}

/** The services refused under the restriction, in the employer's words (rules/capabilities RESTRICTED_BY_BACKLOG). */
export const RESTRICTED_SERVICES = "求人の申込み・内容変更・募集停止、事業所情報の変更、求職情報検索、メッセージの送信";

/** R-GATE-3: the お知らせ and mail of the daily job that restricted the My Page. */
export function restrictionNotice(overdue: number, office: OfficeContact | null, today: string): GateNotice {
  return {
    title: "利用が制限されました",
    body: [
      `紹介日から${OVERDUE_AFTER_DAYS}日以上たっても選考結果（採用・不採用）が登録されていない紹介が${overdue}件あり、${BACKLOG_LIMIT}件を超えたため、${formatJapaneseDate(today)}から求人者マイページの利用を制限しました。`,
      `制限中は、${RESTRICTED_SERVICES}ができません。応募者の確認と選考結果の登録はできます。`,
      `選考結果を登録したうえで、${officeContact(office)}に制限の解除を申し出てください。解除の後も、毎日の確認で未登録の紹介が${BACKLOG_LIMIT}件を超えていれば、再び制限されます。`,
    ].join("\n"),
  };
}

/** R-GATE-4: an officer lifted the restriction. */
export function liftNotice(office: OfficeContact | null): GateNotice {
  return {
    title: "利用制限が解除されました",
    body: [
      `${officeContact(office)}が求人者マイページの利用制限を解除しました。求人の申込みなど、すべてのサービスを利用できます。`,
      `紹介日から${OVERDUE_AFTER_DAYS}日以上たっても選考結果が登録されていない紹介が${BACKLOG_LIMIT}件を超えている場合は、翌日の確認で再び制限されます。選考結果は速やかに登録してください。`,
    ].join("\n"),
  };
}

/** R-GATE-2: the mail when an officer set the My Page to 利用不可 (the reason is the office's to explain by phone). */
export function unusableNotice(office: OfficeContact | null): GateNotice {
  return {
    title: "求人者マイページが利用不可になりました",
    body: [
      "ハローワークの判断により、この事業所の求人者マイページを利用不可としました。ログインしている方もログアウトされ、ログインできなくなります。",
      `詳しくは、${officeContact(office)}にお問い合わせください。`,
    ].join("\n"),
  };
}

/** R-GATE-2: the お知らせ and mail when an officer restored the My Page. */
export function restoredNotice(office: OfficeContact | null): GateNotice {
  return {
    title: "求人者マイページを再び利用できるようになりました",
    body: `${officeContact(office)}が求人者マイページの利用不可を解除しました。ログインして、再び利用できます。`,
  };
}

/** The 利用不可 / restore reason's limit (characters). Staff text, kept in the audit row. */
export const GATE_REASON_MAX = 200;
/** The lift's optional note (characters). */
export const LIFT_NOTE_MAX = 200;
