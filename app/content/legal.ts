/**
 * 利用規約 and プライバシーポリシー as versioned documents (R-OPEN-7). A new version is a new entry at
 * the head of the list; the consents table records which version each account agreed to, so the next
 * sign-in after a new version asks for agreement again. Retention periods follow SPEC R-DEL and R-MSG-3.
 */

import { POINT_IN_TIME_RECOVERY_DAYS, RETENTION_PERIODS } from "../rules/retention.ts";

export type LegalDocumentId = "terms" | "privacy";

export interface LegalSection {
  heading: string;
  paragraphs: string[];
}

export interface LegalVersion {
  /** Version identifier, recorded with each consent. */
  version: string;
  /** JST date from which this version applies. */
  effectiveFrom: string;
  sections: LegalSection[];
}

export interface LegalDocument {
  id: LegalDocumentId;
  title: string;
  /** Newest first. */
  versions: LegalVersion[];
}

export const TERMS: LegalDocument = {
  id: "terms",
  title: "求人者マイページ利用規約",
  versions: [
    {
      version: "2026-11-01",
      effectiveFrom: "2026-11-01",
      sections: [
        {
          heading: "第1条（目的）",
          paragraphs: [
            "この規約は、ハローワーク（公共職業安定所）及びハローワークインターネットサービスを利用して求職者の募集・採用活動を行うことを希望する求人者に対し、事業所登録・求人申込みの手続き、求人及び応募者の管理等のサービス（以下「本サービス」といいます。）を提供する「求人者マイページ」の利用について定めるものです。",
          ],
        },
        {
          heading: "第2条（利用対象）",
          paragraphs: [
            "求人者マイページは、原則として雇用保険適用事業所の単位で開設します。",
            "求人者マイページを開設・利用するには、事業所所在地を管轄するハローワークで事業所登録の手続きを行う必要があります。",
          ],
        },
        {
          heading: "第3条（ログインアカウントの管理）",
          paragraphs: [
            "ログインアカウントには事業所のメールアドレスを使用します。ログインアカウントとして使用するメールアドレス及びパスワードは、利用者の責任において管理し、第三者に開示、貸与及び譲渡しないでください。",
            "主たるログインアカウントは、同じ事業所のログインアカウントを最大10個まで追加できます。",
          ],
        },
        {
          heading: "第4条（有効中の求人がない場合）",
          paragraphs: [
            "有効中の求人がない場合は、応募者管理（応募者情報の確認、選考結果の登録）、求職情報検索、メッセージ送信など、求人者マイページの一部の機能を利用できません。ただし、求人が無効となった月の3か月後の月末までは、紹介を受けた求職者の選考結果を登録できます。",
          ],
        },
        {
          heading: "第5条（利用不可）",
          paragraphs: [
            "求人者マイページは、この規約に定める目的の範囲内で利用するものとし、ハローワークにおける職業紹介業務の運営を著しく妨げる行為を行った場合、ハローワークはマイページを「利用不可」とすることがあります。利用不可となった場合は、管轄ハローワークにお問い合わせください。",
          ],
        },
        {
          heading: "第6条（紹介の連絡）",
          paragraphs: [
            "ハローワークは、通常、求職者を紹介する際に求人者に電話連絡を行いますが、平日夜間・土曜日や連絡がつかない場合などは、求人者に連絡する前に、マイページ上に求職者を紹介した旨を表示し、メッセージを送信することがあります。",
          ],
        },
        {
          heading: "第7条（選考結果の登録と利用制限）",
          paragraphs: [
            "ハローワークから紹介した求職者の選考結果は、速やかに登録してください。",
            "紹介日から3週間を経過した時点で、選考結果が未登録の紹介が1事業所あたり50件を超える場合、求人申込み、求人の内容変更、募集停止、事業所情報の変更、求職情報検索及びメッセージ送信の利用が自動的に制限されます。制限中も選考結果の確認・登録はできます。制限を解除するには、管轄ハローワークに連絡し、解除の手続きを行ってください。",
          ],
        },
        {
          heading: "第8条（メッセージ）",
          paragraphs: ["メッセージをやりとりできるのは、相手方の求職者が求職者マイページを開設している場合で、求人が有効中の場合に限ります。"],
        },
        {
          heading: "第9条（管轄の変更）",
          paragraphs: [
            "事業所の移転などに伴い管轄ハローワークが変わる場合、求人者マイページ上に保有している情報は引き継がれません。移転後の管轄ハローワークで改めて事業所登録を行ってください。",
          ],
        },
        {
          heading: "第10条（退会及び情報の消去）",
          paragraphs: [
            "求人者マイページの利用を停止したい場合は、求人者マイページから退会手続きを行ってください。退会手続き完了後31日を経過すると、求人者マイページ（登録情報を含みます。）は完全に消去されます。",
            "退会手続きを行わない場合でも、最後の求人無効日から5年以内に求人の申込みがない場合は、求人者マイページ（登録情報を含みます。）は自動的に消去されます。",
            "メッセージは、送信又は受信から1年を経過すると自動的に消去されます。",
          ],
        },
        {
          heading: "第11条（規約の変更）",
          paragraphs: ["この規約を変更したときは、変更後の規約をこのページに掲載します。変更後に初めてログインする際に、改めて同意していただきます。"],
        },
      ],
    },
  ],
};

/** Sections of the プライバシーポリシー that every version words alike. */
const PRIVACY_COLLECTED: LegalSection = {
  heading: "1. 取得する情報",
  paragraphs: [
    "求人者マイページでは、事業所情報（事業所名、所在地、電話番号、法人番号、代表者等）、ログインアカウント（メールアドレス）、求人情報、画像情報、選考結果、メッセージ、及び利用の記録（ログイン日時、操作の記録）を取得します。",
    "パスワードは復元できない形式（argon2id）で保存し、職員を含め誰も元のパスワードを知ることはできません。",
  ],
};

const PRIVACY_PURPOSE: LegalSection = {
  heading: "2. 利用目的",
  paragraphs: ["取得した情報は、事業所登録、求人の受理及び公開、職業紹介、選考結果の把握、求人者マイページの提供及び不正利用の防止のために利用します。"],
};

const PRIVACY_THIRD_PARTIES: LegalSection = {
  heading: "5. 第三者への提供",
  paragraphs: ["法令に基づく場合を除き、取得した情報を本人の同意なく第三者に提供しません。公開を希望した求人情報は、選択された公開範囲に従って公開します。"],
};

const PRIVACY_SAFETY: LegalSection = {
  heading: "6. 安全管理",
  paragraphs: ["通信は暗号化し、職員による操作はすべて監査記録に残します。職員は自らの所属するハローワークの管轄する事業所の情報に限り取り扱います。"],
};

const PRIVACY_REVISION: LegalSection = {
  heading: "7. 改定",
  paragraphs: ["このポリシーを改定したときは、改定後の内容をこのページに掲載し、次回ログイン時に改めて同意していただきます。"],
};

/** 認証キー and the mailed sign-in code: usable this many minutes, then erased (utils/auth-keys.server.ts *_TTL_SECONDS). */
const AUTH_KEY_MINUTES = 30;
const LOGIN_CODE_MINUTES = 10;

/** 4. 保存期間 of the 2026-11-30 version: one paragraph per RETENTION_PERIODS entry (rules/retention.ts), then the rest. */
const RETENTION_PARAGRAPHS = [
  ...RETENTION_PERIODS.map((p) => `${p.対象}：${p.期間}。`),
  `認証キー（パスワード登録・再設定のためのキー）：発行から${AUTH_KEY_MINUTES}分、ログインの確認コードは${LOGIN_CODE_MINUTES}分で無効となり、その後消去します。`,
  "監査記録（ハローワーク職員の操作、事業所の状態の変更、消去の事実とその件数）：個人情報を含まない形で保存し、変更・削除はできません。消去した事業所の記録も、事業所名・連絡先を含まない識別番号と件数のみで残ります。",
  `データベースの障害に備えた復元機能（Cloudflare D1 Time Travel）により、消去した情報も消去から最長${POINT_IN_TIME_RECOVERY_DAYS}日間は復元できる状態で保持されます。${POINT_IN_TIME_RECOVERY_DAYS}日を過ぎると、復元用の記録からも消え、誰も復元できなくなります。`,
];

export const PRIVACY: LegalDocument = {
  id: "privacy",
  title: "プライバシーポリシー",
  versions: [
    {
      version: "2026-11-30",
      effectiveFrom: "2026-11-30",
      sections: [
        PRIVACY_COLLECTED,
        PRIVACY_PURPOSE,
        {
          heading: "3. メールの送信",
          paragraphs: [
            "認証キー、ワンタイムパスワード、紹介・審査結果等のお知らせをメールで送信します。送信したメールの控えの保存期間は、次の「4. 保存期間」のとおりです。",
          ],
        },
        {
          heading: "4. 保存期間",
          paragraphs: RETENTION_PARAGRAPHS,
        },
        PRIVACY_THIRD_PARTIES,
        PRIVACY_SAFETY,
        PRIVACY_REVISION,
      ],
    },
    {
      version: "2026-11-01",
      effectiveFrom: "2026-11-01",
      sections: [
        PRIVACY_COLLECTED,
        PRIVACY_PURPOSE,
        {
          heading: "3. メールの送信",
          paragraphs: [
            "認証キー、ワンタイムパスワード、紹介・審査結果等のお知らせをメールで送信します。送信したメールの記録は、送信から30日を経過すると削除します。",
          ],
        },
        {
          heading: "4. 保存期間",
          paragraphs: [
            "退会手続き完了後31日を経過すると、求人者マイページ及び登録情報（画像、ログインアカウント、セッション、認証キーを含みます。）をすべて消去します。",
            "退会手続きを行わない場合でも、最後の求人無効日から5年以内に求人の申込みがない場合は、求人者マイページ及び登録情報を自動的に消去します。",
            "メッセージは、送信又は受信から1年を経過すると自動的に消去します。",
            "認証キーは発行から30分で無効となり、その後消去します。",
            "消去の事実は、個人情報を含まない形で監査記録に残します。",
          ],
        },
        PRIVACY_THIRD_PARTIES,
        PRIVACY_SAFETY,
        PRIVACY_REVISION,
      ],
    },
  ],
};

export const LEGAL_DOCUMENTS: Record<LegalDocumentId, LegalDocument> = { terms: TERMS, privacy: PRIVACY };

export function currentVersion(doc: LegalDocument): LegalVersion {
  return doc.versions[0]!;
}

export function findVersion(doc: LegalDocument, version: string | null): LegalVersion | undefined {
  if (!version) return currentVersion(doc);
  return doc.versions.find((v) => v.version === version);
}
