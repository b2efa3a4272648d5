/**
 * The words the synthetic data is made of (issue 14): occupations with their 求人票 wording and the matching seekers'
 * wording, company-name parts with their readings, places and stations. All fictitious; the search benchmark draws its
 * queries from the same words (scripts/bench/search.ts) so that most queries find something and some find nothing.
 */

export interface Occupation {
  /** 職種 as a 求人票 titles it. */
  title: string;
  description: string;
  /** 必要な免許・資格 (the detail). */
  licence: string;
  /** A PR sentence. */
  pr: string;
  /** 日本標準産業分類 中分類 of a typical employer. */
  industry: string;
  /** Company-name business word [漢字, カナ]. */
  business: [string, string];
  /** Monthly wage range of the full-time form (yen; far above the minimum wage), hourly wage of the part-time one. */
  monthly: [number, number];
  hourly: number;
  /** A seeker's 希望職種 and 職歴 for this occupation. */
  seekerOccupation: string;
  seekerHistory: string;
}

export const OCCUPATIONS: readonly Occupation[] = [
  {
    title: "介護職員（特別養護老人ホーム）",
    description: "入居者様の食事・入浴・排せつの介助、レクリエーションの企画をお願いします。",
    licence: "介護福祉士、介護職員初任者研修",
    pr: "資格取得支援制度あり。夜勤手当も充実しています。",
    industry: "85",
    business: ["福祉会", "フクシカイ"],
    monthly: [210_000, 260_000],
    hourly: 1_250,
    seekerOccupation: "介護職員",
    seekerHistory: "介護施設で介護職員として勤務（入浴介助、夜勤）",
  },
  {
    title: "配送ドライバー（2トン車）",
    description: "県内の店舗へ食品を配送します。ルート配送のため道はすぐに覚えられます。",
    licence: "準中型自動車運転免許",
    pr: "フォークリフト免許の取得を会社が支援します。",
    industry: "44",
    business: ["運輸", "ウンユ"],
    monthly: [230_000, 290_000],
    hourly: 1_300,
    seekerOccupation: "配送ドライバー",
    seekerHistory: "運送会社でトラックドライバー（ルート配送）",
  },
  {
    title: "製造スタッフ（食品工場）",
    description: "食品の製造ラインでの計量、包装、検品をお任せします。",
    licence: "不問",
    pr: "未経験の方も先輩が丁寧に指導します。",
    industry: "09",
    business: ["食品", "ショクヒン"],
    monthly: [200_000, 240_000],
    hourly: 1_150,
    seekerOccupation: "製造スタッフ",
    seekerHistory: "食品工場でライン作業と検品",
  },
  {
    title: "一般事務（総務・経理）",
    description: "伝票の入力、電話応対、来客対応、経理の補助をお願いします。",
    licence: "日商簿記検定3級以上あれば尚可",
    pr: "土日祝休み。残業は月10時間程度です。",
    industry: "92",
    business: ["商事", "ショウジ"],
    monthly: [190_000, 230_000],
    hourly: 1_150,
    seekerOccupation: "一般事務",
    seekerHistory: "建設会社で経理事務（Excel、会計ソフト）",
  },
  {
    title: "調理補助（レストラン）",
    description: "仕込み、盛り付け、洗い場を担当していただきます。",
    licence: "調理師免許あれば尚可",
    pr: "まかない付き。温泉街のレストランです。",
    industry: "76",
    business: ["フーズ", "フーズ"],
    monthly: [195_000, 225_000],
    hourly: 1_150,
    seekerOccupation: "調理補助",
    seekerHistory: "ホテルの厨房で調理補助",
  },
  {
    title: "客室清掃スタッフ（ホテル）",
    description: "客室の清掃、ベッドメイク、アメニティの補充をお願いします。",
    licence: "不問",
    pr: "午前中だけの勤務も相談できます。",
    industry: "75",
    business: ["ホテル", "ホテル"],
    monthly: [190_000, 210_000],
    hourly: 1_120,
    seekerOccupation: "清掃スタッフ",
    seekerHistory: "旅館で客室清掃とベッドメイク",
  },
  {
    title: "法人営業（ルートセールス）",
    description: "既存のお取引先を訪問し、産業資材の提案と受注をお任せします。",
    licence: "普通自動車運転免許（AT限定可）",
    pr: "営業車貸与。インセンティブあり。",
    industry: "58",
    business: ["産業", "サンギョウ"],
    monthly: [240_000, 320_000],
    hourly: 1_400,
    seekerOccupation: "営業",
    seekerHistory: "卸売会社で法人営業（既存顧客のルート営業）",
  },
  {
    title: "フロントスタッフ（旅館）",
    description: "チェックイン・チェックアウトの手続き、予約管理、観光案内をお願いします。",
    licence: "英語または中国語ができれば尚可",
    pr: "外国人のお客様が多い旅館です。語学を生かせます。",
    industry: "75",
    business: ["観光", "カンコウ"],
    monthly: [200_000, 250_000],
    hourly: 1_200,
    seekerOccupation: "ホテルフロント",
    seekerHistory: "温泉旅館でフロント業務と予約管理",
  },
  {
    title: "看護師（病棟）",
    description: "病棟での看護業務全般。二交替制です。",
    licence: "正看護師",
    pr: "託児所完備。ブランクのある方も歓迎します。",
    industry: "83",
    business: ["医療会", "イリョウカイ"],
    monthly: [280_000, 360_000],
    hourly: 1_900,
    seekerOccupation: "看護師",
    seekerHistory: "総合病院の病棟で看護師として勤務",
  },
  {
    title: "保育士（認可保育園）",
    description: "0〜5歳児の保育、行事の準備、保護者との連絡をお願いします。",
    licence: "保育士",
    pr: "持ち帰りの仕事はありません。",
    industry: "85",
    business: ["こども園", "コドモエン"],
    monthly: [210_000, 250_000],
    hourly: 1_250,
    seekerOccupation: "保育士",
    seekerHistory: "認可保育園で保育士（3歳児クラス担任）",
  },
  {
    title: "プログラマ（業務システム開発）",
    description: "自治体・企業向け業務システムの設計、開発、テストを担当します。",
    licence: "基本情報技術者あれば尚可",
    pr: "テレワーク可。Java、TypeScript の経験を生かせます。",
    industry: "39",
    business: ["システムズ", "システムズ"],
    monthly: [250_000, 380_000],
    hourly: 1_700,
    seekerOccupation: "プログラマ",
    seekerHistory: "ソフトウェア会社で Java による業務システム開発",
  },
  {
    title: "倉庫作業（ピッキング・フォークリフト）",
    description: "物流センターでの入出庫、ピッキング、フォークリフト作業です。",
    licence: "フォークリフト運転技能講習修了",
    pr: "空調完備の倉庫です。",
    industry: "47",
    business: ["物流", "ブツリュウ"],
    monthly: [210_000, 250_000],
    hourly: 1_200,
    seekerOccupation: "倉庫作業",
    seekerHistory: "物流倉庫でフォークリフトとピッキング",
  },
  {
    title: "建築施工管理",
    description: "戸建住宅・店舗の施工管理（工程・品質・安全管理）をお任せします。",
    licence: "2級建築施工管理技士",
    pr: "資格手当あり。直行直帰可。",
    industry: "06",
    business: ["建設", "ケンセツ"],
    monthly: [280_000, 400_000],
    hourly: 1_800,
    seekerOccupation: "施工管理",
    seekerHistory: "工務店で住宅の施工管理",
  },
  {
    title: "電子部品の組立・検査",
    description: "電子部品の組立、顕微鏡を使った外観検査をお願いします。",
    licence: "不問",
    pr: "座り作業中心。女性も多く活躍しています。",
    industry: "28",
    business: ["電子", "デンシ"],
    monthly: [200_000, 235_000],
    hourly: 1_150,
    seekerOccupation: "組立・検査",
    seekerHistory: "電子部品工場で組立と検査",
  },
  {
    title: "販売スタッフ（直売所）",
    description: "農産物直売所でのレジ、品出し、接客をお願いします。",
    licence: "不問",
    pr: "地元の新鮮な野菜を扱います。",
    industry: "58",
    business: ["農園", "ノウエン"],
    monthly: [190_000, 215_000],
    hourly: 1_120,
    seekerOccupation: "販売スタッフ",
    seekerHistory: "スーパーでレジと品出し",
  },
  {
    title: "いちご農園スタッフ",
    description: "いちごの栽培管理、収穫、パック詰めをお願いします。",
    licence: "不問",
    pr: "とちおとめの産地で農業を始めませんか。",
    industry: "01",
    business: ["ファーム", "ファーム"],
    monthly: [195_000, 220_000],
    hourly: 1_130,
    seekerOccupation: "農作業",
    seekerHistory: "農業法人で野菜の収穫と出荷作業",
  },
];

/** Company-name prefixes [漢字, カナ] (fictitious, Tochigi flavour). */
export const NAME_PREFIXES: readonly [string, string][] = [
  ["日光", "ニッコウ"],
  ["宇都宮", "ウツノミヤ"],
  ["那須", "ナス"],
  ["鬼怒川", "キヌガワ"],
  ["北関東", "キタカントウ"],
  ["みらい", "ミライ"],
  ["あおば", "アオバ"],
  ["さくら", "サクラ"],
  ["とちぎ", "トチギ"],
  ["中央", "チュウオウ"],
  ["東武", "トウブ"],
  ["渡良瀬", "ワタラセ"],
  ["足尾", "アシオ"],
  ["益子", "マシコ"],
  ["大谷", "オオヤ"],
  ["那珂", "ナカ"],
  ["小山", "オヤマ"],
  ["ひかり", "ヒカリ"],
  ["若葉", "ワカバ"],
  ["日の出", "ヒノデ"],
];

/** Forms of a company name: where the word goes and its reading. */
export const COMPANY_FORMS: readonly { before: boolean; kanji: string; kana: string }[] = [
  { before: false, kanji: "株式会社", kana: "カブシキガイシャ" },
  { before: true, kanji: "株式会社", kana: "カブシキガイシャ" },
  { before: false, kanji: "有限会社", kana: "ユウゲンガイシャ" },
  { before: true, kanji: "合同会社", kana: "ゴウドウガイシャ" },
];

/** 町域 of the addresses. */
export const TOWNS: readonly string[] = ["本町", "中央", "駅前", "旭町", "栄町", "緑町", "東町", "西町", "大通り", "平出工業団地", "清原工業団地", "今市"];

/** Stations near the workplaces. */
export const STATIONS: readonly string[] = [
  "宇都宮駅",
  "東武日光駅",
  "鹿沼駅",
  "小山駅",
  "那須塩原駅",
  "黒磯駅",
  "佐野駅",
  "足利駅",
  "真岡駅",
  "矢板駅",
  "大田原駅",
  "烏山駅",
  "下野市役所前",
];

/** 就業場所 outside the offices' prefecture (postings of a few establishments), with a town each. */
export const OTHER_WORKPLACES: readonly { prefectureCode: string; prefecture: string; city: string }[] = [
  { prefectureCode: "13", prefecture: "東京都", city: "千代田区" },
  { prefectureCode: "13", prefecture: "東京都", city: "新宿区" },
  { prefectureCode: "11", prefecture: "埼玉県", city: "さいたま市" },
  { prefectureCode: "10", prefecture: "群馬県", city: "高崎市" },
  { prefectureCode: "08", prefecture: "茨城県", city: "水戸市" },
  { prefectureCode: "14", prefecture: "神奈川県", city: "横浜市" },
];

/** Skills and self-PR sentences of seekers. */
export const SEEKER_LICENCES: readonly string[] = [
  "普通自動車運転免許",
  "介護福祉士",
  "フォークリフト",
  "日商簿記2級",
  "調理師",
  "正看護師",
  "保育士",
  "基本情報技術者",
  "TOEIC 700点",
  "危険物取扱者乙種4類",
  "MOS（Excel）",
  "中型自動車運転免許",
];
export const SELF_PR: readonly string[] = [
  "体力には自信があります。夜勤も可能です。",
  "細かい作業をこつこつ続けるのが得意です。",
  "接客の経験を生かして、お客様に喜ばれる仕事をしたいです。",
  "子育てが一段落したので、扶養の範囲内で働きたいです。",
  "Excel の関数やピボットテーブルを使えます。",
  "地元で長く働ける職場を探しています。",
];

/** Message bodies between an employer and a seeker. */
export const MESSAGE_BODIES: readonly string[] = [
  "ご応募ありがとうございます。面接の日程を調整させてください。",
  "来週の火曜日の午前10時はいかがでしょうか。",
  "承知しました。当日は履歴書をお持ちください。",
  "本日はありがとうございました。結果は1週間以内にご連絡します。",
  "勤務開始日についてご相談があります。",
  "駐車場はありますか。車で伺う予定です。",
];
