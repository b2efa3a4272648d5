/**
 * What an employer may do (R-GATE): the one module that the My Page menu and every server action ask.
 * Pure: it takes the facts and returns, per capability, whether it is allowed and why not.
 */

export type Capability =
  | "postings.apply" // 求人申込み
  | "postings.change" // 求人の内容変更
  | "postings.stop" // 募集停止
  | "establishment.change" // 事業所情報の変更
  | "images.manage" // 画像情報の登録
  | "applicants.view" // 応募者管理（応募者情報の確認）
  | "selection.register" // 選考結果の登録
  | "search" // 求職情報検索
  | "messages.send" // メッセージ送信
  | "accounts.manage" // ログインアカウントの追加
  | "withdraw"; // 求人者マイページの退会 (R-DEL-1)

export interface CapabilityFacts {
  /** The establishment has at least one valid (有効中) posting today. */
  hasValidPosting: boolean;
  /** Some referral's selection result can still be registered online (R-REF-3 window). */
  hasOpenSelectionWindow: boolean;
  /** R-GATE-3 backlog restriction in force. */
  restricted: boolean;
  /** The signed-in account is the establishment's main account. */
  isMainAccount: boolean;
}

export interface Decision {
  allowed: boolean;
  /** Japanese reason shown beside a refused item. */
  reason?: string;
}

export const CAPABILITY_LABELS: Record<Capability, string> = {
  "postings.apply": "求人の申込み",
  "postings.change": "求人の内容変更",
  "postings.stop": "募集停止",
  "establishment.change": "事業所情報の変更",
  "images.manage": "画像情報の登録",
  "applicants.view": "応募者管理",
  "selection.register": "選考結果の登録",
  search: "求職情報検索",
  "messages.send": "メッセージの送信",
  "accounts.manage": "ログインアカウントの追加",
  withdraw: "求人者マイページの退会",
};

const NO_VALID_POSTING = "有効中の求人がないため利用できません。求人を申し込み、ハローワークで受理されると利用できます。";
const RESTRICTED =
  "紹介日から3週間を過ぎても選考結果が登録されていない紹介が50件を超えたため、利用が制限されています。選考結果を登録のうえ、管轄のハローワークに解除を申し出てください。";
const MAIN_ONLY = "主たるログインアカウントだけが利用できます。";

/** R-GATE-3: refused while the backlog restriction holds. */
const RESTRICTED_BY_BACKLOG: ReadonlySet<Capability> = new Set([
  "postings.apply",
  "postings.change",
  "postings.stop",
  "establishment.change",
  "search",
  "messages.send",
]);

/** R-GATE-1: need a valid posting. */
const NEEDS_VALID_POSTING: ReadonlySet<Capability> = new Set(["applicants.view", "selection.register", "search", "messages.send"]);

export function decide(capability: Capability, facts: CapabilityFacts): Decision {
  if (RESTRICTED_BY_BACKLOG.has(capability) && facts.restricted) return { allowed: false, reason: RESTRICTED };
  if (NEEDS_VALID_POSTING.has(capability) && !facts.hasValidPosting) {
    // R-GATE-1's exception: results of referrals can be registered until the R-REF-3 window closes.
    const exception = (capability === "selection.register" || capability === "applicants.view") && facts.hasOpenSelectionWindow;
    if (!exception) return { allowed: false, reason: NO_VALID_POSTING };
  }
  // R-DEL-1: 退会 is the main account's, also while restricted (a backlog never keeps an employer from leaving).
  if ((capability === "accounts.manage" || capability === "withdraw") && !facts.isMainAccount) return { allowed: false, reason: MAIN_ONLY };
  return { allowed: true };
}

export function decideAll(facts: CapabilityFacts): Record<Capability, Decision> {
  return Object.fromEntries((Object.keys(CAPABILITY_LABELS) as Capability[]).map((c) => [c, decide(c, facts)])) as Record<Capability, Decision>;
}
