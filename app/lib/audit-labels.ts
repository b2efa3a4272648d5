/**
 * Japanese labels of the audit log's action codes and actor types (R-AUDIT-1, issue 13): the officers' audit page, its
 * 操作 filter and the CSV export. Every action any code writes has a label here — tests/unit/audit-labels.test.ts reads
 * the sources and fails on an action without one. An unknown code (a row written by a version since removed) shows as
 * the code itself.
 */

export const AUDIT_ACTION_LABELS = {
  // 事業所の状態 (R-GATE, R-DEL)
  "establishment.register": "事業所登録",
  "establishment.change.request": "事業所情報の変更の申請",
  "establishment.change.approve": "事業所情報の変更の承認",
  "establishment.change.return": "事業所情報の変更の差戻し",
  "establishment.restrict": "利用制限（選考結果の未登録）",
  "establishment.restriction-lift": "利用制限の解除",
  "establishment.unusable": "利用不可",
  "establishment.restore": "利用再開",
  "establishment.withdrawal-restore": "退会の取消（マイページの復元）",
  "establishment.withdraw": "退会",
  "establishment.relocate": "管轄変更によるマイページの閉鎖",
  "establishment.erase": "マイページの消去",
  // マイページの開設とログインアカウント
  "account.email.register": "ログインメールアドレスの登録（窓口）",
  "mypage.open": "求人者マイページの開設",
  "account.activate": "ログインアカウントの有効化",
  "account.add": "ログインアカウントの追加",
  "account.add.refused": "ログインアカウントの追加（使用中のアドレス）",
  "account.remove": "ログインアカウントの削除",
  // 求人者のログイン
  "employer.signin": "求人者のログイン",
  "employer.signin.locked": "求人者のログインの一時停止（試行回数超過）",
  "employer.signin.second-factor.locked": "求人者の認証コードの一時停止（試行回数超過）",
  "employer.signout": "求人者のログアウト",
  "employer.browser.trust": "ブラウザの記憶（30日間）",
  "employer.consent": "利用規約・プライバシーポリシーへの同意",
  "employer.password.change": "パスワードの変更",
  "employer.password.reset": "パスワードの再設定",
  "employer.password.reset.locked": "パスワードの再設定の一時停止（試行回数超過）",
  // 仮登録
  "provisional.create": "仮登録",
  "provisional.update": "仮登録の変更",
  "provisional.posting.start": "仮登録の求人の入力開始",
  "provisional.complete": "本登録",
  "provisional.expire": "仮登録の期限切れによる削除",
  // 求人
  "posting.draft": "求人の下書き作成",
  "posting.copy": "求人の転用",
  "posting.renewal-draft": "更新求人の作成",
  "posting.delete-draft": "求人の下書き削除",
  "posting.submit": "求人の申込み",
  "posting.accept": "求人の受理",
  "posting.return": "求人の修正依頼",
  "posting.change.save": "内容変更の一時保存",
  "posting.change.discard": "内容変更の取りやめ",
  "posting.change-submit": "内容変更の申請",
  "posting.change-accept": "内容変更の受理",
  "posting.change-return": "内容変更の修正依頼",
  "posting.stop": "募集停止",
  "posting.expire": "求人の有効期限切れ",
  "posting.extension-request": "有効期間延長の申請",
  "posting.extend": "有効期間延長の承認",
  "posting.extension-refuse": "有効期間延長の不承認",
  "posting.minimumWageAlert": "最低賃金の改定のお知らせ",
  // 画像
  "image.upload": "画像の登録",
  "image.delete": "画像の削除",
  "image.approve": "画像の承認",
  "image.reject": "画像の差戻し",
  // 最低賃金
  "minimumWage.add": "最低賃金の改定の登録",
  "minimumWage.correct": "最低賃金の改定の訂正",
  "minimumWage.withdraw": "最低賃金の改定の取消",
  // 求職者・紹介・選考結果
  "seeker.register": "求職者の登録",
  "seeker.update": "求職者の登録内容の変更",
  "seeker.login.register": "求職者マイページのログインIDの登録",
  "seeker.login.change": "求職者マイページのログインIDの変更",
  "seeker.mypage.open": "求職者マイページの開設",
  "seeker.signin": "求職者のログイン",
  "seeker.signin.locked": "求職者のログインの一時停止（試行回数超過）",
  "seeker.signin.second-factor.locked": "求職者の認証コードの一時停止（試行回数超過）",
  "seeker.signout": "求職者のログアウト",
  "referral.create": "紹介",
  "referral.result": "選考結果の登録",
  "referral.correction": "選考結果の訂正",
  "referral.declined": "辞退の記録",
  "referral.phone": "電話で受けた選考結果の登録",
  // 直接リクエスト・メッセージ
  "directRequest.send": "直接リクエストの送信",
  "directRequest.accept": "直接リクエストへの応募",
  "directRequest.decline": "直接リクエストの辞退",
  "message.send": "メッセージの送信",
  "message.sendResult": "選考結果のメッセージ送信",
  "messages.erase": "メッセージの消去（保存期間経過）",
  // 職員
  "staff.signin": "職員のログイン",
  "staff.signin.locked": "職員のログインの一時停止（試行回数超過）",
  "staff.signin.second-factor.locked": "職員の認証コードの一時停止（試行回数超過）",
  "staff.signout": "職員のログアウト",
  "staff.enrolment_code.issue": "認証アプリ登録コードの発行",
  "staff.enrolment_code.use": "認証アプリ登録コードの使用",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** The action's label, or the code itself when it has none. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

export type AuditActorType = "employer" | "staff" | "seeker" | "system" | "anonymous";

/** Who acted, when not a named officer. */
export const AUDIT_ACTOR_LABELS: Record<AuditActorType, string> = {
  staff: "職員",
  employer: "事業主",
  seeker: "求職者",
  system: "システム",
  anonymous: "未ログイン",
};

/** What the entry concerns (audit_log.subject_type). */
export const AUDIT_SUBJECT_LABELS: Record<string, string> = {
  establishment: "事業所",
  employer_account: "ログインアカウント",
  job_posting: "求人",
  establishment_image: "画像",
  provisional_registration: "仮登録",
  referral: "紹介",
  job_seeker: "求職者",
  seeker_account: "求職者のログインアカウント",
  directRequest: "直接リクエスト",
  message: "メッセージ",
  minimumWage: "最低賃金",
  staff_account: "職員",
};

/** The label of a subject type, or the type itself. */
export function auditSubjectLabel(subjectType: string): string {
  return AUDIT_SUBJECT_LABELS[subjectType] ?? subjectType;
}

/** What each table of an erasure report (`establishment.erase` details.counts, models/erasure.server.ts) holds. */
export const ERASED_TABLE_LABELS: Record<string, string> = {
  sessions: "ログイン中のセッション",
  consents: "利用規約等への同意",
  known_devices: "ログインに使った端末",
  trusted_browsers: "信頼済みブラウザ",
  auth_throttle: "ログイン試行の記録",
  auth_key_attempts: "認証キーの入力記録",
  kept_forms: "一時保管の入力内容",
  mail_outbox: "送信メール",
  establishment_images: "事業所画像",
  r2: "画像ファイル（R2）",
  establishment_change_requests: "事業所情報の変更届",
  minimum_wage_alerts: "最低賃金改定のお知らせ",
  messages: "メッセージ",
  message_threads: "メッセージのスレッド",
  referral_events: "選考結果の履歴",
  direct_requests: "直接リクエスト",
  referrals: "紹介・応募",
  notices: "お知らせ",
  provisional_postings: "仮登録の求人情報",
  provisional_registrations: "仮登録",
  job_postings: "求人",
  employer_accounts: "ログインアカウント",
  establishments: "事業所",
};

/** An erasure report's table in Japanese, with the table's name (what the CSV and the database call it). */
export function erasedTableLabel(table: string): string {
  const label = ERASED_TABLE_LABELS[table];
  return label ? `${label}（${table}）` : table;
}
